"""Counts of a course, for ``flask content stats --json``."""

from __future__ import annotations

from typing import Any

from app.curriculum.model import Course
from app.curriculum.questions import QUESTION_KINDS


def course_stats(course: Course) -> dict[str, Any]:
    """Lessons, cards, questions per kind (every kind listed, zeros included), labs, per lesson."""
    kinds = {kind: 0 for kind in QUESTION_KINDS}
    for q in course.questions:
        kinds[q.kind] += 1
    return {
        "lessons": len(course.lessons),
        "flashcards": len(course.flashcards),
        "questions": kinds,
        "labs": len(course.labs),
        "per_lesson": [
            {
                "id": les.id,
                "flashcards": len(les.flashcards),
                "questions": len(les.questions),
                "labs": len(les.labs),
            }
            for les in course.lessons
        ],
    }
