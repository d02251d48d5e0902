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
    return client.post(
        f"/questions/{question_id}/answer", data={"token": token, **data}, headers={"Accept": "application/json"}
    )


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
    assert [(r["항목 ID"], r["결과"], r["레슨 ID"]) for r in rows] == [
        ("q-single", "right", "sample"),
        ("q-tf", "wrong", "sample"),
    ]
    data = json.loads(client.get("/progress/export.json").get_data(as_text=True))
    assert data["user"]["guest"] is True
    assert data["lessons"][0]["questions_right"] == 1 and data["lessons"][0]["questions_total"] == 7
    assert len(data["records"]) == 2


def test_unknown_export_format_is_404(client):
    answer(client, "q-single", {"answer": "1"}, "a")
    assert client.get("/progress/export.xml").status_code == 404
    assert client.get("/progress/export.PDF").status_code == 404


def test_progress_page_in_english(client):
    client.post("/lang/en")
    assert "Mastery per lesson" in client.get("/progress/").get_data(as_text=True)


def test_recent_activity_words_every_kind_in_both_languages(client):
    client.post("/guest")
    client.get("/labs/lab-sample-detached")  # a learner opening a lab starts it: the page's script posts
    client.post("/labs/lab-sample-detached/poll", json={})
    client.get("/playground")
    client.post("/labs/@playground/poll", json={})
    client.post("/cards/card-one/review", json={"rating": 2, "version": 0})
    answer(client, "q-single", {"answer": "1"}, "a")
    html = client.get("/progress/").get_data(as_text=True)
    recent = html[html.index('data-testid="recent"') :]
    for raw in ("lab_started", "@playground", ">card<", "Hard"):
        assert raw not in recent
    assert "실습 시작" in recent and "분리 모드로 nginx 실행하기" in recent
    assert "놀이터" in recent and "플래시카드 복습" in recent and "어려움" in recent
    client.post("/lang/en")
    recent = client.get("/progress/").get_data(as_text=True).split('data-testid="recent"')[1]
    assert "Started a lab" in recent and "Reviewed a flashcard" in recent and "Playground" in recent
    assert "Answered a question" in recent and "right" in recent and "Hard" in recent


def test_card_reviews_count_in_the_recent_list_newest_first(client):
    client.post("/cards/card-one/review", json={"rating": 3, "version": 0})
    answer(client, "q-single", {"answer": "1"}, "a")  # (reading a lesson is a GET: it records nothing)
    recent = client.get("/progress/").get_data(as_text=True).split('data-testid="recent"')[1]
    assert recent.index("문제 풂") < recent.index("플래시카드 복습")


def test_right_means_the_last_answer_on_the_progress_page_the_map_and_the_lesson(client):
    answer(client, "q-single", {"answer": "1"}, "right-first")
    assert "1/7" in client.get("/progress/").get_data(as_text=True)
    answer(client, "q-single", {"answer": "0"}, "wrong-later")
    progress = client.get("/progress/").get_data(as_text=True)
    assert "0/7" in progress and "1/7" not in progress
    assert "1/7" not in client.get("/").get_data(as_text=True)
    assert "지난 답: 오답" in client.get("/lessons/sample").get_data(as_text=True)
