"""Labs inside an assignment attempt: the lab page's terminal on a host of the attempt's own scope."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask_babel import gettext as _

from app.extensions import db
from app.models import Assignment, AttemptState, LabHelp, User
from app.services import attempts, lab_files, labs
from app.services.assignment_items import lab_scope
from app.services.assignments import AssignmentNotFound
from app.services.lab_actions import ACTIONS, HELP_ACTIONS


class AttemptLabClosed(ValueError):
    """The attempt is submitted (or its time is up): its labs take no more commands."""


def _open(user: User | None, attempt_id: int, lab_id: str, now: datetime) -> tuple[Any, Assignment]:
    """The learner's attempt when it is open and has this lab."""
    attempt = attempts.attempt_for_learner(user, attempt_id, now)
    if not any(s["kind"] == "lab" and s["ref"] == lab_id for s in attempt.slots):
        raise AssignmentNotFound(lab_id)
    assignment = db.session.get(Assignment, attempt.assignment_id)
    assert assignment is not None
    return attempt, assignment


def page(user: User | None, attempt_id: int, lab_id: str, lang: str, now: datetime) -> dict[str, Any]:
    """The lab page of one attempt (read-only once the attempt is finished)."""
    attempt, assignment = _open(user, attempt_id, lab_id, now)
    context = labs.page(lab_id, lang, scope=lab_scope(attempt.id))
    context.update(
        attempt=attempt,
        assignment=assignment,
        help_hidden=assignment.lab_help is LabHelp.hidden,
        hint_cost=assignment.hint_cost if assignment.lab_help is LabHelp.cost else 0,
        finished=attempt.state is AttemptState.finished,
        seconds_left=max(0, int((attempt.deadline_at - now).total_seconds())),
    )
    return context


def act(
    user: User | None, attempt_id: int, lab_id: str, action: str, body: dict[str, Any], lang: str, now: datetime
) -> dict[str, Any]:
    """One terminal request, on the attempt's own host; refused after submission or in exam mode."""
    handler = ACTIONS.get(action)
    if handler is None:
        raise AssignmentNotFound(action)
    attempt, assignment = _open(user, attempt_id, lab_id, now)
    if attempt.state is AttemptState.finished:
        raise AttemptLabClosed(_("This attempt is submitted; the lab takes no more commands."))
    if action in HELP_ACTIONS and assignment.lab_help is LabHelp.hidden:
        raise AttemptLabClosed(_("Hints and the solution are not available in this assignment."))
    return handler(lab_id, body, lang, scope=lab_scope(attempt.id))


def read_file(user: User | None, attempt_id: int, lab_id: str, path: str | None, now: datetime) -> dict[str, Any]:
    """A file of the attempt's lab host, for the editor."""
    attempt, _assignment = _open(user, attempt_id, lab_id, now)
    return lab_files.read_file(lab_id, path, scope=lab_scope(attempt.id))
