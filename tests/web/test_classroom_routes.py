"""Every route of the classes and assignments blueprints × every role: the answer each one gets.

Routes are read from `app.url_map`, so a new route is covered (and must be given an expectation
here) automatically. Every GET is also checked to write nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AssignmentAttempt
from tests.web.classroom_setup import login, make_classroom

ROLES = ("anonymous", "guest", "learner", "outsider", "other", "teacher")
BLUEPRINTS = ("classes", "assignments", "gradebook")
# The class's own pages: only its teachers; other instructors get 404, learners 403, visitors log in.
TEACHER_ONLY = {
    "classes.show",
    "classes.edit",
    "classes.archive",
    "classes.regenerate",
    "classes.qr",
    "classes.add_teacher",
    "classes.remove_member",
    "classes.reset_password",
    "classes.bulk_accounts",
    "assignments.new",
    "assignments.edit",
    "assignments.report",
    "assignments.override",
    "assignments.duplicate",
    "assignments.detail",
    "gradebook.show",
    "gradebook.grade",
    "gradebook.statistics",
    "gradebook.misconceptions",
    "gradebook.assignment_misconceptions",
    "gradebook.export",
    "gradebook.item_analysis",
}
# One learner's own attempt: only that learner.
LEARNER_ONLY = {
    "assignments.intro",
    "assignments.start",
    "assignments.take",
    "assignments.answer",
    "assignments.submit",
    "assignments.review",
    "assignments.lab",
    "assignments.lab_file",
    "assignments.lab_action",
}
REFUSED = {403, 404}


def expected(endpoint: str, method: str, role: str) -> set[int]:
    """The status codes a role may get from a route."""
    if endpoint in TEACHER_ONLY:
        return {
            "anonymous": {302},
            "guest": {302},
            "learner": {403},
            "outsider": {403},
            "other": {404},
            "teacher": {200, 302, 400},
        }[role]
    if endpoint in LEARNER_ONLY:
        if role == "anonymous":
            return {302}
        return {200, 302, 400, 409} if role == "learner" else {404}
    if endpoint == "classes.index":
        return {"anonymous": {302}, "guest": {302}, "learner": {403}, "outsider": {403}}.get(role, {200, 302})
    if endpoint == "assignments.mine":
        return {302} if role == "anonymous" else {200}
    if endpoint in ("classes.join", "classes.join_link"):
        return {200, 302, 400}
    if endpoint == "classes.first_password":
        return {302}  # nobody here has a one-time password
    raise AssertionError(f"no expectation for {endpoint}: add it to this test")


def _client(app, role: str):  # type: ignore[no-untyped-def]
    if role == "anonymous":
        return app.test_client()
    if role == "guest":
        client = app.test_client()
        client.post("/guest")
        return client
    return login(app, {"learner": "learner", "outsider": "outsider", "other": "other", "teacher": "teacher"}[role])


def _row_counts(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with app.app_context():
        counts = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables}
        db.session.remove()
        return counts


def _url(rule, room, attempt_id: int) -> str:  # type: ignore[no-untyped-def]
    values = {
        "class_id": room.class_id,
        "assignment_id": room.assignment,
        "attempt_id": attempt_id,
        "user_id": room.learner,
        "slot": 0,
        "lab_id": room.lab_id,
        "action": "poll",
        "code": room.code,
        "fmt": "csv",
    }
    return _fill(rule.rule, values)


def _fill(pattern: str, values: dict[str, object]) -> str:
    for name, value in values.items():
        pattern = pattern.replace(f"<int:{name}>", str(value)).replace(f"<{name}>", str(value))
    assert "<" not in pattern, pattern
    return pattern


@pytest.mark.parametrize("role", ROLES)
def test_every_route_for_every_role(app, dbs, role):
    room = make_classroom(app, dbs)
    login(app, "learner").post(f"/assignments/{room.assignment}/start")
    with dbs() as s:
        attempt_id = s.scalar(select(AssignmentAttempt.id))
    client = _client(app, role)
    rules = sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint.split(".")[0] in BLUEPRINTS),
        key=lambda r: (r.endpoint in ("assignments.submit", "classes.remove_member", "classes.archive"), r.rule),
    )
    assert len(rules) >= 25
    seen = []
    for rule in rules:
        url = _url(rule, room, attempt_id)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            before = _row_counts(app) if method == "GET" else None
            if method == "GET":
                response = client.get(url)
            elif rule.endpoint == "assignments.lab_action":
                response = client.post(url, json={})
            else:
                response = client.post(url, data={})
            status = response.status_code
            assert status in expected(rule.endpoint, method, role), f"{role} {method} {url} -> {status}"
            if method == "GET":
                assert _row_counts(app) == before, f"GET {url} as {role} wrote to the database"
            seen.append(rule.endpoint)
    assert set(seen) >= TEACHER_ONLY | LEARNER_ONLY
