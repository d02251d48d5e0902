"""Flashcards: FSRS scheduling per learner, the daily new-card limit, the review log, statistics.

Progress is keyed by the card's content id: a card that is no longer in the course is ignored
(its rows stay, and count again if the card comes back). Days (the new-card limit, reviews per
day, the forecast) are calendar days in the `TIMEZONE` setting (Korea by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, cast
from zoneinfo import ZoneInfo

from flask import current_app
from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.exc import IntegrityError

from app.curriculum import Course, Flashcard, render_markdown
from app.extensions import db
from app.models import CardReview, CardStage, CardState, utcnow
from app.services.course import get_course
from app.services.days import school_zone

# Cards in their learning steps that come due this soon are shown when nothing else is left (as Anki does).
LEARN_AHEAD = timedelta(minutes=20)
# Longer answers are logged as this long (Anki's default cap), so a card left open does not skew the stats.
MAX_DURATION_MS = 60_000
RATINGS = (1, 2, 3, 4)
HISTORY_DAYS = 30
FORECAST_DAYS = 14


class ReviewError(ValueError):
    """A grading request that cannot be recorded; `code` says why, the view words it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Counts:
    """Today: new cards still allowed, cards due (now or within the learn-ahead window), reviews done.

    `new_limit` is the daily limit; `unseen` counts the course's cards the learner never graded.
    """

    new: int
    due: int
    reviewed_today: int
    new_limit: int
    unseen: int


@dataclass(frozen=True)
class StudyCard:
    """The card to show: its content, rendered faces, the version to quote, and each rating's next interval."""

    card: Flashcard
    front_html: str
    back_html: str
    lesson_title: str
    state: CardStage
    version: int
    intervals: tuple[tuple[int, timedelta], ...]


@dataclass(frozen=True)
class StudySession:
    """The next card (or none) and the counts; `next_due_in` says when the next card comes if none is left."""

    card: StudyCard | None
    counts: Counts
    next_due_in: timedelta | None
    total_cards: int


@dataclass(frozen=True)
class ReviewOutcome:
    """A grading: `recorded` is False when the same review was already recorded (a double submit)."""

    recorded: bool
    rating: int
    due_in: timedelta | None


@dataclass(frozen=True)
class DayCount:
    """A number for one calendar day."""

    day: date
    count: int


@dataclass(frozen=True)
class Bar:
    """One bar of a server-rendered SVG chart (coordinates in the chart's viewBox)."""

    x: float
    y: float
    width: float
    height: float
    day: date
    count: int


@dataclass(frozen=True)
class BarChart:
    """Bars for a series of days, with the largest value for the axis label."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    baseline: float
    maximum: int


@dataclass(frozen=True)
class Stats:
    """The statistics page: reviews per day, retention, the due forecast, and totals."""

    reviews_per_day: tuple[DayCount, ...]
    forecast: tuple[DayCount, ...]
    retention: float | None
    retention_reviews: int
    reviews_total: int
    average_seconds: float | None
    cards_seen: int
    cards_total: int


# --- settings and helpers -----------------------------------------------------------------


def new_cards_per_day() -> int:
    """The daily limit of new cards (setting `NEW_CARDS_PER_DAY`)."""
    return max(0, int(current_app.config["NEW_CARDS_PER_DAY"]))


def day_zone() -> ZoneInfo:
    """The time zone whose midnight starts a study day (setting `TIMEZONE`)."""
    return school_zone()


def scheduler() -> Scheduler:
    """The FSRS scheduler (desired retention from `FSRS_DESIRED_RETENTION`, default 0.9)."""
    return Scheduler(desired_retention=float(current_app.config["FSRS_DESIRED_RETENTION"]))


def _now(moment: datetime | None) -> datetime:
    """The given moment (tests pass one), else the current time; aware, in UTC."""
    return utcnow() if moment is None else moment.astimezone(UTC)


def _start_of_day(now: datetime) -> datetime:
    """Midnight (in the study time zone) of the day `now` falls in, as UTC."""
    local = now.astimezone(day_zone()).date()
    return datetime.combine(local, time(0), tzinfo=day_zone()).astimezone(UTC)


def _local_day(moment: datetime) -> date:
    return moment.astimezone(day_zone()).date()


@lru_cache(maxsize=2048)
def _html(text: str) -> str:
    return render_markdown(text)


def _stage(card: Card) -> CardStage:
    return CardStage[State(card.state).name.lower()]


def _fsrs_card(row: CardState | None, now: datetime) -> Card:
    if row is None:
        return Card(card_id=0, due=now)
    return Card.from_dict(row.fsrs)  # type: ignore[arg-type] # fsrs types the dict narrower than JSON


def _states(user_id: int | None, course: Course) -> dict[str, CardState]:
    """The learner's states of cards still in the course, by card id."""
    if user_id is None:
        return {}
    rows = db.session.scalars(select(CardState).where(CardState.user_id == user_id))
    ids = {card.id for card in course.flashcards}
    return {row.card_id: row for row in rows if row.card_id in ids}


