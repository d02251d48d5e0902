"""History checks: commands in order, how a container stopped, terminals still held; shortcut replay;
an untouched host scores 0 and the score text explains the points."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.curriculum import parse_course
from app.grading import grade_lab, replay, validate_check
from app.grading.hostview import read_state
from app.grading.lab import grade_state
from app.grading.state import HistoryEntry, HostState
from tests.catalogue import english, korean
from tests.grading.hosts import play

BUILD = "docker build -t feedback-app ~/feedback-app"
RUN = "docker run -d -p 8000:80 --name feedback feedback-app"
POST = 'curl -X POST -d "title=awesome&text=hello" http://localhost:8000/create'


def _check(name: str, params: dict, lines: list[str]):
    verdict = grade_lab([(name, params)], "checks", play(lines))
    (result,) = verdict.checks
    return result


# ---------------------------------------------------------------- stopped_by


def test_ctrl_c_in_the_attached_terminal_passes() -> None:
    result = _check("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web nginx", "^C"])
    assert result.passed, english(result.message)


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (["docker run --name web nginx", "[1] docker stop web"], "‘docker stop web’ in terminal 2"),
        (["docker run --name web nginx", "[2] docker kill web"], "‘docker kill web’ in terminal 3"),
        (["docker run -d --name web nginx", "docker stop web"], "not by Ctrl+C"),
        (["docker run --name web nginx", "^C", "docker start web", "docker stop web"], "not by Ctrl+C"),
        (["docker run --name web nginx", "^C", "docker start web"], "It should be stopped"),
        (["docker run --name web nginx"], "It should be stopped"),
        (["docker run --name other nginx", "^C"], "There is no container web"),
    ],
)
def test_ctrl_c_is_told_from_docker_stop(lines: list[str], words: str) -> None:
    result = _check("stopped_by", {"name": "web", "how": "ctrl_c"}, lines)
    assert not result.passed
    assert words in english(result.message)


def test_a_process_that_ends_by_itself_is_not_ctrl_c() -> None:
    """The simulator records how a container stopped: an attached `echo` that exits is not a Ctrl+C."""
    result = _check("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web busybox echo hi"])
    assert not result.passed
    assert "ended by itself" in english(result.message)
    assert "Ctrl+C" in korean(result.message)


def test_the_recorded_signal_is_named() -> None:
    result = _check("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web nginx", "^C"])
    assert result.passed and "SIGINT" in english(result.message)


def test_a_host_saved_before_stops_were_recorded_is_judged_by_its_history() -> None:
    """Old snapshots load with stopped_by "": the check falls back to the history (Ctrl+C inferred)."""
    state = read_state(play(["docker run --name web nginx", "^C"]))
    old = replace(state, containers=tuple(replace(c, stopped_by="", stop_signal="") for c in state.containers))
    verdict = grade_state([("stopped_by", {"name": "web", "how": "ctrl_c"})], "checks", old, None)
    assert verdict.passed
    stopped = read_state(play(["docker run --name web nginx", "[1] docker stop web"]))
    old = replace(stopped, containers=tuple(replace(c, stopped_by="") for c in stopped.containers))
    assert not grade_state([("stopped_by", {"name": "web", "how": "ctrl_c"})], "checks", old, None).passed


def test_a_stop_by_id_prefix_is_seen() -> None:
    host = play(["docker run --name web nginx"])
    cid = host.container("web").id
    host.run(f"docker stop {cid[:4]}", terminal=1)
    verdict = grade_lab([("stopped_by", {"name": "web", "how": "ctrl_c"})], "checks", host)
    assert not verdict.passed


def test_ctrl_c_after_an_earlier_stop_and_an_attached_restart_passes() -> None:
    lines = ["docker run --name web nginx", "[1] docker stop web", "docker start -a web", "^C"]
    assert _check("stopped_by", {"name": "web", "how": "ctrl_c"}, lines).passed


def test_stopped_by_command_from_a_terminal() -> None:
    params = {"name": "web", "how": "command", "terminal": 2}
    assert _check("stopped_by", params, ["docker run --name web nginx", "[1] docker stop web"]).passed
    wrong = _check("stopped_by", params, ["docker run -d --name web nginx", "docker stop web"])
    assert not wrong.passed and "stopped from terminal 1" in english(wrong.message)
    ctrl_c = _check("stopped_by", params, ["docker run --name web nginx", "^C"])
    assert not ctrl_c.passed and "not stopped with docker stop" in english(ctrl_c.message)


def test_stopped_by_rules() -> None:
    assert validate_check("stopped_by", {"name": "web", "how": "ctrl_c", "terminal": 2}) == [
        "'terminal' is for how: command (Ctrl+C is pressed in the terminal the container holds)"
    ]
    assert validate_check("stopped_by", {"name": "web", "how": "command", "terminal": 7}) == [
        "'terminal' must be 1 to 4, got 7"
    ]
    assert validate_check("stopped_by", {"name": "web", "how": "sigint"})[0].startswith(
        "parameter 'how' must be one of"
    )


# ---------------------------------------------------------------- commands_in_order

ORDER = {"steps": ["curl /create", "stop feedback", "start feedback"]}


def test_in_order_passes_and_names_the_lines() -> None:
    result = _check(
        "commands_in_order", ORDER, [BUILD, RUN, POST, "docker ps", "docker stop feedback", "docker start feedback"]
    )
    assert result.passed, english(result.message)
    assert "‘docker stop feedback’, then ‘docker start feedback’" in english(result.message)


def test_a_step_done_before_its_predecessor_fails_with_words_saying_so() -> None:
    result = _check("commands_in_order", ORDER, [BUILD, RUN, "docker stop feedback", "docker start feedback", POST])
    assert not result.passed
    assert "You ran ‘docker stop feedback’, but before ‘curl /create’" in english(result.message)


def test_a_missing_first_step_and_a_failed_command_do_not_count() -> None:
    assert "‘curl /create’ never succeeded" in english(_check("commands_in_order", ORDER, [BUILD, RUN]).message)
    # the stop fails (no such container): it is not a step
    result = _check(
        "commands_in_order", {"steps": ["stop feedbak", "start feedback"]}, [BUILD, RUN, "docker stop feedbak"]
    )
    assert not result.passed


def test_in_order_reads_flags_any_spelling_and_aliases() -> None:
    params = {"steps": ["logs -f web", "curl /"]}
    lines = [
        "docker run -d --name web -p 8080:80 nginx",
        "docker container logs --follow web",
        "[1] curl localhost:8080/",
    ]
    assert _check("commands_in_order", params, lines).passed


@pytest.mark.parametrize(
    ("steps", "error"),
    [
        (["stop web"], "give at least two steps (an order needs two commands)"),
        (["stop web", "frobnicate x"], "step 'frobnicate x': unknown command 'frobnicate'"),
        (["stop web", "logs --bogus web"], "step 'logs --bogus web': bad flag in kind"),
        (["stop web", ""], "each step must be a command such as 'stop web', got ''"),
    ],
)
def test_in_order_rules(steps: list[str], error: str) -> None:
    errors = validate_check("commands_in_order", {"steps": steps})
    assert any(e.startswith(error) for e in errors), errors


# ---------------------------------------------------------------- terminal_released


def test_terminal_released() -> None:
    follow = ["docker run -d --name web nginx", "docker logs -f web"]
    held = _check("terminal_released", {"holding": "logs"}, follow)
    assert not held.passed and "Terminal 1 is still held by docker logs -f" in english(held.message)
    assert _check("terminal_released", {"holding": "logs"}, [*follow, "^C"]).passed
    assert _check("terminal_released", {"holding": "attach"}, follow).passed
    assert not _check("terminal_released", {}, ["docker run --name web nginx"]).passed


def test_read_state_records_argv_and_held_terminals() -> None:
    state = read_state(play(["cd ~/feedback-app", "docker run -d --name web nginx", "[1] docker logs -f web"]))
    assert state.history[0].commands == ((("cd", "/home/learner/feedback-app"), 0),)
    assert state.history[1].commands == ((("docker", "run", "-d", "--name", "web", "nginx"), 0),)
    assert [(h.terminal, h.kind) for h in state.held] == [(1, "logs")]


# ---------------------------------------------------------------- untouched host, score text


def test_an_untouched_host_scores_zero_until_the_learner_runs_a_command() -> None:
    goal = [("container_running", {"name": "web"}), ("container_exited", {"name": "web"})]
    host = play(["docker run -d --name web nginx"])
    fresh = grade_lab(goal, "checks", host, setup_lines=1)
    assert (fresh.score, fresh.max_score, fresh.passed) == (0, 2, False)
    assert fresh.checks[0].passed  # the check holds, it just earns nothing yet
    assert "검사 2개 중 1개 통과, 2점 중 0점" in korean(fresh.feedback)
    assert "You have not run a command yet" in english(fresh.feedback)
    host.run("docker ps")
    touched = grade_lab(goal, "checks", host, setup_lines=1)
    assert (touched.score, korean(touched.feedback), english(touched.feedback)) == (
        1,
        "검사 2개 중 1개 통과, 2점 중 1점.",
        "1 of 2 checks, 1 of 2 points.",
    )


def test_a_goal_met_without_commands_still_passes() -> None:
    # a file edited in the lab's editor needs no command; a met goal is never "untouched"
    state = HostState(history=(HistoryEntry("docker run -d --name web nginx", 0, 0),))
    verdict = grade_state([("volume_removed", {"name": "x"})], "checks", state, None, setup_lines=1)
    assert verdict.passed and verdict.score == 1
    assert korean(verdict.feedback) == "실습 목표를 모두 이루었습니다 (검사 1개 중 1개 통과, 1점 중 1점)."


def test_without_setup_lines_the_rule_is_off() -> None:
    verdict = grade_state(
        [("container_removed", {"name": "a"}), ("container_exists", {"name": "a"})], "checks", HostState(), None
    )
    assert verdict.score == 1


# ---------------------------------------------------------------- shortcut replay

LESSON = """---
id: t
title: t
order: 1
summary: s
---

```lab
id: lab-t
title: t
task: t
hints: [h, i]
solution:
  - docker run --name web nginx
  - ^C
goal:
  checks:
{checks}
shortcuts:
  - skips: Ctrl+C
    solution:
      - docker run --name web nginx
      - "[2] docker stop web"
```
"""


def _lab(checks: str):
    course, errors = parse_course([("t.md", LESSON.format(checks=checks))], check_validator=validate_check)
    assert errors == []
    return course.labs[0]


def test_a_shortcut_that_passes_is_a_problem() -> None:
    lab = _lab("    - check: container_exited\n      name: web")
    assert replay.lab_problems(lab, {}) == ["shortcut 1 (Ctrl+C) passes the goal: a check must reject it"]


def test_a_rejected_shortcut_is_no_problem() -> None:
    lab = _lab("    - check: stopped_by\n      name: web\n      how: ctrl_c")
    assert replay.lab_problems(lab, {}) == []
