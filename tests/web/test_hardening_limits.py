"""Rate limits that slow an attacker without blocking a classroom behind one address, and a
budget on every write (issue 15, items 3 and 6)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import CardReview, QuestionAnswer, User

COURSE = Path(__file__).parent / "course_fixture"


@pytest.fixture
def app_config():
    return {"CONTENT_DIR": str(COURSE)}


def register(client, username="minji", password="correct-horse"):
    return client.post("/account/register", data={"username": username, "password": password, "confirm": password})


def login(client, username="minji", password="correct-horse"):
    return client.post("/account/login", data={"username": username, "password": password})


def count(dbs, model) -> int:
    with dbs() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def account(client):
    register(client)
    client.post("/account/logout")
    return "minji"


def test_250_failures_with_other_names_do_not_block_a_right_password(app, client, account):
    codes = {login(client, username=f"student{i}", password="wrong-password").status_code for i in range(250)}
    assert codes == {401}
    assert login(client).status_code == 302


def test_ten_wrong_passwords_slow_the_name_down_but_do_not_lock_it_out(app, client, account):
    from app.extensions import limiter

    app.config["LOGIN_BACKOFF_BASE_SECONDS"] = 60  # (longer than this test can take on a busy machine)
    codes = [login(client, password="nope-nope").status_code for _ in range(10)]
    assert codes == [401] * 6 + [429] * 4  # five free failures; the sixth starts the back-off
    assert login(client).status_code == 429  # waiting, even with the right password
    with app.test_request_context("/"):
        expires_in = limiter.storage.get_expiry("dojo/login-lock/minji") - time.time()
        assert 0 < expires_in <= app.config["LOGIN_BACKOFF_MAX_SECONDS"]
        limiter.storage.clear("dojo/login-lock/minji")  # as the back-off running out does
    assert login(client).status_code == 302


def test_back_off_doubles_up_to_its_ceiling(app, client, account):
    from app.extensions import limiter

    app.config.update(LOGIN_FREE_FAILURES=0, LOGIN_BACKOFF_BASE_SECONDS=2, LOGIN_BACKOFF_MAX_SECONDS=8)
    windows = []
    for _ in range(5):
        with app.test_request_context("/"):
            limiter.storage.clear("dojo/login-lock/minji")
        before = time.time()
        login(client, password="nope-nope")
        with app.test_request_context("/"):
            expiry = limiter.storage.get_expiry("dojo/login-lock/minji")
        # The lock was set between `before` and now: its length lies in this window, however slow the machine.
        windows.append((expiry - time.time(), expiry - before))
    for (shortest, longest), seconds in zip(windows, [2, 4, 8, 8, 8], strict=True):
        assert shortest - 0.01 <= seconds <= longest + 0.01, (windows, seconds)


def test_an_address_past_its_failure_budget_loses_the_free_failures_not_the_right_password(app, client, account):
    app.config["LOGIN_ADDRESS_FAILURE_BUDGET"] = 3
    for i in range(3):
        login(client, username=f"student{i}", password="wrong-password")
    assert login(client, username="another", password="wrong-password").status_code == 401
    assert login(client, username="another", password="wrong-password").status_code == 429  # locked at once
    assert login(client).status_code == 302  # a name with no failures of its own gets in


def test_a_right_password_clears_the_name_failures(app, client, account):
    app.config["LOGIN_FREE_FAILURES"] = 2
    login(client, password="nope-nope")
    login(client, password="nope-nope")
    assert login(client).status_code == 302
    client.post("/account/logout")
    assert [login(client, password="nope-nope").status_code for _ in range(2)] == [401, 401]


def test_question_answers_are_limited_per_learner(app, client, dbs):
    app.config["WRITE_RATE_LIMIT"] = "5 per minute"
    client.post("/guest")  # (counted per address: the visitor has no guest yet)
    codes = [
        client.post("/questions/q-single/answer", data={"token": f"t{i}", "answer": "1"}).status_code for i in range(7)
    ]
    assert codes == [302] * 5 + [429] * 2
    assert count(dbs, QuestionAnswer) == 5


def test_card_reviews_are_limited_per_learner(app, client, dbs):
    app.config["WRITE_RATE_LIMIT"] = "3 per minute"
    client.post("/guest")
    codes = [client.post("/cards/card-one/review", json={"rating": 3, "version": i}).status_code for i in range(5)]
    assert codes[3:] == [429, 429] and 429 not in codes[:3]
    assert count(dbs, CardReview) <= 3


def test_a_new_guest_brings_no_fresh_budget(app, dbs):
    """Dropping the cookie to become a new guest does not reset anything: the address counts too."""
    app.config["ANONYMOUS_WRITE_RATE_LIMIT"] = "4 per hour"
    codes = [app.test_client().post("/guest").status_code for _ in range(6)]
    assert codes == [302] * 4 + [429] * 2
    assert count(dbs, User) == 4


def test_every_write_from_one_address_has_a_flood_cap(app, client):
    app.config["WRITE_ADDRESS_RATE_LIMIT"] = "3 per minute"
    client.post("/guest")
    codes = [client.post("/lang/en").status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_a_classroom_of_guests_behind_one_address_is_not_blocked(app, dbs):
    """Forty learners start as guests and answer ten questions each from one school address."""
    students = [app.test_client() for _ in range(40)]
    for student in students:
        assert student.post("/guest").status_code == 302
    for round_number in range(10):
        for student in students:
            reply = student.post("/questions/q-single/answer", data={"token": f"r{round_number}", "answer": "1"})
            assert reply.status_code == 302
    assert count(dbs, QuestionAnswer) == 400
