"""Answering questions: grade an answer (read from its form by the kind, `grading.read_answer`), record it once."""

from __future__ import annotations

import secrets
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
from app.services.messages import stored_checks, stored_feedback, stored_hint, translate

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


@dataclass(frozen=True)
class Submission:
    """A submitted question form as the edge read it (`app.blueprints.forms.read_submission`).

    `answer` is in the shape the kind's grader takes (None: nothing usable was sent); `problem`
    is a learner-facing reason to refuse the form before it is graded (e.g. too long).
    """

    token: str
    answer: Any = None
    problem: str | None = None


def find_question(question_id: str) -> Question | None:
    """The course's question with this id, or None."""
    item = get_course().by_id.get(question_id)
    return item if isinstance(item, Question) else None


def _outcome(
    question: Question, verdict: grading.Verdict, explanation_html: str, repeated: bool = False
) -> AnswerOutcome:
    return AnswerOutcome(
        question_id=question.id,
        passed=verdict.passed,
        score=verdict.score,
        max_score=verdict.max_score,
        feedback=translate(verdict.feedback) if verdict.feedback else "",
        checks=[{"passed": c.passed, "message": translate(c.message)} for c in verdict.checks]
        + _hint_line(verdict.to_dict()["details"]),
        explanation_html=explanation_html,
        repeated=repeated,
    )


def answer(question: Question, submission: Submission) -> AnswerOutcome:
    """Grade a submitted answer for the learner (a guest on first need) and record it once."""
    if submission.problem:
        outcome = _error(question, submission.problem)
    else:
        outcome = submit_answer(
            accounts.ensure_learner(),
            question,
            submission.answer,
            submission.token or new_token(),
            render_markdown(question.explanation),
        )
    return replace(outcome, lesson_id=question.lesson_id)


def submit_answer(user: User, question: Question, answer: Any, token: str, explanation_html: str) -> AnswerOutcome:
    """Grade and record an answer (read with `grading.read_answer`); the same token again returns the first result."""
    existing = _recorded(user, token)
    if existing is not None:
        return _stored_outcome(question, existing, explanation_html)
    problem = None if answer is None else grading.validate_answer(question.kind, question.key, answer)
    if answer is None or problem:
        return _error(question, translate(problem) if problem else gettext("Choose or enter an answer first."))
    verdict = grading.grade_question(question.kind, question.key, answer)
    db.session.add(
        QuestionAnswer(
            user_id=user.id,
            question_id=question.id,
            token=token,
            answer=answer,
            verdict=verdict.to_dict(),
            score=verdict.score,
            max_score=verdict.max_score,
            passed=verdict.passed,
        )
    )
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
        first = _recorded(user, token)
        if first is not None:
            return _stored_outcome(question, first, explanation_html)
        raise
    return _outcome(question, verdict, explanation_html)


def _recorded(user: User, token: str) -> QuestionAnswer | None:
    return db.session.scalar(
        select(QuestionAnswer).where(QuestionAnswer.user_id == user.id, QuestionAnswer.token == token)
    )


def _error(question: Question, message: str) -> AnswerOutcome:
    return AnswerOutcome(question.id, False, 0.0, 1.0, "", [], "", error=message)


def _stored_outcome(question: Question, row: QuestionAnswer, explanation_html: str) -> AnswerOutcome:
    """A recorded answer as the page shows it; rows stored before messages existed (Korean/English pairs) too."""
    data = row.verdict
    checks = stored_checks(data) + _hint_line(data.get("details") or {})
    feedback = stored_feedback(data)
    return AnswerOutcome(
        question.id, row.passed, row.score, row.max_score, feedback, checks, explanation_html, repeated=True
    )


def _hint_line(details: dict[str, Any]) -> list[dict[str, Any]]:
    """The simulator's hint on the learner's failed command, in the learner's language."""
    hint = stored_hint(details)
    return [{"passed": False, "message": "💡 " + hint}] if hint else []


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
