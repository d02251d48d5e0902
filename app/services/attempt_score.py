"""An attempt's total score, shared by submitting (`attempts`) and regrading (`assignments`).

Its own module so that `assignments` can regrade without importing `attempts`, which imports it.
"""

from __future__ import annotations

from app.models import Assignment, AssignmentAttempt, ItemResponse


def total(attempt: AssignmentAttempt, assignment: Assignment, responses: list[ItemResponse]) -> None:
    """The attempt's score: the sum of its items' scores, less the late penalty."""
    raw = sum(r.score or 0.0 for r in responses)
    attempt.max_score = sum(float(s["points"]) for s in attempt.slots)
    attempt.score = round(raw * (1 - attempt.late_penalty / 100), 4)
