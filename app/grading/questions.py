"""Question graders, a registry keyed by kind: `grade_question(kind, key, answer) -> Verdict`.

Keys come from `app.curriculum` (`Question.key`); answers are what the web layer sends as
JSON. A malformed answer never raises: `validate_answer` names the problem and
`grade_question` turns it into a zero-score verdict. A malformed *key* is a content error
(`validate_key` at load time; `grade_question` raises `ContentError`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

from app.grading import command_answer
from app.grading.errors import AnswerError, ContentError, UnknownKindError
from app.grading.kinds import arrange, choice, typed
from app.grading.verdict import Verdict


@dataclass(frozen=True)
class QuestionKind:
    """One kind of question: how its key is checked, its answer checked, and graded."""

    name: str
    answer_shape: str
    key_errors: Callable[[Mapping], list[str]]
    answer_error: Callable[[Mapping, Any], AnswerError | None]
    grade: Callable[[Mapping, Any], Verdict]


# ---------------------------------------------------------------- registry

QUESTION_KINDS: dict[str, QuestionKind] = {
    kind.name: kind
    for kind in (
        QuestionKind(
            "single",
            "int (0-based index of the chosen choice)",
            choice.single_key,
            choice.single_answer,
            choice.single_grade,
        ),
        QuestionKind(
            "multiple",
            "list[int] (0-based indexes of every picked choice)",
            choice.multiple_key,
            choice.multiple_answer,
            choice.multiple_grade,
        ),
        QuestionKind("true_false", "bool", choice.tf_key, choice.tf_answer, choice.tf_grade),
        QuestionKind("short", "str", typed.short_key, typed.short_answer, typed.short_grade),
        QuestionKind(
            "command",
            "str (one or more command lines, separated by newlines)",
            command_answer.key_errors,
            command_answer.answer_error,
            command_answer.grade,
        ),
        QuestionKind(
            "ordering",
            "list[int] (item indexes in the learner's order)",
            arrange.ordering_key,
            arrange.ordering_answer,
            arrange.ordering_grade,
        ),
        QuestionKind(
            "matching",
            "list[int] (for each left item i, the index of the chosen right item)",
            arrange.matching_key,
            arrange.matching_answer,
            arrange.matching_grade,
        ),
        QuestionKind(
            "cloze",
            "list[str] (one answer per blank, in order)",
            typed.cloze_key,
            typed.cloze_answer,
            typed.cloze_grade,
        ),
    )
}


def question_kind(kind: str) -> QuestionKind:
    """The registered kind, or UnknownKindError naming the close matches."""
    try:
        return QUESTION_KINDS[kind]
    except (KeyError, TypeError):
        close = get_close_matches(str(kind), QUESTION_KINDS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(QUESTION_KINDS)}"
        raise UnknownKindError(f"unknown question kind {kind!r}{hint}") from None


def validate_key(kind: str, key: Mapping) -> list[str]:
    """Content errors in a question's answer key ([] when it is usable)."""
    if kind not in QUESTION_KINDS:
        try:
            question_kind(kind)
        except UnknownKindError as exc:
            return [str(exc)]
    if not isinstance(key, Mapping):
        return [f"{kind}: the key must be a mapping"]
    return QUESTION_KINDS[kind].key_errors(key)


def validate_answer(kind: str, key: Mapping, answer: Any, lang: str = "ko") -> str | None:
    """Why `answer` is malformed for this question (in `lang`), or None when it can be graded."""
    spec = question_kind(kind)
    problems = spec.key_errors(key)
    if problems:
        raise ContentError(problems)
    error = spec.answer_error(key, answer)
    return None if error is None else error.message(lang)


def grade_question(kind: str, key: Mapping, answer: Any) -> Verdict:
    """Grade one answer. Malformed answers give a zero verdict saying why; never raises for them."""
    spec = question_kind(kind)
    problems = validate_key(kind, key)
    if problems:
        raise ContentError(problems)
    error = spec.answer_error(key, answer)
    if error is not None:
        return Verdict(
            0.0, 1.0, False, (), "답을 채점할 수 없습니다: " + error.ko, "The answer cannot be graded: " + error.en
        )
    return spec.grade(key, answer)
