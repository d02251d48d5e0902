"""Labs and the playground: one simulated host per (user, lab), and its undo steps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime, utcnow

# --- labs and playground (issue 6): one simulated host per (user, lab) ------------------------


class LabAttempt(db.Model):
    """A learner's simulated host for one lab (or the playground): snapshot, terminals, progress.

    `version` is the optimistic-concurrency counter: SQLAlchemy adds `WHERE version = :old` to
    every UPDATE, so two workers or tabs saving the same attempt cannot silently overwrite.
    `scope` keeps hosts of one lab apart: "practice" for self-study, one scope per assigned-quiz
    attempt. (user_id, lab_id, scope) is indexed but not unique: merging a guest into an account
    may bring a second attempt for the same lab; the service uses the most recently updated one.
    """

    __tablename__ = "lab_attempts"
    __table_args__ = (Index("ix_lab_attempts_user_lab_scope", "user_id", "lab_id", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lab_id: Mapped[str] = mapped_column(String(120))
    scope: Mapped[str] = mapped_column(String(80), default="practice", server_default="practice")
    status: Mapped[str] = mapped_column(String(20), default="in_progress")  # in_progress, solved, solution_seen
    snapshot: Mapped[str] = mapped_column(Text)  # DockerHost.snapshot() as JSON
    terminals: Mapped[str] = mapped_column(Text, default="{}")  # bounded scrollback per terminal, JSON
    history: Mapped[str] = mapped_column(Text, default="[]")  # command lines for up/down, JSON
    recent_commands: Mapped[str] = mapped_column(Text, default="[]")  # [client id, stored reply], JSON
    best_score: Mapped[float] = mapped_column(Float, default=0.0)
    hints_used: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    undo_steps: Mapped[list[LabUndoStep]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", passive_deletes=True, order_by="LabUndoStep.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class LabUndoStep(db.Model):
    """The host as it was before one state-changing command (the last few per attempt)."""

    __tablename__ = "lab_undo_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("lab_attempts.id", ondelete="CASCADE"), index=True)
    command: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[LabAttempt] = relationship(back_populates="undo_steps")
