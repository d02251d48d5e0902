"""Flashcards over HTTP: the pages in ko and en, JSON and form reviews validated at the edge, guests."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.models import CardReview, User
from tests.web.flashcards.helpers import review_count, state_of


def register(client) -> None:
    password = "correct-horse"
    client.post("/account/register", data={"username": "minji", "password": password, "confirm": password})


def set_lang(client, lang: str) -> None:
    client.post(f"/lang/{lang}")


def current_user_id(client) -> int | None:
    with client.session_transaction() as sess:
        value = sess.get("_user_id")
    return int(value.split(".")[0]) if value else None  # the cookie holds "id.epoch"


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "ko",
            [
                "플래시카드",
                "정답 보기",
                "‘어려움’도 기억해 낸 경우입니다",
                "다시",
                "어려움",
                "알맞음",
                "쉬움",
                "복습할 카드",
            ],
        ),
        ("en", ["Flashcards", "Show answer", "“Hard” still means you remembered it", "Again", "Hard", "Easy", "Due"]),
    ],
)
def test_review_page_in_both_languages(client, lang, texts):
    set_lang(client, lang)
    response = client.get("/cards")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in texts:
        assert text in html, text
    assert "<strong>이미지</strong>란?" in html and 'data-card-id="fc-a"' in html
    assert 'aria-live="polite"' in html and 'name="csrf-token"' in html
    assert re.search(r'<script src="/static/js/cards\.js(\?v=[0-9a-f]{12})?" defer>', html)  # hashed URL
    assert 'style="' not in html and "<script>" not in html and "onclick" not in html


def test_visiting_does_not_create_a_guest(client, dbs):
    client.get("/cards")
    client.get("/cards/stats")
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0


def test_json_review_returns_the_next_card_and_counts(client, dbs):
    response = client.post("/cards/fc-a/review", json={"rating": 3, "version": 0, "duration_ms": 2500})
    assert response.status_code == 200
    data = response.get_json()
    assert data["recorded"] is True and data["new"] == 2 and data["due"] == 1
    assert 'data-card-id="fc-b"' in data["html"] and "알맞음" in data["message"]
    user_id = current_user_id(client)
    with dbs() as s:
        assert s.get(User, user_id).is_guest  # a visitor became a guest on the first review
        review = s.scalar(select(CardReview))
        assert (review.user_id, review.card_id, review.rating, review.duration_ms) == (user_id, "fc-a", 3, 2500)


def test_json_double_submit_records_once(client, dbs):
    first = client.post("/cards/fc-a/review", json={"rating": 4, "version": 0, "duration_ms": 900})
    second = client.post("/cards/fc-a/review", json={"rating": 4, "version": 0, "duration_ms": 900})
    assert first.get_json()["recorded"] is True
    assert second.status_code == 200 and second.get_json()["recorded"] is False
    assert "이미 기록" in second.get_json()["message"]
    assert review_count(dbs) == 1


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ko", "평가는 1~4 중에서 고르세요"), ("en", "Choose a rating from 1 to 4")],
)
def test_bad_rating_is_a_400_with_a_clear_message(client, dbs, lang, message):
    set_lang(client, lang)
    for bad in (0, 5, "good", None):
        response = client.post("/cards/fc-a/review", json={"rating": bad, "version": 0})
        assert response.status_code == 400
        assert response.get_json()["error"] == "bad_rating" and message in response.get_json()["message"]
    form = client.post("/cards/fc-a/review", data={"rating": "9", "version": "0"})
    assert form.status_code == 400 and message in form.get_data(as_text=True)
    assert review_count(dbs) == 0


def test_unknown_card_is_a_404(client):
    response = client.post("/cards/no-such-card/review", json={"rating": 3, "version": 0})
    assert response.status_code == 404 and response.get_json()["error"] == "unknown_card"


def test_missing_version_is_a_400(client):
    response = client.post("/cards/fc-a/review", json={"rating": 3})
    assert response.status_code == 400 and response.get_json()["error"] == "bad_version"


def test_form_fallback_without_javascript(client, dbs):
    response = client.post("/cards/fc-a/review", data={"rating": "2", "version": "0"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/cards")
    page = client.get("/cards").get_data(as_text=True)
    assert "저장했습니다: 어려움" in page and 'data-card-id="fc-b"' in page
    with dbs() as s:
        review = s.scalar(select(CardReview))
        assert review.rating == 2 and review.duration_ms is None


def test_limit_reached_page(client):
    for card_id in ("fc-a", "fc-b", "fc-c"):
        client.post(f"/cards/{card_id}/review", json={"rating": 4, "version": 0})
    html = client.get("/cards").get_data(as_text=True)
    assert "지금은 복습할 카드가 없습니다" in html
    assert "오늘의 새 카드 한도(3장)를 모두 채웠습니다" in html
    assert 'data-testid="flashcard"' not in html


def test_guest_reviews_are_kept_after_registering(client, dbs):
    client.post("/cards/fc-a/review", json={"rating": 3, "version": 0})
    guest_id = current_user_id(client)
    register(client)
    with dbs() as s:
        user = s.scalar(select(User).where(User.username == "minji"))
        assert user.id == guest_id and not user.is_guest
    assert review_count(dbs, guest_id) == 1
    assert 'data-card-id="fc-b"' in client.get("/cards").get_data(as_text=True)


def test_guest_cards_merge_into_an_existing_account(client, dbs):
    register(client)
    account_id = current_user_id(client)
    client.post("/account/logout")
    client.post("/cards/fc-a/review", json={"rating": 4, "version": 0})  # as a new guest
    client.post("/account/login", data={"username": "minji", "password": "correct-horse"})
    client.post("/account/merge", data={"choice": "merge"})
    assert review_count(dbs, account_id) == 1
    assert state_of(dbs, account_id, "fc-a") is not None


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("ko", ["플래시카드 통계", "기억률", "날짜별 복습 수", "복습 예정"]),
        ("en", ["Flashcard statistics", "Retention", "Reviews per day", "Due forecast"]),
    ],
)
def test_stats_page_in_both_languages(client, lang, texts):
    client.post("/cards/fc-a/review", json={"rating": 4, "version": 0, "duration_ms": 3000})
    set_lang(client, lang)
    response = client.get("/cards/stats")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in texts:
        assert text in html, text
    assert html.count('<svg class="bar-chart') == 2 and '<rect class="bar"' in html
    assert 'data-testid="reviews-table"' in html and 'data-testid="forecast-table"' in html
    assert re.search(r'data-testid="reviews-total">1<', html)
    assert 'style="' not in html and "<script>" not in html


def test_json_review_needs_the_csrf_header(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.get("/cards").get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page).group(1)
    refused = client.post("/cards/fc-a/review", json={"rating": 3, "version": 0})
    assert refused.status_code == 400
    accepted = client.post("/cards/fc-a/review", json={"rating": 3, "version": 0}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200 and accepted.get_json()["recorded"] is True


def test_guest_cards_merge_when_both_studied_the_same_card(client, dbs):
    register(client)
    account_id = current_user_id(client)
    client.post("/cards/fc-a/review", json={"rating": 1, "version": 0})
    client.post("/account/logout")
    client.post("/cards/fc-a/review", json={"rating": 4, "version": 0})  # the same card, as a new guest
    client.post("/account/login", data={"username": "minji", "password": "correct-horse"})
    response = client.post("/account/merge", data={"choice": "merge"})
    assert response.status_code == 302
    assert review_count(dbs, account_id) == 2
    assert state_of(dbs, account_id, "fc-a").state == "review"  # the guest's later review wins


def test_json_body_that_is_not_an_object_is_a_400(client):
    response = client.post("/cards/fc-a/review", json=[3, 0])
    assert response.status_code == 400 and response.get_json()["error"] == "bad_rating"
