"""Statistics of one assignment: item analysis, choice distributions, lab check failures, the chart.

Every mark is read by ONE select (attempts joined to their responses): a single statement sees
one snapshot on SQLite and PostgreSQL alike, so an attempt submitted while the page is computed
is either wholly in (its total and every item mark) or wholly out, never half.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app import grading
from app.curriculum import Lab, Question
from app.extensions import db
from app.models import Assignment, AssignmentAttempt, AttemptState, ItemResponse, SchoolClass, User
from app.reports import charts, statistics
from app.services import assignment_items, assignments


@dataclass
class AttemptMarks:
    """One finished attempt as read: its learner, number and each response by course item id."""

    attempt_id: int
    user_id: int
    number: int
    responses: dict[str, tuple[float | None, Any, dict[str, Any] | None]] = field(default_factory=dict)


@dataclass
class AssignmentStats:
    """What the statistics page and the item-analysis export show."""

    assignment: Assignment
    school_class: SchoolClass
    all_attempts: bool
    stats: statistics.TestStats
    bins: list[charts.Bin]
    choices: dict[str, list[statistics.ChoiceCount]]
    popular_wrong: dict[str, statistics.ChoiceCount | None]
    checks: dict[str, list[statistics.CheckRate]]
    kinds: dict[str, str]  # item id -> question kind or "lab"
    left_out: int  # items drawn at random: not the same for every attempt, so not analysed


def read_marks(assignment_id: int) -> list[AttemptMarks]:
    """Every finished attempt and its responses, by one statement (one snapshot)."""
    query = (
        select(
            AssignmentAttempt.id,
            AssignmentAttempt.user_id,
            AssignmentAttempt.number,
            ItemResponse.item_ref,
            ItemResponse.score,
            ItemResponse.answer,
            ItemResponse.verdict,
        )
        .outerjoin(ItemResponse, ItemResponse.attempt_id == AssignmentAttempt.id)
        .where(AssignmentAttempt.assignment_id == assignment_id, AssignmentAttempt.state == AttemptState.finished)
        .order_by(AssignmentAttempt.user_id, AssignmentAttempt.number, ItemResponse.slot)
    )
    found: dict[int, AttemptMarks] = {}
    for attempt_id, user_id, number, ref, score, answer, verdict in db.session.execute(query):
        marks = found.setdefault(attempt_id, AttemptMarks(attempt_id, user_id, number))
        if ref is not None:
            marks.responses[ref] = (score, answer, verdict)
    return list(found.values())


def first_attempts(rows: list[AttemptMarks]) -> list[AttemptMarks]:
    """Each learner's first finished attempt (Moodle's default for item statistics)."""
    first: dict[int, AttemptMarks] = {}
    for row in rows:
        if row.user_id not in first or row.number < first[row.user_id].number:
            first[row.user_id] = row
    return list(first.values())


def _specs(assignment: Assignment) -> tuple[list[statistics.ItemSpec], dict[str, Any], int]:
    """The fixed items (questions and labs) with their course objects; how many random ones are left out."""
    specs, found, left_out = [], {}, 0
    for item in assignments.active_items(assignment):
        if item.kind == "random" or not item.item_id:
            left_out += item.count
            continue
        course_item = assignment_items.find(item.item_id)
        found[item.item_id] = course_item
        title = assignments.describe(item)["title"]
        specs.append(statistics.ItemSpec(item.item_id, title, float(item.points)))
    return specs, found, left_out


def _choices(question: Question, rows: list[AttemptMarks]) -> list[statistics.ChoiceCount]:
    key = question.key
    correct = key["correct"] if isinstance(key["correct"], list) else [key["correct"]]
    chosen = [r.responses[question.id][1] for r in rows if question.id in r.responses]
    valid = [a if isinstance(a, int | list) else None for a in chosen]
    return statistics.choice_distribution(list(key["choices"]), correct, valid)


def _checks(lab_id: str, rows: list[AttemptMarks]) -> list[statistics.CheckRate]:
    verdicts: list[dict[str, Any]] = [
        v for r in rows if lab_id in r.responses and (v := r.responses[lab_id][2]) is not None and v
    ]
    names: list[str] = []
    for verdict in verdicts:
        names.extend(c["name"] for c in verdict.get("checks", []) if c["name"] not in names)
    results = [{c["name"]: bool(c["passed"]) for c in v.get("checks", [])} for v in verdicts]
    return statistics.check_failure_rates(names, results)


def assignment_statistics(user: User | None, assignment_id: int, all_attempts: bool = False) -> AssignmentStats:
    """The statistics of an assignment the user teaches (first attempts unless `all_attempts`)."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    return compute(assignment, school_class, all_attempts)


def compute(assignment: Assignment, school_class: SchoolClass, all_attempts: bool = False) -> AssignmentStats:
    """The statistics of one assignment (the caller checked who may see them)."""
    rows = read_marks(assignment.id)
    if not all_attempts:
        rows = first_attempts(rows)
    specs, found, left_out = _specs(assignment)
    table = [[(r.responses.get(s.item_id) or (None, None, None))[0] for s in specs] for r in rows]
    stats = statistics.item_analysis(specs, table)
    totals = [sum(m or 0.0 for m in row) for row in table]
    choices: dict[str, list[statistics.ChoiceCount]] = {}
    checks: dict[str, list[statistics.CheckRate]] = {}
    kinds: dict[str, str] = defaultdict(str)
    for spec in specs:
        item = found.get(spec.item_id)
        if isinstance(item, Question):
            kinds[spec.item_id] = item.kind
            if grading.question_kind(item.kind).picks_choices:
                choices[spec.item_id] = _choices(item, rows)
        elif isinstance(item, Lab):
            kinds[spec.item_id] = "lab"
            checks[spec.item_id] = _checks(spec.item_id, rows)
    return AssignmentStats(
        assignment,
        school_class,
        all_attempts,
        stats,
        charts.histogram(totals, stats.max_total),
        choices,
        {k: statistics.popular_wrong_choice(v) for k, v in choices.items()},
        checks,
        dict(kinds),
        left_out,
    )


def chart_svg(page: AssignmentStats, title: str, description: str) -> str:
    """The score-distribution chart of the page (an SVG string with no inline style)."""
    return charts.score_distribution_svg(page.bins, title, description)
