"""The gradebook and an assignment's item analysis as CSV, XLSX and PDF (from the page's data)."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Assignment, SchoolClass, User
from app.reports import charts, item_tables, print_grid, tables
from app.services import assignment_stats, assignments, classes, gradebook
from app.services.exports_pdf import render_pdf

GRADEBOOK_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
ITEM_FORMATS = ("csv", "xlsx")
# The class report PDF prints each cell as the grade and one letter for its state (a legend names
# them), a learner's marks as one monospaced line (reports/print_grid.py), and the gradebook as one
# table per ROWS_PER_TABLE learners (bench/README.md).
STATE_CODES = {
    "not_started": "N",
    "in_progress": "P",
    "submitted": "S",
    "late": "L",
    "overdue_submitted": "D",
    "missed": "M",
    "excused": "E",
}
ROWS_PER_TABLE = 40


class ExportRefused(LookupError):
    """No such class code, or the assignment is not one of the class's (the message says which)."""


def class_by_code(code: str) -> SchoolClass:
    """The class with this join code, archived or not (an operator exports old classes too)."""
    found = db.session.scalar(select(SchoolClass).where(SchoolClass.join_code == classes.normalise_code(code)))
    if found is None:
        raise ExportRefused(f"{code}: no class has this code")
    return found


def assignment_of(school_class: SchoolClass, assignment_id: int) -> Assignment:
    """The class's assignment with this id; ExportRefused for another class's (or no) assignment."""
    found = db.session.scalar(
        select(Assignment)
        .where(Assignment.id == assignment_id, Assignment.class_id == school_class.id)
        .options(selectinload(Assignment.items))
    )
    if found is None:
        raise ExportRefused(f"assignment {assignment_id} is not in class {school_class.join_code}")
    return found


def _state_words() -> dict[str, str]:
    return {
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "submitted": _("Submitted"),
        "late": _("Late"),
        "overdue_submitted": _("Submitted at the deadline"),
        "missed": _("Missed"),
        "excused": _("Excused"),
    }


def gradebook_table(book: gradebook.Gradebook) -> tables.Table:
    """One row per learner: id, user name and name, then grade, state and submission time per assignment."""
    zone = book.school_class.timezone
    words = _state_words()
    columns = [
        tables.Column("learner_id", _("Learner id"), 10),
        tables.Column("username", _("User name"), 18),
        tables.Column("name", _("Name"), 24),
    ]
    # gettext outside the f-strings: pybabel's extractor does not look inside them
    scored, state, submitted = _("Points scored"), _("State"), _("Submitted")
    for a in book.assignments:
        columns += [
            tables.Column(f"g{a.id}", f"{a.title} [#{a.id}] · {scored}", 14),
            tables.Column(f"s{a.id}", f"{a.title} [#{a.id}] · {state}", 16),
            tables.Column(f"t{a.id}", f"{a.title} [#{a.id}] · {submitted}", 20),
        ]
    columns += [
        tables.Column("total", _("Total"), 10),
        tables.Column("possible", _("Points"), 10),
        tables.Column("percent", "%", 8),
    ]
    rows: list[dict[str, tables.Cell]] = []
    for row in book.rows:
        out: dict[str, tables.Cell] = {"learner_id": row.user.id, "username": row.user.username, "name": row.user.label}
        for a, cell in zip(book.assignments, row.cells, strict=True):
            out[f"g{a.id}"] = cell.grade
            out[f"s{a.id}"] = words.get(cell.state, cell.state)
            out[f"t{a.id}"] = assignments.to_local(cell.submitted_at, zone) if cell.submitted_at else None
        out.update(total=row.total, possible=row.possible, percent=row.percent)
        rows.append(out)
    return tables.Table(_("Gradebook"), tuple(columns), rows)


def _item_tables(stats: assignment_stats.AssignmentStats) -> list[tables.Table]:
    headers = {
        "item_id": _("Item id"),
        "title": _("Item"),
        "max_mark": _("Points"),
        "count": _("Attempts"),
        "max_total": _("Points"),
        "mean": _("Mean"),
        "median": _("Median"),
        "facility": _("Facility"),
        "sd": _("SD"),
        "discrimination": _("Discrimination"),
        "efficiency": _("Discriminative efficiency"),
        "flags": _("Flags"),
        "range": _("Range"),
        "low": _("From"),
        "high": _("To"),
    }
    titles = {"summary": _("Summary"), "items": _("Items")}
    found = item_tables.item_analysis_tables(stats.stats, headers, titles)
    return [*found, item_tables.histogram_table(stats.bins, headers, _("Score distribution"))]


def item_analysis_file(stats: assignment_stats.AssignmentStats, fmt: str) -> bytes:
    """The item analysis as CSV (the items table, with BOM) or XLSX (summary, items, distribution)."""
    found = _item_tables(stats)
    if fmt == "csv":
        return tables.table_csv(found[1]).encode("utf-8")
    return tables.tables_xlsx(found)


def class_report_pdf(book: gradebook.Gradebook, generated_at: datetime) -> bytes:
    """The class report: the gradebook, then each assignment's statistics and chart, from the page templates."""
    sections = []
    for a in book.assignments:
        stats = assignment_stats.compute(a, book.school_class)
        chart = charts.score_distribution_svg(
            stats.bins,
            _("Score distribution"),
            _("How many attempts reached each range of total points."),
            chart_id=f"score-chart-{a.id}",
        )
        sections.append({"page": stats, "chart": Markup(chart)})  # built by charts, which escapes its text
    marks = [[print_grid.mark(c.grade, STATE_CODES[c.state]) for c in row.cells] for row in book.rows]
    blocks = [
        (b, list(zip(book.rows, b.lines, strict=True))) for b in print_grid.grid_blocks(marks, len(book.assignments))
    ]
    return render_pdf(
        "gradebook/report.html",
        book=book,
        sections=sections,
        state_codes=STATE_CODES,
        rows_per_table=ROWS_PER_TABLE,
        blocks=blocks,
        generated_at=assignments.to_local(generated_at, book.school_class.timezone),
    )


def gradebook_file(book: gradebook.Gradebook, fmt: str, generated_at: datetime) -> bytes:
    """The gradebook in one format."""
    if fmt == "csv":
        return tables.table_csv(gradebook_table(book)).encode("utf-8")
    if fmt == "xlsx":
        return tables.tables_xlsx([gradebook_table(book)])
    return class_report_pdf(book, generated_at)


def gradebook_for_teacher(user: User | None, class_id: int, fmt: str, now: datetime) -> bytes:
    """The web download: the whole gradebook (unfiltered) of a class the user teaches."""
    return gradebook_file(gradebook.build(classes.class_for_teacher(user, class_id), now), fmt, now)
