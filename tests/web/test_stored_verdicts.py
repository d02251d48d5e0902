"""Verdicts stored before grader messages existed ({Korean, English} pairs) still render, next to new ones.

Question answers (`question_answers.verdict_json`) and assignment answers (`item_responses.verdict`)
keep the verdict as JSON. Rows written before the graders returned messages hold `feedback` (Korean)
with `feedback_en`, checks with `message_ko` / `message_en`, and the simulator's hint as a bare
catalogue id; new rows hold message JSON (`Message.to_json()`). Both render in the request's language,
no migration needed.
"""

from __future__ import annotations

from flask import Flask, render_template_string, session

from app.curriculum import Question
from app.dockersim import HINTS
from app.extensions import db
from app.grading import grade_question
from app.models import QuestionAnswer
from app.services import accounts
from app.services.course import get_course
from app.services.questions import submit_answer

HINT = next(iter(HINTS.values()))
OLD = {
    "score": 0.0,
    "max_score": 1.0,
    "passed": False,
    "feedback": "기대한 결과와 다릅니다.",
    "feedback_en": "Not the expected result.",
    "checks": [
        {
            "name": "effect",
            "passed": False,
            "weight": 1.0,
            "message_ko": "포트 게시가 다릅니다.",
            "message_en": "Ports differ.",
        }
    ],
    "details": {"line": "docker ps", "stderr": "", "hint": HINT.id},
}


def _question() -> Question:
    return next(q for q in get_course().by_id.values() if isinstance(q, Question) and q.kind == "command")


def _shown(app: Flask, ui: str, verdict: dict) -> tuple[str, list[str]]:
    """What the lesson page shows for a recorded answer with this stored verdict (the same token again)."""
    with app.test_request_context():
        session["lang"] = ui
        user = accounts.register(f"old-rows-{ui}-{len(str(verdict))}", "correct-horse")
        question = _question()
        db.session.add(
            QuestionAnswer(
                user_id=user.id,
                question_id=question.id,
                token="t",
                answer="docker ps",
                verdict=verdict,
                score=0.0,
                max_score=1.0,
                passed=False,
            )
        )
        db.session.commit()
        outcome = submit_answer(user, question, "docker ps", "t", "")
        assert outcome.repeated
        return outcome.feedback, [c["message"] for c in outcome.checks]


def test_an_old_row_renders_in_each_language(app: Flask) -> None:
    assert _shown(app, "ko", OLD) == ("기대한 결과와 다릅니다.", ["포트 게시가 다릅니다.", "💡 " + _korean_hint(app)])
    assert _shown(app, "en", OLD) == ("Not the expected result.", ["Ports differ.", "💡 " + HINT.english()])


def _korean_hint(app: Flask) -> str:
    from app.services.messages import translate

    with app.test_request_context():
        session["lang"] = "ko"
        return translate(HINT)


def test_a_new_row_renders_in_each_language(app: Flask) -> None:
    with app.app_context():
        verdict = grade_question("command", _question().key, "docker ps --nope").to_dict()
    assert "feedback_en" not in verdict and "message_ko" not in verdict["checks"][0]
    feedback_ko, checks_ko = _shown(app, "ko", verdict)
    feedback_en, checks_en = _shown(app, "en", verdict)
    assert feedback_ko == "기대한 결과와 다릅니다." and feedback_en == "Not the expected result."
    assert checks_ko[0].startswith("‘docker ps --nope’ 명령이 실패했습니다.")
    assert checks_en[0].startswith("‘docker ps --nope’ failed. Docker says:")
    assert checks_ko[-1].startswith("💡") and checks_en[-1].startswith("💡") and checks_ko[-1] != checks_en[-1]


def test_assignment_pages_read_both_shapes(app: Flask) -> None:
    """The review and teacher pages render stored verdicts with the same readers (template globals)."""
    page = "{{ stored_feedback(v) }}|{% for c in v.checks %}{{ stored_check_message(c) }}{% endfor %}"
    new = grade_question("true_false", {"correct": True}, False).to_dict()
    shown = {}
    for ui in ("ko", "en"):
        with app.test_request_context():
            session["lang"] = ui
            shown[ui] = (render_template_string(page, v=OLD), render_template_string(page, v=new))
    assert shown["ko"][0] == "기대한 결과와 다릅니다.|포트 게시가 다릅니다."
    assert shown["en"][0] == "Not the expected result.|Ports differ."
    assert shown["ko"][1] == "|‘거짓’을 골랐습니다. 정답은 ‘참’입니다."
    assert shown["en"][1] == "|You answered false; the answer is true."
