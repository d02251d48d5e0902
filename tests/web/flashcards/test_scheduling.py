"""Flashcards in the service: FSRS scheduling, the daily new-card limit, double submits, statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import CardReview, CardStage, CardState
from app.services import flashcards
from tests.web.flashcards.helpers import NOW, review_count, state_of


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
    assert first.due - NOW == timedelta(minutes=10)

    later = NOW + timedelta(minutes=11)
    assert svc(flashcards.review, learner, "fc-a", 3, 3000, 1, now=later).recorded
    second = state_of(dbs, learner, "fc-a")
    assert second.state == "review" and second.reps == 2
    assert second.due - later >= timedelta(days=1)
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
    assert again.state == "learning" and again.due - NOW == timedelta(minutes=1)
    assert easy.state == "review" and easy.due - NOW >= timedelta(days=1)


def test_again_on_a_review_card_is_a_lapse_and_relearns(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 4, 1000, 0, now=NOW)
    due = state_of(dbs, learner, "fc-a").due
    svc(flashcards.review, learner, "fc-a", 1, 1000, 1, now=due)
    row = state_of(dbs, learner, "fc-a")
    assert row.state == "relearning" and row.lapses == 1
    assert row.due - due == timedelta(minutes=10)


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


@pytest.mark.parametrize("rating", [0, 5, -1])
def test_bad_rating_is_refused_by_the_service(svc, dbs, learner, rating):
    with pytest.raises(flashcards.ReviewError) as info:
        svc(flashcards.review, learner, "fc-a", rating, 1000, 0, now=NOW)
    assert info.value.code == "bad_rating"
    assert review_count(dbs) == 0


@pytest.mark.parametrize("rating", [0, 5, -1, "x", None, True, 2.5, "3.0", "--3", "", [3]])
def test_bad_rating_is_refused_at_the_edge(client, dbs, rating):
    """The request body is validated by `ReviewForm` before the service is called."""
    response = client.post("/cards/fc-a/review", json={"rating": rating, "version": 0})
    assert response.status_code == 400 and response.get_json()["error"] == "bad_rating"
    assert review_count(dbs) == 0


@pytest.mark.parametrize("version", [-1, "x", None, True, 1.5, [0]])
def test_bad_version_is_refused_at_the_edge(client, dbs, version):
    response = client.post("/cards/fc-a/review", json={"rating": 3, "version": version})
    assert response.status_code == 400 and response.get_json()["error"] == "bad_version"
    assert review_count(dbs) == 0


def test_form_numbers_are_read_from_text_fields(client, dbs):
    response = client.post("/cards/fc-a/review", data={"rating": " 3 ", "version": "0", "duration_ms": "1500"})
    assert response.status_code == 303
    with dbs() as s:
        assert s.scalar(select(CardReview.duration_ms)) == 1500


def test_stored_states_are_enums_and_fsrs_is_json(svc, dbs, learner):
    svc(flashcards.review, learner, "fc-a", 3, 1000, 0, now=NOW)
    with dbs() as s:
        row = s.scalar(select(CardState))
        review = s.scalar(select(CardReview))
    assert row.state is CardStage.learning and review.state_before is CardStage.new
    assert isinstance(row.fsrs, dict) and row.fsrs["state"] == 1
    assert row.due.tzinfo is not None and review.reviewed_at.tzinfo is not None


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
