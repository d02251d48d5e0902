"""Lab attempts in the database: one simulated host per (learner, lab), saved after every step.

A `Workspace` is an attempt loaded for one request: the live `DockerHost` rebuilt from the
stored snapshot plus the terminal scrollback, command history and recent command ids. Every
change goes through `mutate()`, which saves with optimistic concurrency (the attempt's
`version`) and retries on a conflict, so any worker can serve any request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.curriculum import Lab
from app.dockersim import DockerHost
from app.extensions import db
from app.grading import replay
from app.grading.replay import lab_seed
from app.models import Activity, LabAttempt, LabUndoStep, User, utcnow
from app.services import course as course_service

PLAYGROUND_ID = "@playground"
PRACTICE = "practice"  # the scope of self-study attempts (see find_attempt)
MAX_UNDO = 20
MAX_HISTORY = 200
MAX_RECENT_IDS = 30
MAX_SCROLLBACK_LINES = 500
MAX_SCROLLBACK_CHARS = 100_000
MAX_TERMINALS = 4
SAVE_ATTEMPTS = 3

T = TypeVar("T")


class LabConflict(Exception):
    """The attempt changed in another tab, device or worker; the learner should reload."""


@dataclass
class Workspace:
    """One attempt, loaded: the host and the terminal bookkeeping, saved together."""

    attempt: LabAttempt
    host: DockerHost
    screens: dict[str, Any]
    history: list[str]
    recent: list[list[Any]]
    changed: bool = False
    skip_save: bool = False
    verdict: Any = None  # the goal's verdict for the current host, once computed
    undo_label: str | None = None
    undo_snapshot: str | None = field(default=None, repr=False)

    # --- scrollback ----------------------------------------------------------------

    def write(self, terminal: int, kind: str, text: str) -> None:
        """Append one piece of output ("in", "out", "err", "note") to a terminal's scrollback."""
        if not text:
            return
        screen = self.screens["terms"].setdefault(str(terminal), {"seq": 0, "lines": []})
        screen["seq"] += 1
        screen["lines"].append([screen["seq"], kind, text])
        lines = screen["lines"]
        while len(lines) > MAX_SCROLLBACK_LINES or (
            len(lines) > 1 and sum(len(e[2]) for e in lines) > MAX_SCROLLBACK_CHARS
        ):
            lines.pop(0)
        self.changed = True

    def since(self, known: dict[str, int], epoch: int | None) -> dict[str, list[list[Any]]]:
        """Scrollback entries newer than what the client has (all of them after a reset)."""
        full = epoch != self.screens["epoch"]
        out: dict[str, list[list[Any]]] = {}
        for tid, screen in sorted(self.screens["terms"].items()):
            last = -1 if full else int(known.get(tid, -1))
            fresh = [e for e in screen["lines"] if e[0] > last]
            if fresh:
                out[tid] = fresh
        return out

    def collect_streams(self) -> None:
        """Move output that containers wrote to attached terminals into the scrollback."""
        for tid in range(MAX_TERMINALS):
            if tid in self.host.terminals:
                self.write(tid, "out", self.host.drain_output(tid))

    def remember_history(self, line: str) -> None:
        """Add a typed line to the ↑/↓ history (no blank lines, no immediate repeats)."""
        if line.strip() and (not self.history or self.history[-1] != line):
            self.history.append(line)
            del self.history[:-MAX_HISTORY]
            self.changed = True

    # --- undo --------------------------------------------------------------------------

    def mark_undo_point(self, label: str, before: str) -> None:
        """Record `before` (the snapshot JSON before a change) as an undo step when saved."""
        self.undo_label, self.undo_snapshot = label, before

    @property
    def epoch(self) -> int:
        """Bumped by reset and undo so clients redraw their terminals."""
        return int(self.screens["epoch"])


