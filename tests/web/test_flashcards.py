"""Flashcards: FSRS scheduling, the daily new-card limit, double submits, guests, the pages in ko and en."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import create_app
from app.extensions import db
from app.models import CardReview, CardState, User
from app.services import flashcards
from tests.conftest import base_config

LESSON_ONE = """---
id: one
title: 첫 레슨
order: 1
summary: 테스트용 레슨입니다.
---

# 첫 레슨

```flashcard
id: fc-a
front: "**이미지**란?"
back: "실행할 수 있는 `템플릿`입니다."
tags: [이미지]
```

```flashcard
id: fc-b
front: 컨테이너란?
back: 이미지로 실행한 인스턴스입니다.
```

```flashcard
id: fc-c
front: "`docker ps`는?"
back: 실행 중인 컨테이너 목록입니다.
```
"""

LESSON_TWO = """---
id: two
title: 둘째 레슨
order: 2
summary: 두 번째 테스트 레슨입니다.
---

# 둘째 레슨

```flashcard
id: fc-d
front: 볼륨이란?
back: 컨테이너 밖에 남는 데이터 저장소입니다.
```

```flashcard
id: fc-e
front: "`-p 8080:80`의 앞 숫자는?"
back: 호스트 포트입니다.
```
"""

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 10:00 in Seoul


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "lessons").mkdir(parents=True)
    (root / "lessons" / "01-one.md").write_text(LESSON_ONE, encoding="utf-8")
    (root / "lessons" / "02-two.md").write_text(LESSON_TWO, encoding="utf-8")
    return root


@pytest.fixture
def app(database_uri: str, tmp_path: Path, content_dir: Path):  # type: ignore[no-untyped-def]
    """The app on a small course of five cards, with a daily limit of three new cards."""
    config = base_config(database_uri, tmp_path)
    config.update(CONTENT_DIR=str(content_dir), NEW_CARDS_PER_DAY=3)
    app = create_app(config)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def svc(app):  # type: ignore[no-untyped-def]
    """Run service calls inside a short request context (the service reads config and the session)."""

    def call(function, *args, **kwargs):  # type: ignore[no-untyped-def]
        with app.test_request_context():
            try:
                return function(*args, **kwargs)
            finally:
                db.session.remove()

    return call


@pytest.fixture
def learner(dbs) -> int:
    with dbs() as s:
        user = User(is_guest=True)
        s.add(user)
        s.commit()
        return user.id


def state_of(dbs, user_id: int, card_id: str) -> CardState | None:
    with dbs() as s:
        row = s.scalar(select(CardState).where(CardState.user_id == user_id, CardState.card_id == card_id))
        if row is not None:
            s.expunge(row)
        return row


def review_count(dbs, user_id: int | None = None) -> int:
    with dbs() as s:
        query = select(func.count()).select_from(CardReview)
        if user_id is not None:
            query = query.where(CardReview.user_id == user_id)
        return s.scalar(query)


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- scheduling -----------------------------------------------------------------------------


def test_first_session_shows_the_first_new_card_with_intervals(svc, learner):
    session = svc(flashcards.study_session, learner, NOW)
    assert session.card.card.id == "fc-a" and session.card.state == "new" and session.card.version == 0
    assert "<strong>이미지</strong>" in session.card.front_html and "<code>템플릿</code>" in session.card.back_html
    assert session.counts.new == 3 and session.counts.due == 0 and session.counts.unseen == 5
    intervals = dict(session.card.intervals)
    assert intervals[1] < intervals[2] < intervals[3] < intervals[4]
    assert intervals[1] == timedelta(minutes=1) and intervals[4] >= timedelta(days=1)


def test_scheduling_moves_due_dates_through_learning_to_review(svc, dbs, learner):
    assert svc(flashcards.review, learner, "fc-a", 3, 4000, 0, now=NOW).recorded
    first = state_of(dbs, learner, "fc-a")
    assert first.state == "learning" and first.reps == 1
    assert aware(first.due) - NOW == timedelta(minutes=10)

    later = NOW + timedelta(minutes=11)
    assert svc(flashcards.review, learner, "fc-a", 3, 3000, 1, now=later).recorded
    second = state_of(dbs, learner, "fc-a")
    assert second.state == "review" and second.reps == 2
    assert aware(second.due) - later >= timedelta(days=1)
    with dbs() as s:
        log = s.scalars(select(CardReview).order_by(CardReview.id)).all()
        assert [(r.card_id, r.rating, r.duration_ms, r.state_before) for r in log] == [
            ("fc-a", 3, 4000, "new"),
            ("fc-a", 3, 3000, "learning"),
        ]


def test_again_brings_a_card_back_in_minutes_easy_in_days(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 1, 1000, 0, now=NOW)
    svc(flashcards.review, learner, "fc-b", 4, 1000, 0, now=NOW)
    again, easy = state_of(dbs, learner, "fc-a"), state_of(dbs, learner, "fc-b")
    assert again.state == "learning" and aware(again.due) - NOW == timedelta(minutes=1)
    assert easy.state == "review" and aware(easy.due) - NOW >= timedelta(days=1)


def test_again_on_a_review_card_is_a_lapse_and_relearns(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 4, 1000, 0, now=NOW)
    due = aware(state_of(dbs, learner, "fc-a").due)
    svc(flashcards.review, learner, "fc-a", 1, 1000, 1, now=due)
    row = state_of(dbs, learner, "fc-a")
    assert row.state == "relearning" and row.lapses == 1
    assert aware(row.due) - due == timedelta(minutes=10)


def test_due_cards_come_before_new_ones_and_are_counted(svc, learner):
    svc(flashcards.review, learner, "fc-a", 1, 1000, 0, now=NOW)
    soon = svc(flashcards.study_session, learner, NOW + timedelta(seconds=5))
    assert soon.card.card.id == "fc-b"  # fc-a is not due yet: new cards first
    assert soon.counts.due == 1 and soon.counts.new == 2  # ...but it is counted (due within the learn-ahead window)
    later = svc(flashcards.study_session, learner, NOW + timedelta(minutes=2))
    assert later.card.card.id == "fc-a" and later.card.state == "learning" and later.card.version == 1


def test_daily_limit_of_new_cards(svc, learner):
    for card_id in ("fc-a", "fc-b", "fc-c"):
        session = svc(flashcards.study_session, learner, NOW)
        assert session.card.card.id == card_id
        svc(flashcards.review, learner, card_id, 4, 1000, 0, now=NOW)
    done = svc(flashcards.study_session, learner, NOW + timedelta(minutes=1))
    assert done.card is None and done.counts.new == 0 and done.counts.unseen == 2
    assert done.next_due_in is not None and done.next_due_in >= timedelta(hours=23)
    # Midnight in Seoul (15:00 UTC) starts a new day with new cards again.
    tomorrow = svc(flashcards.study_session, learner, datetime(2026, 3, 2, 15, 1, tzinfo=UTC))
    assert tomorrow.card.card.id == "fc-d" and tomorrow.counts.new == 2


def test_new_card_limit_comes_from_config(app, svc, learner):
    app.config["NEW_CARDS_PER_DAY"] = 1
    svc(flashcards.review, learner, "fc-a", 4, 1000, 0, now=NOW)
    assert svc(flashcards.study_session, learner, NOW).card is None


def test_double_submit_records_once(svc, dbs, learner):
    first = svc(flashcards.review, learner, "fc-a", 3, 2000, 0, now=NOW)
    again = svc(flashcards.review, learner, "fc-a", 3, 2000, 0, now=NOW + timedelta(seconds=1))
    assert first.recorded and not again.recorded
    assert review_count(dbs) == 1 and state_of(dbs, learner, "fc-a").reps == 1
    # The same for a card past its first review: version 1 is accepted once.
    assert svc(flashcards.review, learner, "fc-a", 3, 2000, 1, now=NOW + timedelta(minutes=11)).recorded
    assert not svc(flashcards.review, learner, "fc-a", 1, 2000, 1, now=NOW + timedelta(minutes=11)).recorded
    assert review_count(dbs) == 2 and state_of(dbs, learner, "fc-a").state == "review"


def test_duration_is_clamped_and_optional(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 3, 9_999_999, 0, now=NOW)
    svc(flashcards.review, learner, "fc-b", 3, -5, 0, now=NOW)
    svc(flashcards.review, learner, "fc-c", 3, None, 0, now=NOW)
    with dbs() as s:
        durations = dict(s.execute(select(CardReview.card_id, CardReview.duration_ms)).all())
    assert durations == {"fc-a": flashcards.MAX_DURATION_MS, "fc-b": 0, "fc-c": None}


@pytest.mark.parametrize("rating", [0, 5, -1, "x", None, True, 2.5, "3.0", "--3", "", [3]])
def test_bad_rating_is_refused(svc, dbs, learner, rating):
    with pytest.raises(flashcards.ReviewError) as info:
        svc(flashcards.review, learner, "fc-a", rating, 1000, 0, now=NOW)
    assert info.value.code == "bad_rating"
    assert review_count(dbs) == 0


def test_card_removed_from_the_course_is_ignored(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 4, 1000, 0, now=NOW)
    with dbs() as s:
        yesterday = NOW - timedelta(days=1)
        s.add(CardState(user_id=learner, card_id="fc-gone", fsrs="{}", due=yesterday, state="review", reps=3))
        s.commit()
    session = svc(flashcards.study_session, learner, NOW)
    assert session.counts.due == 0 and session.card.card.id == "fc-b"
    stats = svc(flashcards.statistics, learner, NOW)
    assert stats.cards_seen == 1 and sum(day.count for day in stats.forecast) == 1
    with pytest.raises(flashcards.ReviewError) as info:
        svc(flashcards.review, learner, "fc-gone", 3, 1000, 3, now=NOW)
    assert info.value.code == "unknown_card"
    assert state_of(dbs, learner, "fc-gone").reps == 3  # progress is kept in case the card comes back


def test_statistics(svc, learner):
    svc(flashcards.review, learner, "fc-a", 4, 2000, 0, now=NOW - timedelta(days=10))  # new: not in retention
    svc(flashcards.review, learner, "fc-b", 4, 4000, 0, now=NOW - timedelta(days=10))
    svc(flashcards.review, learner, "fc-a", 1, 6000, 1, now=NOW - timedelta(days=1))  # a lapse
    svc(flashcards.review, learner, "fc-b", 3, 8000, 1, now=NOW)
    stats = svc(flashcards.statistics, learner, NOW)
    assert stats.retention == 0.5 and stats.retention_reviews == 2
    assert stats.reviews_total == 4 and stats.average_seconds == 5.0
    per_day = {day.day.isoformat(): day.count for day in stats.reviews_per_day if day.count}
    assert per_day == {"2026-02-20": 2, "2026-03-01": 1, "2026-03-02": 1}
    assert len(stats.reviews_per_day) == 30 and stats.reviews_per_day[-1].day.isoformat() == "2026-03-02"
    assert len(stats.forecast) == 14 and stats.forecast[0].day.isoformat() == "2026-03-02"
    # fc-a relearns today (10 minutes); fc-b comes back in some days within the forecast or later.
    assert stats.forecast[0].count == 1
    assert stats.cards_seen == 2 and stats.cards_total == 5


def test_statistics_for_a_visitor_without_records(svc):
    stats = svc(flashcards.statistics, None, NOW)
    assert stats.retention is None and stats.reviews_total == 0 and stats.cards_total == 5


def test_bar_chart_geometry():
    series = tuple(flashcards.DayCount(date(2026, 3, d), c) for d, c in ((1, 0), (2, 5), (3, 10)))
    chart = flashcards.bar_chart(series, width=332, height=136)
    heights = [bar.height for bar in chart.bars]
    assert heights == [0.0, 50.0, 100.0] and chart.maximum == 10
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert chart.bars[0].x == 17.0 and chart.bars[1].x == 117.0 and chart.bars[1].width == 98.0


# --- pages and HTTP -------------------------------------------------------------------------


def register(client) -> None:
    password = "correct-horse"
    client.post("/account/register", data={"username": "minji", "password": password, "confirm": password})


def set_lang(client, lang: str) -> None:
    client.post(f"/lang/{lang}")


def current_user_id(client) -> int | None:
    with client.session_transaction() as sess:
        value = sess.get("_user_id")
    return int(value) if value else None


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
    assert re.search(r'<script src="/static/js/cards\.js(\?v=[0-9a-f]{12})?" defer>', html)  # hashed URL (issue 11)
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
