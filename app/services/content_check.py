"""`flask content check`: every problem in the course, as `file:line: message`."""

from __future__ import annotations

from pathlib import Path

from app import grading
from app.curriculum import ContentError, Course
from app.grading import replay
from app.services.course import parse_content, read_fixtures


def check_course(root: Path) -> tuple[Course, list[ContentError]]:
    """Parse the content, replay every lab and every command answer's reference; list all problems."""
    course, errors = parse_content(root)
    fixtures = read_fixtures(root, [])  # (unreadable fixture files are already among `errors`)
    paths = {lesson.id: lesson.path for lesson in course.lessons}
    for lab in course.labs:
        for problem in replay.lab_problems(lab, fixtures):
            errors.append(ContentError(paths[lab.lesson_id], lab.line, f"lab '{lab.id}': {problem}"))
    for question in course.questions:
        if question.kind != "command":
            continue
        verdict = grading.grade_question("command", question.key, "\n".join(question.key["reference"]))
        if not verdict.passed:
            errors.append(
                ContentError(
                    paths[question.lesson_id],
                    question.line,
                    f"question '{question.id}': its reference does not grade as right: {verdict.feedback.english() if verdict.feedback else ''}",
                )
            )
    errors.sort(key=lambda e: (e.path, e.line))
    return course, errors
