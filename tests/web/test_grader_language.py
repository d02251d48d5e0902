"""Every grader message in both UI languages, rendered as the web layer renders it (issue 14, item 1).

The language walk (`test_language_walk.py`) walks pages; the graders' words mostly appear only after
an answer or a lab attempt, so this walk renders them directly through `services.messages.translate`:

- every check kind, passing and failing (the state and real-host tables of `tests/grading`), and its
  goal line; every verdict line (labs, weighted, command answers, each question kind: right, wrong,
  partial, malformed); every `N_()` id in `app/grading` on its own with sample parameters;
- English output: no Hangul; Korean output: Hangul, no English sentence and no English phrase of a
  grader id left untranslated. Parameter values (names, paths, Docker's own error text) are masked
  before the check, so a Korean file content or Docker's English error does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from flask import Flask, session

from app.dockersim import N_, Message
from app.grading import CHECKS, QUESTION_KINDS, describe_check, grade_question, validate_answer
from app.grading.lab import grade_state
from app.grading.state import HistoryEntry, HostState
from app.grading.verdict import CheckResult, weighted_verdict
from app.services.messages import translate
from tests.grading import test_checks_state as state_table
from tests.grading import test_lab_host as host_table
from tests.grading.test_command_answers import BUILD, LOOK, NAMED, RUN, VOLUME
from tests.grading.test_questions import CLOZE, MATCH, MULTI, ORDER, SHORT, SINGLE, TF
from tests.web.test_language_walk import ENGLISH_SENTENCE, HANGUL, PLACEHOLDER, same_in_every_language

GRADING = Path(__file__).resolve().parents[2] / "app" / "grading"
MASK = "Q"  # what every plain parameter value becomes before the language check


def grader_ids() -> dict[str, str]:
    """msgid -> where, for every N_("...") in app/grading."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        GRADING, method_map=[("**.py", "python")], keywords={"N_": None}
    ):
        if isinstance(message, str):
            found[message] = f"grading/{filename}:{lineno}"
    return found


#: Docker's own words, which Korean grader texts keep in English (commands, states, Dockerfile instructions).
DOCKER_WORDS = frozenset(
    [
        "CMD",
        "Created",
        "Ctrl",
        "Dead",
        "Docker",
        "Dockerfile",
        "ENTRYPOINT",
        "Exited",
        "JSON",
        "Paused",
        "Restarting",
        "Up",
        "attached",
        "build",
        "detached",
        "docker",
        "false",
        "format",
        "inspect",
        "kill",
        "none",
        "prune",
        "rm",
        "rmi",
        "run",
        "stop",
        "tcp",
        "true",
        "volume",
    ]
)


def masked(message: Message) -> Message:
    """The message with every plain parameter value replaced (nested messages kept)."""
    params = tuple(
        (k, masked(v) if isinstance(v, Message) else (1 if isinstance(v, int) else MASK)) for k, v in message.params
    )
    return Message(message.id, params)


# ---------------------------------------------------------------- what the graders say


