"""Accounts: guests, registration, log-in, merging a guest's records into an account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from flask import session
from flask_login import current_user, login_user, logout_user
from sqlalchemy import CursorResult, delete, event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from app import rate_limits
from app.extensions import db
from app.models import MERGE_KEYS, USER_OWNED_MODELS, Role, User, UserOwnedModel
from app.usernames import normalise_username

MERGE_SESSION_KEY = "merge_guest_id"
# Database-session key of a guest created in this request and not committed yet.
PENDING_GUEST_KEY = "pending_guest_id"
# Session keys that survive a session rotation (log-in, register, log-out): only the language.
KEPT_ON_ROTATION = ("lang",)


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


def find_user(username: str) -> User | None:
    """The account with this user name, if any."""
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


def create_guest() -> User:
    """A new guest row (flushed, not committed): it is kept only if the action that needed it commits."""
    guest = User(is_guest=True, role=Role.learner)
    db.session.add(guest)
    db.session.flush()
    db.session.info[PENDING_GUEST_KEY] = guest.id
    return guest


def ensure_learner() -> User:
    """The current user; a visitor without one becomes a guest, remembered by the session cookie.

    The guest is written with whatever the action writes: an action refused before its commit
    (a wrong rating, an empty answer) leaves no row, and `forget_uncommitted_guest` takes the
    never-written id out of the cookie.
    """
    if current_user.is_authenticated:
        return current_user._get_current_object()
    guest = create_guest()
    session.permanent = True
    login_user(guest)
    return guest


def start_as_guest() -> User:
    """The "start as a guest" button: the current learner, or a new guest written now."""
    user = ensure_learner()
    db.session.commit()
    return user


@event.listens_for(Session, "after_commit")
def _guest_written(db_session: Session) -> None:
    """Once the transaction holding a new guest commits, the guest is real."""
    db_session.info.pop(PENDING_GUEST_KEY, None)


def forget_uncommitted_guest() -> None:
    """At the end of a request: a guest made but never committed must not stay in the cookie.

    (SQLite reuses the id of a row that was never written; a stale cookie would name the next guest.)
    """
    if db.session.info.pop(PENDING_GUEST_KEY, None) is not None:
        logout_user()


def register(username: str, password: str, display_name: str | None = None) -> User:
    """Create an account; a current guest's own row becomes the account, keeping its records."""
    name = normalise_username(username)
    if find_user(name) is not None:
        raise AccountError("username_taken")
    user = current_or_none()
    if user is None or not user.is_guest:
        user = User(role=Role.learner)
        db.session.add(user)
    user.username = name
    user.display_name = (display_name or "").strip() or username.strip()
    user.password_hash = generate_password_hash(password)
    user.is_guest = False
    # The guest's cookie (which someone may have copied) must not become the account's.
    user.session_epoch = (user.session_epoch or 0) + 1
    try:
        db.session.commit()
    except IntegrityError:
        # Another request registered the same name between our check and this insert.
        db.session.rollback()
        raise AccountError("username_taken") from None
    _start_session(user)
    return user


def _start_session(user: User) -> None:
    """Log `user` in on a fresh session: nothing set before (by anyone) carries over but the language."""
    kept = {key: session[key] for key in KEPT_ON_ROTATION if key in session}
    session.clear()
    session.update(kept)
    session.permanent = True
    login_user(user)


def revoke_sessions(user: User) -> None:
    """Raise the account's session epoch: every session cookie issued for it so far stops working."""
    # Incremented in SQL, so two revocations at once both count.
    user.session_epoch = func.coalesce(User.session_epoch, 0) + 1
    db.session.commit()


def log_out() -> None:
    """End the current session and revoke its cookie, copies included (the account's other sessions too)."""
    user = current_or_none()
    if user is not None:
        revoke_sessions(user)
    logout_user()
    kept = {key: session[key] for key in KEPT_ON_ROTATION if key in session}
    session.clear()
    session.update(kept)


def sign_out_everywhere(user: User) -> None:
    """Revoke every session of the account, then keep only this browser signed in."""
    revoke_sessions(user)
    _start_session(user)


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Set a new password (the current one must be right); every other session is signed out."""
    if not user.password_hash or not check_password_hash(user.password_hash, current_password):
        raise AccountError("bad_credentials")
    user.password_hash = generate_password_hash(new_password)
    db.session.commit()
    sign_out_everywhere(user)


def authenticate(username: str, password: str) -> LoginOutcome:
    """Log in; when a guest with records was using this browser, offer to merge them."""
    name = normalise_username(username)
    if rate_limits.login_locked(name):
        raise AccountError("locked")
    user = find_user(name)
    if user is None or user.is_guest or not user.password_hash or not check_password_hash(user.password_hash, password):
        rate_limits.record_login_failure(name)
        raise AccountError("bad_credentials")
    rate_limits.record_login_success(name)
    previous = current_or_none()
    guest = previous if previous is not None and previous.is_guest and previous.id != user.id else None
    _start_session(user)
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
        # A DML statement's result is a CursorResult, which has the row count.
        result = cast(
            CursorResult[Any],
            db.session.execute(update(model).where(model.user_id == guest.id).values(user_id=user.id)),
        )
        moved += result.rowcount or 0
    db.session.delete(guest)
    db.session.commit()
    session.pop(MERGE_SESSION_KEY, None)
    return moved


def _drop_staler_duplicates(model: UserOwnedModel, key: str, freshness: str, user_id: int, guest_id: int) -> None:
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
    """Flask-Login's loader: the user behind the session cookie, if its epoch is still current.

    A cookie from before session epochs existed holds a bare id; it counts as epoch 0, so guests'
    sessions survive the upgrade and the first log-out or password change revokes them too.
    """
    raw_id, _, raw_epoch = str(user_id).partition(".")
    try:
        user = db.session.get(User, int(raw_id))
        epoch = int(raw_epoch or 0)
    except (TypeError, ValueError, OverflowError):
        return None
    if user is None or (user.session_epoch or 0) != epoch:
        return None
    return user


def current_or_none() -> User | None:
    """The signed-in user or guest, without creating one."""
    if current_user.is_authenticated:
        return current_user._get_current_object()
    return None
