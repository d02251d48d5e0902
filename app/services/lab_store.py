"""Lab attempts in the database: one simulated host per (learner, lab, scope), saved after every step.

A `Workspace` is an attempt loaded for one request: the live `DockerHost` rebuilt from the
stored host plus the terminal scrollback, command history and recent command ids. Every change
goes through `mutate()`: one SELECT of the attempt row (its undo steps stay in the database),
the change, one UPDATE carrying `WHERE version = :old` (optimistic concurrency; retried on a
conflict), plus one INSERT when the change can be undone. Any worker can serve any request.
How the row is encoded is `lab_format`'s business; the limits are in `lab_limits`.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from flask import current_app
from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm.exc import StaleDataError

from app.curriculum import Lab
from app.dockersim import N_, DockerHost, Message
from app.extensions import db
from app.grading import replay
from app.grading.replay import lab_seed
from app.models import Activity, LabAttempt, LabUndoStep, User, utcnow
from app.services import course as course_service
from app.services import lab_format, lab_undo
from app.services import lab_limits as limits
from app.services.lab_format import FORMAT, TooLarge, dump
from app.services.lab_undo import clear_undo, pop_undo, undo_count
from app.services.lab_workspace import MAX_TERMINALS, Workspace
from app.services.messages import translate

PLAYGROUND_ID = "@playground"
PRACTICE = "practice"  # the scope of self-study attempts (see find_attempt)
MAX_UNDO = limits.MAX_UNDO
MAX_HISTORY = limits.MAX_HISTORY
MAX_RECENT_IDS = limits.MAX_RECENT_IDS
SAVE_ATTEMPTS = 3

T = TypeVar("T")

__all__ = [
    "MAX_TERMINALS",
    "PLAYGROUND_ID",
    "PRACTICE",
    "LabConflict",
    "LabTooLarge",
    "Workspace",
    "clear_undo",
    "dump",
    "mutate",
    "pop_undo",
    "read_only",
    "undo_count",
]


class LabConflict(Exception):
    """The attempt changed in another tab, device or worker; the learner should reload."""


class LabTooLarge(ValueError):
    """The attempt is, or would become, larger than a limit; the message says what to do.

    `str(error)` is the message in the request's language; `note` is the message itself (for the scrollback).
    """

    def __init__(self, note: Message) -> None:
        super().__init__(translate(note))
        self.note = note


def state_key(snapshot: dict[str, Any]) -> str:
    """What counts as "the state changed" for undo: everything but time, history and terminals."""
    return dump({k: v for k, v in snapshot.items() if k not in lab_format.VOLATILE})


# --- setup ----------------------------------------------------------------------------------


def fresh_host(lab: Lab | None) -> DockerHost:
    """A new host for a lab (fixture files, inline files, setup commands) or the playground."""
    if lab is None:
        return DockerHost(seed=lab_seed(PLAYGROUND_ID), hints=True)
    fixtures = course_service.read_fixtures(course_service.content_dir()) if lab.setup.fixture else {}
    host, setup = replay.lab_host(lab, fixtures)
    for step in setup:
        if step.result.exit_code != 0 and not step.result.busy:
            current_app.logger.warning(
                "lab %s: setup line %r failed: %s", lab.id, step.command, step.result.stderr.strip()
            )
    for tid in list(host.terminals):
        host.drain_output(tid)
    return host


def empty_screens(epoch: int = 0) -> dict[str, Any]:
    """Scrollback for a fresh attempt: two empty terminals."""
    return {"epoch": epoch, "terms": {"0": {"seq": 0, "lines": []}, "1": {"seq": 0, "lines": []}}}


def _new_workspace(attempt: LabAttempt, host: DockerHost, epoch: int = 0) -> Workspace:
    return Workspace(screens=empty_screens(epoch), history=[], recent=[], attempt=attempt, host=host)


# --- loading ---------------------------------------------------------------------------------


@cache
def _attempt_query() -> Any:
    """The SELECT of an attempt with the bytes it stores (measured in SQL, before reading them).

    Built once: making the statement cost more than running it.
    """
    columns = (
        LabAttempt.host_data,
        LabAttempt.term_data,
        LabAttempt.snapshot,
        LabAttempt.terminals,
        LabAttempt.history,
        LabAttempt.recent_commands,
    )
    size: Any = 0
    for column in columns:
        size = size + func.coalesce(func.length(column), 0)
    return (
        select(LabAttempt, size)
        .where(
            LabAttempt.user_id == bindparam("user_id"),
            LabAttempt.lab_id == bindparam("lab_id"),
            LabAttempt.scope == bindparam("scope"),
        )
        .order_by(LabAttempt.updated_at.desc(), LabAttempt.id.desc())
        .limit(1)
    )


def find_attempt(user: User, lab_id: str, scope: str = PRACTICE) -> tuple[LabAttempt, int] | None:
    """The learner's attempt at a lab in a scope and its stored size (the newest if a merge brought two).

    `scope` separates hosts of the same lab: "practice" is self-study; an assigned quiz gives
    each of its attempts its own scope, so a graded host never mixes with practice.
    """
    params = {"user_id": user.id, "lab_id": lab_id, "scope": scope}
    row = db.session.execute(_attempt_query(), params).first()
    return None if row is None else (row[0], int(row[1] or 0))


def too_large_message(size: int, limit: int) -> Message:
    """What the learner reads when the stored attempt is over a limit."""
    return N_(
        "This lab's saved state is too large to open (%(size)s; at most %(limit)s). Reset the lab to start again.",
        size=limits.human(size),
        limit=limits.human(limit),
    )


def _load(attempt: LabAttempt, size: int, lab_id: str) -> Workspace:
    """Decode a stored attempt (either format); LabTooLarge when it is over a limit."""
    limit = limits.MAX_STORED_BYTES if attempt.storage_format == FORMAT else limits.MAX_LEGACY_CHARS
    if size > limit:
        raise LabTooLarge(too_large_message(size, limit))
    try:
        if attempt.storage_format == FORMAT:
            snapshot, state_hash = lab_format.decode_host(attempt.host_data or b"")
            loaded = lab_format.HostBlob(attempt.host_data or b"", state_hash)
            screens, history, recent = lab_format.decode_terminals(attempt.term_data or b"")
        else:
            snapshot = json.loads(attempt.snapshot or "")
            loaded = lab_format.encode_host(snapshot)
            screens = json.loads(attempt.terminals or "{}")
            history, recent = json.loads(attempt.history or "[]"), json.loads(attempt.recent_commands or "[]")
    except TooLarge as error:
        raise LabTooLarge(too_large_message(error.size, error.limit)) from None
    except (ValueError, KeyError, TypeError, zlib.error) as error:
        current_app.logger.warning("lab %s: stored attempt unreadable (%s)", lab_id, error)
        raise _Unreadable() from None
    try:
        host = DockerHost.from_snapshot(snapshot, owned=True)  # decoded for this request alone: no copies
    except (ValueError, KeyError, TypeError) as error:
        current_app.logger.warning("lab %s: stored host unreadable (%s)", lab_id, error)
        raise _Unreadable(screens) from None
    return Workspace(screens=screens, history=history, recent=recent, attempt=attempt, host=host, loaded=loaded)


class _Unreadable(Exception):
    """A simulator update changed the snapshot format, or the row is damaged."""

    def __init__(self, screens: Any = None) -> None:
        super().__init__()
        self.epoch = int(screens.get("epoch", 0)) if isinstance(screens, dict) else 0


def open_workspace(user: User, lab_id: str, lab: Lab | None, scope: str = PRACTICE) -> Workspace:
    """Load the attempt, creating it (a fresh host, saved at once) on first use."""
    found = find_attempt(user, lab_id, scope)
    if found is None:
        attempt = LabAttempt(user_id=user.id, lab_id=lab_id, scope=scope, status="in_progress")
        attempt.best_score, attempt.hints_used, attempt.undo_count, attempt.undo_bytes = 0.0, 0, 0, 0
        ws = _new_workspace(attempt, fresh_host(lab))
        ws.loaded, ws.created = _encode(ws), True
        db.session.add(attempt)
        db.session.add(Activity(user_id=user.id, kind="lab_started", item_id=lab_id))
        db.session.commit()
        return ws
    attempt, size = found
    try:
        return _load(attempt, size, lab_id)
    except _Unreadable as unreadable:
        # This attempt's host starts again (its undo steps go with it).
        ws = _new_workspace(attempt, fresh_host(lab), unreadable.epoch + 1)
        ws.clear_undo_steps = True
        return ws


def read_only(user: User | None, lab_id: str, lab: Lab | None, scope: str = PRACTICE) -> Workspace:
    """The attempt for showing; nothing is written (no attempt is made for a mere look).

    Without a stored attempt (or without a user) it is an unsaved preview of the fresh host; an
    attempt over a limit shows the fresh host with a note that only a reset helps.
    """
    found = None if user is None else find_attempt(user, lab_id, scope)
    preview = LabAttempt(lab_id=lab_id, scope=scope, status="in_progress", best_score=0.0, hints_used=0)
    preview.version, preview.undo_count = 0, 0
    if found is None:
        return _new_workspace(preview, fresh_host(lab))
    try:
        return _load(*found, lab_id)
    except LabTooLarge as error:
        ws = _new_workspace(found[0], fresh_host(lab), found[0].version + 1)
        ws.note(0, error.note)
        ws.skip_save = True
        return ws
    except _Unreadable:
        return _new_workspace(found[0], fresh_host(lab), found[0].version + 1)


# --- saving ----------------------------------------------------------------------------------


def _encode(ws: Workspace) -> lab_format.HostBlob:
    """Put the workspace into the row's columns (format 2); LabTooLarge past a limit."""
    try:
        blob = lab_format.encode_host(ws.host.snapshot(copy=False))  # serialised at once: no copies
    except TooLarge as error:
        raise LabTooLarge(_too_large_change(error.size, error.limit)) from None
    term = lab_format.encode_terminals(ws.screens, ws.history, ws.recent[-MAX_RECENT_IDS:])
    size = len(blob.data) + len(term)
    if size > limits.MAX_STORED_BYTES:
        raise LabTooLarge(_too_large_change(size, limits.MAX_STORED_BYTES))
    attempt = ws.attempt
    if attempt.storage_format != FORMAT:  # a lazy upgrade: the old text columns are emptied
        attempt.snapshot = attempt.terminals = attempt.history = attempt.recent_commands = ""
    attempt.storage_format, attempt.host_data, attempt.term_data = FORMAT, blob.data, term
    return blob


