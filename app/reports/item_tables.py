"""Item statistics and score distributions as plain tables, for the CSV and XLSX renderers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.reports.charts import Bin
from app.reports.statistics import TestStats
from app.reports.tables import Cell, Column, Table

ITEM_COLUMNS: tuple[tuple[str, int], ...] = (
    ("item_id", 24),
    ("title", 40),
    ("max_mark", 8),
    ("count", 8),
    ("mean", 8),
    ("facility", 10),
    ("sd", 8),
    ("discrimination", 14),
    ("efficiency", 14),
    ("flags", 24),
)
SUMMARY_KEYS = ("count", "max_total", "mean", "median", "sd")


def _round(value: float | None) -> float | None:
    """Four decimals are plenty in a spreadsheet; None stays an empty cell ("not enough data")."""
    return None if value is None else round(value, 4)


def item_analysis_tables(stats: TestStats, headers: Mapping[str, str], titles: Mapping[str, str]) -> list[Table]:
    """Two tables: the test's summary (one row) and one row per item, headers from the caller."""
    summary_row: dict[str, Cell] = {key: _round(getattr(stats, key)) for key in SUMMARY_KEYS}
    summary = Table(
        titles.get("summary", "summary"),
        tuple(Column(key, headers.get(key, key), 12) for key in SUMMARY_KEYS),
        [summary_row],
    )
    rows: list[dict[str, Cell]] = [
        {
            "item_id": item.item_id,
            "title": item.title,
            "max_mark": item.max_mark,
            "count": item.count,
            "mean": _round(item.mean),
            "facility": _round(item.facility),
            "sd": _round(item.sd),
            "discrimination": _round(item.discrimination),
            "efficiency": _round(item.efficiency),
            "flags": " ".join(item.flags),
        }
        for item in stats.items
    ]
    items = Table(titles.get("items", "items"), tuple(Column(k, headers.get(k, k), w) for k, w in ITEM_COLUMNS), rows)
    return [summary, items]


def histogram_table(bins: Sequence[Bin], headers: Mapping[str, str], title: str) -> Table:
    """The chart's table equivalent: range, lower and upper bound, count."""
    columns = tuple(Column(k, headers.get(k, k), 10) for k in ("range", "low", "high", "count"))
    return Table(title, columns, [{"range": b.label, "low": b.low, "high": b.high, "count": b.count} for b in bins])
