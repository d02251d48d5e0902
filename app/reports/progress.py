"""A learner's own progress as CSV and JSON, from plain rows (pure: no database, no clock)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta

CSV_COLUMNS = ("when", "kind", "item_id", "lesson_id", "result", "score", "max_score")


@dataclass(frozen=True)
class ProgressRow:
    """One recorded thing: an answer, a card review, a lab attempt."""

    when: str  # ISO 8601 with time zone
    kind: str  # question | card | lab
    item_id: str
    lesson_id: str
    result: str  # right/wrong, Again/Hard/Good/Easy, solved/in_progress/solution_seen
    score: float | None = None
    max_score: float | None = None


def progress_csv(rows: Iterable[ProgressRow]) -> str:
    """CSV with a header row; UTF-8 text (the caller adds a BOM for spreadsheet programs)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        record = asdict(row)
        writer.writerow({key: "" if record[key] is None else record[key] for key in CSV_COLUMNS})
    return out.getvalue()


def progress_json(user: dict[str, object], summary: Sequence[dict[str, object]], rows: Iterable[ProgressRow]) -> str:
    """JSON with the learner, per-lesson summary and every row, keys in a stable order."""
    document = {"user": user, "lessons": list(summary), "records": [asdict(r) for r in rows]}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


def streak(active_days: Iterable[date], today: date) -> int:
    """Consecutive days with activity ending today (or yesterday, so a streak survives until tonight)."""
    days = set(active_days)
    start = today if today in days else today - timedelta(days=1)
    count = 0
    while start - timedelta(days=count) in days:
        count += 1
    return count
