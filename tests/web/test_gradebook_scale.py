"""The gradebook, statistics and misconceptions pages and the CSV export use a fixed number of SQL statements."""

from __future__ import annotations

from sqlalchemy import delete

from app.models import Assignment, AssignmentAttempt, ClassMember, GradeOverride, User
from tests.web.classroom_setup import login, make_classroom
from tests.web.gradebook_setup import add_assignments
from tests.web.test_classroom_scale import _fill, _statements

ASSIGNMENTS = 6


def _pages(app, dbs, learners: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    room = make_classroom(app, dbs)
    more = add_assignments(dbs, room.class_id, ASSIGNMENTS - 1)
    _fill(app, dbs, room, learners)
    with dbs() as s:  # every learner has a grade override on one assignment, and attempts on another
        members = [m.user_id for m in s.query(ClassMember).filter_by(class_id=room.class_id)]
        s.add_all(GradeOverride(assignment_id=more[0], user_id=u, grade=1.0, comment="x") for u in members)
        s.commit()
    teacher = login(app, "teacher")
    return {
        "gradebook": _statements(app, teacher, f"/classes/{room.class_id}/gradebook"),
        "sorted": _statements(app, teacher, f"/classes/{room.class_id}/gradebook?sort=-total&state=submitted"),
        "csv": _statements(app, teacher, f"/classes/{room.class_id}/gradebook.csv"),
        "statistics": _statements(app, teacher, f"/assignments/{room.assignment}/statistics?all=1"),
        "misconceptions": _statements(app, teacher, f"/classes/{room.class_id}/misconceptions"),
    }


def test_statement_count_does_not_grow_with_the_class(app, dbs):
    small = _pages(app, dbs, 5)
    with dbs() as s:
        s.execute(delete(GradeOverride))
        s.execute(delete(AssignmentAttempt))
        s.execute(delete(ClassMember))
        s.execute(delete(Assignment))
        s.query(User).filter(User.username.like("bulk%")).delete(synchronize_session=False)
        for name in ("teacher", "other", "learner", "outsider"):
            s.query(User).filter_by(username=name).one().username = f"old-{name}"
        s.commit()
    large = _pages(app, dbs, 200)
    assert large == small, (small, large)
