"""Open redirects, bad input and racing registrations (issue 15, items 4 and 5)."""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from app.blueprints.redirects import safe_target
from app.edge import MAX_JSON_BYTES, MAX_JSON_DEPTH, UnsafeInput, json_depth, read_json
from app.models import CardReview, QuestionAnswer, User
from app.services import accounts

COURSE = Path(__file__).parent / "course_fixture"
EVIL = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\x00/evil.example",
    "/\u3000/evil.example",
    "/\ud800",
    "evil.example",
    "",
]


@pytest.fixture
def app_config():
    return {"CONTENT_DIR": str(COURSE)}


def count(dbs, model) -> int:
    with dbs() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("target", EVIL)
def test_safe_target_refuses_anything_but_a_plain_local_path(target):
    assert safe_target(target, "/home") == "/home"


@pytest.mark.parametrize("target", ["/", "/lessons/sample", "/cards?x=1#top", "/lessons/%ED%95%9C"])
def test_safe_target_keeps_local_paths(target):
    assert safe_target(target, "/home") == target


@pytest.mark.parametrize("target", ["/\t/evil.example", "/\n/evil.example", "/\r\n/x", "//evil.example"])
def test_language_switch_does_not_redirect_off_site(client, target):
    response = client.post("/lang/en", data={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_an_escaped_tab_stays_a_path_on_this_site(client):
    """`%09` is not stripped by browsers: the target is a (missing) page here, not another host."""
    response = client.post("/lang/en", data={"next": "/%09/evil.example"})
    assert response.headers["Location"] == "/%09/evil.example"
    assert urlsplit(response.headers["Location"]).netloc == ""


@pytest.mark.parametrize("raw", ["/%09/evil.example", "/%0a/evil.example", "/%0d%0a/evil.example", "//evil.example"])
def test_login_and_register_do_not_redirect_off_site(client, raw):
    client.post(
        "/account/register", data={"username": "minji", "password": "correct-horse", "confirm": "correct-horse"}
    )
    client.post("/account/logout")
    for response in (
        client.post(f"/account/login?next={raw}", data={"username": "minji", "password": "correct-horse"}),
        client.post(
            f"/account/register?next={raw}",
            data={"username": "other", "password": "correct-horse", "confirm": "correct-horse"},
        ),
    ):
        assert response.status_code == 302
        assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "field",
    ["username", "display_name", "password"],
)
def test_nul_bytes_in_registration_fields_are_refused(client, dbs, field):
    data = {"username": "minji", "password": "correct-horse", "confirm": "correct-horse", "display_name": "민지"}
    data[field] = data[field] + "\x00"
    if field == "password":
        data["confirm"] = data["password"]
    assert client.post("/account/register", data=data).status_code == 400
    assert count(dbs, User) == 0


def test_nul_byte_in_an_answer_token_is_refused(client, dbs):
    reply = client.post("/questions/q-single/answer", data={"token": "t\x00", "answer": "1"})
    assert reply.status_code == 400
    assert count(dbs, QuestionAnswer) == 0 and count(dbs, User) == 0


@pytest.mark.parametrize(
    "body",
    [
        '{"rating": 3, "version": 0, "x": "\\ud800"}',
        '{"rating": Infinity, "version": 0}',
        '{"rating": NaN, "version": 0}',
        '{"rating": -Infinity, "version": 0}',
        '{"rating": 3, "version": 0, "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"rating": 3, "version": 0, "\\u0000": 1}',
        '{"rating": 3, "version": 0',
        b'{"rating": 3, "version": 0, "x": "\xff"}',
    ],
)
def test_bad_json_to_a_card_review_is_a_400_that_writes_nothing(client, dbs, body):
    reply = client.post("/cards/card-one/review", data=body, content_type="application/json")
    assert reply.status_code == 400
    assert count(dbs, CardReview) == 0 and count(dbs, User) == 0


def test_the_json_reader_has_named_bounds():
    assert read_json(b'{"a": [1, {"b": "\\u00e9"}]}') == {"a": [1, {"b": "é"}]}
    assert json_depth('{"a": "[[[[", "b": [[]]}') == 3
    assert read_json(("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH).encode())
    for bad in (
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)).encode(),
        b'"' + b"x" * MAX_JSON_BYTES + b'"',
        b"1e999999 garbage",
        b'["\\udfff"]',
    ):
        with pytest.raises(UnsafeInput):
            read_json(bad)


def test_a_registration_that_loses_the_race_gets_name_taken(app, client, dbs, monkeypatch):
    """The unique index catches what the look-up missed (two requests between check and insert)."""
    client.post(
        "/account/register", data={"username": "minji", "password": "correct-horse", "confirm": "correct-horse"}
    )
    client.post("/account/logout")
    monkeypatch.setattr(accounts, "find_user", lambda name: None)
    reply = app.test_client().post(
        "/account/register", data={"username": "Minji", "password": "other-horse", "confirm": "other-horse"}
    )
    assert reply.status_code == 200
    assert "이미 사용 중인 아이디입니다." in reply.get_data(as_text=True)
    assert count(dbs, User) == 1


def test_four_simultaneous_registrations_of_one_name(app, dbs):
    clients = [app.test_client() for _ in range(4)]
    for browser in clients:
        browser.post("/guest")
    start = threading.Barrier(4)
    codes: list[int] = []

    def go(browser) -> None:
        start.wait()
        data = {"username": "minji", "password": "correct-horse", "confirm": "correct-horse"}
        codes.append(browser.post("/account/register", data=data).status_code)

    threads = [threading.Thread(target=go, args=(browser,)) for browser in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200, 200, 200, 302]
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.username == "minji")) == 1
        assert s.scalar(select(func.count()).select_from(User).where(User.is_guest)) == 3


def test_a_refused_json_request_gets_a_json_answer_in_the_learners_language(client):
    reply = client.post(
        "/labs/lab-sample-detached/run", data='{"line": "ls", "terminal": NaN}', content_type="application/json"
    )
    assert reply.status_code == 400
    assert reply.get_json() == {
        "ok": False,
        "error": "보낸 내용 중 읽을 수 없는 부분이 있습니다. 페이지를 새로 고친 뒤 다시 시도하세요. 저장된 것은 없습니다.",
    }
    page = client.post("/guest", data={"x": "a\x00"})
    assert page.status_code == 400 and "요청을 읽을 수 없습니다" in page.get_data(as_text=True)
