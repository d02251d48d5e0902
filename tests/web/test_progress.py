"""The progress page and the learner's own export."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest


COURSE = Path(__file__).parent / "course_fixture"


@pytest.fixture
def app_config():
    """These tests serve the small fixture course instead of the real one."""
    return {"CONTENT_DIR": str(COURSE)}


def answer(client, question_id, data, token):
    return client.post(f"/questions/{question_id}/answer", data={"token": token, **data}, headers={"Accept": "application/json"})


def test_progress_page_for_a_visitor_without_records(client):
    html = client.get("/progress/").get_data(as_text=True)
    assert "아직 기록이 없습니다" in html
    assert client.get("/progress/export.csv").status_code == 404


def test_progress_counts_streak_and_recent_activity(client):
    answer(client, "q-single", {"answer": "1"}, "a")
    answer(client, "q-tf", {"answer": "true"}, "b")
    client.get("/lessons/sample")
    html = client.get("/progress/").get_data(as_text=True)
    assert "1/7" in html  # one right of seven in the sample lesson
    assert "1일 연속" in html
    assert "최근 활동" in html and "이미지로 실행한 인스턴스는?" in html


def test_export_csv_and_json(client):
    answer(client, "q-single", {"answer": "1"}, "a")
    answer(client, "q-tf", {"answer": "true"}, "b")
    response = client.get("/progress/export.csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="docker-dojo-progress.csv"'
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["item_id"], r["result"], r["lesson_id"]) for r in rows] == [("q-single", "right", "sample"), ("q-tf", "wrong", "sample")]
    data = json.loads(client.get("/progress/export.json").get_data(as_text=True))
    assert data["user"]["guest"] is True
    assert data["lessons"][0]["questions_right"] == 1 and data["lessons"][0]["questions_total"] == 7
    assert len(data["records"]) == 2


def test_unknown_export_format_is_404(client):
    answer(client, "q-single", {"answer": "1"}, "a")
    assert client.get("/progress/export.xml").status_code == 404


def test_progress_page_in_english(client):
    client.post("/lang/en")
    assert "Mastery per lesson" in client.get("/progress/").get_data(as_text=True)
