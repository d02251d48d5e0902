"""Taking an assignment: start, autosave, submit, auto-submit at the deadline (Moodle's timing rules).

The server decides every deadline from stored UTC times: deadline = min(start + time limit,
due time (+ override) or the end of the late window). A request that touches an attempt past
its deadline submits it first, with what was saved; `close_overdue` does the same from cron.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.curriculum import Lab, Question
from app.extensions import db
from app.models import (
    Assignment,
    AssignmentAttempt,
    AssignmentOverride,
    AttemptState,
    ClassMember,
    GradeMethod,
    ItemResponse,
    LabHelp,
    ReviewWhen,
    User,
)
from app.services import assignment_items as items_adapter
from app.services.assignments import AssignmentNotFound, active_items, late_penalty, late_until
from app.services.attempt_score import total


class AttemptRefused(ValueError):
    """Starting or changing an attempt is not allowed now; `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def effective_due(assignment: Assignment, override: AssignmentOverride | None) -> datetime:
    """The due time for one learner (an override may extend it)."""
    return override.due_at if override is not None and override.due_at is not None else assignment.due_at


def time_limit(assignment: Assignment, override: AssignmentOverride | None) -> int | None:
    """Minutes allowed once started (an override may lengthen it)."""
    if override is not None and override.time_limit_minutes:
        return override.time_limit_minutes
    return assignment.time_limit_minutes


def attempts_allowed(assignment: Assignment, override: AssignmentOverride | None) -> int:
    """Attempts allowed (0 = unlimited), with any extra ones."""
    if assignment.attempts_allowed == 0:
        return 0
    return assignment.attempts_allowed + (override.extra_attempts if override is not None else 0)


def deadline_for(assignment: Assignment, override: AssignmentOverride | None, started: datetime) -> datetime:
    """min(start + time limit, due time + override or the end of the late window)."""
    close = late_until(assignment, effective_due(assignment, override))
    limit = time_limit(assignment, override)
    return min(started + timedelta(minutes=limit), close) if limit else close


def override_for(assignment_id: int, user_id: int) -> AssignmentOverride | None:
    """The learner's override, if any."""
    return db.session.scalar(
        select(AssignmentOverride).where(
            AssignmentOverride.assignment_id == assignment_id, AssignmentOverride.user_id == user_id
        )
    )


def assignment_for_learner(user: User | None, assignment_id: int) -> Assignment:
    """The assignment when the user is a learner of its class; AssignmentNotFound otherwise."""
    assignment = db.session.get(Assignment, assignment_id)
    if user is None or assignment is None:
        raise AssignmentNotFound(assignment_id)
    member = db.session.scalar(
        select(ClassMember.id).where(ClassMember.class_id == assignment.class_id, ClassMember.user_id == user.id)
    )
    if member is None:
        raise AssignmentNotFound(assignment_id)
    return assignment


def attempts_of(user: User, assignment_id: int) -> list[AssignmentAttempt]:
    """The learner's attempts at one assignment, oldest first."""
    return list(
        db.session.scalars(
            select(AssignmentAttempt)
            .where(AssignmentAttempt.assignment_id == assignment_id, AssignmentAttempt.user_id == user.id)
            .order_by(AssignmentAttempt.number)
        )
    )


def start(user: User, assignment_id: int, now: datetime, seed: int | None = None) -> AssignmentAttempt:
    """Start an attempt, or return the one in progress. The start time is recorded now."""
    assignment = assignment_for_learner(user, assignment_id)
    previous = attempts_of(user, assignment.id)
    for attempt in previous:
        if attempt.state is not AttemptState.finished and not close_if_overdue(attempt, assignment, now):
            return attempt
    override = override_for(assignment.id, user.id)
    allowed = attempts_allowed(assignment, override)
    if now < assignment.open_at:
        raise AttemptRefused("not_open")
    if now >= late_until(assignment, effective_due(assignment, override)):
        raise AttemptRefused("closed")
    if allowed and len(previous) >= allowed:
        raise AttemptRefused("no_attempts_left")
    seed = seed if seed is not None else secrets.randbits(31)
    slots = items_adapter.draw_slots(active_items(assignment), seed, assignment.shuffle)
    attempt = AssignmentAttempt(
        assignment_id=assignment.id,
        user_id=user.id,
        number=len(previous) + 1,
        seed=seed,
        slots=slots,
        started_at=now,
        deadline_at=deadline_for(assignment, override, now),
        max_score=sum(float(s["points"]) for s in slots),
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:  # a second tab started the same attempt at the same moment: use that one
        db.session.rollback()
        return attempts_of(user, assignment.id)[-1]
    _prepare_labs(user, attempt)
    return attempt


def _prepare_labs(user: User, attempt: AssignmentAttempt) -> None:
    """Make each lab's host of this attempt now, so opening the lab page only reads."""
    for entry in attempt.slots:
        lab = items_adapter.find(entry["ref"]) if entry["kind"] == "lab" else None
        if isinstance(lab, Lab):
            items_adapter.prepare_lab(user, lab, attempt.id)


def attempt_for_learner(user: User | None, attempt_id: int, now: datetime) -> AssignmentAttempt:
    """The learner's own attempt (submitted first if its deadline has passed)."""
    attempt = db.session.get(AssignmentAttempt, attempt_id)
    if user is None or attempt is None or attempt.user_id != user.id:
        raise AssignmentNotFound(attempt_id)
    assignment_for_learner(user, attempt.assignment_id)
    close_if_overdue(attempt, db.session.get(Assignment, attempt.assignment_id), now)
    return attempt


def close_if_overdue(attempt: AssignmentAttempt, assignment: Assignment | None, now: datetime) -> bool:
    """Submit an attempt whose deadline has passed, with what was saved; True when it is finished."""
    if attempt.state is AttemptState.finished:
        return True
    if now < attempt.deadline_at or assignment is None:
        return False
    finish(attempt, assignment, attempt.deadline_at, auto=True)
    return True


def save_answer(user: User, attempt_id: int, slot: int, form: Mapping[str, Any], now: datetime) -> ItemResponse:
    """Autosave (and grade) one answer. Refused once the attempt is finished or past its deadline."""
    attempt = attempt_for_learner(user, attempt_id, now)
    if attempt.state is AttemptState.finished:
        raise AttemptRefused("finished")
    if not 0 <= slot < len(attempt.slots) or attempt.slots[slot]["kind"] != "question":
        raise AttemptRefused("no_such_item")
    entry = attempt.slots[slot]
    question = items_adapter.find(entry["ref"])
    if not isinstance(question, Question):
        raise AttemptRefused("no_such_item")
    try:
        answer, verdict = items_adapter.grade_answer(question, form)
    except items_adapter.AnswerRefused as error:
        raise AttemptRefused(str(error)) from None
    response = _response(attempt, slot, entry["ref"])
    response.answer, response.verdict = answer, verdict
    response.max_score = float(entry["points"])
    response.score = round(items_adapter.fraction(verdict) * float(entry["points"]), 4)
    _touch(attempt)
    return response


def _response(attempt: AssignmentAttempt, slot: int, ref: str) -> ItemResponse:
    found = next((r for r in attempt.responses if r.slot == slot), None)
    if found is None:
        found = ItemResponse(attempt_id=attempt.id, slot=slot, item_ref=ref)
        attempt.responses.append(found)
    return found


def _touch(attempt: AssignmentAttempt) -> None:
    """Commit an autosave only while the attempt is still open and unchanged by another request."""
    db.session.flush()
    # A DML statement's result is a CursorResult, which has the row count.
    bumped = cast(
        CursorResult[Any],
        db.session.execute(
            update(AssignmentAttempt)
            .where(
                AssignmentAttempt.id == attempt.id,
                AssignmentAttempt.version == attempt.version,
                AssignmentAttempt.state == AttemptState.inprogress,
            )
            .values(version=AssignmentAttempt.version + 1)
            .execution_options(synchronize_session=False)
        ),
    )
    if not bumped.rowcount:
        db.session.rollback()
        raise AttemptRefused("changed")
    db.session.commit()


def submit(user: User, attempt_id: int, now: datetime) -> AssignmentAttempt:
    """ "Submit all": grade labs by their state now and total the attempt. A second submit changes nothing."""
    attempt = attempt_for_learner(user, attempt_id, now)
    if attempt.state is AttemptState.finished:
        return attempt
    # attempt_for_learner has checked that the assignment exists.
    finish(attempt, db.session.get_one(Assignment, attempt.assignment_id), now, auto=False)
    return attempt


def finish(attempt: AssignmentAttempt, assignment: Assignment, submitted: datetime, auto: bool) -> None:
    """Grade the labs, total, record the submission; a concurrent finish wins and this one re-reads."""
    user = db.session.get(User, attempt.user_id)
    override = override_for(assignment.id, attempt.user_id)  # read before anything changes (no autoflush)
    labs = [(slot, entry, items_adapter.find(entry["ref"])) for slot, entry in enumerate(attempt.slots)]
    graded = [
        (slot, entry, lab, items_adapter.grade_lab(user, lab, attempt.id))
        for slot, entry, lab in labs
        if entry["kind"] == "lab" and isinstance(lab, Lab) and user is not None
    ]
    try:
        with db.session.no_autoflush:
            for slot, entry, lab, (verdict, transcript, hints) in graded:
                response = _response(attempt, slot, entry["ref"])
                response.verdict, response.transcript = verdict, transcript
                response.answer = {"hints": hints, "hint_ids": list(lab.hint_refs(hints))}  # the hints it showed
                cost = hints * assignment.hint_cost / 100 if assignment.lab_help is LabHelp.cost else 0.0
                response.max_score = float(entry["points"])
                response.score = round(max(0.0, items_adapter.fraction(verdict) - cost) * float(entry["points"]), 4)
            attempt.state = AttemptState.finished
            attempt.submitted_at = submitted
            attempt.auto_submitted = auto
            attempt.late_penalty = late_penalty(assignment, effective_due(assignment, override), submitted)
            total(attempt, assignment, attempt.responses)
        db.session.commit()
    except (StaleDataError, IntegrityError):  # another tab or the cron job finished it first: theirs stands
        db.session.rollback()
        db.session.refresh(attempt)


def close_overdue(now: datetime) -> int:
    """Submit every attempt whose deadline has passed (safe to run from cron, again and again)."""
    rows = db.session.scalars(
        select(AssignmentAttempt).where(
            AssignmentAttempt.state != AttemptState.finished, AssignmentAttempt.deadline_at <= now
        )
    ).all()
    assignments = {
        a.id: a
        for a in db.session.scalars(select(Assignment).where(Assignment.id.in_({r.assignment_id for r in rows})))
    }
    closed = 0
    for attempt in rows:
        if close_if_overdue(attempt, assignments.get(attempt.assignment_id), now):
            closed += 1
    return closed


def grade_of(finished: list[AssignmentAttempt], method: GradeMethod) -> float | None:
    """The assignment's grade from finished attempts by the grade method (None before any)."""
    scores = [a.score or 0.0 for a in sorted(finished, key=lambda a: a.number)]
    if not scores:
        return None
    if method is GradeMethod.highest:
        return max(scores)
    if method is GradeMethod.first:
        return scores[0]
    if method is GradeMethod.last:
        return scores[-1]
    return round(sum(scores) / len(scores), 4)


def may_see(when: ReviewWhen, due: datetime, now: datetime) -> bool:
    """Whether a review option allows showing something now."""
    return when is ReviewWhen.immediately or (when is ReviewWhen.after_due and now >= due)
