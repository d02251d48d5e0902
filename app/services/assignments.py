"""Building assignments: settings, items from the course, overrides, duplicates, regrades."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    Assignment,
    AssignmentAttempt,
    AssignmentItem,
    AssignmentOverride,
    AttemptState,
    GradeMethod,
    ItemResponse,
    LabHelp,
    LatePolicy,
    ReviewWhen,
    SchoolClass,
    User,
)
from app.services import assignment_items as items_adapter
from app.services import classes
from app.services.attempt_score import total


class AssignmentNotFound(LookupError):
    """No such assignment for this person."""


@dataclass
class Settings:
    """An assignment's settings as the form gives them (times already in UTC)."""

    title: str
    open_at: datetime
    due_at: datetime
    time_limit_minutes: int | None = None
    attempts_allowed: int = 1
    grade_method: GradeMethod = GradeMethod.highest
    shuffle: bool = False
    lab_help: LabHelp = LabHelp.allowed
    hint_cost: float = 0.0
    late_policy: LatePolicy = LatePolicy.none
    late_penalty_per_day: float = 0.0
    late_penalty_cap: float = 0.0
    review_score: ReviewWhen = ReviewWhen.immediately
    review_right: ReviewWhen = ReviewWhen.after_due
    review_answers: ReviewWhen = ReviewWhen.after_due


@dataclass
class ItemChoice:
    """Items to add: questions, labs, whole lessons (by kind), and one random block."""

    questions: list[str] = field(default_factory=list)
    labs: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    random_lessons: list[str] = field(default_factory=list)
    random_count: int = 0
    question_points: float = 1.0
    lab_points: float = 5.0


def to_utc(local: datetime, timezone: str) -> datetime:
    """A wall-clock time typed in the class's time zone, as UTC."""
    return local.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def to_local(moment: datetime, timezone: str) -> datetime:
    """A stored UTC time in the class's time zone."""
    return moment.astimezone(ZoneInfo(timezone))


def _apply(assignment: Assignment, settings: Settings) -> None:
    for name, value in vars(settings).items():
        setattr(assignment, name, value.strip() if isinstance(value, str) else value)


def create(school_class: SchoolClass, author: User, settings: Settings, choice: ItemChoice) -> Assignment:
    """A new assignment for the class with the chosen items."""
    assignment = Assignment(class_id=school_class.id, created_by=author.id)
    _apply(assignment, settings)
    db.session.add(assignment)
    db.session.flush()
    add_items(assignment, choice)
    db.session.commit()
    return assignment


def add_items(assignment: Assignment, choice: ItemChoice) -> int:
    """Append the chosen items (skipping ones already in it); returns how many were added."""
    present = {(i.kind, i.item_id) for i in assignment.items if i.removed_at is None}
    position = max((i.position for i in assignment.items), default=-1) + 1
    wanted = [("question", q) for q in [*choice.questions, *items_adapter.questions_of(choice.lessons, choice.kinds)]]
    wanted += [("lab", lab) for lab in choice.labs]
    added = 0
    for kind, ref in dict.fromkeys(wanted):
        if (kind, ref) in present or items_adapter.find(ref) is None:
            continue
        points = choice.lab_points if kind == "lab" else choice.question_points
        assignment.items.append(AssignmentItem(kind=kind, item_id=ref, points=points, position=position))
        position, added = position + 1, added + 1
    if choice.random_lessons and choice.random_count > 0:
        assignment.items.append(
            AssignmentItem(
                kind="random",
                lesson_ids=list(choice.random_lessons),
                count=choice.random_count,
                points=choice.question_points,
                position=position,
            )
        )
        added += 1
    return added


def assignment_for_teacher(user: User | None, assignment_id: int) -> tuple[Assignment, SchoolClass]:
    """The assignment and its class when `user` teaches the class; AssignmentNotFound otherwise."""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None:
        classes.require_instructor(user)
        raise AssignmentNotFound(assignment_id)
    try:
        return assignment, classes.class_for_teacher(user, assignment.class_id)
    except classes.ClassNotFound:
        raise AssignmentNotFound(assignment_id) from None


def attempt_count(assignment: Assignment) -> int:
    """How many attempts were started (editing then warns)."""
    query = select(func.count()).select_from(AssignmentAttempt).where(AssignmentAttempt.assignment_id == assignment.id)
    return db.session.scalar(query) or 0


def update(
    assignment: Assignment, settings: Settings, points: dict[int, float], removed: set[int], now: datetime
) -> int:
    """Save new settings and item points; remove items (kept for history). Returns attempts regraded."""
    _apply(assignment, settings)
    changed: dict[int, float] = {}
    for item in assignment.items:
        if item.id in removed and item.removed_at is None:
            item.removed_at = now
        if item.id in points and points[item.id] != item.points:
            item.points = points[item.id]
            changed[item.id] = item.points
    db.session.flush()
    regraded = regrade(assignment, changed) if changed else 0
    db.session.commit()
    return regraded


