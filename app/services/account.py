"""The learner's own account page: name, language, password, a copy of their data, deletion."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Table, delete, select
from werkzeug.security import check_password_hash

from app.extensions import db
from app.models import ItemResponse, Role, User
from app.services import account_data, accounts, exports_learner


class AccountRefused(ValueError):
    """The account page refused a change: "bad_credentials" or "instructor" (the code is the reason)."""


def update_profile(user: User, display_name: str, lang: str) -> None:
    """Set the name shown in the app and the preferred language (also this session's)."""
    user.display_name = display_name.strip() or user.username
    accounts.set_locale(user, lang)
    db.session.commit()


def change_password(user: User, current_password: str, new_password: str) -> None:
    """A new password, the current one required; every other session is signed out."""
    try:
        accounts.change_password(user, current_password, new_password)
    except accounts.AccountError as error:
        raise AccountRefused("bad_credentials") from error


def _tables_of(user: User) -> list[tuple[Table, Any]]:
    """Every table with a row about the user (a `user_id` column), with the matching column."""
    return [(t, t.c.user_id) for t in db.metadata.sorted_tables if "user_id" in t.c and t.name != "users"]


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return value.hex()  # compressed lab snapshots: kept whole, as hex
    return value


def everything_recorded(user: User) -> dict[str, list[dict[str, Any]]]:
    """The user's row (without the password hash) and every row about them, table by table (their
    answers to assigned quizzes included)."""
    me = {c.name: _plain(getattr(user, c.key)) for c in User.__table__.columns if c.name != "password_hash"}
    data: dict[str, list[dict[str, Any]]] = {"users": [me]}
    for table, column in _tables_of(user):
        rows = db.session.execute(select(table).where(column == user.id)).mappings()
        data[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    # Answers to assigned quizzes hang on the attempt (no user_id column): the learner's too.
    attempt_ids = [row["id"] for row in data.get("assignment_attempts", [])]
    responses = ItemResponse.__table__
    rows = db.session.execute(select(responses).where(responses.c.attempt_id.in_(attempt_ids))).mappings()
    data["item_responses"] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return data


def data_zip(user: User) -> bytes:
    """Everything recorded about the learner: one JSON file (complete), one CSV per table (readable, in the
    request's language: `account_data`), and the progress export."""
    data = everything_recorded(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        everything = account_data.with_text(data)
        archive.writestr("everything.json", json.dumps(everything, ensure_ascii=False, indent=2, default=str))
        for name, rows in account_data.readable_tables(data).items():
            archive.writestr(f"csv/{name}.csv", account_data.csv_text(name, rows))
        archive.writestr("progress.csv", exports_learner.learner_export(user, "csv")[0])
        archive.writestr("progress.json", exports_learner.learner_export(user, "json")[0])
    return buffer.getvalue()


def delete_account(user: User, password: str) -> None:
    """Remove the learner and every row about them (class grades included: docs/architecture.md)."""
    if user.role != Role.learner:
        raise AccountRefused("instructor")  # their classes hang on the account: an administrator removes it
    if not user.password_hash or not check_password_hash(user.password_hash, password):
        raise AccountRefused("bad_credentials")
    user_id = user.id
    accounts.log_out()  # this session and every copy of it end first
    for table, column in reversed(_tables_of(user)):
        db.session.execute(delete(table).where(column == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
