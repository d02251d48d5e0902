"""Grade overrides: an instructor's grade (or excusal) for one learner's assignment, with who and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Model
from app.models.types import UTCDateTime, utcnow


class GradeOverride(Model):
    """The grade an instructor set by hand. The computed grade is never changed, so it stays visible."""

    __tablename__ = "grade_overrides"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id", name="uq_grade_overrides_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    grade: Mapped[float | None] = mapped_column(Float)  # None with excused, or to keep only a comment
    excused: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(String(500), default="")
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
