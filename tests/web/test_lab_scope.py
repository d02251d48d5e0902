"""A lab's host is kept per scope: practice and each assigned-quiz attempt never share one."""

from __future__ import annotations

from app.models import LabAttempt
from app.services import labs
from app.services.lab_store import PRACTICE

PLAYGROUND = "@playground"


def test_two_scopes_of_one_lab_have_separate_hosts(app, dbs):
    with app.test_request_context("/"):
        labs.run_command(PLAYGROUND, {"line": "docker volume create only-in-practice"}, "ko")
        practice = labs.run_command(PLAYGROUND, {"line": "docker volume ls -q"}, "ko", scope=PRACTICE)
        quiz = labs.run_command(PLAYGROUND, {"line": "docker volume ls -q"}, "ko", scope="assignment:1")
    assert "only-in-practice" in str(practice)
    assert "only-in-practice" not in str(quiz)
    with dbs() as s:
        scopes = sorted(a.scope for a in s.query(LabAttempt).all())
    assert scopes == ["assignment:1", "practice"]
