"""Failing commands grouped by the simulator's error kind, not by the text typed."""

from __future__ import annotations

import pytest

from app.dockersim import HINTS, DockerHost, hint_kind
from app.reports import misconceptions as m

PROMPT = "learner@docker-dojo:~$ "


def _transcript(*lines: str, ids: bool = False, messages: bool = False) -> list[list[object]]:
    """Run lines on a real simulated host and keep [terminal, kind, text] as the lab page does
    ("^C" presses Ctrl+C, as the lab page's key does: no "in" line, the output starts with "^C").
    With `messages`, notes are written as the lab page writes them now: the messages' JSON; with
    `ids`, as the release before wrote them: shown text and message ids; else as older rows: text."""
    host = DockerHost(seed=3)
    entries: list[list[object]] = []
    for line in lines:
        if line == "^C":
            result = host.interrupt(0)
        else:
            entries.append([0, "in", PROMPT + line])
            result = host.run(line)
        if result.stdout:
            entries.append([0, "out", result.stdout])
        if result.stderr:
            entries.append([0, "err", result.stderr])
        if result.notes and messages:
            entries.append([0, "note", [note.to_json() for note in result.notes]])
        elif result.notes and ids:
            entries.append([0, "note", "\n💡 (번역된 힌트)\n", [str(note.id) for note in result.notes]])
        elif result.notes:  # as older rows keep them (here untranslated: the message ids as the text)
            entries.append([0, "note", "".join(f"\n💡 {note.id}\n" for note in result.notes)])
    return entries


def test_hint_kind_reads_every_hint_back():
    for key, message in HINTS.items():
        assert hint_kind("💡 " + message.id) == key
        assert hint_kind("💡 번역된 문장", {"번역된 문장": message.id}) == key
    assert hint_kind("Error response from daemon: no such container") is None


def test_failing_commands_are_grouped_by_kind():
    transcript = _transcript(
        "docker run -d --name web nginx",
        "docker run -d --name web nginx",
        "docker stop web",
        "docker start -p 8080:80 web",
        "docker start --publish 80:80 web",
        "ls /nowhere-at-all",
    )
    found = m.failing_commands(transcript)
    kinds = [k for k, _ in found]
    assert kinds[:3] == ["name_conflict", "start_options", "start_options"]
    assert found[1][1] == "docker start -p 8080:80 web"  # the prompt is cut off
    assert len(kinds) == 3  # the pull progress on stderr and a shell error carry no error kind


def test_tally_counts_learners_once_and_orders_by_learners():
    groups = m.tally(
        {
            1: [("start_options", "docker start -p 1:1 a"), ("start_options", "docker start -p 1:1 a")],
            2: [("start_options", "docker start -p 2:2 b"), ("name_conflict", "docker run --name a x")],
            3: [("name_conflict", "docker run --name a x")],
            4: [("busy", "ls")],
        }
    )
    assert [(g.kind, g.learners, g.occurrences) for g in groups] == [
        ("start_options", 2, 3),
        ("name_conflict", 2, 2),
        ("busy", 1, 1),
    ]
    assert groups[0].examples[0] == "docker start -p 1:1 a"


def test_teaching_section_finds_the_heading_above_the_phrase():
    lesson = m.LessonText(
        "l2",
        "# 컨테이너\n\n소개\n\n## `docker start`와 멈춤\n\n`docker start web`은 다시 시작합니다.\n",
        (("intro", "컨테이너"), ("docker-start", "docker start와 멈춤")),
    )
    other = m.LessonText("l1", "# 이미지\n\n이미지 이야기\n", (("images", "이미지"),))
    assert m.teaching_section([other, lesson], "docker start web") == ("l2", "docker-start")
    assert m.teaching_section([other, lesson], "nothing like it") is None


@pytest.mark.parametrize("shape", ["messages", "ids"])
def test_notes_with_ids_are_read_by_id_not_by_text(shape):
    lines = ("docker run -d --name web nginx", "docker run -d --name web nginx")
    transcript = _transcript(*lines, **{shape: True})
    assert m.failing_commands(transcript) == [("name_conflict", "docker run -d --name web nginx")]
    # a web layer's own note (one message) is no hint; a damaged one is skipped
    own = [[0, "in", PROMPT + "docker ps"], [0, "note", {"id": "Undone: %(command)s", "params": {"command": "x"}}]]
    assert m.failing_commands([*own, [0, "note", ["not a message", {"params": {}}]]]) == []
    # an older row: the shown text only, mapped back by the catalogue's translations
    old = [[0, "in", PROMPT + "docker start -p 1:1 web"], [0, "note", "\n💡 번역\n"]]
    assert m.failing_commands(old, {"번역": HINTS["start_options"].id}) == [
        ("start_options", "docker start -p 1:1 web")
    ]
    assert m.failing_commands([[0, "in", "x"], [0, "note", "💡 y", ["not a hint id"]]]) == []


ATTACHED = "docker run --name web -p 8080:80 nginx"


@pytest.mark.parametrize(
    ("lines", "counted"),
    [
        ((ATTACHED, "^C", "docker ps"), True),  # looks for it among the running containers
        ((ATTACHED, "^C", "curl localhost:8080"), True),  # uses its port
        ((ATTACHED, "^C", "docker exec web ls"), True),
        ((ATTACHED, "^C", "docker ps -a", "docker start web"), True),  # starts it again
        ((ATTACHED, "^C", "docker container ls"), True),  # an alias is the same command
        ((ATTACHED, "^C", "docker ps -a"), False),  # the lab's own answer: the stopped one is seen
        ((ATTACHED, "^C", "docker ps -a", "docker logs web", "docker images", "docker ps"), False),  # too late
        ((ATTACHED, "^C", "docker exec other ls"), False),  # another container
        (("docker run -d --name web nginx", "docker ps"), False),  # detached: nothing interrupted
        (("docker run -it --name box busybox", "^C", "docker ps"), False),  # -it: Ctrl+P Ctrl+Q is the detach
        (("docker logs web", "^C", "docker ps"), False),  # not a run
    ],
)
def test_ctrl_c_expected_to_detach(lines: tuple[str, ...], counted: bool) -> None:
    found = m.ctrl_c_detach(_transcript(*lines))
    assert found == ([(m.CTRL_C, ATTACHED if lines[0] == ATTACHED else lines[0])] if counted else [])


def test_ctrl_c_counts_once_per_interrupt_and_only_on_its_terminal():
    transcript = _transcript(ATTACHED, "^C", "docker ps", "docker start web")
    assert len(m.ctrl_c_detach(transcript)) == 1
    on_other = [[1, *e[1:]] if e[1] == "in" and "docker ps" in str(e[2]) else e for e in transcript[:-2]]
    assert m.ctrl_c_detach(on_other) == []