def _flashcard(course: Course, card_id: str) -> Flashcard | None:
    item = course.by_id.get(card_id)
    return item if isinstance(item, Flashcard) else None


# --- the review session ---------------------------------------------------------------------


def study_session(user_id: int | None, now: datetime | None = None) -> StudySession:
    """The next card for the learner: due cards first, then new ones (within today's limit), then learn-ahead."""
    now = _now(now)
    course = get_course()
    states = _states(user_id, course)
    started_today = sum(1 for row in states.values() if row.first_seen_at >= _start_of_day(now))
    unseen = [card for card in course.flashcards if card.id not in states]
    new_left = min(max(0, new_cards_per_day() - started_today), len(unseen))
    by_due = sorted(states.values(), key=lambda row: row.due)
    due_now = [row for row in by_due if row.due <= now]
    ahead = [row for row in by_due if now < row.due <= now + LEARN_AHEAD and row.state is not CardStage.review]
    reviewed_today = _reviews_since(user_id, _start_of_day(now))
    counts = Counts(new_left, len(due_now) + len(ahead), reviewed_today, new_cards_per_day(), len(unseen))

    total = len(course.flashcards)
    if due_now or (ahead and not new_left):
        row = due_now[0] if due_now else ahead[0]
        card = course.by_id[row.card_id]
        return StudySession(_study_card(course, card, row, now), counts, None, total)  # type: ignore[arg-type]
    if new_left:
        return StudySession(_study_card(course, unseen[0], None, now), counts, None, total)
    upcoming = [row.due - now for row in by_due if row.due > now]
    return StudySession(None, counts, upcoming[0] if upcoming else None, total)


def _study_card(course: Course, card: Flashcard, row: CardState | None, now: datetime) -> StudyCard:
    fsrs_card = _fsrs_card(row, now)
    sched = scheduler()
    sched.enable_fuzzing = False  # the interval shown on each button is the unfuzzed one
    intervals = []
    for rating in RATINGS:
        after, _ = sched.review_card(fsrs_card, Rating(rating), review_datetime=now)
        intervals.append((rating, after.due - now))
    lesson = course.lessons_by_id.get(card.lesson_id)
    return StudyCard(
        card=card,
        front_html=_html(card.front),
        back_html=_html(card.back),
        lesson_title=lesson.title if lesson else "",
        state=row.state if row else CardStage.new,
        version=row.reps if row else 0,
        intervals=tuple(intervals),
    )


def _reviews_since(user_id: int | None, since: datetime) -> int:
    if user_id is None:
        return 0
    query = select(func.count()).select_from(CardReview)
    return db.session.scalar(query.where(CardReview.user_id == user_id, CardReview.reviewed_at >= since)) or 0


def review(
    user_id: int,
    card_id: str,
    rating: int,
    duration_ms: int | None,
    version: int,
    now: datetime | None = None,
) -> ReviewOutcome:
    """Grade a card 1-4 as of `version` (its review count when shown); a repeated submit records once.

    The request was validated at the edge (`ReviewForm`); the checks here keep the rules of the
    domain (a rating is 1-4, a card must be in the course) whoever calls.
    """
    if rating not in RATINGS:
        raise ReviewError("bad_rating")
    if version < 0:
        raise ReviewError("bad_version")
    if _flashcard(get_course(), card_id) is None:
        raise ReviewError("unknown_card")
    duration = None if duration_ms is None else min(max(duration_ms, 0), MAX_DURATION_MS)
    now = _now(now)
    row = db.session.scalar(select(CardState).where(CardState.user_id == user_id, CardState.card_id == card_id))
    if version != (row.reps if row else 0):
        return ReviewOutcome(False, rating, row.due - now if row else None)
    before, values = _scheduled(row, rating, duration, now)
    try:
        if not _save_state(user_id, card_id, row, values, now):
            return ReviewOutcome(False, rating, None)
        db.session.add(
            CardReview(
                user_id=user_id,
                card_id=card_id,
                rating=rating,
                reviewed_at=now,
                duration_ms=duration,
                state_before=before,
                due_after=values["due"],
            )
        )
        db.session.commit()
    except IntegrityError:
        # A concurrent first review of the same new card inserted the state first.
        db.session.rollback()
        return ReviewOutcome(False, rating, None)
    return ReviewOutcome(True, rating, values["due"] - now)


