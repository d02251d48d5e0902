"""Shared set-up for the classes and assignments tests: people, a class, an assignment, log-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from werkzeug.security import generate_password_hash

from app.models import ClassMember, Role, User
from app.services import assignments, classes
from app.services.assignments import ItemChoice, Settings
from app.services.course import get_course

PASSWORD = "correct-horse"


@dataclass
class Classroom:
    """Ids of what `make_classroom` created."""

    teacher: int
    other_teacher: int
    learner: int
    outsider: int
    class_id: int
    code: str
    assignment: int
    question_ids: list[str]
    lab_id: str


def now() -> datetime:
    """The real current moment, as the app sees it."""
    return datetime.now(UTC)


def add_user(session, username: str, role: Role = Role.learner) -> User:  # type: ignore[no-untyped-def]
    """A registered account with the shared test password (a cheap hash: tests make many)."""
    user = User(
        username=username,
        display_name=username.title(),
        password_hash=generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000"),
        is_guest=False,
        role=role,
    )
    session.add(user)
    session.flush()
    return user


def first_questions(kinds: tuple[str, ...]) -> list[str]:
    """One question id of each kind, from the real course."""
    found: dict[str, str] = {}
    for lesson in get_course().lessons:
        for question in lesson.questions:
            found.setdefault(question.kind, question.id)
    return [found[k] for k in kinds if k in found]


def first_lab() -> str:
    """The first lab of the course."""
    return next(lab.id for lesson in get_course().lessons for lab in lesson.labs)


def make_classroom(app, dbs, **settings) -> Classroom:  # type: ignore[no-untyped-def]
    """Two instructors, a class with one learner, one learner outside, and an open assignment."""
    with app.test_request_context("/"), dbs() as s:
        teacher = add_user(s, "teacher", Role.instructor)
        other = add_user(s, "other", Role.instructor)
        learner = add_user(s, "learner")
        outsider = add_user(s, "outsider")
        s.commit()
        school_class = classes.create_class(teacher, "도커 1반", "2026-2")
        s.add(ClassMember(class_id=school_class.id, user_id=learner.id))
        s.commit()
        questions = first_questions(("single", "true_false", "short"))
        lab = first_lab()
        values = {
            "title": "1주차 퀴즈",
            "open_at": now() - timedelta(hours=1),
            "due_at": now() + timedelta(days=1),
            **settings,
        }
        assignment = assignments.create(
            school_class, teacher, Settings(**values), ItemChoice(questions=questions, labs=[lab])
        )
        return Classroom(
            teacher.id,
            other.id,
            learner.id,
            outsider.id,
            school_class.id,
            school_class.join_code,
            assignment.id,
            questions,
            lab,
        )


def login(app, username: str):  # type: ignore[no-untyped-def]
    """A test client logged in as `username`."""
    client = app.test_client()
    response = client.post("/account/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client
