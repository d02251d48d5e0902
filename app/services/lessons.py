"""Lessons as pages: the course map with progress, one lesson with its items, recent activity."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from flask import session
from sqlalchemy import func, select

from app.curriculum import Course, Flashcard, Lab, Lesson, Question, render_markdown
from app.extensions import db
from app.models import Activity, ActivityKind, LabAttempt, QuestionAnswer, User
from app.services import questions
from app.services.course import get_course

# The placeholder app.curriculum leaves in a lesson's HTML where an item's widget goes.
_PLACEHOLDER = re.compile(r'<div class="dojo-item" data-kind="(flashcard|question|lab)" data-id="([^"]*)"></div>')

Segment = str | Flashcard | Question | Lab
# Session key of the lesson last opened: [lesson id, the learner's newest activity id then].
VISIT_SESSION_KEY = "last_lesson"


@dataclass(frozen=True)
class LessonProgress:
    """How far a learner is in one lesson."""

    lesson: Lesson
    questions_right: int
    questions_total: int
    cards_seen: int = 0
    cards_total: int = 0
    labs_solved: int = 0
    labs_total: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def done(self) -> int:
        """Items done, for one progress bar."""
        return self.questions_right + self.cards_seen + self.labs_solved

    @property
    def total(self) -> int:
        """Items in the lesson."""
        return self.questions_total + self.cards_total + self.labs_total

    @property
    def percent(self) -> int:
        """Progress as a whole percentage."""
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class LessonPage:
    """Everything the lesson page shows: the lesson cut around its items, its neighbours, last answers."""

    lesson: Lesson
    segments: list[Segment]
    previous: Lesson | None
    following: Lesson | None
    answers: dict[str, QuestionAnswer]
    lab_status: dict[str, str]  # lab id -> in_progress / solved / solution_seen, for labs the learner opened


def lab_statuses(user: User | None, lab_ids: list[str]) -> dict[str, str]:
    """The learner's status in each of these labs they have started."""
    if user is None or not lab_ids:
        return {}
    rows = db.session.execute(
        select(LabAttempt.lab_id, LabAttempt.status)
        .where(LabAttempt.user_id == user.id, LabAttempt.lab_id.in_(lab_ids))
        .order_by(LabAttempt.updated_at)
    )
    return {lab_id: status for lab_id, status in rows}


def lesson_page(lesson_id: str, user: User | None) -> LessonPage | None:
    """The lesson page (None for an unknown lesson); the visit is remembered for "continue"."""
    course = get_course()
    lesson = course.lessons_by_id.get(lesson_id)
    if lesson is None:
        return None
    remember_lesson_visit(lesson, user)
    previous, following = neighbours(course, lesson)
    answers = questions.latest_answers(user, [q.id for q in lesson.questions])
    status = lab_statuses(user, [lab.id for lab in lesson.labs])
    return LessonPage(lesson, lesson_segments(course, lesson), previous, following, answers, status)


def lesson_segments(course: Course, lesson: Lesson) -> list[Segment]:
    """The lesson's HTML split around its items, so the page can put a widget at each one."""
    segments: list[Segment] = []
    position = 0
    for match in _PLACEHOLDER.finditer(lesson.html):
        segments.append(lesson.html[position : match.start()])
        item = course.by_id.get(match.group(2))
        if item is not None:
            segments.append(item)
        position = match.end()
    segments.append(lesson.html[position:])
    return segments


def neighbours(course: Course, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
    """The previous and next lesson in course order."""
    index = course.lessons.index(lesson)
    previous = course.lessons[index - 1] if index > 0 else None
    following = course.lessons[index + 1] if index + 1 < len(course.lessons) else None
    return previous, following


def _newest_activity_id(user: User) -> int:
    return db.session.scalar(select(func.max(Activity.id)).where(Activity.user_id == user.id)) or 0


def remember_lesson_visit(lesson: Lesson, user: User | None) -> None:
    """Remember the lesson a learner (or existing guest) opened, for "continue", in the session only.

    A GET writes no row: the visit is kept in the signed session cookie with the id of the
    learner's newest activity, so anything they do afterwards (an answer, a lab) takes precedence.
    """
    if user is None:
        return
    session[VISIT_SESSION_KEY] = [lesson.id, _newest_activity_id(user)]


def visited_lesson(user: User | None) -> str | None:
    """The lesson opened last in this browser, if nothing was recorded for the learner since."""
    value = session.get(VISIT_SESSION_KEY)
    if user is None or not isinstance(value, list) or len(value) != 2:
        return None
    lesson_id, marker = value
    if not isinstance(lesson_id, str) or not isinstance(marker, int) or marker < _newest_activity_id(user):
        return None
    return lesson_id


def continue_lesson(user: User | None, course: Course | None = None) -> Lesson | None:
    """The lesson to continue: the last one the learner opened or worked in, else the first."""
    course = course or get_course()
    if not course.lessons:
        return None
    visited = visited_lesson(user)
    if visited is not None and visited in course.lessons_by_id:
        return course.lessons_by_id[visited]
    if user is not None:
        for activity in db.session.scalars(
            select(Activity).where(Activity.user_id == user.id).order_by(Activity.id.desc()).limit(50)
        ):
            lesson_id = (
                activity.item_id if activity.kind is ActivityKind.lesson else _lesson_of(course, activity.item_id)
            )
            if lesson_id is not None and lesson_id in course.lessons_by_id:
                return course.lessons_by_id[lesson_id]
    return course.lessons[0]


def _lesson_of(course: Course, item_id: str | None) -> str | None:
    item = course.by_id.get(item_id or "")
    return getattr(item, "lesson_id", None)


def markdown(text: str) -> str:
    """Render a snippet (a question prompt, a card) the way lessons are rendered."""
    return render_markdown(text)


def markdown_inline(text: str) -> str:
    """Render a one-line snippet (a choice) without the surrounding paragraph."""
    html = render_markdown(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


_BLANK = re.compile(r"\[\[(\d+)\]\]")
_TOKEN = re.compile(r"DOJOBLANK(\d+)X")


def cloze_html(text: str, label: str, values: Sequence[str] | None = None) -> str:
    """The cloze text as HTML with a labelled input at each `[[n]]` blank, showing `values[n-1]`
    (a saved answer) when given."""

    def blank(match: re.Match[str]) -> str:
        number = int(match.group(1))
        value = values[number - 1] if values and number <= len(values) else ""
        return (
            f'<input type="text" class="blank" name="blank-{number - 1}" aria-label="{label} {number}" '
            f'autocomplete="off" autocapitalize="off" spellcheck="false" value="{escape(str(value))}">'
        )

    # Swap blanks for plain tokens first: `[[1]](으)` would otherwise render as a Markdown link.
    tokenised = _BLANK.sub(lambda m: f"DOJOBLANK{m.group(1)}X", text)
    return _TOKEN.sub(blank, markdown_inline(tokenised))
