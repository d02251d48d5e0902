"""Shared set-up of the gradebook tests: a classroom with learners, assignments and finished attempts."""

from __future__ import annotations

import itertools
from datetime import timedelta

from app.models import Assignment, AssignmentAttempt, AttemptState, ClassMember, Role, User
from tests.web.classroom_setup import now

_numbers = itertools.count()


def add_learners(dbs, class_id: int, names: list[str]) -> list[int]:  # type: ignore[no-untyped-def]
    """Learners (display names as given) put in the class; their ids."""
    with dbs() as s:
        users = [
            User(
                username=f"gb{next(_numbers):05d}",
                display_name=name,
                is_guest=False,
                role=Role.learner,
                password_hash="x",
            )
            for name in names
        ]
        s.add_all(users)
        s.flush()
        s.add_all(ClassMember(class_id=class_id, user_id=u.id) for u in users)
        s.commit()
        return [u.id for u in users]


def add_attempt(  # type: ignore[no-untyped-def]
    dbs, assignment_id: int, user_id: int, score: float | None, number: int = 1, **fields
) -> int:
    """A finished attempt (unless `state` says otherwise) submitted five minutes after it started."""
    start = now() - timedelta(minutes=30)
    values = {
        "state": AttemptState.finished,
        "submitted_at": start + timedelta(minutes=5),
        "deadline_at": start + timedelta(days=1),
        **fields,
    }
    with dbs() as s:
        attempt = AssignmentAttempt(
            assignment_id=assignment_id,
            user_id=user_id,
            number=number,
            seed=number,
            slots=[],
            started_at=start,
            score=score,
            max_score=8.0,
            **values,
        )
        s.add(attempt)
        s.commit()
        return attempt.id


def add_assignments(dbs, class_id: int, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    """More (itemless) assignments in the class, due in a week."""
    with dbs() as s:
        rows = [
            Assignment(
                class_id=class_id,
                title=f"과제 {n}",
                open_at=now() - timedelta(days=1),
                due_at=now() + timedelta(days=7, minutes=n),
            )
            for n in range(count)
        ]
        s.add_all(rows)
        s.commit()
        return [a.id for a in rows]
