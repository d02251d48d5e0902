"""The class gradebook: learners × assignments, each cell a grade by the grade method and a state.

Read with a fixed number of statements whatever the class size (tests count them at 5 and 200
learners): the class, its teacher check, the roster, the assignments with their items, every
attempt, every due-time override and every grade override of the class, one query each.

The page shows PAGE_SIZE learners at a time. Sorted by name (the default) without a state filter,
only that page's learners' cells are read and built, so a page costs about the same in a class of
50 or 500; sorting by a total or an assignment, or filtering by a state, needs every learner's
cells (still in the same number of statements), and then only the page is rendered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    Assignment,
    AssignmentAttempt,
    AssignmentOverride,
    AttemptState,
    GradeMethod,
    GradeOverride,
    SchoolClass,
    User,
)
from app.services import assignments, attempts, classes
from app.services.gc_pause import collector_paused

STATES = ("not_started", "in_progress", "submitted", "late", "overdue_submitted", "missed", "excused")
SORTS = ("name", "total")
MAX_COMMENT = 500
PAGE_SIZE = 50  # learners per gradebook page (the exports are never paged)


class GradeRefused(ValueError):
    """An override the service will not save (`code` says why)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Cell:
    """One learner's standing in one assignment."""

    state: str
    computed: float | None  # by the grade method from finished attempts; never changed by an override
    override: GradeOverride | None
    attempt_id: int | None  # the attempt that counts (or the open one): what a click shows
    attempts: int
    submitted_at: datetime | None

    @property
    def grade(self) -> float | None:
        """The grade that counts: the override's when it set one, else the computed one."""
        if self.override is not None and self.override.grade is not None:
            return self.override.grade
        return None if self.state == "excused" else self.computed


@dataclass
class Row:
    """One learner's line: a cell per assignment and the totals over the assignments not excused."""

    user: User
    cells: list[Cell]
    total: float = 0.0
    possible: float = 0.0

    @property
    def percent(self) -> float | None:
        """Total as a percentage of what was possible (None when everything was excused)."""
        return round(100 * self.total / self.possible, 1) if self.possible else None


@dataclass
class Gradebook:
    """Everything the gradebook page and its exports show."""

    school_class: SchoolClass
    assignments: list[Assignment]
    max_points: list[float]
    rows: list[Row] = field(default_factory=list)
    learners: int = 0  # before filtering
    matching: int = 0  # after filtering, before paging
    page: int = 1
    pages: int = 1
    first: int = 0  # 0-based position of the page's first row among the matching ones


def counting_attempt(finished: list[AssignmentAttempt], method: GradeMethod) -> AssignmentAttempt | None:
    """The attempt whose score is the grade (the last one for "average")."""
    ordered = sorted(finished, key=lambda a: a.number)
    if not ordered:
        return None
    if method is GradeMethod.highest:
        return max(ordered, key=lambda a: a.score or 0.0)
    return ordered[0] if method is GradeMethod.first else ordered[-1]


def cell_state(
    assignment: Assignment, due: datetime, rows: list[AssignmentAttempt], excused: bool, now: datetime
) -> str:
    """The cell's state; an attempt closed at its deadline (auto-submitted or not yet closed) is overdue-submitted."""
    if excused:
        return "excused"
    if any(a.state is not AttemptState.finished and now < a.deadline_at for a in rows):
        return "in_progress"
    done = [a for a in rows if a.state is AttemptState.finished or now >= a.deadline_at]
    if not done:
        return "missed" if now >= assignments.late_until(assignment, due) else "not_started"
    last = max(done, key=lambda a: a.submitted_at or a.deadline_at)
    if last.auto_submitted or last.state is not AttemptState.finished:
        return "overdue_submitted"
    return "late" if (last.submitted_at or last.deadline_at) > due else "submitted"


def _cell(
    assignment: Assignment,
    rows: list[AssignmentAttempt],
    due_override: AssignmentOverride | None,
    grade_override: GradeOverride | None,
    now: datetime,
) -> Cell:
    due = attempts.effective_due(assignment, due_override)
    excused = grade_override is not None and grade_override.excused
    finished = [a for a in rows if a.state is AttemptState.finished]
    counting = counting_attempt(finished, assignment.grade_method)
    open_one = next((a for a in rows if a.state is not AttemptState.finished), None)
    shown = counting or open_one
    return Cell(
        state=cell_state(assignment, due, rows, excused, now),
        computed=attempts.grade_of(finished, assignment.grade_method),
        override=grade_override,
        attempt_id=shown.id if shown else None,
        attempts=len(rows),
        submitted_at=max((a.submitted_at for a in finished if a.submitted_at), default=None),
    )


