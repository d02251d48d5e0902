"""The pure report builders."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from app.reports.progress import ProgressRow, plain_title, progress_csv, progress_json, streak

KST = timezone(timedelta(hours=9))
ROWS = [
    ProgressRow(datetime(2026, 11, 27, 10, tzinfo=KST), "question", "q-1", "질문", "build", "빌드", "right", 1.0, 1.0),
    ProgressRow(datetime(2026, 11, 28, 9, tzinfo=KST), "card", "card-1", "카드", "build", "빌드", "Good"),
    ProgressRow(
        datetime(2026, 11, 28, 9, 5, tzinfo=KST), "lab", "lab-1", "실습", "run", "실행", "solved", 0.5, 1.0, "practice"
    ),
]


def test_csv_has_a_bom_a_header_and_one_line_per_row_with_titles():
    text = progress_csv(ROWS, {"item_title": "항목"})
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["kind"] for r in rows] == ["question", "card", "lab"]
    assert [r["항목"] for r in rows] == ["질문", "카드", "실습"]  # a translated header; the others fall back to keys
    assert rows[0]["when"] == "2026-11-27T10:00:00+09:00"
    assert rows[1]["score"] == "" and rows[2]["score"] == "0.5" and rows[2]["context"] == "practice"


def test_csv_keeps_hangul_and_quotes_commas():
    text = progress_csv(
        [ProgressRow(datetime(2026, 1, 1, tzinfo=KST), "question", "질문,하나", "", "레슨", "", "right")]
    )
    assert '"질문,하나"' in text


def test_plain_title_drops_markdown_and_cuts_long_text():
    assert plain_title("**이미지**와 `컨테이너`\n  관계는?") == "이미지와 컨테이너 관계는?"
    assert plain_title("가" * 100) == "가" * 79 + "…"


def test_json_round_trips():
    data = json.loads(progress_json({"username": "민지"}, [{"id": "build", "percent": 50}], ROWS))
    assert data["user"] == {"username": "민지"}
    assert data["records"][2] == {
        "when": "2026-11-28T09:05:00+09:00",
        "lesson_id": "run",
        "lesson_title": "실행",
        "kind": "lab",
        "item_id": "lab-1",
        "item_title": "실습",
        "result": "solved",
        "score": 0.5,
        "max_score": 1.0,
        "context": "practice",
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
