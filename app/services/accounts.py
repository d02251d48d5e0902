"""Accounts: guests, registration, log-in, merging a guest's records into an account."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from flask import session
from flask_login import current_user, login_user
from sqlalchemy import delete, func, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models import MERGE_KEYS, USER_OWNED_MODELS, Role, User

MERGE_SESSION_KEY = "merge_guest_id"


class AccountError(ValueError):
    """A registration or log-in problem; `code` says which, the view words it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class LoginOutcome:
    """A successful log-in; `guest_to_merge` is the guest whose records could be merged."""

    user: User
    guest_to_merge: User | None


def normalise_username(raw: str) -> str:
    """NFC-normalise and casefold so that `Kim` and `kim` (and composed/decomposed Hangul) are one name."""
    return unicodedata.normalize("NFC", raw.strip()).casefold()


def find_user(username: str) -> User | None:
    """The account with this user name, if any."""
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


def create_guest() -> User:
    """A new guest row, so everything recorded for the visitor is theirs."""
    guest = User(is_guest=True, role=Role.learner)
    db.session.add(guest)
    db.session.commit()
    return guest


def ensure_learner() -> User:
    """The current user; a visitor without one becomes a guest, remembered by the session cookie."""
    if current_user.is_authenticated:
        return current_user._get_current_object()  # type: ignore[attr-defined]
    guest = create_guest()
    session.permanent = True
    login_user(guest)
    return guest


def register(username: str, password: str, display_name: str | None = None) -> User:
    """Create an account; a current guest's own row becomes the account, keeping its records."""
    name = normalise_username(username)
    if find_user(name) is not None:
        raise AccountError("username_taken")
    user = current_user._get_current_object() if current_user.is_authenticated else None  # type: ignore[attr-defined]
    if user is None or not user.is_guest:
        user = User(role=Role.learner)
        db.session.add(user)
    user.username = name
    user.display_name = (display_name or "").strip() or username.strip()
    user.password_hash = generate_password_hash(password)
    user.is_guest = False
    db.session.commit()
    session.permanent = True
    login_user(user)
    return user


def authenticate(username: str, password: str) -> LoginOutcome:
    """Log in; when a guest with records was using this browser, offer to merge them."""
    user = find_user(username)
    if user is None or user.is_guest or not user.password_hash or not check_password_hash(user.password_hash, password):
        raise AccountError("bad_credentials")
    previous = current_user._get_current_object() if current_user.is_authenticated else None  # type: ignore[attr-defined]
    guest = previous if previous is not None and previous.is_guest and previous.id != user.id else None
    session.permanent = True
    login_user(user)
    if guest is not None and count_records(guest) > 0:
        session[MERGE_SESSION_KEY] = guest.id
        return LoginOutcome(user, guest)
    return LoginOutcome(user, None)


def count_records(user: User) -> int:
    """How many rows across the user-owned tables belong to this user."""
    total = 0
    for model in USER_OWNED_MODELS:
        total += db.session.scalar(select(func.count()).select_from(model).where(model.user_id == user.id)) or 0
    return total


def pending_merge(user: User) -> User | None:
    """The guest whose records the logged-in user was offered to merge, if still valid."""
    guest_id = session.get(MERGE_SESSION_KEY)
    if guest_id is None:
        return None
    guest = db.session.get(User, guest_id)
    if guest is None or not guest.is_guest or guest.id == user.id:
        session.pop(MERGE_SESSION_KEY, None)
        return None
    return guest


def merge_guest(user: User, guest: User) -> int:
    """Move every record of `guest` to `user`, delete the guest row; returns rows moved."""
    for model, (key, freshness) in MERGE_KEYS.items():
        _drop_staler_duplicates(model, key, freshness, user.id, guest.id)
    moved = 0
    for model in USER_OWNED_MODELS:
        result = db.session.execute(update(model).where(model.user_id == guest.id).values(user_id=user.id))
        moved += result.rowcount or 0
    db.session.delete(guest)
    db.session.commit()
    session.pop(MERGE_SESSION_KEY, None)
    return moved


def _drop_staler_duplicates(model: type, key: str, freshness: str, user_id: int, guest_id: int) -> None:
    """For rows unique per (user, key) that both have, delete the one that changed earlier."""

    def rows(owner: int) -> dict[str, tuple[int, datetime]]:
        query = select(model.id, getattr(model, key), getattr(model, freshness)).where(model.user_id == owner)
        return {k: (row_id, moment) for row_id, k, moment in db.session.execute(query)}

    mine, theirs = rows(user_id), rows(guest_id)
    stale = [(theirs[k][0] if mine[k][1] >= theirs[k][1] else mine[k][0]) for k in mine.keys() & theirs.keys()]
    if stale:
        db.session.execute(delete(model).where(model.id.in_(stale)))


def discard_guest(guest: User) -> None:
    """Delete a guest and its records, when the learner chose not to merge them."""
    db.session.delete(guest)
    db.session.commit()
    session.pop(MERGE_SESSION_KEY, None)


def create_instructor(username: str, password: str, display_name: str | None = None) -> User:
    """An instructor account (from the command line)."""
    name = normalise_username(username)
    if find_user(name) is not None:
        raise AccountError("username_taken")
    user = User(
        username=name,
        display_name=display_name or username.strip(),
        password_hash=generate_password_hash(password),
        is_guest=False,
        role=Role.instructor,
    )
    db.session.add(user)
    db.session.commit()
    return user


def set_locale(user: User | None, lang: str) -> None:
    """Remember the chosen language in the session and, for a signed-in user, on the account."""
    session["lang"] = lang
    if user is not None and user.is_authenticated:
        user.locale = lang
        db.session.commit()


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the user behind the session cookie."""
    try:
        return db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None


def current_or_none() -> User | None:
    """The signed-in user or guest, without creating one."""
    if current_user.is_authenticated:
        return current_user._get_current_object()  # type: ignore[attr-defined]
    return None
