"""What the assignment pages show: the learner's list, an attempt, a review, the instructor's reports.

Each function returns plain data for one page with a fixed number of queries, whatever the
class size (tests count them at 5 and 200 learners).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.curriculum import Question
from app.extensions import db
from app.models import (
    Assignment,
    AssignmentAttempt,
    AssignmentOverride,
    AttemptState,
    ClassMember,
    ItemResponse,
    SchoolClass,
    User,
)
from app.services import assignment_items as items_adapter
from app.services import assignments, attempts, classes
from app.services.lab_scrollback import shown_entry

DUE_SOON = timedelta(hours=48)


@dataclass(frozen=True)
class LearnerRow:
    """One assignment in the learner's list."""

    assignment: Assignment
    school_class: SchoolClass
    due: datetime
    status: str  # upcoming, todo, due_soon, in_progress, done, missed
    grade: float | None
    attempt: AssignmentAttempt | None  # the one in progress, if any


def _status(assignment: Assignment, due: datetime, rows: list[AssignmentAttempt], now: datetime) -> str:
    close = assignments.late_until(assignment, due)
    if any(a.state is not AttemptState.finished and now < a.deadline_at for a in rows):
        return "in_progress"
    if any(a.state is AttemptState.finished or now >= a.deadline_at for a in rows):
        return "done"
    if now >= close:
        return "missed"
    if now < assignment.open_at:
        return "upcoming"
    return "due_soon" if due - now <= DUE_SOON else "todo"


def my_assignments(user: User | None, now: datetime) -> dict[str, list[LearnerRow]]:
    """The learner's assignments grouped: to do (and due soon), done, missed. Four queries."""
    groups: dict[str, list[LearnerRow]] = {"todo": [], "done": [], "missed": []}
    if user is None or user.is_guest:
        return groups
    pairs = db.session.execute(
        select(Assignment, SchoolClass)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .join(ClassMember, ClassMember.class_id == SchoolClass.id)
        .where(ClassMember.user_id == user.id)
        .order_by(Assignment.due_at)
    ).all()
    ids = [a.id for a, _ in pairs]
    mine: dict[int, list[AssignmentAttempt]] = defaultdict(list)
    overrides: dict[int, AssignmentOverride] = {}
    if ids:
        for attempt in db.session.scalars(
            select(AssignmentAttempt).where(
                AssignmentAttempt.user_id == user.id, AssignmentAttempt.assignment_id.in_(ids)
            )
        ):
            mine[attempt.assignment_id].append(attempt)
        overrides = {
            o.assignment_id: o
            for o in db.session.scalars(
                select(AssignmentOverride).where(
                    AssignmentOverride.user_id == user.id, AssignmentOverride.assignment_id.in_(ids)
                )
            )
        }
    for assignment, school_class in pairs:
        due = attempts.effective_due(assignment, overrides.get(assignment.id))
        rows = mine[assignment.id]
        status = _status(assignment, due, rows, now)
        finished = [a for a in rows if a.state is AttemptState.finished]
        open_one = next((a for a in rows if a.state is not AttemptState.finished), None)
        row = LearnerRow(
            assignment, school_class, due, status, attempts.grade_of(finished, assignment.grade_method), open_one
        )
        groups["done" if status == "done" else "missed" if status == "missed" else "todo"].append(row)
    return groups


def assignment_intro(user: User | None, assignment_id: int, now: datetime) -> dict[str, Any]:
    """The learner's page of one assignment: settings, their attempts, whether they may start."""
    assignment = attempts.assignment_for_learner(user, assignment_id)
    assert user is not None
    school_class = db.session.get(SchoolClass, assignment.class_id)
    override = attempts.override_for(assignment.id, user.id)
    rows = attempts.attempts_of(user, assignment.id)
    for attempt in rows:
        attempts.close_if_overdue(attempt, assignment, now)
    due = attempts.effective_due(assignment, override)
    allowed = attempts.attempts_allowed(assignment, override)
    finished = [a for a in rows if a.state is AttemptState.finished]
    open_one = next((a for a in rows if a.state is not AttemptState.finished), None)
    can_start = (
        open_one is None
        and assignment.open_at <= now < assignments.late_until(assignment, due)
        and (allowed == 0 or len(rows) < allowed)
    )
    return {
        "assignment": assignment,
        "school_class": school_class,
        "due": due,
        "time_limit": attempts.time_limit(assignment, override),
        "allowed": allowed,
        "attempts": rows,
        "open_attempt": open_one,
        "can_start": can_start,
        "not_open": now < assignment.open_at,
        "show_score": attempts.may_see(assignment.review_score, due, now),
        "grade": attempts.grade_of(finished, assignment.grade_method),
        "item_count": len(assignments.active_items(assignment)),
        "max_points": assignments.max_points(assignment),
    }


def attempt_page(user: User | None, attempt_id: int, now: datetime) -> dict[str, Any]:
    """An attempt in progress: its items, saved answers and the seconds left (server time)."""
    attempt = attempts.attempt_for_learner(user, attempt_id, now)
    assignment = db.session.get(Assignment, attempt.assignment_id)
    saved = {r.slot: r for r in attempt.responses}
    items = []
    for slot, entry in enumerate(attempt.slots):
        found = items_adapter.find(entry["ref"])
        items.append(
            {
                "slot": slot,
                "entry": entry,
                "item": found,
                "saved": saved.get(slot),
                "is_question": isinstance(found, Question),
            }
        )
    unanswered = [slot + 1 for slot, i in enumerate(items) if i["is_question"] and i["saved"] is None]
    return {
        "attempt": attempt,
        "assignment": assignment,
        "items": items,
        "unanswered": unanswered,
        "seconds_left": max(0, int((attempt.deadline_at - now).total_seconds())),
        "finished": attempt.state is AttemptState.finished,
    }