RUN_WEB = "docker run -d --name web nginx"
BUILD_APP = "docker build -t feedback-app ~/feedback-app"
#: Failures the grading tests' two tables do not reach (history, leftovers, configuration), played on a real host.
MORE_CASES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("image_config", {"ref": "feedback-app", "workdir": "/nope", "cmd": ["x"], "exposes": 81}, [BUILD_APP]),
    ("container_config", {"name": "web", "env": ["A=1"], "cmd": "x", "publishes": 80}, [RUN_WEB]),
    ("container_config", {"name": "web", "publishes": 80}, [RUN_WEB, "docker stop web"]),
    ("no_extra_containers", {}, [RUN_WEB, "docker run -d nginx"]),
    ("no_extra_volumes", {}, ["docker volume create junk", "docker run -d -v /data --name box nginx"]),
    ("no_dangling_images", {}, [BUILD_APP, "echo '# changed' >> ~/feedback-app/Dockerfile", BUILD_APP]),
    ("commands_in_order", {"steps": ["stop web", "start web"]}, [RUN_WEB, "docker start web"]),
    ("commands_in_order", {"steps": ["stop web", "start web"]}, [RUN_WEB, "docker start web", "docker stop web"]),
    ("commands_in_order", {"steps": ["stop web", "start web"]}, [RUN_WEB, "docker stop web"]),
    ("commands_in_order", {"steps": ["stop web", "start web"]}, [RUN_WEB, "docker stop web", "docker start web"]),
    ("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web nginx", "[1] docker stop web"]),
    ("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web nginx"]),
    ("stopped_by", {"name": "web", "how": "ctrl_c"}, ["docker run --name web nginx", "^C"]),
    ("stopped_by", {"name": "web", "how": "command", "terminal": 2}, [RUN_WEB, "docker stop web"]),
    ("stopped_by", {"name": "web", "how": "command"}, ["docker run --name web nginx", "^C"]),
    ("stopped_by", {"name": "web", "how": "command"}, [RUN_WEB, "docker stop web"]),
    ("terminal_released", {}, [RUN_WEB, "docker logs -f web"]),
    ("terminal_released", {"holding": "attach"}, ["docker run --name web nginx"]),
    ("terminal_released", {"holding": "exec"}, [RUN_WEB, "docker exec -it web sh"]),
    ("terminal_released", {}, [RUN_WEB]),
    ("inspected_with_format", {"field": ".Mounts", "target": "web"}, [RUN_WEB, "docker inspect -f '{{.Mounts}}' web"]),
    ("inspected_with_format", {"field": ".Mounts", "target": "web"}, [RUN_WEB, "docker inspect -f '{{.Name}}' web"]),
    ("inspected_with_format", {"field": ".Mounts", "target": "web"}, [RUN_WEB, "docker inspect web"]),
    ("inspected_with_format", {"field": ".Mounts"}, [RUN_WEB]),
]


def check_outcomes() -> Iterator[tuple[str, bool, Message]]:
    """(check name, passed, message) from the grading tests' tables, and every goal line."""
    for name, params, st, _passed, _fragment in state_table.CASES:
        outcome = state_table.judge(name, params, st)
        yield name, outcome.passed, outcome.message
        yield name, True, describe_check(name, params)
    for (name, params), lines, _passed, _fragment in host_table.CASES:
        result = host_table.grade_one((name, params), lines)
        yield name, result.passed, result.message
    for name, params, lines in MORE_CASES:
        result = host_table.grade_one((name, params), lines)
        yield name, result.passed, result.message
        yield name, True, describe_check(name, params)
    for name, kind in CHECKS.items():
        yield name, True, describe_check(name, kind.example)


QUESTION_ANSWERS: list[tuple[str, Any, list[Any]]] = [
    ("single", SINGLE, [1, 0, 7, "x"]),
    ("multiple", MULTI, [[1, 3, 4], [1, 2], [], [9], [1, 1]]),
    ("true_false", TF, [True, False, "yes"]),
    ("short", SHORT, ["docker ps -a", "nope", "", 5, "x" * 3000]),
    ("ordering", ORDER, [[0, 1, 2, 3], [1, 0, 2, 3], [0, 1], [0, 0, 1, 2]]),
    ("matching", MATCH, [[0, 1, 2], [1, 0, 2], [0], "x"]),
    ("cloze", CLOZE, [["run", "-d"], ["run", "."], ["", ""], ["x"], "x"]),
    ("command", RUN, ["docker run -d -p 8000:80 nginx", "docker run -d nginx", "docker run -d -p 8000:80 ngnix", ""]),
    ("command", NAMED, ["docker run -d -p 8000:80 --name wbe nginx", "docker run -p 8000:80 --name web nginx"]),
    ("command", LOOK, ["docker images", "docker ps"]),
    ("command", VOLUME, ["docker volume create other", "docker run -d -v /data nginx"]),
    ("command", BUILD, ["docker pull nginx", "docker build -t other ~/feedback-app", 5, "\n".join(["docker ps"] * 30)]),
]


def verdict_messages() -> Iterator[tuple[str, Message]]:
    """(where, message) for every verdict line and question-kind check."""
    for kind, key, answers in QUESTION_ANSWERS:
        for answer in answers:
            problem = validate_answer(kind, key, answer)
            if problem is not None:
                yield f"{kind} problem", problem
            verdict = grade_question(kind, key, answer)
            if verdict.feedback is not None:
                yield f"{kind} feedback", verdict.feedback
            for check in verdict.checks:
                yield f"{kind} check", check.message
    ok, bad = (
        CheckResult("a", True, 1, N_("No terminal is held.")),
        CheckResult("b", False, 2, N_("No terminal is held.")),
    )
    for checks in ((ok,), (ok, bad), ()):
        feedback = weighted_verdict(checks).feedback
        assert feedback is not None
        yield "weighted verdict", feedback
    history = (HistoryEntry("docker ps", 0, 0),)
    for goal, hist, setup in (
        ([("volume_removed", {"name": "x"})], history, 1),  # met
        ([("volume_exists", {"name": "x"})], history, 1),  # untouched
        ([("volume_exists", {"name": "x"}), ("volume_removed", {"name": "y"})], history, 0),  # partial
    ):
        feedback = grade_state(goal, "strict", HostState(history=hist), None, setup_lines=setup).feedback
        assert feedback is not None
        yield "lab verdict", feedback


