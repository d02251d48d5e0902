"""Undo steps of a lab attempt: the stored host from before each state-changing change.

Why whole (compressed) hosts rather than the inverse of each change: the simulator has no
inverse for its commands, and the attempt's stored host *is* the step, byte for byte, so
recording one costs a single INSERT and nothing is encoded twice. The attempt row keeps the
count and bytes of its steps, so nothing reads a step except an undo.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select

from app.extensions import db
from app.models import LabAttempt, LabUndoStep, utcnow
from app.services import lab_format
from app.services import lab_limits as limits
from app.services.lab_format import TooLarge
from app.services.lab_workspace import Workspace

MAX_UNDO = limits.MAX_UNDO


def step_statements(attempt: LabAttempt, label: str, data: bytes) -> list[Any]:
    """Keep `data` as the newest undo step, dropping the oldest past MAX_UNDO or MAX_UNDO_BYTES."""
    if len(data) > limits.MAX_UNDO_BYTES:  # cannot be kept: older steps would skip over this change
        attempt.undo_count = attempt.undo_bytes = 0
        return [delete(LabUndoStep).where(LabUndoStep.attempt_id == attempt.id)]
    step = {"attempt_id": attempt.id, "command": label[:4096], "data": data, "size": len(data), "created_at": utcnow()}
    statements: list[Any] = [insert(LabUndoStep).values(**step)]
    count, total = attempt.undo_count + 1, attempt.undo_bytes + len(data)
    if count > MAX_UNDO or total > limits.MAX_UNDO_BYTES:
        steps = db.session.execute(
            select(LabUndoStep.id, LabUndoStep.size)
            .where(LabUndoStep.attempt_id == attempt.id)
            .order_by(LabUndoStep.id)
        ).all()
        count, total = len(steps) + 1, sum(s.size for s in steps) + len(data)
        drop = []
        for old in steps:
            if count <= MAX_UNDO and total <= limits.MAX_UNDO_BYTES:
                break
            drop.append(old.id)
            count, total = count - 1, total - old.size
        statements.append(delete(LabUndoStep).where(LabUndoStep.id.in_(drop)))
    attempt.undo_count, attempt.undo_bytes = count, total
    return statements


def undo_count(attempt: LabAttempt) -> int:
    """How many steps can be undone (kept on the row: counting never reads the steps)."""
    return int(attempt.undo_count or 0)


def pop_undo(ws: Workspace) -> tuple[str, dict[str, Any]] | None:
    """Remove the latest undo step; its label and host snapshot (None when there is none or it is unreadable).
    The snapshot is decoded from the row for this call alone, so the caller may give it to a host (owned=True)."""
    attempt = ws.attempt
    if not attempt.undo_count:
        return None
    step = db.session.execute(
        select(LabUndoStep.id, LabUndoStep.command, LabUndoStep.size)
        .where(LabUndoStep.attempt_id == attempt.id)
        .order_by(LabUndoStep.id.desc())
        .limit(1)
    ).first()
    if step is None:
        attempt.undo_count = attempt.undo_bytes = 0
        return None
    attempt.undo_count = max(attempt.undo_count - 1, 0)
    attempt.undo_bytes = max(attempt.undo_bytes - step.size, 0)
    stored = None
    if step.size <= max(limits.MAX_LEGACY_CHARS, limits.MAX_UNDO_BYTES):  # never read a step over a limit
        stored = db.session.execute(
            select(LabUndoStep.data, LabUndoStep.snapshot).where(LabUndoStep.id == step.id)
        ).first()
    db.session.execute(delete(LabUndoStep).where(LabUndoStep.id == step.id))
    try:
        if stored is None:
            return None
        if stored.data is not None:
            return step.command, lab_format.decode_host(stored.data)[0]
        return step.command, json.loads(stored.snapshot)
    except (TooLarge, ValueError, TypeError):
        return None


def clear_undo(ws: Workspace) -> None:
    """Forget every undo step when saved (after a reset, or an undo step that cannot be read)."""
    ws.clear_undo_steps = True
