"""Shared pieces of the question graders: type tests, result and verdict builders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeGuard

from app.grading.errors import AnswerError
from app.grading.text import MAX_ANSWER_CHARS
from app.grading.verdict import CheckResult, Verdict, round_score


def is_int(value: Any) -> TypeGuard[int]:
    # bool is a subclass of int; JSON true must not select choice 1.
    return isinstance(value, int) and not isinstance(value, bool)


def is_str_seq(value: Any) -> TypeGuard[Sequence[str]]:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def result(name: str, passed: bool, ko: str, en: str, weight: float = 1.0) -> CheckResult:
    return CheckResult(name, passed, weight, ko, en)


def verdict(score: float, checks: Sequence[CheckResult], right: tuple[str, str], wrong: tuple[str, str]) -> Verdict:
    score = round_score(max(0.0, min(1.0, score)))
    passed = score == 1.0
    ko, en = right if passed else wrong
    if not passed and score > 0:
        ko += f" 부분 점수 {score:g}점 (만점 1점)."
        en += f" Partial credit: {score:g} of 1."
    return Verdict(score, 1.0, passed, tuple(checks), ko.strip(), en.strip())


#: Right or wrong alone adds nothing to the page's own "Right!" / "Not yet." (no "정답입니다! 정답입니다.").
RIGHT = ("", "")
WRONG = ("", "")


def index_list_error(answer: Any, size: int, *, unique: bool) -> AnswerError | None:
    if not isinstance(answer, (list, tuple)) or not all(is_int(i) for i in answer):
        return AnswerError("답은 항목 번호(정수)의 목록이어야 합니다.", "The answer must be a list of integer indexes.")
    bad = [i for i in answer if not 0 <= i < size]
    if bad:
        return AnswerError(
            f"{bad[0]}번은 없는 항목입니다 (0부터 {size - 1}까지).",
            f"Index {bad[0]} is out of range (0 to {size - 1}).",
        )
    if unique and len(set(answer)) != len(answer):
        return AnswerError("같은 항목이 두 번 들어 있습니다.", "The same item appears twice.")
    return None


def text_error(answer: Any) -> AnswerError | None:
    if not isinstance(answer, str):
        return AnswerError("답은 글자(문자열)여야 합니다.", "The answer must be text (a string).")
    if len(answer) > MAX_ANSWER_CHARS:
        return AnswerError(
            f"답이 너무 깁니다 ({MAX_ANSWER_CHARS}자까지).",
            f"The answer is too long (at most {MAX_ANSWER_CHARS} characters).",
        )
    return None
