"""Statistics per assignment: item analysis from the stored marks, first or all attempts, a snapshot read."""

from __future__ import annotations

import pytest

from app.models import ItemResponse
from app.reports import statistics
from app.services import assignment_stats
from app.services.course import get_course
from tests.web.classroom_setup import login, make_classroom
from tests.web.gradebook_setup import add_attempt, add_learners


def _answer(dbs, attempt_id: int, marks: dict[str, tuple[float, object, object]]) -> None:  # type: ignore[no-untyped-def]
    with dbs() as s:
        for slot, (ref, (score, answer, verdict)) in enumerate(marks.items()):
            s.add(
                ItemResponse(
                    attempt_id=attempt_id, slot=slot, item_ref=ref, score=score, answer=answer, verdict=verdict
                )
            )
        s.commit()


def _verdict(*passed: bool) -> dict[str, object]:
    return {"score": 1, "max_score": 2, "checks": [{"name": f"c{i}", "passed": p} for i, p in enumerate(passed)]}


def _take(dbs, room, user_id: int, number: int, single: int, short: float, lab: float, checks: tuple[bool, ...]) -> int:  # type: ignore[no-untyped-def]
    single_id, tf_id, short_id = room.question_ids
    correct = room.correct
    attempt = add_attempt(dbs, room.assignment, user_id, None, number)
    _answer(
        dbs,
        attempt,
        {
            single_id: (1.0 if single == correct else 0.0, single, None),
            tf_id: (1.0, True, None),
            short_id: (short, "x", None),
            room.lab_id: (lab, None, _verdict(*checks)),
        },
    )
    return attempt


@pytest.fixture
def taken(app, dbs):  # type: ignore[no-untyped-def]
    room = make_classroom(app, dbs)
    ana, bo, cy = add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy"])
    with app.app_context():
        correct = room.correct = get_course().by_id[room.question_ids[0]].key["correct"]
    wrong = (correct + 1) % 2
    _take(dbs, room, ana, 1, correct, 1.0, 5.0, (True, True))
    _take(dbs, room, bo, 1, wrong, 0.0, 0.0, (False, False))
    _take(dbs, room, cy, 1, wrong, 1.0, 2.5, (True, False))
    _take(dbs, room, bo, 2, correct, 1.0, 5.0, (True, True))
    return room, correct, wrong


def _stats(app, dbs, room, **kw):  # type: ignore[no-untyped-def]
    with app.test_request_context(), dbs() as s:
        return assignment_stats.assignment_statistics(s.get(assignment_stats.User, room.teacher), room.assignment, **kw)


def test_item_analysis_of_first_attempts_matches_the_hand_table(app, dbs, taken):
    room, correct, wrong = taken
    page = _stats(app, dbs, room)
    s = page.stats
    assert s.count == 3
    # totals: Ana 1+1+1+5 = 8, Bo 0+1+0+0 = 1, Cy 0+1+1+2.5 = 4.5
    assert s.mean == pytest.approx(13.5 / 3)
    assert s.median == 4.5
    items = {i.item_id: i for i in s.items}
    assert items[room.question_ids[0]].facility == pytest.approx(1 / 3)
    assert items[room.question_ids[1]].facility == 1.0 and "easy" in items[room.question_ids[1]].flags
    assert items[room.lab_id].facility == pytest.approx(7.5 / 15)
    expected = statistics.item_analysis(
        [statistics.ItemSpec(i.item_id, i.title, i.max_mark) for i in s.items],
        [[1, 1, 1, 5], [0, 1, 0, 0], [0, 1, 1, 2.5]],
    )
    assert [i.discrimination for i in s.items] == [i.discrimination for i in expected.items]
    dist = {c.index: c.count for c in page.choices[room.question_ids[0]]}
    assert dist[correct] == 1 and dist[wrong] == 2
    assert page.popular_wrong[room.question_ids[0]].index == wrong
    rates = {c.name: (c.failures, c.attempts) for c in page.checks[room.lab_id]}
    assert rates == {"c0": (1, 3), "c1": (2, 3)}
    assert sum(b.count for b in page.bins) == 3


def test_all_attempts_on_request(app, dbs, taken):
    room, _, _ = taken
    assert _stats(app, dbs, room, all_attempts=True).stats.count == 4
    html = login(app, "teacher").get(f"/assignments/{room.assignment}/statistics?all=1").get_data(as_text=True)
    assert 'data-testid="stat-count">4<' in html and "<svg" in html and 'data-testid="first-only"' in html
    html = login(app, "teacher").get(f"/assignments/{room.assignment}/statistics").get_data(as_text=True)
    assert 'data-testid="stat-count">3<' in html and 'data-testid="popular-wrong"' in html


def test_an_attempt_arriving_while_computing_is_wholly_in_or_out(app, dbs, taken, monkeypatch):
    room, correct, _ = taken
    (late,) = add_learners(dbs, room.class_id, ["Late"])
    real = statistics.item_analysis
    arrived: list[int] = []

    def analysis_with_a_submission_in_between(specs, rows):  # type: ignore[no-untyped-def]
        # Another request submits an attempt after the marks were read and before they are analysed.
        if not arrived:
            arrived.append(_take(dbs, room, late, 1, correct, 1.0, 5.0, (True, True)))
        return real(specs, rows)

    monkeypatch.setattr(statistics, "item_analysis", analysis_with_a_submission_in_between)
    page = _stats(app, dbs, room)
    assert arrived
    assert page.stats.count == 3
    assert all(item.count == 3 for item in page.stats.items)
    assert sum(b.count for b in page.bins) == 3
    assert _stats(app, dbs, room).stats.count == 4  # the next computation sees it whole


def test_an_assignment_nobody_took_says_so(app, dbs):
    room = make_classroom(app, dbs)
    response = login(app, "teacher").get(f"/assignments/{room.assignment}/statistics")
    assert response.status_code == 200
    assert 'data-testid="no-attempts"' in response.get_data(as_text=True)
    page = _stats(app, dbs, room)
    assert page.stats.count == 0 and page.stats.mean is None
    assert all(i.facility is None for i in page.stats.items)
