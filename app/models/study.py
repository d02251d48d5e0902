"""Self-study records: graded question answers, flashcard states and reviews."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Model
from app.models.types import UTCDateTime, utcnow


class CardStage(enum.StrEnum):
    """Where a flashcard is in FSRS's schedule; `new` only before its first review."""

    new = "new"
    learning = "learning"
    review = "review"
    relearning = "relearning"


def _stage_column() -> Enum:
    # Stored as the member's name in a VARCHAR(20), as before the enum (no native type to migrate).
    return Enum(CardStage, name="card_stage", native_enum=False, length=20)


class QuestionAnswer(Model):
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
    # What the grader was given (its shape depends on the kind) and `Verdict.to_dict()`.
    answer: Mapped[Any] = mapped_column("answer_json", JSON)
    verdict: Mapped[dict[str, Any]] = mapped_column("verdict_json", JSON)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CardState(Model):
    """A learner's FSRS memory state of one flashcard (by the card's content id)."""

    __tablename__ = "card_states"
    __table_args__ = (
        UniqueConstraint("user_id", "card_id", name="uq_card_states_user_card"),
        Index("ix_card_states_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(120))
    fsrs: Mapped[dict[str, Any]] = mapped_column(JSON)  # fsrs.Card.to_dict()
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[CardStage] = mapped_column(_stage_column())  # never `new`: a row exists after a review
    # Number of reviews; also the version a grading form quotes, so a double submit records once.
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CardReview(Model):
    """One grading of a flashcard: the review log (FSRS rating 1-4, time taken)."""

    __tablename__ = "card_reviews"
    __table_args__ = (Index("ix_card_reviews_user_reviewed", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(120))
    rating: Mapped[int]
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    duration_ms: Mapped[int | None]
    state_before: Mapped[CardStage] = mapped_column(_stage_column())
    due_after: Mapped[datetime] = mapped_column(UTCDateTime)
