"""Database models. Content (lessons, cards, questions, labs) is referenced by stable string ids only."""
from __future__ import annotations

import enum
from datetime import datetime, timezone

from flask_login import UserMixin
from sqlalchemy import DateTime, Enum, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


def utcnow() -> datetime:
    """Timezone-aware current time in UTC, for column defaults."""
    return datetime.now(timezone.utc)


class Role(enum.Enum):
    """What an account may do."""

    learner = "learner"
    instructor = "instructor"


class User(UserMixin, db.Model):
    """A person: a guest (no credentials yet) or a registered account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", native_enum=False, length=20), default=Role.learner
    )
    is_guest: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    activities: Mapped[list["Activity"]] = relationship(back_populates="user", passive_deletes=True)

    @property
    def is_instructor(self) -> bool:
        """True for instructor accounts."""
        return self.role is Role.instructor

    @property
    def label(self) -> str:
        """The name shown in the header."""
        return self.display_name or self.username or ""


class Activity(db.Model):
    """One thing a user did (read a lesson, answered, ran a lab): the 'recent activity' feed."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship(back_populates="activities")


class QuestionAnswer(db.Model):
    """One graded answer to a question; `token` makes a double submit record once."""

    __tablename__ = "question_answers"
    __table_args__ = (
        UniqueConstraint("user_id", "token", name="uq_question_answers_user_token"),
        Index("ix_question_answers_user_question", "user_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(120))
    token: Mapped[str] = mapped_column(String(64))
    answer_json: Mapped[str] = mapped_column(Text)
    verdict_json: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# Tables whose rows belong to a user through `user_id`; merging a guest moves these rows.
USER_OWNED_MODELS: tuple[type[db.Model], ...] = (Activity, QuestionAnswer)


class CardState(db.Model):
    """A learner's FSRS memory state of one flashcard (by the card's content id)."""

    __tablename__ = "card_states"
    __table_args__ = (
        UniqueConstraint("user_id", "card_id", name="uq_card_states_user_card"),
        Index("ix_card_states_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(120))
    fsrs: Mapped[str] = mapped_column(Text)  # fsrs.Card.to_dict() as JSON
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(20))  # learning, review, relearning
    # Number of reviews; also the version a grading form quotes, so a double submit records once.
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CardReview(db.Model):
    """One grading of a flashcard: the review log (FSRS rating 1-4, time taken)."""

    __tablename__ = "card_reviews"
    __table_args__ = (Index("ix_card_reviews_user_reviewed", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(120))
    rating: Mapped[int]
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    duration_ms: Mapped[int | None]
    state_before: Mapped[str] = mapped_column(String(20))  # new, learning, review, relearning
    due_after: Mapped[datetime] = mapped_column(DateTime(timezone=True))


USER_OWNED_MODELS += (CardState, CardReview)


# --- labs and playground (issue 6): one simulated host per (user, lab) ------------------------


class LabAttempt(db.Model):
    """A learner's simulated host for one lab (or the playground): snapshot, terminals, progress.

    `version` is the optimistic-concurrency counter: SQLAlchemy adds `WHERE version = :old` to
    every UPDATE, so two workers or tabs saving the same attempt cannot silently overwrite.
    (user_id, lab_id) is indexed but not unique: merging a guest into an account may bring a
    second attempt for the same lab; the service uses the most recently updated one.
    """

    __tablename__ = "lab_attempts"
    __table_args__ = (Index("ix_lab_attempts_user_lab", "user_id", "lab_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lab_id: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default="in_progress")  # in_progress, solved, solution_seen
    snapshot: Mapped[str] = mapped_column(Text)  # DockerHost.snapshot() as JSON
    terminals: Mapped[str] = mapped_column(Text, default="{}")  # bounded scrollback per terminal, JSON
    history: Mapped[str] = mapped_column(Text, default="[]")  # command lines for up/down, JSON
    recent_commands: Mapped[str] = mapped_column(Text, default="[]")  # [client id, stored reply], JSON
    best_score: Mapped[float] = mapped_column(Float, default=0.0)
    hints_used: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    undo_steps: Mapped[list["LabUndoStep"]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", passive_deletes=True, order_by="LabUndoStep.id"
    )

    __mapper_args__ = {"version_id_col": version}


class LabUndoStep(db.Model):
    """The host as it was before one state-changing command (the last few per attempt)."""

    __tablename__ = "lab_undo_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("lab_attempts.id", ondelete="CASCADE"), index=True)
    command: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attempt: Mapped[LabAttempt] = relationship(back_populates="undo_steps")


USER_OWNED_MODELS += (LabAttempt,)


# Tables with one row per (user, key column): when a guest is merged into an account that has a
# row for the same key too, the row that changed last (freshness column) is kept.
MERGE_KEYS: dict[type[db.Model], tuple[str, str]] = {CardState: ("card_id", "updated_at")}
