"""The pure report builders."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from app.reports.progress import ProgressRow, progress_csv, progress_json, streak

ROWS = [
    ProgressRow("2026-11-27T10:00:00+09:00", "question", "q-1", "build", "right", 1.0, 1.0),
    ProgressRow("2026-11-28T09:00:00+09:00", "card", "card-1", "build", "Good"),
    ProgressRow("2026-11-28T09:05:00+09:00", "lab", "lab-1", "run", "solved", 3.0, 3.0),
]


def test_csv_has_a_header_and_one_line_per_row():
    rows = list(csv.DictReader(io.StringIO(progress_csv(ROWS))))
    assert [r["kind"] for r in rows] == ["question", "card", "lab"]
    assert rows[1]["score"] == "" and rows[2]["score"] == "3.0"


def test_csv_keeps_hangul_and_quotes_commas():
    text = progress_csv([ProgressRow("t", "question", "질문,하나", "레슨", "right")])
    assert '"질문,하나"' in text


def test_json_round_trips():
    data = json.loads(progress_json({"username": "민지"}, [{"id": "build", "percent": 50}], ROWS))
    assert data["user"] == {"username": "민지"}
    assert data["records"][2] == {
        "when": "2026-11-28T09:05:00+09:00",
        "kind": "lab",
        "item_id": "lab-1",
        "lesson_id": "run",
        "result": "solved",
        "score": 3.0,
        "max_score": 3.0,
    }


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], 0),
        ([date(2026, 11, 28)], 1),
        ([date(2026, 11, 27), date(2026, 11, 28)], 2),
        ([date(2026, 11, 26), date(2026, 11, 27)], 2),  # yesterday still counts until today ends
        ([date(2026, 11, 25), date(2026, 11, 27), date(2026, 11, 28)], 2),
        ([date(2026, 11, 20)], 0),
    ],
)
def test_streak(days, expected):
    assert streak(days, date(2026, 11, 28)) == expected