def _scheduled(
    row: CardState | None, rating: int, duration: int | None, now: datetime
) -> tuple[CardStage, dict[str, Any]]:
    """The card's stage before this review, and the columns of its state after it."""
    before = row.state if row else CardStage.new
    after, _ = scheduler().review_card(
        _fsrs_card(row, now), Rating(rating), review_datetime=now, review_duration=duration
    )
    lapsed = rating == Rating.Again and before is CardStage.review
    return before, {
        "fsrs": after.to_dict(),
        "due": after.due,
        "state": _stage(after),
        "reps": (row.reps if row else 0) + 1,
        "lapses": (row.lapses if row else 0) + (1 if lapsed else 0),
        "updated_at": now,
    }


def _save_state(user_id: int, card_id: str, row: CardState | None, values: dict[str, Any], now: datetime) -> bool:
    """Insert the first state or move the shown version on; False when another request moved it first."""
    if row is None:
        db.session.add(CardState(user_id=user_id, card_id=card_id, first_seen_at=now, **values))
        db.session.flush()
        return True
    # Only the request that still sees the version it was shown may move the card on.
    result = db.session.execute(
        update(CardState).where(CardState.id == row.id, CardState.reps == row.reps).values(**values)
    )
    if cast(CursorResult[Any], result).rowcount != 1:
        db.session.rollback()
        return False
    return True


# --- statistics -----------------------------------------------------------------------------


def statistics(user_id: int | None, now: datetime | None = None) -> Stats:
    """Reviews per day (last 30 days), retention, the due forecast (next 14 days) and totals."""
    now = _now(now)
    course = get_course()
    today = _local_day(now)
    first_day = today - timedelta(days=HISTORY_DAYS - 1)
    since = datetime.combine(first_day, time(0), tzinfo=day_zone()).astimezone(UTC)
    query = select(CardReview).where(CardReview.user_id == user_id, CardReview.reviewed_at >= since)
    reviews = list(db.session.scalars(query)) if user_id is not None else []
    per_day = {first_day + timedelta(days=i): 0 for i in range(HISTORY_DAYS)}
    for item in reviews:
        day = _local_day(item.reviewed_at)
        if day in per_day:
            per_day[day] += 1
    # Retention: among reviews of cards already seen before (not new), the share not rated Again.
    seen_before = [item for item in reviews if item.state_before is not CardStage.new]
    remembered = sum(1 for item in seen_before if item.rating != Rating.Again)
    durations = [item.duration_ms for item in reviews if item.duration_ms is not None]

    states = _states(user_id, course)
    forecast = {today + timedelta(days=i): 0 for i in range(FORECAST_DAYS)}
    for row in states.values():
        day = max(_local_day(row.due), today)  # overdue cards are due today
        if day in forecast:
            forecast[day] += 1
    return Stats(
        reviews_per_day=tuple(DayCount(day, count) for day, count in per_day.items()),
        forecast=tuple(DayCount(day, count) for day, count in forecast.items()),
        retention=remembered / len(seen_before) if seen_before else None,
        retention_reviews=len(seen_before),
        reviews_total=len(reviews),
        average_seconds=sum(durations) / len(durations) / 1000 if durations else None,
        cards_seen=len(states),
        cards_total=len(course.flashcards),
    )


def statistics_page(user_id: int | None) -> tuple[Stats, dict[str, BarChart]]:
    """The statistics page: the numbers and the geometry of its two charts."""
    stats = statistics(user_id)
    return stats, {"reviews": bar_chart(stats.reviews_per_day), "forecast": bar_chart(stats.forecast)}


def bar_chart(series: tuple[DayCount, ...], width: int = 600, height: int = 160, gap: float = 2.0) -> BarChart:
    """Geometry of a bar chart for the template's SVG (no inline styles: colours come from classes)."""
    top, bottom, side = 16.0, 20.0, 16.0  # room for the value above a bar and the date labels below
    maximum = max((point.count for point in series), default=0)
    slot = (width - 2 * side) / max(len(series), 1)
    usable = height - top - bottom
    bars = []
    for index, point in enumerate(series):
        bar_height = usable * point.count / maximum if maximum else 0.0
        bars.append(
            Bar(
                x=round(side + index * slot + gap / 2, 2),
                y=round(top + usable - bar_height, 2),
                width=round(slot - gap, 2),
                height=round(bar_height, 2),
                day=point.day,
                count=point.count,
            )
        )
    return BarChart(tuple(bars), width, height, top + usable, maximum)
