"""Question kinds (the registry is `app.grading.kinds`): `grade_question(kind, key, answer) -> Verdict`.

Keys come from `app.curriculum` (`Question.key`); answers are what the web layer sends as
JSON. A malformed answer never raises: `validate_answer` names the problem and
`grade_question` turns it into a zero-score verdict. A malformed *key* is a content error
(`validate_key` at load time; `grade_question` raises `ContentError`).
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any

from app.curriculum import Question
from app.dockersim import N_, Message
from app.grading.errors import ContentError, UnknownKindError
from app.grading.kinds import QUESTION_KINDS, FormData, QuestionKind
from app.grading.verdict import Verdict


def question_kind(kind: str) -> QuestionKind:
    """The registered kind, or UnknownKindError naming the close matches."""
    try:
        return QUESTION_KINDS[kind]
    except (KeyError, TypeError):
        close = get_close_matches(str(kind), QUESTION_KINDS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(QUESTION_KINDS)}"
        raise UnknownKindError(f"unknown question kind {kind!r}{hint}") from None


def validate_key(kind: str, key: Mapping[str, Any]) -> list[str]:
    """Content errors in a question's answer key ([] when it is usable)."""
    if kind not in QUESTION_KINDS:
        try:
            question_kind(kind)
        except UnknownKindError as exc:
            return [str(exc)]
    if not isinstance(key, Mapping):
        return [f"{kind}: the key must be a mapping"]
    return QUESTION_KINDS[kind].key_errors(key)


def validate_answer(kind: str, key: Mapping[str, Any], answer: Any) -> Message | None:
    """Why `answer` is malformed for this question (a message for the web layer to translate), or None."""
    spec = question_kind(kind)
    problems = spec.key_errors(key)
    if problems:
        raise ContentError(problems)
    error = spec.answer_error(key, answer)
    return error


def grade_question(kind: str, key: Mapping[str, Any], answer: Any) -> Verdict:
    """Grade one answer. Malformed answers give a zero verdict saying why; never raises for them."""
    spec = question_kind(kind)
    problems = validate_key(kind, key)
    if problems:
        raise ContentError(problems)
    error = spec.answer_error(key, answer)
    if error is not None:
        return Verdict(0.0, 1.0, False, (), N_("The answer cannot be graded: %(why)s", why=error))
    return spec.grade(key, answer)


def read_answer(question: Question, form: FormData) -> Any:
    """The answer a submitted form gives to this question, in the shape its grader takes (None: nothing usable)."""
    return question_kind(question.kind).read_answer(question, form)