def _too_large_change(size: int, limit: int) -> Message:
    return N_(
        "That would make the lab's saved state too large (%(size)s; at most %(limit)s), so it was "
        "not kept. Remove some files, containers or images, or reset the lab.",
        size=limits.human(size),
        limit=limits.human(limit),
    )


def save(ws: Workspace) -> None:
    """Write the workspace back: one UPDATE with `WHERE version = :old`, then its undo step."""
    attempt = ws.attempt
    attempt.updated_at = utcnow()  # always an UPDATE, so the version check always runs
    blob = _encode(ws)
    statements: list[Any] = []
    with db.session.no_autoflush:  # the counters must go out in the same single UPDATE
        if ws.clear_undo_steps:
            statements = [delete(LabUndoStep).where(LabUndoStep.attempt_id == attempt.id)]
            attempt.undo_count = attempt.undo_bytes = 0
        elif ws.undo_label is not None and ws.loaded is not None and blob.state_hash != ws.loaded.state_hash:
            statements = lab_undo.step_statements(attempt, ws.undo_label, ws.loaded.data)
    db.session.flush()  # the UPDATE: StaleDataError here when another save came first
    for statement in statements:
        db.session.execute(statement)


def mutate(
    user: User,
    lab_id: str,
    lab: Lab | None,
    change: Callable[[Workspace], T],
    expected_version: int | None = None,
    scope: str = PRACTICE,
) -> T:
    """Load, change, save; on a concurrent save reload and run `change` again (a few times).

    With `expected_version` the change applies only to the version the learner saw (undo,
    reset, file edits): a mismatch raises LabConflict instead of acting on a newer state.
    """
    for _attempt in range(SAVE_ATTEMPTS):
        ws = open_workspace(user, lab_id, lab, scope)
        seen = 0 if ws.created else ws.attempt.version  # a learner who only looked saw the preview
        if expected_version is not None and seen != expected_version:
            db.session.rollback()
            raise LabConflict()
        result = change(ws)
        if ws.skip_save:
            db.session.rollback()
            return result
        try:
            save(ws)
            saved = {"version": ws.attempt.version, "undo": undo_count(ws.attempt)}  # before commit expires them
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            continue
        except LabTooLarge:
            db.session.rollback()
            raise
        if isinstance(result, dict):  # the reply was built before the save bumped these
            result.update({k: v for k, v in saved.items() if k in result})
        return result
    raise LabConflict()


def reset_attempt(user: User, lab_id: str, lab: Lab | None, scope: str, change: Callable[[Workspace], T]) -> T:
    """Start the attempt again from a fresh host; works even when what it stored is over a limit.

    The up/down history is kept when it can be read; the terminals start empty in a new epoch.
    """
    for _attempt in range(SAVE_ATTEMPTS):
        found = find_attempt(user, lab_id, scope)
        if found is None:
            ws = open_workspace(user, lab_id, lab, scope)
        else:
            try:
                ws = _load(*found, lab_id)
            except (LabTooLarge, _Unreadable):
                ws = _new_workspace(found[0], fresh_host(lab), found[0].version)
        ws.host = fresh_host(lab)
        ws.screens = empty_screens(ws.epoch + 1)
        ws.clear_undo_steps = True
        result = change(ws)
        try:
            save(ws)
            version = ws.attempt.version
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            continue
        if isinstance(result, dict):
            result["version"], result["undo"] = version, 0
        return result
    raise LabConflict()