def test_the_walk_covers_every_check_passing_and_failing_and_every_question_kind() -> None:
    seen = {(name, passed) for name, passed, _ in check_outcomes()}
    missing = [(name, passed) for name in CHECKS for passed in (True, False) if (name, passed) not in seen]
    assert not missing, missing
    kinds = {kind for kind, _, _ in QUESTION_ANSWERS}
    assert kinds == set(QUESTION_KINDS)


# ---------------------------------------------------------------- rendering


def render(app: Flask, messages: list[Message], ui: str) -> list[str]:
    with app.test_request_context():
        session["lang"] = ui
        return [translate(m) for m in messages]


def wrong_language(text: str, ui: str) -> str | None:
    """Why `text` (parameters masked) is not in `ui`, or None."""
    if ui == "en":
        return "Hangul in English" if HANGUL.search(text) else None
    if not HANGUL.search(text):
        return "no Korean at all"
    if ENGLISH_SENTENCE.search(text):
        return f"English sentence: {ENGLISH_SENTENCE.search(text).group(0)!r}"  # type: ignore[union-attr]
    stray = sorted(set(re.findall(r"[A-Za-z]{2,}", text)) - DOCKER_WORDS)
    return f"untranslated words: {stray}" if stray else None


def test_the_checker_catches_both_directions(app: Flask) -> None:
    assert wrong_language("web 컨테이너가 없습니다.", "en") == "Hangul in English"
    assert wrong_language("There is no container web.", "ko") == "no Korean at all"
    assert wrong_language("container Q이 없습니다.", "ko") == "untranslated words: ['container']"
    assert wrong_language("Q 컨테이너가 종료(Exited (1)) 상태입니다. docker rm으로 지우세요.", "ko") is None


@pytest.mark.parametrize("ui", ["ko", "en"])
def test_every_check_message_and_goal_line_is_in_the_ui_language(app: Flask, ui: str) -> None:
    outcomes = list(check_outcomes())
    shown = render(app, [masked(m) for _, _, m in outcomes], ui)
    problems = {}
    for (name, passed, message), text in zip(outcomes, shown, strict=True):
        why = wrong_language(text, ui)
        if why:
            problems[f"{name} {'pass' if passed else 'fail'}: {message.english()[:60]}"] = f"{why} in {text!r}"
    assert not problems, problems


@pytest.mark.parametrize("ui", ["ko", "en"])
def test_every_verdict_and_question_feedback_is_in_the_ui_language(app: Flask, ui: str) -> None:
    lines = list(verdict_messages())
    shown = render(app, [masked(m) for _, m in lines], ui)
    problems = {}
    for (where, message), text in zip(lines, shown, strict=True):
        why = wrong_language(text, ui)
        if why:
            problems[f"{where}: {message.english()[:60]}"] = f"{why} in {text!r}"
    assert not problems, problems


def _sample(msgid: str) -> Message:
    """The id with a sample value for each parameter (numbers where the id formats a number)."""
    return N_(msgid, **{name: 2 if kind == "d" else MASK for name, kind in PLACEHOLDER.findall(msgid)})


@pytest.mark.parametrize("ui", ["ko", "en"])
def test_every_grader_id_alone_is_in_the_ui_language(app: Flask, ui: str) -> None:
    ids = grader_ids()
    assert len(ids) > 200  # the walk reads the graders' real ids, not an empty extraction
    worded = [msgid for msgid in ids if not same_in_every_language(msgid)]
    shown = render(app, [_sample(msgid) for msgid in worded], ui)
    problems = {
        ids[m]: f"{wrong_language(t, ui)} in {t!r}" for m, t in zip(worded, shown, strict=True) if wrong_language(t, ui)
    }
    assert not problems, problems
