"""Feedback and account messages of issue 14: plain recent activity, the guest-records welcome only when true."""

from __future__ import annotations

import pytest

from app.config import BASE_DIR
from app.services.course import parse_content


@pytest.fixture
def app_config():
    """The real course: its prompts carry Markdown."""
    return {"CONTENT_DIR": str(BASE_DIR / "content")}


def _markdown_single_question():
    course, _ = parse_content(BASE_DIR / "content")
    for lesson in course.lessons:
        for q in lesson.questions:
            if q.kind == "single" and "`" in q.prompt:
                return q
    raise AssertionError("the course has no single-choice prompt with `code`")


def test_recent_activity_shows_a_markdown_prompt_as_plain_words(client):
    question = _markdown_single_question()
    client.post(f"/questions/{question.id}/answer", data={"token": "t1", "answer": "0"})
    recent = client.get("/progress/").get_data(as_text=True).split('data-testid="recent"')[1].split("</ol>")[0]
    assert "문제 풂" in recent
    assert "`" not in recent and "**" not in recent


def test_the_guest_records_welcome_only_for_a_guest_with_records(client):
    data = {"username": "newbie", "password": "correct-horse", "confirm": "correct-horse"}
    page = client.post("/account/register", data=data, follow_redirects=True).get_data(as_text=True)
    assert "계정이 만들어졌습니다" in page and "게스트로 학습한 기록" not in page

    other = client.application.test_client()
    question = _markdown_single_question()
    other.post(f"/questions/{question.id}/answer", data={"token": "t2", "answer": "0"})
    data = {"username": "former-guest", "password": "correct-horse", "confirm": "correct-horse"}
    page = other.post("/account/register", data=data, follow_redirects=True).get_data(as_text=True)
    assert "게스트로 학습한 기록도 그대로 남아 있습니다" in page


def test_a_failing_reason_is_listed_once_per_verdict(app):
    from app.dockersim import N_
    from app.grading import CheckResult, Verdict
    from app.services.lab_view import verdict_json

    gone = N_("There is no %(who)s.", who=N_("container %(name)s", name="web"))
    checks = (
        CheckResult("running", False, 1.0, gone),
        CheckResult("publishes", False, 1.0, gone),
        CheckResult("mount_at", False, 1.0, gone),
        CheckResult("image_exists", True, 1.0, N_("Image %(ref)s exists", ref="nginx")),
    )
    with app.test_request_context():
        from flask import session

        session["lang"] = "en"
        shown = verdict_json(Verdict(1.0, 4.0, False, checks))["checks"]
    assert [c["message"] for c in shown] == ["There is no container web.", "Image nginx exists"]
