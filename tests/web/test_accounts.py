"""Accounts: register, log in, log out, guests, merging, roles, rate limits, CSRF."""

from __future__ import annotations

import re
from datetime import UTC

import pytest
from sqlalchemy import func, select

from app.models import Activity, Role, User


def register(client, username="minji", password="correct-horse", **extra):
    data = {"username": username, "password": password, "confirm": password, **extra}
    return client.post("/account/register", data=data)


def login(client, username="minji", password="correct-horse"):
    return client.post("/account/login", data={"username": username, "password": password})


def current_user_id(client) -> int | None:
    with client.session_transaction() as sess:
        value = sess.get("_user_id")
    return int(value.split(".")[0]) if value else None  # the cookie holds "id.epoch"


def test_register_creates_account_and_logs_in(client, dbs):
    response = register(client, display_name="민지")
    assert response.status_code == 302
    with dbs() as s:
        user = s.scalar(select(User).where(User.username == "minji"))
        assert user is not None and not user.is_guest and user.role is Role.learner
        assert user.password_hash and "correct-horse" not in user.password_hash
        assert current_user_id(client) == user.id
    assert "민지" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"username": "ab"}, "아이디는 3~40자여야 합니다."),
        ({"username": "has space"}, "글자, 숫자, '.', '_', '-'만 쓸 수 있습니다."),
        ({"password": "short", "confirm": "short"}, "비밀번호는 8~128자여야 합니다."),
        ({"confirm": "different-one"}, "비밀번호가 서로 다릅니다."),
        ({"username": ""}, "아이디를 입력하세요."),
    ],
)
def test_register_rejects_bad_fields_and_keeps_input(client, dbs, data, message):
    form = {"username": "minji", "password": "correct-horse", "confirm": "correct-horse", "display_name": "민지"}
    form.update(data)
    response = client.post("/account/register", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html
    assert 'value="민지"' in html  # what was typed is not lost
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0


def test_hangul_username_normalised_to_nfc(client):
    decomposed = "\u1100\u1161\u11b7"  # 감, decomposed jamo
    assert register(client, username="김" + decomposed).status_code == 302
    client.post("/account/logout")
    assert login(client, username="김감").status_code == 302


def test_duplicate_username_is_refused_case_insensitively(client, dbs):
    register(client, username="Minji")
    client.post("/account/logout")
    response = register(client, username="MINJI")
    assert "이미 사용 중인 아이디입니다." in response.get_data(as_text=True)
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_login_wrong_password_has_clear_korean_message(client):
    register(client)
    client.post("/account/logout")
    response = login(client, password="wrong-password")
    assert response.status_code == 401
    assert "아이디 또는 비밀번호가 올바르지 않습니다." in response.get_data(as_text=True)
    assert current_user_id(client) is None


def test_login_and_logout(client):
    register(client)
    client.post("/account/logout")
    assert current_user_id(client) is None
    assert login(client).status_code == 302
    assert current_user_id(client) is not None


def test_login_next_must_be_local(client):
    register(client)
    client.post("/account/logout")
    response = client.post(
        "/account/login?next=https://evil.example/", data={"username": "minji", "password": "correct-horse"}
    )
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example/", "https://evil.example/"])
def test_redirect_targets_stay_on_this_site(client, target):
    """Browsers read `/\\host` like `//host`: neither may leave the site (log-in `next`, language switch)."""
    response = client.post("/lang/en", data={"next": target})
    assert response.headers["Location"] == "/"
    register(client)
    client.post("/account/logout")
    response = client.post("/account/login?next=" + target, data={"username": "minji", "password": "correct-horse"})
    assert response.headers["Location"] == "/"


def test_guest_is_a_real_row_remembered_by_session(client, dbs):
    client.post("/guest")
    guest_id = current_user_id(client)
    with dbs() as s:
        guest = s.get(User, guest_id)
        assert guest.is_guest and guest.username is None
    client.post("/guest")  # a second start keeps the same guest
    assert current_user_id(client) == guest_id
    assert "게스트로 학습 중입니다." in client.get("/").get_data(as_text=True)


def test_guest_who_registers_keeps_the_same_row_and_records(client, dbs):
    client.post("/guest")
    guest_id = current_user_id(client)
    with dbs() as s:
        s.add(Activity(user_id=guest_id, kind="lesson", item_id="build-image"))
        s.commit()
    register(client)
    with dbs() as s:
        user = s.scalar(select(User).where(User.username == "minji"))
        assert user.id == guest_id and not user.is_guest
        assert s.scalar(select(func.count()).select_from(Activity).where(Activity.user_id == guest_id)) == 1
        assert s.scalar(select(func.count()).select_from(User)) == 1


def _guest_with_records(client, dbs, count=2) -> int:
    client.post("/guest")
    guest_id = current_user_id(client)
    with dbs() as s:
        for index in range(count):
            s.add(Activity(user_id=guest_id, kind="lesson", item_id=f"l{index}"))
        s.commit()
    return guest_id


@pytest.fixture
def account_id(client, dbs) -> int:
    register(client, username="sora")
    client.post("/account/logout")
    with dbs() as s:
        return s.scalar(select(User.id).where(User.username == "sora"))


def test_login_offers_to_merge_guest_records(client, dbs, account_id):
    guest_id = _guest_with_records(client, dbs)
    response = login(client, username="sora")
    assert response.headers["Location"].endswith("/account/merge")
    page = client.get("/account/merge").get_data(as_text=True)
    assert "기록 2개" in page
    client.post("/account/merge", data={"choice": "merge"})
    with dbs() as s:
        assert s.get(User, guest_id) is None
        assert s.scalars(select(Activity.user_id)).all() == [account_id, account_id]


def test_login_can_discard_guest_records(client, dbs, account_id):
    guest_id = _guest_with_records(client, dbs)
    login(client, username="sora")
    client.post("/account/merge", data={"choice": "discard"})
    with dbs() as s:
        assert s.get(User, guest_id) is None
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
    assert current_user_id(client) == account_id


def test_guest_without_records_is_not_asked(client, account_id):
    client.post("/guest")
    response = login(client, username="sora")
    assert response.headers["Location"] == "/"


def test_merge_page_without_pending_guest_redirects(client, account_id):
    login(client, username="sora")
    assert client.get("/account/merge").status_code == 302


def test_create_instructor_command(runner, dbs):
    result = runner.invoke(args=["create-instructor", "teacher", "--password", "long-enough-pw"])
    assert result.exit_code == 0, result.output
    with dbs() as s:
        user = s.scalar(select(User).where(User.username == "teacher"))
        assert user.role is Role.instructor and not user.is_guest
    again = runner.invoke(args=["create-instructor", "teacher", "--password", "long-enough-pw"])
    assert again.exit_code != 0 and "taken" in again.output
    short = runner.invoke(args=["create-instructor", "t2", "--password", "short"])
    assert short.exit_code != 0 and "at least 8" in short.output


def test_instructor_label_in_header(client, runner):
    runner.invoke(args=["create-instructor", "teacher", "--password", "long-enough-pw"])
    login(client, username="teacher", password="long-enough-pw")
    assert "강사" in client.get("/").get_data(as_text=True)


def test_wrong_passwords_for_one_name_back_off(app, client):
    """Past the free failures, the name waits (the right password too) before the next check."""
    register(client)
    client.post("/account/logout")
    app.config["LOGIN_FREE_FAILURES"] = 3
    codes = [login(client, password="nope-nope").status_code for _ in range(4)]
    assert codes == [401, 401, 401, 401]
    locked = login(client)
    assert locked.status_code == 429
    assert "잘못된 비밀번호가 너무 많이 입력되었습니다" in locked.get_data(as_text=True)


def test_forms_carry_csrf_tokens_and_reject_missing_ones(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    html = client.get("/account/register").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    bad = client.post(
        "/account/register", data={"username": "minji", "password": "correct-horse", "confirm": "correct-horse"}
    )
    assert bad.status_code == 400
    good = client.post(
        "/account/register",
        data={"username": "minji", "password": "correct-horse", "confirm": "correct-horse", "csrf_token": token},
    )
    assert good.status_code == 302


def test_logout_needs_post_with_token(app, client):
    register(client)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.get("/account/logout").status_code == 405
    client.post("/account/logout")  # no token: refused
    assert current_user_id(client) is not None


def test_language_choice_is_saved_on_the_account(client, dbs):
    register(client)
    client.post("/lang/en")
    with dbs() as s:
        assert s.scalar(select(User.locale).where(User.username == "minji")) == "en"
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_merge_keeps_the_fresher_card_state_when_both_have_one(client, dbs, account_id):
    from datetime import datetime, timedelta

    from app.models import CardState

    now = datetime.now(UTC)
    earlier, later = now - timedelta(days=2), now - timedelta(days=1)
    with dbs() as s:
        s.add(CardState(user_id=account_id, card_id="c1", fsrs="{}", due=now, state="review", reps=5, updated_at=later))
        s.add(
            CardState(user_id=account_id, card_id="c3", fsrs="{}", due=now, state="review", reps=7, updated_at=earlier)
        )
        s.commit()
    guest_id = _guest_with_records(client, dbs, count=1)
    with dbs() as s:
        s.add(
            CardState(user_id=guest_id, card_id="c1", fsrs="{}", due=now, state="learning", reps=1, updated_at=earlier)
        )
        s.add(
            CardState(user_id=guest_id, card_id="c2", fsrs="{}", due=now, state="learning", reps=2, updated_at=earlier)
        )
        s.add(CardState(user_id=guest_id, card_id="c3", fsrs="{}", due=now, state="learning", reps=3, updated_at=later))
        s.commit()
    login(client, username="sora")
    client.post("/account/merge", data={"choice": "merge"})
    with dbs() as s:
        rows = {c.card_id: c.reps for c in s.scalars(select(CardState).where(CardState.user_id == account_id))}
        assert rows == {"c1": 5, "c2": 2, "c3": 3}


def test_a_classroom_behind_one_address_can_all_log_in(app, client):
    """Limits count per address *and* user name, so 30 learners sharing a school's IP are not blocked."""
    codes = {login(client, username=f"student{i}", password="wrong-password").status_code for i in range(30)}
    assert codes == {401}


def test_one_address_still_has_an_overall_cap_on_registering(app, client):
    app.config["AUTH_IP_RATE_LIMIT"] = "5 per minute"
    codes = [register(client, username=f"s{i}", password="short").status_code for i in range(6)]
    assert codes == [200] * 5 + [429]
