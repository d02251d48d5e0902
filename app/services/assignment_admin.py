"""The instructor's assignment forms: what the editor shows and what saving it does."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import Any

from app.models import Assignment, SchoolClass, User
from app.services import assignment_items, assignments, classes
from app.services.assignments import ItemChoice, Settings, to_local, to_utc


def class_for_new(user: User | None, class_id: int) -> SchoolClass:
    """The class a new assignment is for (taught by `user`)."""
    return classes.class_for_teacher(user, class_id)


def create(school_class: SchoolClass, user: User | None, settings: Settings, choice: ItemChoice) -> Assignment:
    """Save a new assignment."""
    return assignments.create(school_class, classes.require_instructor(user), settings, choice)


def picker() -> dict[str, Any]:
    """The course's questions, labs and lessons for the item picker."""
    return {
        "question_rows": assignment_items.question_choices(),
        "lab_rows": assignment_items.lab_choices(),
        "lesson_rows": assignment_items.lesson_choices(),
    }


def edit_page(user: User | None, assignment_id: int) -> dict[str, Any]:
    """The assignment being edited, its items, how many attempts exist (to warn), the form's values."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    tz = school_class.timezone
    form_data = SimpleNamespace(
        title=assignment.title,
        open_at=to_local(assignment.open_at, tz).replace(tzinfo=None),
        due_at=to_local(assignment.due_at, tz).replace(tzinfo=None),
        time_limit=assignment.time_limit_minutes,
        attempts_allowed=assignment.attempts_allowed,
        grade_method=assignment.grade_method.value,
        shuffle=assignment.shuffle,
        lab_help=assignment.lab_help.value,
        hint_cost=assignment.hint_cost,
        late_policy=assignment.late_policy.value,
        late_penalty_per_day=assignment.late_penalty_per_day,
        late_penalty_cap=assignment.late_penalty_cap,
        review_score=assignment.review_score.value,
        review_right=assignment.review_right.value,
        review_answers=assignment.review_answers.value,
        random_count=0,
        question_points=1,
        lab_points=5,
    )
    return {
        "assignment": assignment,
        "school_class": school_class,
        "attempt_count": assignments.attempt_count(assignment),
        "items": [assignments.describe(i) for i in assignment.items if i.removed_at is None],
        "form_data": form_data,
    }


def save_edit(page: dict[str, Any], settings: Settings, choice: ItemChoice, form: Mapping[str, Any]) -> int:
    """Save settings, item points and removals, and add chosen items; returns attempts regraded."""
    assignment: Assignment = page["assignment"]
    points: dict[int, float] = {}
    for item in assignment.items:
        raw = form.get(f"points-{item.id}")
        try:
            value = float(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            value = None
        if value is not None and 0 <= value <= 100:
            points[item.id] = value
    getlist: Callable[[str], list[Any]] = getattr(form, "getlist", lambda name: [])
    removed = {int(v) for v in getlist("remove") if str(v).isdigit()}
    assignments.add_items(assignment, choice)
    return assignments.update(assignment, settings, points, removed, classes.utc_now())


def duplicate_targets(page: dict[str, Any]) -> list[tuple[int, str]]:
    """The instructor's other classes an assignment can be copied to, as (id, name)."""
    current = page["school_class"]
    return [(c.id, c.name) for c in page.get("other_classes", []) if c.id != current.id]


def require_teacher(user: User | None, assignment_id: int) -> None:
    """Refuse anyone who does not teach the assignment's class (before reading any form)."""
    assignments.assignment_for_teacher(user, assignment_id)


def duplicate(user: User | None, assignment_id: int, target_id: int) -> Assignment:
    """Copy the assignment into another class the instructor teaches."""
    assignment, _school_class = assignments.assignment_for_teacher(user, assignment_id)
    target = classes.class_for_teacher(user, target_id)
    return assignments.duplicate(assignment, target, classes.require_instructor(user))


def save_override(user: User | None, assignment_id: int, form: Any) -> bool:
    """Accommodations for a learner of the class; False when the learner is not in it."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    learner_id = int(form.user_id.data)
    if learner_id not in {u.id for u in classes.roster(school_class)}:
        return False
    due = to_utc(form.due_at.data, school_class.timezone) if form.due_at.data else None
    assignments.set_override(assignment, learner_id, due, form.extra_attempts.data or 0, form.time_limit.data or None)
    return True
