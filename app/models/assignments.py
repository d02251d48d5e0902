"""Assignments (Moodle's quiz + quiz_slots + quiz_overrides), attempts and per-item responses."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Model
from app.models.types import UTCDateTime, utcnow


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: a checked VARCHAR, the same on SQLite and PostgreSQL."""
    return Enum(cls, name=name, native_enum=False, length=20)


class GradeMethod(enum.Enum):
    """Which attempt counts when several are allowed."""

    highest = "highest"
    last = "last"
    first = "first"
    average = "average"


class ReviewWhen(enum.Enum):
    """When the learner may see one thing about a finished attempt."""

    immediately = "immediately"
    after_due = "after_due"
    never = "never"


class LatePolicy(enum.Enum):
    """What happens after the due time."""

    none = "none"  # no late submissions
    penalty = "penalty"  # accepted, minus a penalty per started day up to a cap


class LabHelp(enum.Enum):
    """Hints and solution in an assignment's labs."""

    allowed = "allowed"
    cost = "cost"  # allowed, each hint costs points
    hidden = "hidden"  # exam mode


class AttemptState(enum.Enum):
    """Moodle's attempt states."""

    inprogress = "inprogress"
    overdue = "overdue"
    finished = "finished"


class Assignment(Model):
    """A quiz set for a class: items, times in UTC, attempts, grading and review settings."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    open_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    time_limit_minutes: Mapped[int | None] = mapped_column()
    attempts_allowed: Mapped[int] = mapped_column(default=1)  # 0 = unlimited
    grade_method: Mapped[GradeMethod] = mapped_column(_enum(GradeMethod, "grade_method"), default=GradeMethod.highest)
    shuffle: Mapped[bool] = mapped_column(default=False)
    lab_help: Mapped[LabHelp] = mapped_column(_enum(LabHelp, "lab_help"), default=LabHelp.allowed)
    hint_cost: Mapped[float] = mapped_column(Float, default=0.0)  # fraction of a lab's points per hint
    late_policy: Mapped[LatePolicy] = mapped_column(_enum(LatePolicy, "late_policy"), default=LatePolicy.none)
    late_penalty_per_day: Mapped[float] = mapped_column(Float, default=0.0)  # percent of the grade
    late_penalty_cap: Mapped[float] = mapped_column(Float, default=0.0)  # percent of the grade
    review_score: Mapped[ReviewWhen] = mapped_column(_enum(ReviewWhen, "review_when"), default=ReviewWhen.immediately)
    review_right: Mapped[ReviewWhen] = mapped_column(_enum(ReviewWhen, "review_when"), default=ReviewWhen.after_due)
    review_answers: Mapped[ReviewWhen] = mapped_column(_enum(ReviewWhen, "review_when"), default=ReviewWhen.after_due)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    items: Mapped[list[AssignmentItem]] = relationship(
        back_populates="assignment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AssignmentItem.position",
    )


class AssignmentItem(Model):
    """One slot: a question, a lab, or "N random questions from these lessons".

    A removed item keeps its row (`removed_at`), so attempts that used it keep their history.
    """

    __tablename__ = "assignment_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))  # question, lab, random
    item_id: Mapped[str | None] = mapped_column(String(120))  # course id for question and lab
    lesson_ids: Mapped[list[str] | None] = mapped_column(JSON)  # for random
    count: Mapped[int] = mapped_column(default=1)  # for random: how many drawn
    points: Mapped[float] = mapped_column(Float, default=1.0)  # per question or lab
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    assignment: Mapped[Assignment] = relationship(back_populates="items")


class AssignmentOverride(Model):
    """Per-learner accommodations: a later due time, extra attempts, a longer time limit."""

    __tablename__ = "assignment_overrides"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id", name="uq_assignment_overrides_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    extra_attempts: Mapped[int] = mapped_column(default=0)
    time_limit_minutes: Mapped[int | None] = mapped_column()


class AssignmentAttempt(Model):
    """One try at an assignment: its drawn slots (seeded), times, state and final grade.

    `slots` is the list actually shown, fixed at start: [{"item": AssignmentItem.id,
    "kind": "question"|"lab", "ref": course id, "points": float}]; `seed` drew the random ones
    and the order. `version` makes saves optimistic: two tabs cannot overwrite each other.
    """

    __tablename__ = "assignment_attempts"
    __table_args__ = (
        UniqueConstraint("assignment_id", "user_id", "number", name="uq_assignment_attempts_number"),
        Index("ix_assignment_attempts_user", "user_id", "assignment_id"),
        Index("ix_assignment_attempts_state_deadline", "state", "deadline_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(default=1)
    state: Mapped[AttemptState] = mapped_column(_enum(AttemptState, "attempt_state"), default=AttemptState.inprogress)
    seed: Mapped[int] = mapped_column(default=0)
    slots: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    auto_submitted: Mapped[bool] = mapped_column(default=False)
    score: Mapped[float | None] = mapped_column(Float)  # after the late penalty
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    late_penalty: Mapped[float] = mapped_column(Float, default=0.0)  # percent taken off
    version: Mapped[int] = mapped_column(default=1)

    responses: Mapped[list[ItemResponse]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", passive_deletes=True, order_by="ItemResponse.slot"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class ItemResponse(Model):
    """The saved answer to one slot (autosaved), and its verdict once graded."""

    __tablename__ = "item_responses"
    __table_args__ = (UniqueConstraint("attempt_id", "slot", name="uq_item_responses_slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("assignment_attempts.id", ondelete="CASCADE"))
    slot: Mapped[int] = mapped_column()
    item_ref: Mapped[str] = mapped_column(String(120))
    answer: Mapped[Any] = mapped_column(JSON, nullable=True)
    verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    transcript: Mapped[list[Any] | None] = mapped_column(JSON)  # [terminal, kind, text(, ids)] per line
    score: Mapped[float | None] = mapped_column(Float)  # weighted by the slot's points
    max_score: Mapped[float] = mapped_column(Float, default=1.0)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    attempt: Mapped[AssignmentAttempt] = relationship(back_populates="responses")
