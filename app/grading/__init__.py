"""Pure package; see README.md in this folder.

Public API:
- questions: `QUESTION_KINDS` (name -> `QuestionKind`), `question_kind(name)`,
  `read_answer(question, form)`, `grade_question(kind, key, answer) -> Verdict`,
  `validate_answer(kind, key, answer) -> Message | None`, `validate_key(kind, key)`, `display_order`;
- lab checks: `CHECKS`, `validate_check(name, params)`, `describe_check(name, params) -> Message`;
- labs: `grade_lab(goal_checks, policy, host) -> Verdict`, `describe_goal`, `validate_goal`, `POLICIES`;
- results: `Verdict`, `CheckResult` (their words are `Message`s the web layer translates); errors: `ContentError`, `UnknownKindError`.
"""

from app.grading.checks import CHECKS, describe_check, validate_check
from app.grading.errors import AnswerError, ContentError, UnknownKindError
from app.grading.kinds import QUESTION_KINDS, QuestionKind, display_order
from app.grading.lab import POLICIES, GoalCheck, describe_goal, grade_lab, validate_goal
from app.grading.questions import (
    grade_question,
    question_kind,
    read_answer,
    validate_answer,
    validate_key,
)
from app.grading.verdict import CheckResult, Verdict

__all__ = [
    "CHECKS",
    "POLICIES",
    "QUESTION_KINDS",
    "AnswerError",
    "CheckResult",
    "ContentError",
    "GoalCheck",
    "QuestionKind",
    "UnknownKindError",
    "Verdict",
    "describe_check",
    "describe_goal",
    "display_order",
    "grade_lab",
    "grade_question",
    "question_kind",
    "read_answer",
    "validate_answer",
    "validate_check",
    "validate_goal",
    "validate_key",
]
