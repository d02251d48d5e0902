"""Accounts: users (guests and registered) and their activity feed."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Model
from app.models.types import UTCDateTime, utcnow


class Role(enum.Enum):
    """What an account may do."""

    learner = "learner"
    instructor = "instructor"


class ActivityKind(enum.StrEnum):
    """What an activity row records (the 'recent activity' feed and the course map read them)."""

    lesson = "lesson"  # a lesson page was read
    question = "question"  # a question was answered (detail: passed / failed)
    lab_started = "lab_started"
    lab_solved = "lab_solved"
    lab_solution_seen = "lab_solution_seen"


class User(UserMixin, Model):
    """A person: a guest (no credentials yet) or a registered account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(Enum(Role, name="user_role", native_enum=False, length=20), default=Role.learner)
    is_guest: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of the id in every session cookie: raising it (log-out, register, password change,
    # "sign out everywhere") makes every cookie issued before worthless.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set for accounts an instructor made in bulk: the one-time password must be changed first.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default="0")

    activities: Mapped[list[Activity]] = relationship(back_populates="user", passive_deletes=True)

    def get_id(self) -> str:
        """The session cookie's user id: `id.epoch`, so a raised epoch revokes old cookies."""
        return f"{self.id}.{self.session_epoch or 0}"

    @property
    def is_instructor(self) -> bool:
        """True for instructor accounts."""
        return self.role is Role.instructor

    @property
    def label(self) -> str:
        """The name shown in the header."""
        return self.display_name or self.username or ""


class Activity(Model):
    """One thing a user did (read a lesson, answered, ran a lab): the 'recent activity' feed."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[ActivityKind] = mapped_column(Enum(ActivityKind, name="activity_kind", native_enum=False, length=40))
    item_id: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="activities")
