"""Shared pieces of the question graders: type tests, result and verdict builders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeGuard

from app.dockersim import N_, Message
from app.grading.errors import AnswerError
from app.grading.text import MAX_ANSWER_CHARS
from app.grading.verdict import CheckResult, Verdict, round_score


def is_int(value: Any) -> TypeGuard[int]:
    # bool is a subclass of int; JSON true must not select choice 1.
    return isinstance(value, int) and not isinstance(value, bool)


def is_str_seq(value: Any) -> TypeGuard[Sequence[str]]:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def result(name: str, passed: bool, message: Message, weight: float = 1.0) -> CheckResult:
    return CheckResult(name, passed, weight, message)


def verdict(score: float, checks: Sequence[CheckResult], right: Message | None, wrong: Message | None) -> Verdict:
    score = round_score(max(0.0, min(1.0, score)))
    passed = score == 1.0
    feedback = right if passed else wrong
    if not passed and score > 0:
        partial = N_("Partial credit: %(score)s of 1.", score=format(score, "g"))
        feedback = N_("%(what)s %(partial)s", what=feedback, partial=partial) if feedback else partial
    return Verdict(score, 1.0, passed, tuple(checks), feedback)


#: Right or wrong alone adds nothing to the page's own "Right!" / "Not yet." (never "Right! Right.").
RIGHT: Message | None = None
WRONG: Message | None = None


def index_list_error(answer: Any, size: int, *, unique: bool) -> AnswerError | None:
    if not isinstance(answer, (list, tuple)) or not all(is_int(i) for i in answer):
        return N_("The answer must be a list of integer indexes.")
    bad = [i for i in answer if not 0 <= i < size]
    if bad:
        return N_("Index %(index)s is out of range (0 to %(last)s).", index=bad[0], last=size - 1)
    if unique and len(set(answer)) != len(answer):
        return N_("The same item appears twice.")
    return None


def text_error(answer: Any) -> AnswerError | None:
    if not isinstance(answer, str):
        return N_("The answer must be text (a string).")
    if len(answer) > MAX_ANSWER_CHARS:
        return N_("The answer is too long (at most %(limit)s characters).", limit=MAX_ANSWER_CHARS)
    return None
