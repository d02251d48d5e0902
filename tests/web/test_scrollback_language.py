"""Terminal notes are stored as messages and shown in the language of whoever looks: the learner after
switching language (page and poll), an instructor reading a learner's transcript; old rows render as stored."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from app.dockersim import HINTS, MAX_LINE
from app.models import ItemResponse, LabAttempt
from app.services import lab_format
from tests.web.classroom_setup import login, make_classroom
from tests.web.test_attempts import _start

PLAYGROUND = "@playground"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
OTHER = {"ko": "en", "en": "ko"}


def _notes(output: dict[str, list[list[Any]]]) -> list[str]:
    return [text for entries in output.values() for _seq, kind, text in entries if kind == "note"]


def _page_output(client, path: str) -> dict[str, list[list[Any]]]:  # type: ignore[no-untyped-def]
    page = client.get(path).get_data(as_text=True)
    return json.loads(re.search(r'id="lab-data">(.*?)</script>', page, re.DOTALL).group(1))["output"]


def _poll(client, base: str) -> dict[str, list[list[Any]]]:  # type: ignore[no-untyped-def]
    return client.post(f"{base}/poll", json={"since": {}, "epoch": -1}).get_json()["output"]


def _in_language(text: str, lang: str) -> bool:
    return bool(HANGUL.search(text)) == (lang == "ko")


@pytest.mark.parametrize("first", ["ko", "en"])
def test_a_note_follows_the_learner_to_the_other_language_on_reload_and_poll(client, dbs, first):
    client.post(f"/lang/{first}")
    base = f"/labs/{PLAYGROUND}"
    reply = client.post(f"{base}/run", json={"line": "docker rm nope", "terminal": 0}).get_json()
    created = client.post(f"{base}/run", json={"line": "docker volume create data", "terminal": 1}).get_json()
    undone = client.post(f"{base}/undo", json={"terminal": 1, "version": created["version"]}).get_json()
    assert undone["ok"], undone
    shown = _notes(reply["output"])
    assert len(shown) == 1 and shown[0].startswith("\n💡 ") and _in_language(shown[0], first)
    with dbs() as s:  # stored as messages, not as the text shown
        screens = lab_format.decode_terminals(s.query(LabAttempt).one().term_data)[0]
    stored = [e[2] for t in screens["terms"].values() for e in t["lines"] if e[1] == "note"]
    undo_note = {"id": "Undone: %(command)s", "params": {"command": "docker volume create data"}}
    assert stored == [[HINTS["no_container"].to_json()], undo_note]

    then = OTHER[first]
    client.post(f"/lang/{then}")
    for output in (_page_output(client, "/playground"), _poll(client, base)):
        hint, undo = _notes(output)
        assert hint.startswith("\n💡 ") and _in_language(hint, then), hint
        assert undo == ("되돌렸습니다: " if then == "ko" else "Undone: ") + "docker volume create data\n"


def test_notes_stored_as_text_by_older_releases_render_as_stored(client, dbs):
    client.post("/lang/en")
    client.post(f"/labs/{PLAYGROUND}/run", json={"line": "docker ps", "terminal": 0})
    old = [
        [1, "in", "learner@docker-dojo:~$ docker rm nope"],
        [2, "note", "\n💡 예전에 번역된 힌트\n", ["Look up the container's name or ID with `docker ps -a`."]],
        [3, "note", "\n💡 아이디 없이 남은 힌트\n"],
        [4, "note", "되돌렸습니다: docker ps\n"],
    ]
    screens = {"epoch": 0, "terms": {"0": {"seq": 4, "lines": old}, "1": {"seq": 0, "lines": []}}}
    with dbs() as s:
        row = s.query(LabAttempt).one()
        row.term_data = lab_format.encode_terminals(screens, [], [])
        s.commit()
    expected = ["\n💡 예전에 번역된 힌트\n", "\n💡 아이디 없이 남은 힌트\n", "되돌렸습니다: docker ps\n"]
    assert _notes(_page_output(client, "/playground")) == expected
    assert _notes(_poll(client, f"/labs/{PLAYGROUND}")) == expected
    reply = client.post(f"/labs/{PLAYGROUND}/run", json={"line": "docker rm nope", "terminal": 0}).get_json()
    assert _notes(reply["output"])[-1].startswith("\n💡 ") and not HANGUL.search(_notes(reply["output"])[-1])


def test_the_instructor_reads_a_learners_notes_in_their_own_language(app, dbs):
    room = make_classroom(app, dbs)
    learner = login(app, "learner")
    learner.post("/lang/ko")
    attempt_id, slots = _start(app, dbs, learner, room)
    base = f"/attempts/{attempt_id}/labs/{room.lab_id}"
    reply = learner.post(f"{base}/run", json={"line": "docker rm nope", "terminal": 0}).get_json()
    (korean,) = _notes(reply["output"])
    assert HANGUL.search(korean)
    assert _notes(_page_output(learner, base)) == [korean]  # the assigned lab page, in the learner's language
    learner.post(f"/attempts/{attempt_id}/submit")
    with dbs() as s:
        lab_slot = next(n for n, e in enumerate(slots) if e["kind"] == "lab")
        transcript = s.query(ItemResponse).filter_by(attempt_id=attempt_id, slot=lab_slot).one().transcript
    assert [e[2] for e in transcript if e[1] == "note"] == [[HINTS["no_container"].to_json()]]

    teacher = login(app, "teacher")
    teacher.post("/lang/en")
    page = teacher.get(f"/attempts/{attempt_id}/detail").get_data(as_text=True)
    shown = re.search(r'data-testid="transcript">(.*?)</pre>', page, re.DOTALL).group(1)
    assert "docker rm nope" in shown and "💡" in shown and not HANGUL.search(shown), shown
    teacher.post("/lang/ko")
    page = teacher.get(f"/attempts/{attempt_id}/detail").get_data(as_text=True)
    shown = re.search(r'data-testid="transcript">(.*?)</pre>', page, re.DOTALL).group(1)
    assert korean.strip() in shown.replace("&#39;", "'")


def test_the_web_layers_refusal_of_a_command_is_shown_in_the_language_of_the_moment(client, dbs):
    client.post("/lang/ko")
    line = "echo " + "x" * MAX_LINE
    reply = client.post(f"/labs/{PLAYGROUND}/run", json={"line": line, "terminal": 0}).get_json()
    (refusal,) = [text for _seq, kind, text in reply["output"]["0"] if kind == "err"]
    assert "너무 깁니다" in refusal
    client.post("/lang/en")
    (refusal,) = [text for _seq, kind, text in _poll(client, f"/labs/{PLAYGROUND}")["0"] if kind == "err"]
    assert refusal == f"The command is too long ({len(line)} bytes; at most {MAX_LINE}). Nothing was run.\n"