def _by_pair(model: Any, ids: list[int], users: list[int] | None) -> dict[tuple[int, int], list[Any]]:
    """Rows of `model` (a table with assignment_id and user_id) for these assignments (and these users,
    when given), keyed by the pair."""
    found: dict[tuple[int, int], list[Any]] = defaultdict(list)
    if ids:
        query = select(model).where(model.assignment_id.in_(ids))
        if users is not None:
            query = query.where(model.user_id.in_(users))
        for row in db.session.scalars(query):
            found[(row.assignment_id, row.user_id)].append(row)
    return found


# What a cell needs of an attempt: plain rows, not ORM objects (no `slots` JSON to decode, no
# identity map to fill), so a class of 500 × 20 costs its rows and nothing more (bench_gradebook).
ATTEMPT_COLUMNS = (
    AssignmentAttempt.id,
    AssignmentAttempt.assignment_id,
    AssignmentAttempt.user_id,
    AssignmentAttempt.number,
    AssignmentAttempt.state,
    AssignmentAttempt.deadline_at,
    AssignmentAttempt.submitted_at,
    AssignmentAttempt.auto_submitted,
    AssignmentAttempt.score,
)


def _attempts_by_pair(ids: list[int], users: list[int] | None) -> dict[tuple[int, int], list[Any]]:
    """Every attempt of these assignments (by these users, when given) as a row of ATTEMPT_COLUMNS,
    keyed by (assignment, user), by number."""
    found: dict[tuple[int, int], list[Any]] = defaultdict(list)
    if ids:
        query = (
            select(*ATTEMPT_COLUMNS).where(AssignmentAttempt.assignment_id.in_(ids)).order_by(AssignmentAttempt.number)
        )
        if users is not None:
            query = query.where(AssignmentAttempt.user_id.in_(users))
        for row in db.session.execute(query):
            found[(row.assignment_id, row.user_id)].append(row)
    return found


def build(school_class: SchoolClass, now: datetime, only: list[User] | None = None) -> Gradebook:
    """The whole gradebook of a class, unsorted and unfiltered (also what the exports write);
    with `only`, the rows of just these learners (a page), reading only their cells. The garbage
    collector is paused meanwhile: its passes over the growing rows made the build superlinear."""
    with collector_paused():
        return _build(school_class, now, only)


def _build(school_class: SchoolClass, now: datetime, only: list[User] | None) -> Gradebook:
    roster = classes.roster(school_class) if only is None else only
    users = None if only is None else [u.id for u in only]
    items = list(
        db.session.scalars(
            select(Assignment)
            .where(Assignment.class_id == school_class.id)
            .options(selectinload(Assignment.items))
            .order_by(Assignment.due_at, Assignment.id)
        )
    )
    ids = [a.id for a in items]
    tried = _attempts_by_pair(ids, users)
    due_overrides = _by_pair(AssignmentOverride, ids, users)
    grade_overrides = _by_pair(GradeOverride, ids, users)
    book = Gradebook(school_class, items, [assignments.max_points(a) for a in items], learners=len(roster))
    for learner in roster:
        row = Row(learner, [])
        for assignment, possible in zip(items, book.max_points, strict=True):
            key = (assignment.id, learner.id)
            cell = _cell(
                assignment,
                tried.get(key, []),
                next(iter(due_overrides.get(key, [])), None),
                next(iter(grade_overrides.get(key, [])), None),
                now,
            )
            row.cells.append(cell)
            if cell.state != "excused" or cell.grade is not None:
                row.total += cell.grade or 0.0
                row.possible += possible
        row.total = round(row.total, 4)
        book.rows.append(row)
    return book


