"""course_stats."""

from __future__ import annotations

from app.curriculum import QUESTION_KINDS, course_stats, load_course

from .conftest import FAKE_FIXTURES, fake_check_validator


def test_course_stats(good_source: tuple[str, str]) -> None:
    course = load_course([good_source], check_validator=fake_check_validator, fixtures=FAKE_FIXTURES)
    assert course_stats(course) == {
        "lessons": 1,
        "flashcards": 1,
        "questions": {
            "single": 2,
            "multiple": 1,
            "true_false": 1,
            "short": 1,
            "command": 1,
            "ordering": 1,
            "matching": 1,
            "cloze": 1,
        },
        "labs": 1,
        "per_lesson": [{"id": "sample", "flashcards": 1, "questions": 9, "labs": 1}],
    }


def test_course_stats_lists_every_kind_even_when_empty() -> None:
    course = load_course([])
    assert course_stats(course) == {
        "lessons": 0,
        "flashcards": 0,
        "questions": {k: 0 for k in QUESTION_KINDS},
        "labs": 0,
        "per_lesson": [],
    }
