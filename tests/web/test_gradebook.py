"""The gradebook page: cells by the grade method with their states, totals, sort, filter, overrides."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.models import AssignmentOverride, GradeMethod, GradeOverride
from app.services import gradebook
from app.services.classes import utc_now
from tests.web.classroom_setup import login, make_classroom, now
from tests.web.gradebook_setup import add_attempt, add_learners


def _cells(client, class_id: int, **args) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    response = client.get(f"/classes/{class_id}/gradebook", query_string=args)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_cells_follow_the_grade_method_and_states(app, dbs):
    room = make_classroom(app, dbs, grade_method=GradeMethod.highest, attempts_allowed=3)
    ana, bo, cy, di, _ed = add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy", "Di", "Ed"])
    add_attempt(dbs, room.assignment, ana, 2.0, 1)
    add_attempt(dbs, room.assignment, ana, 6.0, 2)
    add_attempt(dbs, room.assignment, ana, 4.0, 3)
    add_attempt(dbs, room.assignment, bo, 1.0, state=gradebook.AttemptState.inprogress, submitted_at=None)
    add_attempt(dbs, room.assignment, cy, 3.0, auto_submitted=True)
    late = now() - timedelta(minutes=1)
    with dbs() as s:
        s.add(AssignmentOverride(assignment_id=room.assignment, user_id=di, due_at=now() - timedelta(hours=2)))
        s.commit()
    add_attempt(dbs, room.assignment, di, 5.0, submitted_at=late)
    with app.test_request_context(), dbs() as s:
        teacher = s.get(gradebook.User, room.teacher)
        book = gradebook.page(teacher, room.class_id, utc_now())
        states = {r.user.display_name: (r.cells[0].state, r.cells[0].grade) for r in book.rows}
    assert states["Ana"] == ("submitted", 6.0)  # highest of 2, 6, 4
    assert states["Bo"] == ("in_progress", None)
    assert states["Cy"] == ("overdue_submitted", 3.0)
    assert states["Di"] == ("late", 5.0)
    assert states["Ed"] == ("not_started", None)
    assert states["Learner"] == ("not_started", None)


def test_grade_method_last_and_average(app, dbs):
    room = make_classroom(app, dbs, grade_method=GradeMethod.average, attempts_allowed=3)
    (ana,) = add_learners(dbs, room.class_id, ["Ana"])
    add_attempt(dbs, room.assignment, ana, 2.0, 1)
    add_attempt(dbs, room.assignment, ana, 5.0, 2)
    with app.test_request_context(), dbs() as s:
        book = gradebook.page(s.get(gradebook.User, room.teacher), room.class_id, utc_now())
        row = next(r for r in book.rows if r.user.id == ana)
        assert row.cells[0].grade == 3.5
        assert row.total == 3.5


def test_override_keeps_the_original_and_who_and_when(app, dbs):
    room = make_classroom(app, dbs)
    (ana,) = add_learners(dbs, room.class_id, ["Ana"])
    add_attempt(dbs, room.assignment, ana, 2.0)
    teacher = login(app, "teacher")
    url = f"/assignments/{room.assignment}/grades/{ana}"
    page = teacher.get(url)
    assert page.status_code == 200
    response = teacher.post(url, data={"grade": "3.5", "comment": "재채점: 랩 확인"})
    assert response.status_code == 302
    with dbs() as s:
        row = s.scalar(select(GradeOverride))
        assert (row.grade, row.comment, row.set_by) == (3.5, "재채점: 랩 확인", room.teacher)
        assert abs((row.set_at - now()).total_seconds()) < 60
    html = _cells(teacher, room.class_id)
    assert "3.5" in html and 'data-testid="original"' in html and "2.0" in html
    detail = teacher.get(url).get_data(as_text=True)
    assert "Teacher" in detail and "재채점: 랩 확인" in detail and 'data-testid="computed">2.0' in detail
    # excused: out of the totals; empty form removes the override
    teacher.post(url, data={"excused": "y", "comment": "병결"})
    with app.test_request_context(), dbs() as s:
        book = gradebook.page(s.get(gradebook.User, room.teacher), room.class_id, utc_now())
        row = next(r for r in book.rows if r.user.id == ana)
        assert row.cells[0].state == "excused" and row.possible == 0 and row.percent is None
    teacher.post(url, data={"grade": "", "comment": ""})
    with dbs() as s:
        assert s.scalar(select(GradeOverride)) is None


def test_override_out_of_range_is_refused(app, dbs):
    room = make_classroom(app, dbs)
    (ana,) = add_learners(dbs, room.class_id, ["Ana"])
    teacher = login(app, "teacher")
    response = teacher.post(f"/assignments/{room.assignment}/grades/{ana}", data={"grade": "9999"})
    assert response.status_code == 400
    response = teacher.post(f"/assignments/{room.assignment}/grades/{room.outsider}", data={"grade": "1"})
    assert response.status_code == 404  # not in the class
    with dbs() as s:
        assert s.scalar(select(GradeOverride)) is None


def test_sort_and_filter(app, dbs):
    room = make_classroom(app, dbs)
    ana, bo, cy = add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy"])
    add_attempt(dbs, room.assignment, ana, 1.0)
    add_attempt(dbs, room.assignment, bo, 7.0)
    add_attempt(dbs, room.assignment, cy, 4.0)
    with app.test_request_context(), dbs() as s:
        teacher = s.get(gradebook.User, room.teacher)

        def names(**args: str) -> list[str]:
            return [r.user.display_name for r in gradebook.page(teacher, room.class_id, utc_now(), **args).rows]

        assert names() == ["Ana", "Bo", "Cy", "Learner"]
        assert names(sort="-total") == ["Bo", "Cy", "Ana", "Learner"]
        assert names(sort=f"a{room.assignment}")[:3] == ["Ana", "Cy", "Bo"]
        assert names(state="not_started") == ["Learner"]
        assert names(query="bo") == ["Bo"]
        assert names(sort="-name") == ["Learner", "Cy", "Bo", "Ana"]
    client = login(app, "teacher")
    html = _cells(client, room.class_id, state="submitted", sort="-total")
    assert html.index("Bo") < html.index("Cy") < html.index("Ana")
    assert 'data-testid="cell-attempt"' in html


def test_the_class_page_links_the_gradebook(app, dbs):
    room = make_classroom(app, dbs)
    html = login(app, "teacher").get(f"/classes/{room.class_id}").get_data(as_text=True)
    assert f"/classes/{room.class_id}/gradebook" in html


def test_grade_overrides_are_rate_limited_and_gets_are_not(app, dbs):
    room = make_classroom(app, dbs)
    app.config["CLASSROOM_RATE_LIMIT"] = "3 per minute"
    teacher = login(app, "teacher")
    url = f"/assignments/{room.assignment}/grades/{room.learner}"
    codes = [teacher.post(url, data={"grade": "1"}).status_code for _ in range(4)]
    assert codes[:3] == [302, 302, 302] and codes[3] == 429
    assert teacher.get(f"/classes/{room.class_id}/gradebook").status_code == 200


def test_long_korean_and_formula_names_render_escaped(app, dbs):
    room = make_classroom(app, dbs)
    long_name = "가" * 80
    add_learners(dbs, room.class_id, [long_name, "=cmd|' /C calc'!A0", "<b>x</b>"])
    html = _cells(login(app, "teacher"), room.class_id)
    assert long_name in html and "=cmd|&#39; /C calc&#39;!A0" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_pages_keep_sort_and_filter_across_pages(app, dbs, monkeypatch):
    monkeypatch.setattr(gradebook, "PAGE_SIZE", 2)
    room = make_classroom(app, dbs)
    ids = add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy", "Di", "Ed"])
    for user_id, score in zip(ids, [1.0, 7.0, 4.0, 6.0, 2.0], strict=True):
        add_attempt(dbs, room.assignment, user_id, score)
    with app.test_request_context(), dbs() as s:
        teacher = s.get(gradebook.User, room.teacher)

        def shown(number: int, **args: str) -> tuple[list[str], int, int, int]:
            book = gradebook.page(teacher, room.class_id, utc_now(), number=number, **args)
            return [r.user.display_name for r in book.rows], book.page, book.pages, book.matching

        # by name (only the page's learners are read): six learners, three pages
        assert shown(1) == (["Ana", "Bo"], 1, 3, 6)
        assert shown(3) == (["Ed", "Learner"], 3, 3, 6)
        assert shown(2, sort="-name") == (["Di", "Cy"], 2, 3, 6)
        # sorted by total over the whole class, then cut: page 2 continues page 1's order
        assert shown(1, sort="-total") == (["Bo", "Di"], 1, 3, 6)
        assert shown(2, sort="-total") == (["Cy", "Ed"], 2, 3, 6)
        assert shown(2, sort=f"a{room.assignment}") == (["Cy", "Di"], 2, 3, 6)
        # a filter counts and pages the matching learners only; out-of-range pages are kept in range
        assert shown(2, state="submitted", sort="total") == (["Cy", "Di"], 2, 3, 5)
        assert shown(9, state="not_started") == (["Learner"], 1, 1, 1)
        assert shown(0, query="d") == (["Di", "Ed"], 1, 1, 2)
        assert shown(1, state="excused") == ([], 1, 1, 0)
        assert shown(1, query="zzz") == ([], 1, 1, 0)  # by name, nobody to read
    client = login(app, "teacher")
    html = _cells(client, room.class_id, sort="-total", state="submitted", page="2")
    assert "Cy" in html and "Bo" not in html
    assert "page=3" in html and "page=1" in html  # next and previous pages
    assert "sort=-total" in html.split('data-testid="page-next"')[0].rsplit("<a", 1)[1]  # the pager keeps the sort
    assert "state=submitted" in html.split('data-testid="page-next"')[0].rsplit("<a", 1)[1]
    assert _cells(client, room.class_id, page="x").count('data-testid="gradebook-row"') == 2  # a bad number: page 1
    labels = _cells(client, room.class_id, state="not_started")
    assert '<span class="badge state-not_started">시작 안 함</span>' in labels  # one label per cell, translated
