"""A learner's progress: per-lesson mastery, streak, recent activity, and their own export."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.curriculum import Course
from app.extensions import db
from app.models import Activity, CardReview, CardState, LabAttempt, QuestionAnswer, User
from app.reports.progress import ProgressRow, progress_csv, progress_json, streak
from app.services.course import get_course
from app.services.days import as_utc, school_zone
from app.services.lessons import LessonProgress

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}




def lesson_progress(user: User | None, course: Course | None = None) -> list[LessonProgress]:
    """Per lesson: questions answered right, cards started, labs solved."""
    course = course or get_course()
    right: set[str] = set()
    cards: set[str] = set()
    solved: set[str] = set()
    if user is not None:
        right = set(db.session.scalars(select(QuestionAnswer.question_id).where(QuestionAnswer.user_id == user.id, QuestionAnswer.passed.is_(True))))
        cards = set(db.session.scalars(select(CardState.card_id).where(CardState.user_id == user.id)))
        solved = set(db.session.scalars(select(LabAttempt.lab_id).where(LabAttempt.user_id == user.id, LabAttempt.status == "solved")))
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


def records(user: User, course: Course | None = None) -> list[ProgressRow]:
    """Every answer, card review and lab attempt of the learner, oldest first."""
    course = course or get_course()
    zone = school_zone()

    def lesson_of(item_id: str) -> str:
        return getattr(course.by_id.get(item_id), "lesson_id", "")

    def when(moment: datetime) -> str:
        return as_utc(moment).astimezone(zone).isoformat(timespec="seconds")

    rows = [
        ProgressRow(when(a.created_at), "question", a.question_id, lesson_of(a.question_id), "right" if a.passed else "wrong", a.score, a.max_score)
        for a in db.session.scalars(select(QuestionAnswer).where(QuestionAnswer.user_id == user.id))
    ]
    rows += [
        ProgressRow(when(r.reviewed_at), "card", r.card_id, lesson_of(r.card_id), RATING_NAMES.get(r.rating, str(r.rating)))
        for r in db.session.scalars(select(CardReview).where(CardReview.user_id == user.id))
    ]
    rows += [
        ProgressRow(when(t.updated_at), "lab", t.lab_id, lesson_of(t.lab_id), t.status, t.best_score)
        for t in db.session.scalars(select(LabAttempt).where(LabAttempt.user_id == user.id))
    ]
    rows.sort(key=lambda r: r.when)
    return rows


def current_streak(user: User, today: date | None = None) -> int:
    """Days in a row (in the school's time zone) with any recorded activity."""
    zone = school_zone()
    today = today or datetime.now(zone).date()
    moments = list(db.session.scalars(select(Activity.created_at).where(Activity.user_id == user.id)))
    moments += list(db.session.scalars(select(CardReview.reviewed_at).where(CardReview.user_id == user.id)))
    return streak({as_utc(m).astimezone(zone).date() for m in moments}, today)


@dataclass(frozen=True)
class RecentItem:
    """One line of the recent-activity list."""

    when: datetime
    kind: str
    item_id: str
    title: str
    detail: str


def recent_activity(user: User, limit: int = 15, course: Course | None = None) -> list[RecentItem]:
    """The latest things the learner did, newest first."""
    course = course or get_course()
    zone = school_zone()
    items = []
    for activity in db.session.scalars(
        select(Activity).where(Activity.user_id == user.id).order_by(Activity.id.desc()).limit(limit)
    ):
        item = course.by_id.get(activity.item_id or "") or course.lessons_by_id.get(activity.item_id or "")
        title = getattr(item, "title", None) or getattr(item, "prompt", None) or activity.item_id or ""
        items.append(RecentItem(as_utc(activity.created_at).astimezone(zone), activity.kind, activity.item_id or "", title, activity.detail or ""))
    return items


def export(user: User, fmt: str) -> tuple[str, str]:
    """The learner's own progress as (text, mimetype) in CSV or JSON."""
    rows = records(user)
    if fmt == "csv":
        return "\ufeff" + progress_csv(rows), "text/csv; charset=utf-8"
    summary = [
        {"id": p.lesson.id, "title": p.lesson.title, "questions_right": p.questions_right, "questions_total": p.questions_total,
         "cards_seen": p.cards_seen, "cards_total": p.cards_total, "labs_solved": p.labs_solved, "labs_total": p.labs_total,
         "percent": p.percent}
        for p in lesson_progress(user)
    ]
    who = {"username": user.username, "guest": user.is_guest, "exported_at": datetime.now(school_zone()).isoformat(timespec="seconds")}
    return progress_json(who, summary, rows), "application/json; charset=utf-8"


def dumps(value: object) -> str:
    """JSON for templates' data attributes."""
    return json.dumps(value, ensure_ascii=False)
