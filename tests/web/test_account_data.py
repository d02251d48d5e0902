"""The "download my data" zip reads well: verdicts and terminal notes (stored as messages) come out as
sentences in the request's language in the CSV files, and everything.json keeps the stored rows whole."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest

from app.dockersim import HINTS
from app.models import ItemResponse, LabAttempt, QuestionAnswer
from app.services import lab_format
from app.services.course import get_course
from tests.web.classroom_setup import login, make_classroom
from tests.web.test_attempts import _start
from tests.web.test_every_endpoint import app_config, client_as  # noqa: F401 - the fixture is reused

HANGUL = re.compile(r"[\uac00-\ud7a3]")
OLD_NOTE = "\n💡 예전에 번역된 힌트\n"  # a note stored as text by an older release
WRONG = {  # the wrong choice's check, in each language (the options are the course's Korean text)
    "ko": "고른 답 ‘이미지’ — 정답은 ‘컨테이너’입니다.",
    "en": "You chose ‘이미지’; the answer is ‘컨테이너’.",
}
OLD_VERDICT = {
    "score": 0.0,
    "max_score": 1.0,
    "passed": False,
    "feedback": "기대한 결과와 다릅니다.",
    "feedback_en": "Not the expected result.",
    "checks": [
        {"name": "effect", "passed": False, "message_ko": "포트 게시가 다릅니다.", "message_en": "Ports differ."}
    ],
}


def _download(app, lang: str):  # type: ignore[no-untyped-def]
    client = client_as(app, "learner")
    client.post("/lang/" + lang)
    client.post("/labs/@playground/run", json={"line": "docker rm nope", "terminal": 0})
    client.post("/questions/q-single/answer", data={"token": "wrong", "answer": "0"})
    return client


def _archive(client) -> zipfile.ZipFile:  # type: ignore[no-untyped-def]
    response = client.get("/account/data.zip")
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.data))


def _csv_rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(f"csv/{name}.csv").decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_csv_files_have_sentences_and_the_json_everything(app, dbs, lang):
    archive = _archive(_download(app, lang))
    for name in archive.namelist():
        if name.startswith("csv/"):
            assert '{"id":' not in archive.read(name).decode("utf-8"), name

    (wrong,) = [r for r in _csv_rows(archive, "question_answers") if r["token"] == "wrong"]
    assert wrong["passed"] == "false" and "verdict_json" not in wrong
    assert wrong["checks"] == "✗ " + WRONG[lang], wrong
    notes = [r for r in _csv_rows(archive, "lab_scrollback") if r["kind"] == "note"]
    assert len(notes) == 1 and notes[0]["lab_id"] == "'@playground" and "💡" in notes[0]["text"]
    assert bool(HANGUL.search(notes[0]["text"])) == (lang == "ko"), notes  # "'@": a cell Excel would run, neutralised
    assert "term_data" not in _csv_rows(archive, "lab_attempts")[0]

    data = json.loads(archive.read("everything.json"))
    with dbs() as s:
        stored = s.query(QuestionAnswer).filter_by(token="wrong").one().verdict
        term_data = s.query(LabAttempt).one().term_data
    (answer,) = [r for r in data["question_answers"] if r["token"] == "wrong"]
    assert answer["verdict_json"] == stored and isinstance(stored["checks"][0]["message"], dict)  # message JSON, kept
    assert answer["verdict_text"]["checks"] == [{"passed": False, "message": WRONG[lang]}]
    (attempt,) = data["lab_attempts"]
    assert attempt["term_data"] == term_data.hex()
    (note,) = [line for line in attempt["scrollback"] if line["kind"] == "note"]
    assert note["stored"] == [HINTS["no_container"].to_json()] and note["text"] == notes[0]["text"]


def test_rows_stored_before_messages_come_out_as_stored(app, dbs):
    client = _download(app, "en")
    with dbs() as s:
        s.query(QuestionAnswer).filter_by(token="wrong").one().verdict = OLD_VERDICT
        row = s.query(LabAttempt).one()
        old = [[1, "in", "learner@docker-dojo:~$ docker rm nope"], [2, "note", OLD_NOTE]]
        screens = {"epoch": 0, "terms": {"0": {"seq": 2, "lines": old}}}
        row.term_data = lab_format.encode_terminals(screens, [], [])
        s.commit()
    archive = _archive(client)
    (wrong,) = [r for r in _csv_rows(archive, "question_answers") if r["token"] == "wrong"]
    assert (wrong["feedback"], wrong["checks"]) == ("Not the expected result.", "✗ Ports differ.")
    lines = [(r["kind"], r["text"]) for r in _csv_rows(archive, "lab_scrollback")]
    assert lines == [("in", old[0][2]), ("note", OLD_NOTE)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_assigned_quiz_answers_are_in_the_zip_readable(app, dbs, lang):
    room = make_classroom(app, dbs)
    learner = login(app, "learner")
    learner.post("/lang/" + lang)
    attempt_id, slots = _start(app, dbs, learner, room)
    lab = next(n for n, e in enumerate(slots) if e["kind"] == "lab")
    learner.post(f"/attempts/{attempt_id}/labs/{room.lab_id}/run", json={"line": "docker rm nope", "terminal": 0})
    single = next(n for n, e in enumerate(slots) if e["ref"] == room.question_ids[0])
    with app.app_context():
        correct = str(get_course().by_id[slots[single]["ref"]].key["correct"])
    learner.post(f"/attempts/{attempt_id}/answer/{single}", data={"answer": "1" if correct == "0" else "0"})
    learner.post(f"/attempts/{attempt_id}/submit")
    archive = _archive(learner)
    assert '{"id":' not in archive.read("csv/item_responses.csv").decode("utf-8")
    rows = {int(r["slot"]): r for r in _csv_rows(archive, "item_responses")}
    assert rows[single]["checks"].startswith("✗ ") and "verdict" not in rows[single]
    assert ("정답은" in rows[single]["checks"]) == (lang == "ko") and ("the answer is" in rows[single]["checks"]) == (
        lang == "en"
    )
    transcript = rows[lab]["transcript"]
    assert "[1] " in transcript and "docker rm nope" in transcript and "💡" in transcript
    assert bool(HANGUL.search(transcript.split("💡")[1])) == (lang == "ko"), transcript

    data = {r["slot"]: r for r in json.loads(archive.read("everything.json"))["item_responses"]}
    with dbs() as s:
        stored = {r.slot: r for r in s.query(ItemResponse).filter_by(attempt_id=attempt_id)}
    assert data[single]["verdict"] == stored[single].verdict and data[lab]["transcript"] == stored[lab].transcript
    assert [e[2] for e in data[lab]["transcript"] if e[1] == "note"] == [[HINTS["no_container"].to_json()]]
    assert data[lab]["transcript_text"] == transcript and data[single]["verdict_text"]["checks"][0]["passed"] is False
