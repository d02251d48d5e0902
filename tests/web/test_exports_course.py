"""`flask export cards` and `questions` over the real course: every card is a note, every question accounted for."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from app.services.course import parse_content

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_every_flashcard_of_the_course_is_one_note_with_its_own_guid(runner, tmp_path):
    course, _ = parse_content(CONTENT)
    path = tmp_path / "deck.apkg"
    assert runner.invoke(args=["export", "cards", "--output", str(path)]).exit_code == 0
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        notes = list(db.execute("select guid, flds, tags from notes"))
    assert len(notes) == len(course.flashcards) > 10
    assert len({guid for guid, _, _ in notes}) == len(notes)
    card_ids = {fields.split("\x1f")[3] for _, fields, _ in notes}
    assert card_ids == {card.id for card in course.flashcards}
    assert all("docker-dojo::" in tags for _, _, tags in notes)


def test_every_question_is_exported_or_reported(runner, tmp_path):
    course, _ = parse_content(CONTENT)
    path = tmp_path / "bank.xml"
    result = runner.invoke(args=["export", "questions", "--format", "moodle-xml", "--output", str(path)])
    assert result.exit_code == 0, result.output
    names = {q.findtext("name/text") for q in ET.parse(path).getroot().iter("question") if q.get("type") != "category"}
    skipped = {line.split()[1].rstrip(":") for line in result.output.splitlines() if line.startswith("skipped ")}
    assert names | skipped == {q.id for q in course.questions} and not names & skipped
