"""Accounts an instructor makes for a class: names from a pasted list or a CSV, one-time passwords."""

from __future__ import annotations

import csv
import io
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.extensions import db
from app.models import ClassMember, Role, SchoolClass, User

# Lower case and digits without look-alikes: a learner copies the password from a paper slip.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 10
MAX_NAMES = 500
MAX_NAME_CHARS = 80
HEADER_WORDS = {"name", "names", "이름", "성명", "학생", "학생 이름"}


class BulkError(ValueError):
    """The list cannot be used; `code` says why and `names` which entries."""

    def __init__(self, code: str, names: tuple[str, ...] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.names = names


@dataclass(frozen=True)
class Slip:
    """A login slip: who, their user name and one-time password (shown once, never stored)."""

    display_name: str
    username: str
    password: str


def decode_upload(data: bytes) -> str:
    """Text of an uploaded CSV: UTF-8 (with or without BOM), else CP949 (Excel's Korean default, a superset of EUC-KR)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        raise BulkError("encoding") from None


def names_from_text(text: str) -> list[str]:
    """One name per line, or the first column of a CSV; a header row such as "이름" is skipped."""
    names: list[str] = []
    for row in csv.reader(io.StringIO(text)):
        cell = unicodedata.normalize("NFC", row[0]).strip() if row else ""
        names.append(cell)
    while names and not names[-1]:
        names.pop()
    if names and names[0].casefold() in HEADER_WORDS:
        names = names[1:]
    return names


def check_names(names: list[str]) -> list[str]:
    """The names if usable; BulkError for an empty list, empty lines, duplicates or too many."""
    if not names:
        raise BulkError("empty_list")
    if len(names) > MAX_NAMES:
        raise BulkError("too_many")
    empty = tuple(str(i + 1) for i, name in enumerate(names) if not name)
    if empty:
        raise BulkError("empty_names", empty)
    long = tuple(name for name in names if len(name) > MAX_NAME_CHARS)
    if long:
        raise BulkError("long_names", long)
    seen: set[str] = set()
    duplicates: list[str] = []
    for name in names:
        key = name.casefold()
        if key in seen and name not in duplicates:
            duplicates.append(name)
        seen.add(key)
    if duplicates:
        raise BulkError("duplicates", tuple(duplicates))
    return names


def one_time_password() -> str:
    """A random password that is easy to copy from paper."""
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _free_usernames(prefix: str, count: int) -> list[str]:
    """`count` user names `prefix001`, `prefix002`, … that nobody has yet (one query)."""
    taken = set(db.session.scalars(select(User.username).where(User.username.like(f"{prefix}%"))))
    found: list[str] = []
    number = 1
    while len(found) < count:
        name = f"{prefix}{number:03d}"
        if name not in taken:
            found.append(name)
        number += 1
    return found


def create_accounts(school_class: SchoolClass, names: list[str], hash_method: str = "scrypt") -> list[Slip]:
    """Make one learner account per name, put them in the class, and return their login slips."""
    check_names(names)
    usernames = _free_usernames(f"c{school_class.id}s", len(names))
    slips: list[Slip] = []
    for name, username in zip(names, usernames, strict=True):
        password = one_time_password()
        user = User(
            username=username,
            display_name=name,
            password_hash=generate_password_hash(password, method=hash_method),
            is_guest=False,
            role=Role.learner,
            must_change_password=True,
        )
        db.session.add(user)
        slips.append(Slip(name, username, password))
        db.session.flush()
        db.session.add(ClassMember(class_id=school_class.id, user_id=user.id))
    db.session.commit()
    return slips


def reset_password(school_class: SchoolClass, user_id: int) -> Slip | None:
    """A new one-time password for a learner of this class (who forgot theirs); None when not a member."""
    member = db.session.scalar(
        select(ClassMember).where(ClassMember.class_id == school_class.id, ClassMember.user_id == user_id)
    )
    if member is None:
        return None
    user = member.user
    if user.role is not Role.learner:
        return None
    password = one_time_password()
    user.password_hash = generate_password_hash(password)
    user.must_change_password = True
    db.session.commit()
    return Slip(user.label, user.username or "", password)


def set_own_password(user: User, password: str) -> None:
    """The learner's own new password, which ends the forced change."""
    user.password_hash = generate_password_hash(password)
    user.must_change_password = False
    db.session.commit()


def create_from_form(school_class: SchoolClass, pasted: str | None, upload: object) -> list[Slip]:
    """Accounts from the pasted names, or from the uploaded CSV when one was sent."""
    data = upload.read() if hasattr(upload, "read") else b""  # a werkzeug FileStorage, or nothing
    text = decode_upload(data) if data else (pasted or "")
    return create_accounts(school_class, names_from_text(text))
