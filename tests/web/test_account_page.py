"""The account page `/account` (issue 14): every route for every role, and what each change does."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from app.models import Activity, QuestionAnswer, User
from tests.web.test_every_endpoint import app_config, client_as  # noqa: F401 - the fixture is reused

PASSWORD = "correct-horse"  # the learner client_as registers


def _learner(app):
    return client_as(app, "learner")


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("guest", 302), ("learner", 200), ("instructor", 200)],
)
def test_the_page_for_each_role(app, role, expected):
    response = client_as(app, role).get("/account")
    assert response.status_code == expected
    if role == "guest":
        assert "/account/register" in response.headers["Location"]
    if role == "anonymous":
        assert "/account/login" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/account/profile", "/account/password", "/account/delete"])
def test_writes_need_a_signed_in_account(app, path):
    assert client_as(app, "anonymous").post(path, data={}).status_code == 302


def test_name_and_language_are_saved(app, dbs):
    client = _learner(app)
    client.post("/account/profile", data={"display_name": "민지 선생", "lang": "en"})
    with dbs() as s:
        user = s.scalar(select(User).where(User.username == "minji"))
        assert (user.display_name, user.locale) == ("민지 선생", "en")
    assert "My account" in client.get("/account").get_data(as_text=True)


def test_password_change_needs_the_current_password_and_signs_out_other_browsers(app):
    client = _learner(app)
    other = app.test_client()
    other.post("/account/login", data={"username": "minji", "password": PASSWORD})
    assert other.get("/account").status_code == 200
    refused = client.post(
        "/account/password", data={"current": "wrong-one!", "password": "new-secret-1", "confirm": "new-secret-1"}
    )
    assert refused.status_code == 200 and "비밀번호가 맞지 않습니다" in refused.get_data(as_text=True)
    done = client.post(
        "/account/password", data={"current": PASSWORD, "password": "new-secret-1", "confirm": "new-secret-1"}
    )
    assert done.status_code == 302
    assert client.get("/account").status_code == 200  # this browser stays signed in
    assert other.get("/account").status_code == 302  # the other one is signed out
    fresh = app.test_client()
    fresh.post("/account/login", data={"username": "minji", "password": "new-secret-1"})
    assert fresh.get("/account").status_code == 200


def test_download_my_data_has_everything_as_json_and_csv(app):
    client = _learner(app)
    response = client.get("/account/data.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = set(archive.namelist())
    assert {"everything.json", "progress.csv", "progress.json", "csv/users.csv", "csv/question_answers.csv"} <= names
    data = json.loads(archive.read("everything.json"))
    assert data["users"][0]["username"] == "minji" and "password_hash" not in data["users"][0]
    assert len(data["question_answers"]) == 1 and data["question_answers"][0]["question_id"] == "q-single"
    assert b"password_hash" not in archive.read("csv/users.csv")


def test_delete_needs_the_password_and_removes_every_row(app, dbs):
    client = _learner(app)
    with dbs() as s:
        user_id = s.scalar(select(User.id).where(User.username == "minji"))
    assert client.post("/account/delete", data={"password": "wrong-one!"}).status_code == 200
    with dbs() as s:
        assert s.get(User, user_id) is not None
    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 302
    with dbs() as s:
        assert s.get(User, user_id) is None
        for model in (Activity, QuestionAnswer):
            assert s.scalar(select(func.count()).select_from(model).where(model.user_id == user_id)) == 0
    assert client.get("/account").status_code == 302  # signed out
    gone = app.test_client().post("/account/login", data={"username": "minji", "password": PASSWORD})
    assert gone.status_code == 401 and "minji" not in gone.headers.get("Location", "")  # no such account any more


def test_an_instructor_cannot_delete_their_account_here(app, dbs):
    client = client_as(app, "instructor")
    assert "delete-form" not in client.get("/account").get_data(as_text=True)
    response = client.post("/account/delete", data={"password": "teacher-password"})
    assert response.status_code == 200
    with dbs() as s:
        assert s.scalar(select(User).where(User.username == "teacher")) is not None
