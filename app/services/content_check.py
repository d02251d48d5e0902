"""`flask content check`: every problem in the course, as `file:line: message`."""

from __future__ import annotations

from pathlib import Path

from app import grading
from app.curriculum import ContentError, Course
from app.grading import replay
from app.services.course import parse_content, read_fixtures


def check_course(root: Path) -> tuple[Course, list[ContentError]]:
    """Parse the content, replay every lab, grade every question's own answer (a command's reference
    runs on its host); list all problems."""
    course, errors = parse_content(root)
    fixtures = read_fixtures(root, [])  # (unreadable fixture files are already among `errors`)
    paths = {lesson.id: lesson.path for lesson in course.lessons}
    for lab in course.labs:
        for problem in replay.lab_problems(lab, fixtures):
            errors.append(ContentError(paths[lab.lesson_id], lab.line, f"lab '{lab.id}': {problem}"))
    for question in course.questions:
        right = grading.question_kind(question.kind).right_answer(question.key)
        if right is None:  # (a key with no literal answer, e.g. a short answer accepted by a pattern)
            continue
        verdict = grading.grade_question(question.kind, question.key, right)
        if not verdict.passed:
            errors.append(
                ContentError(
                    paths[question.lesson_id],
                    question.line,
                    f"question '{question.id}': its own answer ({_shown(right)}) does not grade as right: "
                    f"{verdict.feedback.english() if verdict.feedback else ''}",
                )
            )
    errors.sort(key=lambda e: (e.path, e.line))
    return course, errors


def _shown(answer: object) -> str:
    """An answer as the error shows it (a command's lines on one line)."""
    return " / ".join(answer.splitlines()) if isinstance(answer, str) else repr(answer)
