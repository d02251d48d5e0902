"""Course exports for other tools: the question bank (Moodle XML, GIFT) and the flashcards (Anki)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import genanki

from app.curriculum import Course
from app.reports.question_bank import BankExport, gift, moodle_xml
from app.services.course import get_course
from app.services.lessons import markdown

QUESTION_FORMATS = ("moodle-xml", "gift")
# Fixed ids: Anki recognises the deck and the note type on every re-import.
ANKI_MODEL_ID = 1_607_392_319
ANKI_DECK_ID = 2_059_400_110
ANKI_CSS = ".card { font-family: 'Nanum Gothic', sans-serif; font-size: 20px; text-align: left; }"


def question_bank(fmt: str, course: Course | None = None) -> BankExport:
    """The course's questions as Moodle XML or GIFT, with categories by lesson."""
    course = course or get_course()
    titles = {lesson.id: f"{lesson.order:02d} {lesson.title}" for lesson in course.lessons}
    if fmt == "moodle-xml":
        return moodle_xml(course.questions, titles)
    if fmt == "gift":
        return gift(course.questions, titles)
    raise ValueError(f"unknown question format {fmt!r} (expected one of {', '.join(QUESTION_FORMATS)})")


def _anki_model() -> genanki.Model:
    """Front/back note type with the card id and lesson as fields."""
    return genanki.Model(
        ANKI_MODEL_ID,
        "Docker Dojo card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Lesson"}, {"name": "CardId"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<p class="lesson">{{Lesson}}</p>',
            }
        ],
        css=ANKI_CSS,
    )


def anki_deck(course: Course | None = None) -> genanki.Deck:
    """One note per flashcard; its GUID comes from the card id, so a re-import updates the note."""
    course = course or get_course()
    model = _anki_model()
    deck = genanki.Deck(ANKI_DECK_ID, "Docker Dojo")
    for lesson in course.lessons:
        tag = f"docker-dojo::{lesson.id}"
        for card in lesson.flashcards:
            fields = [markdown(card.front), markdown(card.back), f"{lesson.order}. {lesson.title}", card.id]
            tags = [tag] + [t.replace(" ", "_") for t in card.tags]
            deck.add_note(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(card.id), tags=tags))
    return deck


def anki_package(course: Course | None = None) -> bytes:
    """The `.apkg` file as bytes (genanki can only write to a path, so a temporary file is used)."""
    package = genanki.Package(anki_deck(course))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docker-dojo.apkg"
        package.write_to_file(str(path))
        return path.read_bytes()