def review(user: User | None, attempt_id: int, now: datetime) -> dict[str, Any]:
    """A finished attempt for the learner, showing only what the review options allow now."""
    page = attempt_page(user, attempt_id, now)
    assignment, attempt = page["assignment"], page["attempt"]
    assert user is not None
    due = attempts.effective_due(assignment, attempts.override_for(assignment.id, user.id))
    page["show_score"] = attempts.may_see(assignment.review_score, due, now)
    page["show_right"] = attempts.may_see(assignment.review_right, due, now)
    page["show_answers"] = attempts.may_see(assignment.review_answers, due, now)
    page["late"] = attempt.submitted_at is not None and attempt.submitted_at > due
    return page


def class_page(user: User | None, class_id: int) -> dict[str, Any]:
    """The instructor's class page: code, roster, teachers, assignments with attempt counts."""
    school_class = classes.class_for_teacher(user, class_id)
    rows = list(
        db.session.scalars(select(Assignment).where(Assignment.class_id == class_id).order_by(Assignment.due_at))
    )
    started: dict[int, set[int]] = defaultdict(set)
    submitted: dict[int, set[int]] = defaultdict(set)
    if rows:
        query = select(AssignmentAttempt.assignment_id, AssignmentAttempt.user_id, AssignmentAttempt.state).where(
            AssignmentAttempt.assignment_id.in_([a.id for a in rows])
        )
        for assignment_id, user_id, state in db.session.execute(query):
            started[assignment_id].add(user_id)
            if state is AttemptState.finished:
                submitted[assignment_id].add(user_id)
    return {
        "school_class": school_class,
        "roster": classes.roster(school_class),
        "teachers": classes.teachers(school_class),
        "assignments": [
            {"assignment": a, "started": len(started[a.id]), "submitted": len(submitted[a.id])} for a in rows
        ],
    }


def assignment_report(user: User | None, assignment_id: int, now: datetime) -> dict[str, Any]:
    """Per learner: not started, in progress, submitted, late (or missed), with grade and attempts."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    roster = classes.roster(school_class)
    overrides = assignments.overrides_of(assignment)
    by_user: dict[int, list[AssignmentAttempt]] = defaultdict(list)
    for attempt in db.session.scalars(
        select(AssignmentAttempt)
        .where(AssignmentAttempt.assignment_id == assignment.id)
        .order_by(AssignmentAttempt.number)
    ):
        by_user[attempt.user_id].append(attempt)
    learners = []
    counts: dict[str, int] = defaultdict(int)
    for learner in roster:
        rows = by_user.get(learner.id, [])
        due = attempts.effective_due(assignment, overrides.get(learner.id))
        state = _teacher_state(assignment, due, rows, now)
        counts[state] += 1
        finished = [a for a in rows if a.state is AttemptState.finished]
        learners.append(
            {
                "user": learner,
                "state": state,
                "attempts": rows,
                "override": overrides.get(learner.id),
                "grade": attempts.grade_of(finished, assignment.grade_method),
            }
        )
    return {
        "assignment": assignment,
        "school_class": school_class,
        "learners": learners,
        "counts": dict(counts),
        "items": [assignments.describe(i) for i in assignment.items],
        "attempt_count": sum(len(v) for v in by_user.values()),
        "max_points": assignments.max_points(assignment),
        "other_classes": [
            s.school_class
            for s in classes.classes_of(user)  # type: ignore[arg-type]
            if s.school_class.id != school_class.id and not s.school_class.archived
        ],
    }


def _teacher_state(assignment: Assignment, due: datetime, rows: list[AssignmentAttempt], now: datetime) -> str:
    finished = [a for a in rows if a.state is AttemptState.finished or now >= a.deadline_at]
    if any(a.state is not AttemptState.finished and now < a.deadline_at for a in rows):
        return "in_progress"
    if finished:
        last = max((a.submitted_at or a.deadline_at) for a in finished)
        return "late" if last > due else "submitted"
    return "missed" if now >= assignments.late_until(assignment, due) else "not_started"


def attempt_for_teacher(user: User | None, attempt_id: int, now: datetime) -> dict[str, Any]:
    """Every answer of one attempt with its verdict; for a lab, each check and the transcript."""
    attempt = db.session.get(AssignmentAttempt, attempt_id)
    if attempt is None:
        classes.require_instructor(user)
        raise assignments.AssignmentNotFound(attempt_id)
    assignment, school_class = assignments.assignment_for_teacher(user, attempt.assignment_id)
    attempts.close_if_overdue(attempt, assignment, now)
    responses = {
        r.slot: r for r in db.session.scalars(select(ItemResponse).where(ItemResponse.attempt_id == attempt.id))
    }
    items = [
        {
            "slot": slot,
            "entry": entry,
            "item": items_adapter.find(entry["ref"]),
            "response": responses.get(slot),
            "transcript": _transcript(responses.get(slot)),
        }
        for slot, entry in enumerate(attempt.slots)
    ]
    return {
        "attempt": attempt,
        "assignment": assignment,
        "school_class": school_class,
        "learner": db.session.get(User, attempt.user_id),
        "items": items,
    }


def _transcript(response: ItemResponse | None) -> list[list[Any]]:
    """A lab's stored transcript as the instructor reads it: notes in the instructor's language."""
    entries = (response.transcript if response is not None else None) or []
    return [shown_entry(entry) for entry in entries if isinstance(entry, list) and len(entry) >= 3]
