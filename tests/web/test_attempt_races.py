"""Two tabs or devices on one attempt: a submit races another submit or an autosave, nothing breaks."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Assignment, AssignmentAttempt, AttemptState, User
from app.services import attempts
from tests.web.classroom_setup import login, make_classroom, now


def _started(app, dbs):  # type: ignore[no-untyped-def]
    room = make_classroom(app, dbs)
    login(app, "learner").post(f"/assignments/{room.assignment}/start")
    with dbs() as s:
        return room, s.query(AssignmentAttempt).one().id


def test_a_submit_that_loses_the_race_keeps_the_first_one(app, dbs):
    room, attempt_id = _started(app, dbs)
    with app.app_context():
        slow = db.session.get(AssignmentAttempt, attempt_id)  # tab 1 has read the attempt...
        assignment = db.session.get(Assignment, slow.assignment_id)
        with app.app_context():  # ...when tab 2 submits it
            learner = db.session.get(User, room.learner)
            attempts.submit(learner, attempt_id, now())
            first = db.session.get(AssignmentAttempt, attempt_id).submitted_at
            db.session.remove()
        attempts.finish(slow, assignment, now(), auto=True)  # tab 1's submit: its UPDATE finds a newer version
        assert slow.state is AttemptState.finished and slow.submitted_at == first and not slow.auto_submitted
        db.session.remove()


def test_an_autosave_after_a_concurrent_submit_is_refused(app, dbs):
    room, attempt_id = _started(app, dbs)
    with app.app_context():
        learner = db.session.get(User, room.learner)
        attempt = attempts.attempt_for_learner(learner, attempt_id, now())
        slot = next(n for n, e in enumerate(attempt.slots) if e["kind"] == "question")
        with app.app_context():
            attempts.submit(db.session.get(User, room.learner), attempt_id, now())
            db.session.remove()
        # The autosave was already past its checks when the submit landed: its commit is refused.
        response = attempts._response(attempt, slot, attempt.slots[slot]["ref"])
        response.answer = 0
        with pytest.raises(attempts.AttemptRefused) as refused:
            attempts._touch(attempt)
        assert refused.value.code == "changed"
        db.session.remove()
    with dbs() as s:
        stored = s.get(AssignmentAttempt, attempt_id)
        assert stored.state is AttemptState.finished and all(r.answer != 0 or r.verdict for r in stored.responses)


def test_writes_are_rate_limited_per_learner(app, dbs):
    room = make_classroom(app, dbs)
    app.config["CLASSROOM_RATE_LIMIT"] = "3 per minute"
    client = login(app, "outsider")
    codes = [client.post("/join", data={"code": "NOPE"}).status_code for _ in range(4)]
    assert codes[:3] == [400, 400, 400] and codes[3] == 429
    # Another learner behind the same address is not affected.
    assert login(app, "learner").post(f"/assignments/{room.assignment}/start").status_code == 302
