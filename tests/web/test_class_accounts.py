"""Bulk accounts: pasted names or CSV (UTF-8, CP949/EUC-KR), login slips, forced password change."""

from __future__ import annotations

import io
import re

import pytest

from app.models import ClassMember, User
from app.services.class_accounts import BulkError, check_names, decode_upload, names_from_text
from tests.web.classroom_setup import make_classroom


def _slips(html: str) -> list[tuple[str, str]]:
    users = re.findall(r'data-testid="slip-username">([^<]+)<', html)
    passwords = re.findall(r'data-testid="slip-password">([^<]+)<', html)
    return list(zip(users, passwords, strict=True))


def test_pasted_names_make_accounts_with_one_time_passwords(app, dbs):
    room = make_classroom(app, dbs)
    from tests.web.classroom_setup import login

    teacher = login(app, "teacher")
    response = teacher.post(f"/classes/{room.class_id}/accounts", data={"names": "김민준\n이서연\n\n"})
    assert response.status_code == 200
    slips = _slips(response.get_data(as_text=True))
    assert len(slips) == 2 and all(len(p) == 10 for _, p in slips)
    with dbs() as s:
        users = [s.query(User).filter_by(username=u).one() for u, _ in slips]
        assert [u.display_name for u in users] == ["김민준", "이서연"]
        assert all(u.must_change_password for u in users)
        assert s.query(ClassMember).filter_by(class_id=room.class_id).count() == 3
    # The learner logs in with the slip and must choose a password before anything else.
    learner = app.test_client()
    assert learner.post("/account/login", data={"username": slips[0][0], "password": slips[0][1]}).status_code == 302
    assert learner.get("/").headers["Location"].endswith("/account/new-password")
    assert learner.get("/assignments").status_code == 302
    short = learner.post("/account/new-password", data={"password": "short", "confirm": "short"})
    assert 'class="field-error"' in short.get_data(as_text=True)
    done = learner.post("/account/new-password", data={"password": "my-own-secret", "confirm": "my-own-secret"})
    assert done.status_code == 302
    assert learner.get("/").status_code == 200
    with dbs() as s:
        assert not s.query(User).filter_by(username=slips[0][0]).one().must_change_password


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp949", "euc-kr"])
def test_csv_in_korean_encodings(app, dbs, encoding):
    room = make_classroom(app, dbs)
    from tests.web.classroom_setup import login

    data = "이름,반\n박도윤,1\n최하은,1\n".encode(encoding)
    response = login(app, "teacher").post(
        f"/classes/{room.class_id}/accounts",
        data={"names": "", "upload": (io.BytesIO(data), "names.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    with dbs() as s:
        names = sorted(u.display_name for u in s.query(User).filter(User.username.like(f"c{room.class_id}s%")))
    assert names == ["박도윤", "최하은"]


def test_duplicate_and_empty_names_are_refused_keeping_the_text(app, dbs):
    room = make_classroom(app, dbs)
    from tests.web.classroom_setup import login

    response = login(app, "teacher").post(
        f"/classes/{room.class_id}/accounts", data={"names": "김민준\n김민준\n정지호"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "김민준" in html and 'class="field-error"' in html
    with pytest.raises(BulkError) as error:
        check_names(["가", "", "나"])
    assert error.value.code == "empty_names" and error.value.names == ("2",)
    with pytest.raises(BulkError):
        check_names([])


def test_name_parsing_and_decoding():
    assert names_from_text("이름\n가\n나\n\n") == ["가", "나"]
    assert names_from_text('"홍, 길동",3\n') == ["홍, 길동"]
    assert decode_upload("한글".encode("cp949")) == "한글"
    with pytest.raises(BulkError):
        decode_upload(b"\xff\xfe\x00\xd8\x00")


def test_teacher_resets_a_learners_password(app, dbs):
    room = make_classroom(app, dbs)
    from tests.web.classroom_setup import login

    response = login(app, "teacher").post(f"/classes/{room.class_id}/members/{room.learner}/password")
    ((username, password),) = _slips(response.get_data(as_text=True))
    assert username == "learner"
    client = app.test_client()
    assert client.post("/account/login", data={"username": username, "password": password}).status_code == 302
    assert client.get("/").headers["Location"].endswith("/account/new-password")
