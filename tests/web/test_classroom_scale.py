"""The class pages answer with a number of SQL statements that does not grow with the class."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from app.extensions import db
from app.models import AssignmentAttempt, AttemptState, ClassMember, Role, User
from tests.web.classroom_setup import login, make_classroom, now


def _fill(app, dbs, room, learners: int) -> None:  # type: ignore[no-untyped-def]
    with dbs() as s:
        users = [
            User(username=f"bulk{n:04d}", display_name=f"학생{n}", is_guest=False, role=Role.learner, password_hash="x")
            for n in range(learners)
        ]
        s.add_all(users)
        s.flush()
        start = now() - timedelta(minutes=30)
        for n, user in enumerate(users):
            s.add(ClassMember(class_id=room.class_id, user_id=user.id))
            if n % 3:
                s.add(
                    AssignmentAttempt(
                        assignment_id=room.assignment,
                        user_id=user.id,
                        number=1,
                        seed=n,
                        slots=[],
                        started_at=start,
                        deadline_at=start + timedelta(days=1),
                        state=AttemptState.finished if n % 2 else AttemptState.inprogress,
                        submitted_at=start + timedelta(minutes=5) if n % 2 else None,
                        score=1.0,
                        max_score=3.0,
                    )
                )
        s.commit()


@contextmanager
def counting(app):  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _statements(app, client, url: str) -> int:  # type: ignore[no-untyped-def]
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def _pages(app, dbs, learners: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    room = make_classroom(app, dbs)
    _fill(app, dbs, room, learners)
    teacher, learner = login(app, "teacher"), login(app, "learner")
    return {
        "class": _statements(app, teacher, f"/classes/{room.class_id}"),
        "report": _statements(app, teacher, f"/assignments/{room.assignment}/report"),
        "gradebook": _statements(app, teacher, f"/classes/{room.class_id}/gradebook"),
        "classes": _statements(app, teacher, "/classes"),
        "mine": _statements(app, learner, "/assignments"),
        "home": _statements(app, learner, "/"),
    }


def test_statement_count_does_not_grow_with_the_class(app, dbs):
    small = _pages(app, dbs, 5)
    with dbs() as s:  # a second, bigger class in the same database
        s.query(ClassMember).delete()
        s.query(AssignmentAttempt).delete()
        s.query(User).filter(User.username.like("bulk%")).delete(synchronize_session=False)
        for name in ("teacher", "other", "learner", "outsider"):
            s.query(User).filter_by(username=name).one().username = f"old-{name}"
        s.commit()
    large = _pages(app, dbs, 200)
    assert large == small, (small, large)
    assert all(count > 3 for count in small.values())
