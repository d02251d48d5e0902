"""Answering questions: read the answer from a form, grade it, record it once."""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import grading
from app.curriculum import Question, render_markdown
from app.extensions import db
from app.models import Activity, ActivityKind, QuestionAnswer, User
from app.services import accounts
from app.services.course import get_course

MAX_ANSWER_CHARS = 4096


@dataclass(frozen=True)
class AnswerOutcome:
    """A graded answer as the page shows it (also JSON for the page's script)."""

    question_id: str
    passed: bool
    score: float
    max_score: float
    feedback: str
    checks: list[dict[str, Any]]
    explanation_html: str
    error: str | None = None
    repeated: bool = False
    lesson_id: str = ""  # where the no-script form goes back to

    def to_dict(self) -> dict[str, Any]:
        """JSON for the page's script."""
        return {
            "question_id": self.question_id,
            "passed": self.passed,
            "score": self.score,
            "max_score": self.max_score,
            "feedback": self.feedback,
            "checks": self.checks,
            "explanation_html": self.explanation_html,
            "error": self.error,
            "repeated": self.repeated,
        }


def new_token() -> str:
    """A fresh submission token for a rendered question form."""
    return secrets.token_hex(16)


def display_order(question: Question, count: int) -> list[int]:
    """A stable shuffled order (ordering items, matching answers): the same for every page view."""
    order = list(range(count))
    random.Random(question.id).shuffle(order)
    if order == list(range(count)) and count > 1:
        order = order[1:] + order[:1]  # never show the answer order itself
    return order


def _ints(values: list[str]) -> list[int] | None:
    try:
        return [int(v) for v in values]
    except ValueError:
        return None


def answer_from_form(question: Question, form: Mapping[str, Any]) -> Any:
    """Turn the submitted form into the answer shape the grader expects (documented in docs/grading.md)."""
    kind = question.kind
    get = form.get
    getlist = getattr(form, "getlist", lambda name: [form[name]] if name in form else [])
    if kind == "single":
        values = _ints(getlist("answer"))
        return values[0] if values and len(values) == 1 else None
    if kind == "multiple":
        return _ints(getlist("answer"))
    if kind == "true_false":
        value = get("answer")
        return {"true": True, "false": False}.get(value) if isinstance(value, str) else None
    if kind in ("short", "command"):
        value = get("answer")
        return value if isinstance(value, str) else None
    if kind == "ordering":
        # Field pos-d holds the position (1-based) the learner gave the item shown d-th; field names
        # follow the shuffled display, so the page source does not reveal the answer order.
        shown = display_order(question, len(question.key["items"]))
        positions = _ints([get(f"pos-{d}", "") for d in range(len(shown))])
        if positions is None:
            return None
        return [shown[d] for _, d in sorted(zip(positions, range(len(shown)), strict=False))]
    if kind == "matching":
        shown = display_order(question, len(question.key["pairs"]))
        picks = _ints([get(f"match-{i}", "") for i in range(len(shown))])
        if picks is None or any(not 0 <= p < len(shown) for p in picks):
            return None
        return [shown[p] for p in picks]
    if kind == "cloze":
        return [get(f"blank-{i}", "") for i in range(len(question.key["blanks"]))]
    return None


def _outcome(
    question: Question, verdict: grading.Verdict, lang: str, explanation_html: str, repeated: bool = False
) -> AnswerOutcome:
    return AnswerOutcome(
        question_id=question.id,
        passed=verdict.passed,
        score=verdict.score,
        max_score=verdict.max_score,
        feedback=verdict.feedback_en if lang == "en" else verdict.feedback,
        checks=[{"passed": c.passed, "message": c.message(lang)} for c in verdict.checks],
        explanation_html=explanation_html,
        repeated=repeated,
    )


def answer(question_id: str, form: Mapping[str, Any], lang: str) -> AnswerOutcome | None:
    """Grade a submitted question form for the learner (a guest on first need); None for an unknown question."""
    question = get_course().by_id.get(question_id)
    if not isinstance(question, Question):
        return None
    token = str(form.get("token") or "")[:64] or new_token()
    outcome = submit_answer(
        accounts.ensure_learner(), question, form, token, lang, render_markdown(question.explanation)
    )
    return replace(outcome, lesson_id=question.lesson_id)


def submit_answer(
    user: User, question: Question, form: Mapping[str, Any], token: str, lang: str, explanation_html: str
) -> AnswerOutcome:
    """Grade and record an answer; the same token again returns the first result, recorded once."""
    existing = db.session.scalar(
        select(QuestionAnswer).where(QuestionAnswer.user_id == user.id, QuestionAnswer.token == token)
    )
    if existing is not None:
        return _stored_outcome(question, existing, lang, explanation_html)
    if _answer_size(form) > MAX_ANSWER_CHARS:
        return _error(question, gettext("The answer is too long (%(limit)s characters at most).", limit="4,096"))
    answer = answer_from_form(question, form)
    problem = None if answer is None else grading.validate_answer(question.kind, question.key, answer, lang)
    if answer is None or problem:
        return _error(question, problem or gettext("Choose or enter an answer first."))
    verdict = grading.grade_question(question.kind, question.key, answer)
    row = QuestionAnswer(
        user_id=user.id,
        question_id=question.id,
        token=token,
        answer=answer,
        verdict=verdict.to_dict(),
        score=verdict.score,
        max_score=verdict.max_score,
        passed=verdict.passed,
    )
    db.session.add(row)
    db.session.add(
        Activity(
            user_id=user.id,
            kind=ActivityKind.question,
            item_id=question.id,
            detail="passed" if verdict.passed else "failed",
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # the same token raced in from a second request: keep the first
        db.session.rollback()
        existing = db.session.scalar(
            select(QuestionAnswer).where(QuestionAnswer.user_id == user.id, QuestionAnswer.token == token)
        )
        return _stored_outcome(question, existing, lang, explanation_html)
    return _outcome(question, verdict, lang, explanation_html)


def _answer_size(form: Mapping[str, Any]) -> int:
    """Characters in the answer fields (every value of a repeated field counts)."""
    lists = form.lists() if hasattr(form, "lists") else ((k, [v]) for k, v in form.items())
    return sum(len(str(v)) for key, values in lists if key not in ("csrf_token", "token") for v in values)


def _error(question: Question, message: str) -> AnswerOutcome:
    return AnswerOutcome(question.id, False, 0.0, 1.0, "", [], "", error=message)


def _stored_outcome(question: Question, row: QuestionAnswer, lang: str, explanation_html: str) -> AnswerOutcome:
    data = row.verdict
    checks = [
        {"passed": c["passed"], "message": c["message_en" if lang == "en" else "message_ko"]} for c in data["checks"]
    ]
    feedback = data["feedback_en"] if lang == "en" else data["feedback"]
    return AnswerOutcome(
        question.id, row.passed, row.score, row.max_score, feedback, checks, explanation_html, repeated=True
    )


def latest_answers(user: User | None, question_ids: list[str]) -> dict[str, QuestionAnswer]:
    """The learner's most recent answer to each of these questions."""
    if user is None or not question_ids:
        return {}
    rows = db.session.scalars(
        select(QuestionAnswer)
        .where(QuestionAnswer.user_id == user.id, QuestionAnswer.question_id.in_(question_ids))
        .order_by(QuestionAnswer.created_at, QuestionAnswer.id)
    )
    return {row.question_id: row for row in rows}
