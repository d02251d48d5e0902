"""Labs and the playground: one simulated host per (user, lab), and its undo steps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Model
from app.models.types import UTCDateTime, utcnow

# --- labs and playground (issue 6): one simulated host per (user, lab) ------------------------


class LabAttempt(Model):
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
    # How the rest is stored (services/lab_format.py): 2 = the compressed blobs below; 1 = the
    # first release's JSON text columns, read once and then written back as 2.
    storage_format: Mapped[int] = mapped_column(default=2, server_default="1")
    host_data: Mapped[bytes | None] = mapped_column(LargeBinary)  # the host snapshot, compressed
    term_data: Mapped[bytes | None] = mapped_column(LargeBinary)  # scrollback, history, recent ids
    undo_count: Mapped[int] = mapped_column(default=0, server_default="0")  # rows in lab_undo_steps
    undo_bytes: Mapped[int] = mapped_column(default=0, server_default="0")  # their stored bytes
    # Format 1 only ("" once upgraded); deferred so that loading an attempt never reads them.
    snapshot: Mapped[str] = mapped_column(Text, deferred=True, default="")
    terminals: Mapped[str] = mapped_column(Text, deferred=True, default="")
    history: Mapped[str] = mapped_column(Text, deferred=True, default="")
    recent_commands: Mapped[str] = mapped_column(Text, deferred=True, default="")
    best_score: Mapped[float] = mapped_column(Float, default=0.0)
    hints_used: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Never loaded as a list: the service counts on undo_count and reads one step to undo.
    undo_steps: Mapped[list[LabUndoStep]] = relationship(
        back_populates="attempt", passive_deletes=True, order_by="LabUndoStep.id", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class LabUndoStep(Model):
    """The host as it was before one state-changing command (the last few per attempt).

    `data` is the attempt's `host_data` from before the change (format 2); `snapshot` the host
    as JSON text in steps stored by format 1 ("" in format 2). `size` is what counts against MAX_UNDO_BYTES.
    """

    __tablename__ = "lab_undo_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("lab_attempts.id", ondelete="CASCADE"), index=True)
    command: Mapped[str] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    snapshot: Mapped[str] = mapped_column(Text, deferred=True, default="")
    size: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[LabAttempt] = relationship(back_populates="undo_steps")