def dump(value: Any) -> str:
    """Compact, stable JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def snapshot_json(host: DockerHost) -> str:
    """The host as stored."""
    return dump(host.snapshot())


def state_key(snapshot: dict[str, Any]) -> str:
    """What counts as "the state changed" for undo: everything but time, history and terminals."""
    ignored = {"clock", "history", "terminals", "ids", "deadlines"}
    return dump({k: v for k, v in snapshot.items() if k not in ignored})


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


# --- loading and saving -------------------------------------------------------------------


def find_attempt(user: User, lab_id: str, scope: str = PRACTICE) -> LabAttempt | None:
    """The learner's attempt at a lab in a scope (the most recent one if a merge brought two).

    `scope` separates hosts of the same lab: "practice" is self-study; an assigned quiz gives
    each of its attempts its own scope, so a graded host never mixes with practice.
    """
    return db.session.scalar(
        select(LabAttempt)
        .where(LabAttempt.user_id == user.id, LabAttempt.lab_id == lab_id, LabAttempt.scope == scope)
        .order_by(LabAttempt.updated_at.desc(), LabAttempt.id.desc())
        .limit(1)
    )


def open_workspace(user: User, lab_id: str, lab: Lab | None, scope: str = PRACTICE) -> Workspace:
    """Load the attempt, creating it (fresh host, saved at once) on first visit."""
    attempt = find_attempt(user, lab_id, scope)
    if attempt is None:
        host = fresh_host(lab)
        attempt = LabAttempt(
            user_id=user.id,
            lab_id=lab_id,
            scope=scope,
            snapshot=snapshot_json(host),
            terminals=dump(empty_screens()),
            history="[]",
            recent_commands="[]",
            status="in_progress",
            best_score=0.0,
            hints_used=0,
        )
        db.session.add(attempt)
        db.session.add(Activity(user_id=user.id, kind="lab_started", item_id=lab_id))
        db.session.commit()
        return Workspace(attempt, host, empty_screens(), [], [])
    try:
        host = DockerHost.from_snapshot(json.loads(attempt.snapshot))
    except (ValueError, KeyError, TypeError) as error:
        # A simulator update changed the snapshot format: this attempt's host starts again.
        current_app.logger.warning("lab %s: stored host unreadable (%s); starting afresh", lab_id, error)
        host = fresh_host(lab)
        attempt.snapshot = snapshot_json(host)
        attempt.terminals = dump(empty_screens(int(json.loads(attempt.terminals).get("epoch", 0)) + 1))
        attempt.undo_steps.clear()
    return Workspace(
        attempt, host, json.loads(attempt.terminals), json.loads(attempt.history), json.loads(attempt.recent_commands)
    )


def save(ws: Workspace) -> None:
    """Write the workspace back (the UPDATE carries `WHERE version = :old`)."""
    attempt = ws.attempt
    attempt.updated_at = utcnow()  # always an UPDATE, so the version check always runs
    attempt.snapshot = snapshot_json(ws.host)
    attempt.terminals = dump(ws.screens)
    attempt.history = dump(ws.history)
    attempt.recent_commands = dump(ws.recent[-MAX_RECENT_IDS:])
    if ws.undo_snapshot is not None:
        attempt.undo_steps.append(LabUndoStep(command=ws.undo_label or "", snapshot=ws.undo_snapshot))
        excess = len(attempt.undo_steps) - MAX_UNDO
        for step in list(attempt.undo_steps[: max(excess, 0)]):
            attempt.undo_steps.remove(step)
    db.session.flush()


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
    for _ in range(SAVE_ATTEMPTS):
        ws = open_workspace(user, lab_id, lab, scope)
        if expected_version is not None and ws.attempt.version != expected_version:
            db.session.rollback()
            raise LabConflict()
        result = change(ws)
        if ws.skip_save:
            db.session.rollback()
            return result
        try:
            save(ws)
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            continue
        if isinstance(result, dict):  # the reply was built before the save bumped these
            if "version" in result:
                result["version"] = ws.attempt.version
            if "undo" in result:
                result["undo"] = undo_count(ws.attempt)
        return result
    raise LabConflict()


def read_only(user: User | None, lab_id: str, lab: Lab | None, scope: str = PRACTICE) -> Workspace:
    """The attempt for showing (created on first visit, not changed).

    A visitor without a user gets an unsaved preview of the fresh host: merely looking at a
    lab (a crawler, a link preview) writes nothing; the first command makes the guest.
    """
    if user is None:
        attempt = LabAttempt(
            lab_id=lab_id,
            scope=scope,
            status="in_progress",
            best_score=0.0,
            hints_used=0,
            version=0,
            history="[]",
            recent_commands="[]",
        )
        return Workspace(attempt, fresh_host(lab), empty_screens(), [], [])
    return open_workspace(user, lab_id, lab, scope)


def undo_count(attempt: LabAttempt) -> int:
    """How many steps can be undone."""
    return len(attempt.undo_steps)


def pop_undo(ws: Workspace) -> LabUndoStep | None:
    """Remove and return the latest undo step."""
    if not ws.attempt.undo_steps:
        return None
    step = ws.attempt.undo_steps[-1]
    ws.attempt.undo_steps.remove(step)
    return step


def clear_undo(ws: Workspace) -> None:
    """Forget every undo step (after a reset)."""
    ws.attempt.undo_steps.clear()
