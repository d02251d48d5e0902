"""Classes: create, rename, archive, join codes, roster, co-teachers (Google Classroom's model)."""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute

from app.extensions import db
from app.models import Assignment, ClassMember, ClassTeacher, Role, SchoolClass, User
from app.services import accounts

# No look-alikes: no 0/O, 1/I/L; upper case only (a code is typed from a classroom screen).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
DEFAULT_TIMEZONE = "Asia/Seoul"


class ClassError(ValueError):
    """A class request that cannot be done; `code` says which, the view words it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ClassNotFound(LookupError):
    """No such class for this person (unknown, or not theirs: the answer is the same)."""


class NotInstructor(PermissionError):
    """The page is for instructors."""


@dataclass(frozen=True)
class ClassSummary:
    """A class in the instructor's list."""

    school_class: SchoolClass
    learners: int
    assignments: int


def new_join_code() -> str:
    """Eight characters from the look-alike-free alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What the learner typed, as stored: upper case, no spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def valid_timezone(name: str) -> bool:
    """True when `name` is an IANA time zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def require_instructor(user: User | None) -> User:
    """The user when they are an instructor; NotInstructor otherwise."""
    if user is None or user.is_guest or user.role is not Role.instructor:
        raise NotInstructor()
    return user


def teaches(user: User, class_id: int) -> bool:
    """True when `user` is one of the class's teachers."""
    found = db.session.scalar(
        select(ClassTeacher.id).where(ClassTeacher.class_id == class_id, ClassTeacher.user_id == user.id)
    )
    return found is not None


def class_for_teacher(user: User | None, class_id: int) -> SchoolClass:
    """The class when `user` teaches it; ClassNotFound for anyone else (no hint that it exists)."""
    teacher = require_instructor(user)
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or not teaches(teacher, class_id):
        raise ClassNotFound(class_id)
    return school_class


def _unused_code() -> str:
    while True:
        code = new_join_code()
        if db.session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code)) is None:
            return code


def create_class(owner: User, name: str, term: str | None, timezone: str = DEFAULT_TIMEZONE) -> SchoolClass:
    """A new class taught by `owner`, with a fresh join code."""
    require_instructor(owner)
    school_class = SchoolClass(
        name=name.strip(),
        term=(term or "").strip() or None,
        timezone=timezone,
        join_code=_unused_code(),
        owner_id=owner.id,
    )
    db.session.add(school_class)
    db.session.flush()
    db.session.add(ClassTeacher(class_id=school_class.id, user_id=owner.id))
    db.session.commit()
    return school_class


def update_class(school_class: SchoolClass, name: str, term: str | None, timezone: str) -> None:
    """Rename, change the term or the time zone."""
    school_class.name = name.strip()
    school_class.term = (term or "").strip() or None
    school_class.timezone = timezone
    db.session.commit()


def set_archived(school_class: SchoolClass, archived: bool, now: datetime) -> None:
    """Archive (the join code stops working, the class leaves the list) or restore."""
    school_class.archived_at = now if archived else None
    db.session.commit()


def regenerate_code(school_class: SchoolClass) -> str:
    """A new join code; the old one stops working at once."""
    school_class.join_code = _unused_code()
    db.session.commit()
    return school_class.join_code


def classes_of(user: User) -> list[ClassSummary]:
    """The instructor's classes with learner and assignment counts (three queries, any class size)."""
    teacher = require_instructor(user)
    rows = db.session.scalars(
        select(SchoolClass)
        .join(ClassTeacher, ClassTeacher.class_id == SchoolClass.id)
        .where(ClassTeacher.user_id == teacher.id)
        .order_by(SchoolClass.archived_at.is_not(None), SchoolClass.created_at.desc())
    ).all()
    ids = [c.id for c in rows]
    learners = _counts(ClassMember.class_id, ids)
    assignments = _counts(Assignment.class_id, ids)
    return [ClassSummary(c, learners.get(c.id, 0), assignments.get(c.id, 0)) for c in rows]


def _counts(column: InstrumentedAttribute[int], ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = select(column, func.count()).where(column.in_(ids)).group_by(column)
    return {key: count for key, count in db.session.execute(query)}


def roster(school_class: SchoolClass) -> list[User]:
    """The class's learners, by name."""
    return list(
        db.session.scalars(
            select(User)
            .join(ClassMember, ClassMember.user_id == User.id)
            .where(ClassMember.class_id == school_class.id)
            .order_by(User.display_name, User.username)
        )
    )


def teachers(school_class: SchoolClass) -> list[User]:
    """The class's teachers (owner first)."""
    rows = db.session.scalars(
        select(User).join(ClassTeacher, ClassTeacher.user_id == User.id).where(ClassTeacher.class_id == school_class.id)
    )
    return sorted(rows, key=lambda u: (u.id != school_class.owner_id, u.label))


def add_teacher(school_class: SchoolClass, username: str) -> User:
    """Let another instructor co-teach the class."""
    user = accounts.find_user(username)
    if user is None or user.role is not Role.instructor:
        raise ClassError("no_such_instructor")
    if teaches(user, school_class.id):
        raise ClassError("already_teacher")
    db.session.add(ClassTeacher(class_id=school_class.id, user_id=user.id))
    db.session.commit()
    return user


def remove_member(school_class: SchoolClass, user_id: int) -> bool:
    """Take a learner out of the class (their attempts are kept); False when they were not in it."""
    # A DML statement's result is a CursorResult, which has the row count.
    result = cast(
        CursorResult[Any],
        db.session.execute(
            delete(ClassMember).where(ClassMember.class_id == school_class.id, ClassMember.user_id == user_id)
        ),
    )
    db.session.commit()
    return bool(result.rowcount)


def class_by_code(code: str) -> SchoolClass:
    """The open class with this join code; ClassError otherwise."""
    school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.join_code == normalise_code(code)))
    if school_class is None:
        raise ClassError("unknown_code")
    if school_class.archived:
        raise ClassError("archived")
    return school_class


def join(user: User, code: str) -> SchoolClass:
    """Join the class with this code. A guest must register first (the view sends them)."""
    school_class = class_by_code(code)
    if user.is_guest:
        raise ClassError("register_first")
    if teaches(user, school_class.id):
        raise ClassError("is_teacher")
    if is_member(user, school_class.id):
        raise ClassError("already_member")
    db.session.add(ClassMember(class_id=school_class.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # the same learner joined from a second tab at the same moment
        db.session.rollback()
        raise ClassError("already_member") from None
    return school_class


def is_member(user: User, class_id: int) -> bool:
    """True when the learner is in the class."""
    found = db.session.scalar(
        select(ClassMember.id).where(ClassMember.class_id == class_id, ClassMember.user_id == user.id)
    )
    return found is not None


def classes_joined(user: User) -> list[SchoolClass]:
    """The classes a learner is in (archived ones too: their grades stay visible)."""
    return list(
        db.session.scalars(
            select(SchoolClass)
            .join(ClassMember, ClassMember.class_id == SchoolClass.id)
            .where(ClassMember.user_id == user.id)
            .order_by(SchoolClass.name)
        )
    )


def utc_now() -> datetime:
    """The current moment (services take it from here so tests can pass their own)."""
    return datetime.now(UTC)


def qr_svg(url: str, title: str) -> bytes:
    """The join link as a QR code (SVG) for a classroom screen."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=10, border=2, title=title, xmldecl=False)
    return buffer.getvalue()
