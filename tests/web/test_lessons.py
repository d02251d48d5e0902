"""The course map, lesson pages and answering every kind of question."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Activity, QuestionAnswer

COURSE = Path(__file__).parent / "course_fixture"


@pytest.fixture
def app_config():
    """These tests serve the small fixture course instead of the real one."""
    return {"CONTENT_DIR": str(COURSE)}


def answer(client, question_id, data, json_reply=True, token="t1"):
    headers = {"Accept": "application/json"} if json_reply else {}
    return client.post(f"/questions/{question_id}/answer", data={"token": token, **data}, headers=headers)


def test_home_shows_the_course_map(client):
    html = client.get("/").get_data(as_text=True)
    assert "표본 레슨" in html and "다음 레슨" in html
    assert "문제 0/7" in html


def test_lesson_page_renders_prose_items_and_toc(client):
    response = client.get("/lessons/sample")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<h2 id="첫-번째-절">첫 번째 절</h2>' in html
    assert 'href="#첫-번째-절"' in html
    assert 'id="item-q-single"' in html and 'id="item-card-one"' in html
    assert 'name="blank-0"' in html
    assert 'rel="next" href="/lessons/next"' in html
    assert "dojo-item" not in html  # every placeholder became a widget


def test_unknown_lesson_is_404(client):
    assert client.get("/lessons/nope").status_code == 404


@pytest.mark.parametrize(
    ("question_id", "data", "passed"),
    [
        ("q-single", {"answer": "1"}, True),
        ("q-single", {"answer": "0"}, False),
        ("q-multiple", {"answer": ["0", "1"]}, True),
        ("q-multiple", {"answer": ["0"]}, False),
        ("q-tf", {"answer": "false"}, True),
        ("q-tf", {"answer": "true"}, False),
        ("q-short", {"answer": "  --DETACH "}, True),
        ("q-short", {"answer": "-p"}, False),
        ("q-cloze", {"blank-0": "cached"}, True),
        ("q-cloze", {"blank-0": "COPY"}, False),
    ],
)
def test_answers_are_graded(client, question_id, data, passed):
    reply = answer(client, question_id, data)
    assert reply.status_code == 200
    assert reply.get_json()["passed"] is passed
    assert reply.get_json()["explanation_html"]


def _shown(question_id, count):
    from app.grading import display_order

    class Q:
        id = question_id

    return display_order(Q, count)


def test_ordering_answer_uses_the_displayed_positions(client):
    shown = _shown("q-order", 3)  # shown[d] = original index displayed at d
    right = {f"pos-{d}": str(shown[d] + 1) for d in range(3)}
    assert answer(client, "q-order", right).get_json()["passed"] is True
    wrong = {f"pos-{d}": str(d + 1) for d in range(3)}  # the shuffled order as shown
    assert answer(client, "q-order", wrong, token="t2").get_json()["passed"] is False


def test_matching_answer_maps_displayed_choices_back(client):
    shown = _shown("q-match", 2)
    right = {f"match-{i}": str(shown.index(i)) for i in range(2)}
    assert answer(client, "q-match", right).get_json()["passed"] is True


def test_a_missing_answer_is_a_clear_error_and_records_nothing(client, dbs):
    reply = answer(client, "q-single", {})
    assert reply.status_code == 422
    assert reply.get_json()["error"] == "답을 골라 주세요."
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(QuestionAnswer)) == 0


def test_double_submit_records_once(client, dbs):
    first = answer(client, "q-single", {"answer": "1"}, token="same")
    second = answer(client, "q-single", {"answer": "0"}, token="same")
    assert first.get_json()["passed"] is True
    assert second.get_json()["passed"] is True and second.get_json()["repeated"] is True
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(QuestionAnswer)) == 1


def test_answering_makes_a_guest_and_saves_progress(client, dbs):
    answer(client, "q-tf", {"answer": "false"})
    with dbs() as s:
        row = s.scalar(select(QuestionAnswer))
        assert row.question_id == "q-tf" and row.passed and row.answer is False
        assert s.scalar(select(Activity.kind).where(Activity.item_id == "q-tf")) == "question"
    html = client.get("/").get_data(as_text=True)
    assert "문제 1/" in html
    assert "지난 답: 정답" in client.get("/lessons/sample").get_data(as_text=True)


def test_answer_without_javascript_redirects_back_with_a_message(client):
    reply = answer(client, "q-single", {"answer": "1"}, json_reply=False)
    assert reply.status_code == 302
    assert reply.headers["Location"].endswith("/lessons/sample#item-q-single")
    assert 'class="flash flash-success"' in client.get("/lessons/sample").get_data(as_text=True)


def test_huge_answer_is_refused_without_saving(client, dbs):
    reply = answer(client, "q-short", {"answer": "x" * 10_000})
    assert reply.status_code == 422
    assert "4,096" in reply.get_json()["error"]


def test_unknown_question_is_404(client):
    assert answer(client, "nope", {"answer": "1"}).status_code == 404


def test_continue_points_at_the_last_lesson(client):
    client.post("/guest")
    client.get("/lessons/next")
    html = client.get("/").get_data(as_text=True)
    assert 'data-testid="continue"' in html and "/lessons/next" in html


def test_english_ui_keeps_korean_content(client):
    client.post("/lang/en")
    html = client.get("/lessons/sample").get_data(as_text=True)
    assert "Check answer" in html and "표본 레슨" in html


def test_lesson_page_shows_each_lab_status_in_place(client):
    client.post("/guest")  # a learner (a page view alone records nothing for an anonymous visitor)
    assert 'data-testid="lab-status-lab-sample-detached"' not in client.get("/lessons/next").get_data(as_text=True)
    client.get("/labs/lab-sample-detached")
    client.post("/labs/lab-sample-detached/poll", json={})  # what the page's script sends (a GET writes nothing)
    html = client.get("/lessons/next").get_data(as_text=True)
    assert 'data-testid="lab-status-lab-sample-detached">진행 중<' in html
    assert 'href="/labs/lab-sample-detached"' in html
    client.post(
        "/labs/lab-sample-detached/run", json={"line": "docker run -d --name web -p 8080:80 nginx", "terminal": 0}
    )
    html = client.get("/lessons/next").get_data(as_text=True)
    assert 'data-testid="lab-status-lab-sample-detached">해결<' in html


def test_home_offers_to_continue_an_unfinished_lab_opened_last(client):
    client.post("/guest")
    assert 'data-testid="continue-lab"' not in client.get("/").get_data(as_text=True)
    client.get("/labs/lab-sample-detached")
    client.post("/labs/lab-sample-detached/poll", json={})  # what the page's script sends (a GET writes nothing)
    html = client.get("/").get_data(as_text=True)
    assert 'data-testid="continue-lab"' in html and 'href="/labs/lab-sample-detached"' in html
    assert "분리 모드로 nginx 실행하기" in html
    client.get("/lessons/sample")  # reading something else afterwards: continue there instead
    assert 'data-testid="continue-lab"' not in client.get("/").get_data(as_text=True)


def test_answer_errors_come_from_the_catalogue_in_english_too(client):
    client.post("/lang/en")
    reply = answer(client, "q-single", {})
    assert reply.status_code == 422 and reply.get_json()["error"] == "Choose or enter an answer first."
    reply = answer(client, "q-short", {"answer": "x" * 5000}, token="long")
    assert reply.get_json()["error"] == "The answer is too long (4,096 characters at most)."


def test_home_says_start_before_anything_and_continue_afterwards(client):
    html = client.get("/").get_data(as_text=True)
    assert "처음 시작:" in html and "이어서 학습:" not in html
    client.post("/guest")
    assert "처음 시작:" in client.get("/").get_data(as_text=True)  # a guest who did nothing yet
    client.get("/lessons/next")
    html = client.get("/").get_data(as_text=True)
    assert "이어서 학습:" in html and 'href="/lessons/next" data-testid="continue"' in html
