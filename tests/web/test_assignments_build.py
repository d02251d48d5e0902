"""Building assignments: the form's checks, times in the class's zone, items, edits, regrades, duplicates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models import Assignment, AssignmentAttempt, AssignmentItem, ClassTeacher, SchoolClass
from app.services import assignments, classes
from tests.web.classroom_setup import first_questions, login, make_classroom

FORM = {
    "title": "2주차",
    "open_at": "2026-03-02T09:00",
    "due_at": "2026-03-09T18:00",
    "time_limit": "30",
    "attempts_allowed": "2",
    "grade_method": "highest",
    "lab_help": "hidden",
    "hint_cost": "10",
    "late_policy": "none",
    "late_penalty_per_day": "10",
    "late_penalty_cap": "50",
    "review_score": "immediately",
    "review_right": "after_due",
    "review_answers": "never",
    "question_points": "2",
    "lab_points": "5",
    "random_count": "0",
}


def test_new_assignment_times_are_read_in_the_class_time_zone(app, dbs):
    room = make_classroom(app, dbs)
    with app.app_context():
        questions = first_questions(("single", "multiple"))
    data = {**FORM, "questions": questions, "labs": [room.lab_id]}
    response = login(app, "teacher").post(f"/classes/{room.class_id}/assignments/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with dbs() as s:
        made = s.query(Assignment).filter_by(title="2주차").one()
        assert made.open_at == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
        assert made.due_at == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
        assert [(i.kind, i.item_id, i.points) for i in made.items] == [
            ("question", questions[0], 2.0),
            ("question", questions[1], 2.0),
            ("lab", room.lab_id, 5.0),
        ]
        assert made.lab_help.value == "hidden" and made.time_limit_minutes == 30


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"due_at": "2026-03-01T09:00"}, "due_at"),
        ({"time_limit": "0"}, "time_limit"),
        ({"time_limit": "1441"}, "time_limit"),
        ({"late_policy": "penalty", "late_penalty_per_day": "0"}, "late_penalty_cap"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_settings_are_refused_next_to_the_field_keeping_input(app, dbs, change, field):
    room = make_classroom(app, dbs)
    response = login(app, "teacher").post(f"/classes/{room.class_id}/assignments/new", data={**FORM, **change})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in html
    assert "2026-03-02T09:00" in html  # what was typed stays


def test_random_block_and_lessons_by_kind(app, dbs):
    room = make_classroom(app, dbs)
    with app.app_context():
        from app.services.assignment_items import lesson_choices, questions_of

        lessons = [lesson_id for lesson_id, _ in lesson_choices()][:2]
        true_false = questions_of(lessons, ["true_false"])
    data = {**FORM, "lessons": lessons, "kinds": ["true_false"], "random_lessons": lessons, "random_count": "3"}
    assert login(app, "teacher").post(f"/classes/{room.class_id}/assignments/new", data=data).status_code == 302
    with dbs() as s:
        made = s.query(Assignment).filter_by(title="2주차").one()
        kinds = [(i.kind, i.item_id, i.count) for i in made.items]
    assert kinds[:-1] == [("question", q, 1) for q in true_false]
    assert kinds[-1] == ("random", None, 3)


def test_editing_with_attempts_warns_regrades_points_and_keeps_removed_items(app, dbs):
    room = make_classroom(app, dbs)
    learner = login(app, "learner")
    learner.post(f"/assignments/{room.assignment}/start")
    with dbs() as s:
        attempt = s.query(AssignmentAttempt).one()
        attempt_id = attempt.id
        first_item = next(
            i for i in s.query(AssignmentItem).filter_by(assignment_id=room.assignment) if i.kind == "question"
        )
        slot = next(n for n, e in enumerate(attempt.slots) if e["item"] == first_item.id)
        item_id, ref = first_item.id, first_item.item_id
    with app.app_context():
        from app.services.course import get_course

        question = get_course().by_id[ref]
    learner.post(f"/attempts/{attempt_id}/answer/{slot}", data={"answer": str(question.key["correct"]).lower()})
    learner.post(f"/attempts/{attempt_id}/submit")
    with dbs() as s:
        before = s.get(AssignmentAttempt, attempt_id).score
    teacher = login(app, "teacher")
    page = teacher.get(f"/assignments/{room.assignment}/edit").get_data(as_text=True)
    assert 'data-testid="has-attempts"' in page
    form = {
        **FORM,
        "title": "1주차 퀴즈",
        "open_at": "2026-01-01T09:00",
        "due_at": "2030-01-01T09:00",
        f"points-{item_id}": "4",
    }
    with dbs() as s:
        other_items = [
            i.id for i in s.query(AssignmentItem).filter_by(assignment_id=room.assignment) if i.id != item_id
        ]
    form["remove"] = [str(other_items[0])]
    assert teacher.post(f"/assignments/{room.assignment}/edit", data=form).status_code == 302
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert before == 1.0 and attempt.score == 4.0
        removed = s.get(AssignmentItem, other_items[0])
        assert removed.removed_at is not None  # kept for history
        assert any(e["item"] == other_items[0] for e in attempt.slots)


def test_duplicate_to_another_class_i_teach(app, dbs):
    room = make_classroom(app, dbs)
    with dbs() as s:
        from app.models import User

        teacher = s.get(User, room.teacher)
        second = classes.create_class(teacher, "도커 2반", None)
        second_id = second.id
    client = login(app, "teacher")
    assert client.post(f"/assignments/{room.assignment}/duplicate", data={"target": second_id}).status_code == 302
    with dbs() as s:
        copy = s.query(Assignment).filter_by(class_id=second_id).one()
        assert copy.title == "1주차 퀴즈" and len(copy.items) == 4
    # Not into a class of another instructor.
    with dbs() as s:
        foreign = SchoolClass(name="x", join_code="ABCDEFGH", owner_id=room.other_teacher)
        s.add(foreign)
        s.flush()
        s.add(ClassTeacher(class_id=foreign.id, user_id=room.other_teacher))
        s.commit()
        foreign_id = foreign.id
    assert client.post(f"/assignments/{room.assignment}/duplicate", data={"target": foreign_id}).status_code == 404


def test_late_penalty_per_started_day_up_to_the_cap():
    from datetime import timedelta

    from app.models import LatePolicy

    assignment = Assignment(late_policy=LatePolicy.penalty, late_penalty_per_day=10.0, late_penalty_cap=25.0)
    due = datetime(2026, 3, 1, tzinfo=UTC)
    assert assignments.late_penalty(assignment, due, due) == 0
    assert assignments.late_penalty(assignment, due, due + timedelta(minutes=1)) == 10
    assert assignments.late_penalty(assignment, due, due + timedelta(days=1, minutes=1)) == 20
    assert assignments.late_penalty(assignment, due, due + timedelta(days=9)) == 25
    assert assignments.late_until(assignment, due) == due + timedelta(days=3)
    strict = Assignment(late_policy=LatePolicy.none, late_penalty_per_day=10.0, late_penalty_cap=25.0)
    assert assignments.late_penalty(strict, due, due + timedelta(days=2)) == 0
    assert assignments.late_until(strict, due) == due
