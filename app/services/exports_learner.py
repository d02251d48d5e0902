"""The learner's own export: CSV, XLSX, JSON and a PDF report, readable (titles next to ids)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _

from app.models import User
from app.reports.progress import ProgressRow, progress_json, progress_table
from app.reports.tables import table_csv, tables_xlsx
from app.services import flashcards
from app.services.days import school_zone
from app.services.exports_pdf import render_pdf
from app.services.lessons import LessonProgress
from app.services.progress import current_streak, lesson_progress, records

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def progress_headers() -> dict[str, str]:
    """The column headers in the current language."""
    return {
        "when": _("When"),
        "lesson_id": _("Lesson id"),
        "lesson_title": _("Lesson"),
        "kind": _("Kind"),
        "item_id": _("Item id"),
        "item_title": _("Item"),
        "result": _("Result"),
        "score": _("Score"),
        "max_score": _("Max score"),
        "context": _("Context"),
    }


@dataclass(frozen=True)
class LearnerReport:
    """Everything the learner's PDF shows; `assignments` stays empty until classes exist."""

    name: str
    username: str
    generated_at: datetime
    streak: int
    lessons: list[LessonProgress]
    labs: list[ProgressRow]
    cards: flashcards.Stats
    records: list[ProgressRow]
    assignments: list[dict[str, object]] = field(default_factory=list)

    @property
    def labs_solved(self) -> int:
        """Labs solved (each lab counted once)."""
        return len({row.item_id for row in self.labs if row.result == "solved"})


def learner_report(user: User, now: datetime | None = None) -> LearnerReport:
    """Gather the learner's report from the progress, labs and flashcard services."""
    rows = records(user)
    return LearnerReport(
        name=user.display_name or user.username or _("Guest"),
        username=user.username or "",
        generated_at=(now or datetime.now(school_zone())).astimezone(school_zone()).replace(microsecond=0),
        streak=current_streak(user),
        lessons=lesson_progress(user),
        labs=[row for row in rows if row.kind == "lab"],
        cards=flashcards.statistics(user.id),
        records=rows,
    )


def _summary(report: LearnerReport) -> list[dict[str, object]]:
    """Per lesson, for the JSON file."""
    return [
        {
            "id": p.lesson.id,
            "title": p.lesson.title,
            "questions_right": p.questions_right,
            "questions_total": p.questions_total,
            "cards_seen": p.cards_seen,
            "cards_total": p.cards_total,
            "labs_solved": p.labs_solved,
            "labs_total": p.labs_total,
            "percent": p.percent,
        }
        for p in report.lessons
    ]


def learner_export(user: User, fmt: str) -> tuple[bytes, str]:
    """The learner's progress as (file bytes, mimetype) in csv, json, xlsx or pdf (KeyError otherwise)."""
    mimetype = FORMATS[fmt]
    if fmt == "pdf":
        return render_pdf("reports/learner.html", report=learner_report(user)), mimetype
    if fmt == "json":
        report = learner_report(user)
        who = {
            "username": user.username,
            "name": report.name,
            "guest": user.is_guest,
            "exported_at": report.generated_at.isoformat(timespec="seconds"),
        }
        return progress_json(who, _summary(report), report.records).encode("utf-8"), mimetype
    table = progress_table(records(user), progress_headers(), _("My progress"))
    if fmt == "csv":
        return table_csv(table).encode("utf-8"), mimetype
    return tables_xlsx([table]), mimetype
