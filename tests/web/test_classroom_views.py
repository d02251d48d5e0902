"""The instructor's views of an assignment and an attempt, the learner's list, and `flask demo`."""

from __future__ import annotations

import json
from datetime import timedelta

from app.models import AssignmentAttempt, ItemResponse, User
from app.services.course import get_course
from tests.web.classroom_setup import login, make_classroom, now


def test_report_shows_each_learners_state_and_the_attempt_detail(app, dbs):
    room = make_classroom(app, dbs)
    learner = login(app, "learner")
    learner.post(f"/assignments/{room.assignment}/start")
    with dbs() as s:
        attempt = s.query(AssignmentAttempt).one()
        attempt_id, slots = attempt.id, list(attempt.slots)
    teacher = login(app, "teacher")
    page = teacher.get(f"/assignments/{room.assignment}/report").get_data(as_text=True)
    assert 'data-testid="count-in_progress">1<' in page
    lab_slot = next(n for n, e in enumerate(slots) if e["kind"] == "lab")
    learner.post(f"/attempts/{attempt_id}/labs/{room.lab_id}/run", json={"line": "docker images"})
    question_slot = next(n for n, e in enumerate(slots) if e["kind"] == "question")
    learner.post(f"/attempts/{attempt_id}/answer/{question_slot}", data={"answer": "0"})
    learner.post(f"/attempts/{attempt_id}/submit")
    page = teacher.get(f"/assignments/{room.assignment}/report").get_data(as_text=True)
    assert 'data-testid="count-submitted">1<' in page and 'data-testid="count-not_started">0<' in page
    detail = teacher.get(f"/attempts/{attempt_id}/detail").get_data(as_text=True)
    lab_part = detail.split(f'data-testid="detail-slot-{lab_slot}"')[1].split("detail-slot-")[0]
    assert 'data-testid="checks"' in lab_part and "docker images" in lab_part
    question_part = detail.split(f'data-testid="detail-slot-{question_slot}"')[1].split("detail-slot-")[0]
    assert 'data-testid="answer"' in question_part and 'data-testid="verdict"' in question_part


def test_late_and_missed_states(app, dbs):
    room = make_classroom(app, dbs, open_at=now() - timedelta(days=3), due_at=now() - timedelta(days=1))
    page = login(app, "teacher").get(f"/assignments/{room.assignment}/report").get_data(as_text=True)
    assert 'data-testid="count-missed">1<' in page
    home = login(app, "learner").get("/").get_data(as_text=True)
    assert 'data-testid="home-assignments"' in home and 'data-testid="assignments-missed"' in home


def test_my_assignments_on_the_home_page_and_its_own_page(app, dbs):
    room = make_classroom(app, dbs)
    learner = login(app, "learner")
    home = learner.get("/").get_data(as_text=True)
    todo = home.split('data-testid="assignments-todo"')[1].split("</ul>")[0]
    assert "1주차 퀴즈" in todo
    assert "1주차 퀴즈" in learner.get("/assignments").get_data(as_text=True)
    assert 'data-testid="home-assignments"' not in login(app, "outsider").get("/").get_data(as_text=True)
    intro = learner.get(f"/assignments/{room.assignment}").get_data(as_text=True)
    assert 'data-testid="start-attempt"' in intro


def test_demo_command_makes_graded_attempts(app, dbs, runner):
    result = runner.invoke(args=["demo", "--learners", "6", "--seed", "4", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"class_code", "instructor", "instructor_password", "assignments"} <= set(data)
    assert len(data["instructor_password"]) >= 12 and len(data["assignments"]) == 2
    with dbs() as s:
        teacher = s.query(User).filter_by(username=data["instructor"]).one()
        assert teacher.is_instructor
        responses = s.query(ItemResponse).all()
        assert responses and all(r.verdict is not None for r in responses)
        with app.app_context():
            course = get_course()
            from app import grading

            for response in responses:
                item = course.by_id[response.item_ref]
                if hasattr(item, "kind"):  # a question: its verdict is what the real grader says
                    again = grading.grade_question(item.kind, item.key, response.answer).to_dict()
                    assert again["score"] == response.verdict["score"]
    login_ok = app.test_client().post(
        "/account/login", data={"username": data["instructor"], "password": data["instructor_password"]}
    )
    assert login_ok.status_code == 302
