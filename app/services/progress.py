"""A learner's progress: per-lesson mastery, streak, recent activity, and their own export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.curriculum import Course, Lab, Lesson
from app.extensions import db
from app.models import Activity, CardReview, CardState, LabAttempt, QuestionAnswer, User
from app.reports.progress import ProgressRow, plain_title, streak
from app.services import questions
from app.services.course import get_course
from app.services.days import school_zone
from app.services.lessons import LessonProgress, continue_lesson, lab_statuses, visited_lesson

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def lesson_progress(user: User | None, course: Course | None = None) -> list[LessonProgress]:
    """Per lesson: questions answered right, cards started, labs solved."""
    course = course or get_course()
    right: set[str] = set()
    cards: set[str] = set()
    solved: set[str] = set()
    if user is not None:
        # One rule everywhere (progress page, lesson badges, course map): a question is right when the
        # learner's LAST answer to it is right (docs/architecture.md, "Right means the last answer").
        ids = [q.id for lesson in course.lessons for q in lesson.questions]
        right = {qid for qid, row in questions.latest_answers(user, ids).items() if row.passed}
        cards = set(db.session.scalars(select(CardState.card_id).where(CardState.user_id == user.id)))
        solved = set(
            db.session.scalars(
                select(LabAttempt.lab_id).where(LabAttempt.user_id == user.id, LabAttempt.status == "solved")
            )
        )
    return [
        LessonProgress(
            lesson=lesson,
            questions_right=sum(1 for q in lesson.questions if q.id in right),
            questions_total=len(lesson.questions),
            cards_seen=sum(1 for c in lesson.flashcards if c.id in cards),
            cards_total=len(lesson.flashcards),
            labs_solved=sum(1 for lab in lesson.labs if lab.id in solved),
            labs_total=len(lesson.labs),
        )
        for lesson in course.lessons
    ]


@dataclass(frozen=True)
class CourseMap:
    """The home page: every lesson with the learner's progress, and the lesson to continue."""

    lessons: list[LessonProgress]
    resume: Lesson | None
    resume_lab: Lab | None = None
    started: bool = False  # False: `resume` is simply the first lesson ("Start", not "Continue")


def course_map(user: User | None) -> CourseMap:
    """The course map for the home page (with the unfinished lab if that is what the learner did last)."""
    started = user is not None and (
        visited_lesson(user) is not None
        or db.session.scalar(select(Activity.id).where(Activity.user_id == user.id).limit(1)) is not None
    )
    return CourseMap(lesson_progress(user), continue_lesson(user), _resume_lab(user), started)


def _resume_lab(user: User | None) -> Lab | None:
    """The lab the learner opened last, if that was their latest step and it is not finished."""
    if user is None or visited_lesson(user) is not None:  # a lesson read since comes first
        return None
    last = db.session.scalar(select(Activity).where(Activity.user_id == user.id).order_by(Activity.id.desc()).limit(1))
    lab = get_course().by_id.get(last.item_id or "") if last is not None and last.kind == "lab_started" else None
    if not isinstance(lab, Lab) or lab_statuses(user, [lab.id]).get(lab.id) != "in_progress":
        return None
    return lab


def records(user: User, course: Course | None = None) -> list[ProgressRow]:
    """Every answer, card review and graded lab attempt of the learner, titled, oldest first.

    Internal rows are left out: the playground and items no longer in the course have no title
    a learner could read. A lab attempt is graded after every command, so each one is a row.
    """
    course = course or get_course()
    zone = school_zone()

    def titled(item_id: str) -> tuple[str, str, str] | None:
        item = course.by_id.get(item_id)
        if item is None:
            return None
        lesson = course.lessons_by_id.get(item.lesson_id)
        text = getattr(item, "title", None) or getattr(item, "prompt", None) or getattr(item, "front", "")
        return plain_title(str(text or "")), item.lesson_id, lesson.title if lesson else ""

    def when(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(microsecond=0)

    rows: list[ProgressRow] = []
    for a in db.session.scalars(select(QuestionAnswer).where(QuestionAnswer.user_id == user.id)):
        if found := titled(a.question_id):
            result = "right" if a.passed else "wrong"
            rows.append(
                ProgressRow(
                    when(a.created_at), "question", a.question_id, found[0], *found[1:], result, a.score, a.max_score
                )
            )
    for r in db.session.scalars(select(CardReview).where(CardReview.user_id == user.id)):
        if found := titled(r.card_id):
            rating = RATING_NAMES.get(r.rating, str(r.rating))
            rows.append(ProgressRow(when(r.reviewed_at), "card", r.card_id, found[0], *found[1:], rating))
    for t in db.session.scalars(select(LabAttempt).where(LabAttempt.user_id == user.id)):
        if found := titled(t.lab_id):
            rows.append(
                ProgressRow(
                    when(t.updated_at), "lab", t.lab_id, found[0], *found[1:], t.status, t.best_score, 1.0, t.scope
                )
            )
    rows.sort(key=lambda r: r.when)
    return rows


def current_streak(user: User, today: date | None = None) -> int:
    """Days in a row (in the school's time zone) with any recorded activity."""
    zone = school_zone()
    today = today or datetime.now(zone).date()
    moments = list(db.session.scalars(select(Activity.created_at).where(Activity.user_id == user.id)))
    moments += list(db.session.scalars(select(CardReview.reviewed_at).where(CardReview.user_id == user.id)))
    return streak({m.astimezone(zone).date() for m in moments}, today)


@dataclass(frozen=True)
class RecentItem:
    """One line of the recent-activity list.

    `kind` is an activity kind (lesson, question, lab_started, lab_solved, lab_solution_seen) or
    "card" for a review from the review log; the template words each one. `title` is the item's
    own Korean title, or "" when the item is gone from the course or is the playground.
    """

    when: datetime
    kind: str
    item_id: str
    title: str
    detail: str


def recent_activity(user: User, limit: int = 15, course: Course | None = None) -> list[RecentItem]:
    """The latest things the learner did (lessons, answers, labs, card reviews), newest first."""
    course = course or get_course()
    zone = school_zone()

    def title(item_id: str) -> str:
        item = course.by_id.get(item_id) or course.lessons_by_id.get(item_id)
        text = getattr(item, "title", None) or getattr(item, "prompt", None) or getattr(item, "front", None)
        return plain_title(str(text or ""))  # a prompt is Markdown: shown as plain words, not `**raw**` marks

    entries: list[tuple[datetime, int, str, str, str]] = [
        (a.created_at, a.id, a.kind, a.item_id or "", a.detail or "")
        for a in db.session.scalars(
            select(Activity).where(Activity.user_id == user.id).order_by(Activity.id.desc()).limit(limit)
        )
    ]
    entries += [
        (r.reviewed_at, r.id, "card", r.card_id, RATING_NAMES.get(r.rating, ""))
        for r in db.session.scalars(
            select(CardReview).where(CardReview.user_id == user.id).order_by(CardReview.id.desc()).limit(limit)
        )
    ]
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return [
        RecentItem(when.astimezone(zone), kind, item_id, title(item_id), detail)
        for when, _, kind, item_id, detail in entries[:limit]
    ]


@dataclass(frozen=True)
class Overview:
    """The progress page: mastery per lesson, the streak and recent activity."""

    lessons: list[LessonProgress]
    streak: int
    recent: list[RecentItem]


def overview(user: User | None) -> Overview:
    """Everything the progress page shows (a visitor with no records sees the course at 0%)."""
    if user is None:
        return Overview(lesson_progress(None), 0, [])
    return Overview(lesson_progress(user), current_streak(user), recent_activity(user))