def regrade(assignment: Assignment, new_points: dict[int, float]) -> int:
    """Give every finished attempt the new points of the changed items (their verdicts stay)."""
    rows = db.session.scalars(select(AssignmentAttempt).where(AssignmentAttempt.assignment_id == assignment.id)).all()
    responses = _responses_by_attempt([a.id for a in rows])
    count = 0
    for attempt in rows:
        slots = [dict(s, points=new_points.get(s["item"], s["points"])) for s in attempt.slots]
        if slots == attempt.slots:
            continue
        attempt.slots = slots
        for response in responses.get(attempt.id, []):
            points = float(slots[response.slot]["points"])
            response.max_score = points
            if response.score is not None:
                response.score = round(items_adapter.fraction(response.verdict) * points, 4)
        if attempt.state is AttemptState.finished:
            total(attempt, assignment, responses.get(attempt.id, []))
        count += 1
    return count


def _responses_by_attempt(ids: list[int]) -> dict[int, list[ItemResponse]]:
    found: dict[int, list[ItemResponse]] = {}
    if ids:
        for response in db.session.scalars(select(ItemResponse).where(ItemResponse.attempt_id.in_(ids))):
            found.setdefault(response.attempt_id, []).append(response)
    return found


def set_override(
    assignment: Assignment, user_id: int, due_at: datetime | None, extra_attempts: int, time_limit: int | None
) -> AssignmentOverride:
    """Accommodations for one learner of the class (replacing any earlier ones)."""
    row = db.session.scalar(
        select(AssignmentOverride).where(
            AssignmentOverride.assignment_id == assignment.id, AssignmentOverride.user_id == user_id
        )
    )
    if row is None:
        row = AssignmentOverride(assignment_id=assignment.id, user_id=user_id)
        db.session.add(row)
    row.due_at, row.extra_attempts, row.time_limit_minutes = due_at, extra_attempts, time_limit
    db.session.commit()
    return row


def overrides_of(assignment: Assignment) -> dict[int, AssignmentOverride]:
    """The assignment's overrides by learner id."""
    rows = db.session.scalars(select(AssignmentOverride).where(AssignmentOverride.assignment_id == assignment.id))
    return {row.user_id: row for row in rows}


def duplicate(assignment: Assignment, target: SchoolClass, author: User) -> Assignment:
    """A copy of the settings and current items in another class the author teaches."""
    copy = Assignment(class_id=target.id, created_by=author.id)
    for name in (column.key for column in Assignment.__table__.columns):
        if name not in ("id", "class_id", "created_by", "created_at", "updated_at"):
            setattr(copy, name, getattr(assignment, name))
    for item in assignment.items:
        if item.removed_at is None:
            copy.items.append(
                AssignmentItem(
                    kind=item.kind,
                    item_id=item.item_id,
                    lesson_ids=item.lesson_ids,
                    count=item.count,
                    points=item.points,
                    position=item.position,
                )
            )
    db.session.add(copy)
    db.session.commit()
    return copy


def late_until(assignment: Assignment, due: datetime) -> datetime:
    """The last moment a submission is accepted: the due time, or later under a late policy."""
    if assignment.late_policy is LatePolicy.penalty and assignment.late_penalty_per_day > 0:
        days = math.ceil(assignment.late_penalty_cap / assignment.late_penalty_per_day)
        return due + timedelta(days=max(days, 1))
    return due


def late_penalty(assignment: Assignment, due: datetime, submitted: datetime) -> float:
    """Percent taken off for a submission after the due time: per started day, up to the cap."""
    if submitted <= due or assignment.late_policy is not LatePolicy.penalty:
        return 0.0
    days = math.ceil((submitted - due) / timedelta(days=1))
    return min(assignment.late_penalty_cap, days * assignment.late_penalty_per_day)


def active_items(assignment: Assignment) -> list[AssignmentItem]:
    """Items not removed."""
    return [i for i in assignment.items if i.removed_at is None]


def max_points(assignment: Assignment) -> float:
    """Total points of the current items."""
    return sum(i.points * (i.count if i.kind == "random" else 1) for i in active_items(assignment))


def describe(item: AssignmentItem) -> dict[str, Any]:
    """An item for listing: its kind, title and points."""
    found = items_adapter.find(item.item_id) if item.item_id else None
    title = getattr(found, "title", None) or (getattr(found, "prompt", "") or "").strip()[:90] or (item.item_id or "")
    return {"item": item, "title": title, "missing": item.kind != "random" and found is None}