def page(
    user: User | None,
    class_id: int,
    now: datetime,
    sort: str = "name",
    state: str = "",
    query: str = "",
    number: int = 1,
) -> Gradebook:
    """One page of the gradebook: sorted by name, total or one assignment (`a<id>`), filtered by state
    and name, then cut to PAGE_SIZE learners (page `number`, counted from 1, kept in range)."""
    school_class = classes.class_for_teacher(user, class_id)
    roster = classes.roster(school_class)
    needle = query.strip().casefold()
    chosen = [u for u in roster if needle in u.label.casefold() or needle in (u.username or "")] if needle else roster
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if state not in STATES and key != "total" and not key[1:].isdigit():
        # by name: only this page's learners are read
        ordered = list(reversed(chosen)) if descending else chosen
        number, first = _paging(len(ordered), number)
        book = build(school_class, now, ordered[first : first + PAGE_SIZE])
        book.matching = len(ordered)
    else:
        book = build(school_class, now)
        wanted = {u.id for u in chosen}
        rows = [r for r in book.rows if r.user.id in wanted]
        if state in STATES:
            rows = [r for r in rows if any(c.state == state for c in r.cells)]
        _sort(rows, [a.id for a in book.assignments], key, descending)
        number, first = _paging(len(rows), number)
        book.rows, book.matching = rows[first : first + PAGE_SIZE], len(rows)
    book.learners, book.page, book.first = len(roster), number, first
    book.pages = max(1, -(-book.matching // PAGE_SIZE))
    return book


def _paging(matching: int, number: int) -> tuple[int, int]:
    """The page number kept between 1 and the last page, and the position of its first row."""
    last = max(1, -(-matching // PAGE_SIZE))
    number = min(max(number, 1), last)
    return number, (number - 1) * PAGE_SIZE


def _sort(rows: list[Row], assignment_ids: list[int], key: str, descending: bool) -> None:
    """Sort rows in place by total, by one assignment's grade (`a<id>`) or, for anything else, by name."""
    if key == "total":
        rows.sort(key=lambda r: (r.percent is None, r.percent or 0.0), reverse=descending)
    elif key.startswith("a") and key[1:].isdigit() and int(key[1:]) in assignment_ids:
        column = assignment_ids.index(int(key[1:]))
        rows.sort(key=lambda r: (r.cells[column].grade is None, r.cells[column].grade or 0.0), reverse=descending)
    elif descending:
        rows.reverse()


def grade_page(user: User | None, assignment_id: int, learner_id: int, now: datetime) -> dict[str, object]:
    """One cell in full: the learner, every attempt, the computed grade and the override (who, when)."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    learner = db.session.get(User, learner_id)
    if learner is None or not classes.is_member(learner, school_class.id):
        raise assignments.AssignmentNotFound(assignment_id)
    rows = attempts.attempts_of(learner, assignment.id)
    current = _override(assignment.id, learner.id)
    cell = _cell(assignment, rows, attempts.override_for(assignment.id, learner.id), current, now)
    setter = db.session.get(User, current.set_by) if current and current.set_by else None
    return {
        "assignment": assignment,
        "school_class": school_class,
        "learner": learner,
        "attempts": rows,
        "cell": cell,
        "override": current,
        "set_by": setter,
        "max_points": assignments.max_points(assignment),
    }


def _override(assignment_id: int, user_id: int) -> GradeOverride | None:
    return db.session.scalar(
        select(GradeOverride).where(GradeOverride.assignment_id == assignment_id, GradeOverride.user_id == user_id)
    )


def set_override(
    user: User | None,
    assignment_id: int,
    learner_id: int,
    grade: float | None,
    excused: bool,
    comment: str,
    now: datetime,
) -> GradeOverride | None:
    """Save (or, with no grade, no excusal and no comment, remove) a learner's grade override."""
    page_data = grade_page(user, assignment_id, learner_id, now)
    possible = float(page_data["max_points"])  # type: ignore[arg-type]
    if grade is not None and not 0 <= grade <= possible:
        raise GradeRefused("out_of_range")
    if len(comment) > MAX_COMMENT:
        raise GradeRefused("comment_too_long")
    current = page_data["override"]
    assert isinstance(current, GradeOverride | None)
    if grade is None and not excused and not comment.strip():
        if current is not None:
            db.session.delete(current)
            db.session.commit()
        return None
    if current is None:
        current = GradeOverride(assignment_id=assignment_id, user_id=learner_id)
        db.session.add(current)
    current.grade, current.excused, current.comment = grade, excused, comment.strip()
    current.set_by, current.set_at = user.id if user else None, now
    db.session.commit()
    return current
