"""A learner's own progress as a table, CSV and JSON, from plain rows (pure: no database, no clock)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.reports.tables import Cell, Column, Table, table_csv

# Column keys with an XLSX width; the headers come from the caller (translated there).
PROGRESS_COLUMNS: tuple[tuple[str, int], ...] = (
    ("when", 20),
    ("lesson_id", 18),
    ("lesson_title", 28),
    ("kind", 10),
    ("item_id", 28),
    ("item_title", 48),
    ("result", 14),
    ("score", 8),
    ("max_score", 8),
    ("context", 14),
)


@dataclass(frozen=True)
class ProgressRow:
    """One recorded thing: an answer, a card review, a graded lab attempt, with its titles."""

    when: datetime  # aware, in the school's time zone
    kind: str  # question | card | lab
    item_id: str
    item_title: str
    lesson_id: str
    lesson_title: str
    result: str  # right/wrong, Again/Hard/Good/Easy, solved/in_progress/solution_seen
    score: float | None = None
    max_score: float | None = None
    context: str = ""  # for a lab: practice, or the assigned quiz attempt it belongs to

    def as_dict(self) -> dict[str, Cell]:
        """The row keyed by column."""
        return {key: getattr(self, key) for key, _ in PROGRESS_COLUMNS}


_MARKUP = re.compile(r"[`*_#>]+|\[\[\d+\]\]")


def plain_title(text: str, limit: int = 80) -> str:
    """Markdown prompt or card front as one plain line of at most `limit` characters."""
    line = " ".join(_MARKUP.sub("", text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def progress_table(rows: Iterable[ProgressRow], headers: Mapping[str, str], title: str) -> Table:
    """The rows as a table whose headers are the caller's (translated) words, falling back to the keys."""
    columns = tuple(Column(key, headers.get(key, key), width) for key, width in PROGRESS_COLUMNS)
    return Table(title, columns, [row.as_dict() for row in rows])


def progress_csv(rows: Iterable[ProgressRow], headers: Mapping[str, str] | None = None) -> str:
    """CSV with a BOM and a header row, dates as ISO 8601, formula-like text neutralised."""
    return table_csv(progress_table(rows, headers or {}, "progress"))


def progress_json(user: Mapping[str, object], summary: Sequence[dict[str, object]], rows: Iterable[ProgressRow]) -> str:
    """JSON with the learner, per-lesson summary and every row, keys in a stable order."""
    records = [{**row.as_dict(), "when": row.when.isoformat(timespec="seconds")} for row in rows]
    document = {"user": dict(user), "lessons": list(summary), "records": records}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


def streak(active_days: Iterable[date], today: date) -> int:
    """Consecutive days with activity ending today (or yesterday, so a streak survives until tonight)."""
    days = set(active_days)
    start = today if today in days else today - timedelta(days=1)
    count = 0
    while start - timedelta(days=count) in days:
        count += 1
    return count
