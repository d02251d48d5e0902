"""Classes: create, rename, archive, join codes and links, QR code, roster, co-teachers."""

from __future__ import annotations

import re

from app.models import ClassMember, ClassTeacher, SchoolClass
from app.services.classes import CODE_ALPHABET
from tests.web.classroom_setup import login, make_classroom


def test_instructor_creates_a_class_with_a_code_without_look_alikes(app, dbs):
    room = make_classroom(app, dbs)
    client = login(app, "teacher")
    response = client.post("/classes", data={"name": "도커 2반", "term": "겨울", "timezone": "Asia/Seoul"})
    assert response.status_code == 302
    with dbs() as s:
        created = s.query(SchoolClass).filter_by(name="도커 2반").one()
        assert len(created.join_code) == 8 and set(created.join_code) <= set(CODE_ALPHABET)
        assert not set("0O1IL") & set(created.join_code)
        assert s.query(ClassTeacher).filter_by(class_id=created.id, user_id=room.teacher).count() == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert created.join_code in page and "도커 2반" in page


def test_bad_class_form_keeps_what_was_typed_and_says_why_next_to_the_field(app, dbs):
    make_classroom(app, dbs)
    client = login(app, "teacher")
    response = client.post("/classes", data={"name": "", "term": "봄학기", "timezone": "Mars/Olympus"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "봄학기" in html and "Mars/Olympus" in html
    assert html.count('class="field-error"') == 2


def test_rename_and_archive_and_restore(app, dbs):
    room = make_classroom(app, dbs)
    client = login(app, "teacher")
    client.post(f"/classes/{room.class_id}/edit", data={"name": "새 이름", "term": "", "timezone": "Asia/Tokyo"})
    client.post(f"/classes/{room.class_id}/archive", data={"choice": "archive"})
    with dbs() as s:
        school_class = s.get(SchoolClass, room.class_id)
        assert (school_class.name, school_class.timezone, school_class.archived) == ("새 이름", "Asia/Tokyo", True)
    outsider = login(app, "outsider")
    response = outsider.post("/join", data={"code": room.code})
    assert "archived" in response.get_data(as_text=True) or "보관" in response.get_data(as_text=True)
    client.post(f"/classes/{room.class_id}/archive", data={"choice": "restore"})
    assert outsider.post("/join", data={"code": room.code}).status_code == 302


def test_join_by_code_once_and_errors_next_to_the_field(app, dbs):
    room = make_classroom(app, dbs)
    client = login(app, "outsider")
    unknown = client.post("/join", data={"code": "ZZZZ ZZZZ"})
    assert unknown.status_code == 400 and 'class="field-error"' in unknown.get_data(as_text=True)
    assert "ZZZZ ZZZZ" in unknown.get_data(as_text=True)
    assert client.post("/join", data={"code": room.code.lower()}).status_code == 302  # case does not matter
    again = client.post("/join", data={"code": room.code})
    assert again.status_code == 400
    with dbs() as s:
        assert s.query(ClassMember).filter_by(class_id=room.class_id, user_id=room.outsider).count() == 1


def test_regenerated_code_replaces_the_old_one(app, dbs):
    room = make_classroom(app, dbs)
    login(app, "teacher").post(f"/classes/{room.class_id}/code")
    with dbs() as s:
        new_code = s.get(SchoolClass, room.class_id).join_code
    assert new_code != room.code
    client = login(app, "outsider")
    assert client.post("/join", data={"code": room.code}).status_code == 400
    assert client.post("/join", data={"code": new_code}).status_code == 302


def test_join_link_prefills_the_code_and_writes_nothing(app, dbs):
    room = make_classroom(app, dbs)
    client = login(app, "outsider")
    page = client.get(f"/join/{room.code}").get_data(as_text=True)
    assert f'value="{room.code}"' in page
    with dbs() as s:
        assert s.query(ClassMember).filter_by(user_id=room.outsider).count() == 0


def test_a_guest_is_sent_to_register_first_and_keeps_the_code(app, dbs):
    room = make_classroom(app, dbs)
    client = app.test_client()
    client.post("/guest")
    response = client.post("/join", data={"code": room.code})
    assert response.status_code == 302
    assert "/account/register" in response.headers["Location"] and room.code in response.headers["Location"]
    with dbs() as s:
        assert s.query(ClassMember).filter_by(class_id=room.class_id).count() == 1  # only the set-up learner


def test_qr_code_is_an_svg_of_the_join_link(app, dbs):
    room = make_classroom(app, dbs)
    response = login(app, "teacher").get(f"/classes/{room.class_id}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.get_data(as_text=True)
    assert svg.lstrip().startswith("<svg") and "<script" not in svg and "style=" not in svg
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_roster_remove_learner_and_co_teacher(app, dbs):
    room = make_classroom(app, dbs)
    teacher = login(app, "teacher")
    assert "Learner" in teacher.get(f"/classes/{room.class_id}").get_data(as_text=True)
    teacher.post(f"/classes/{room.class_id}/teachers", data={"username": "other"})
    other = login(app, "other")
    assert other.get(f"/classes/{room.class_id}").status_code == 200
    teacher.post(f"/classes/{room.class_id}/members/{room.learner}/remove")
    with dbs() as s:
        assert s.query(ClassMember).filter_by(class_id=room.class_id).count() == 0
    bad = teacher.post(f"/classes/{room.class_id}/teachers", data={"username": "learner"})
    assert bad.status_code == 302


def test_class_list_shows_only_my_classes(app, dbs):
    make_classroom(app, dbs)
    other = login(app, "other")
    html = other.get("/classes").get_data(as_text=True)
    assert "도커 1반" not in html
    assert re.search(r"도커 1반", login(app, "teacher").get("/classes").get_data(as_text=True))
