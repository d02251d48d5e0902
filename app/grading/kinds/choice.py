"""Choice questions: single choice, multiple choice (partial credit with a penalty), true/false."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from app.curriculum import Question
from app.grading.errors import AnswerError
from app.grading.kinds.base import FormData, QuestionKind, field_values, ints, text_field
from app.grading.kinds.common import RIGHT, WRONG, index_list_error, is_int, is_str_seq, result, verdict
from app.grading.verdict import Verdict

# ---------------------------------------------------------------- single


def single_key(key: Mapping[str, Any]) -> list[str]:
    choices, correct = key.get("choices"), key.get("correct")
    errors = []
    if not is_str_seq(choices) or len(choices) < 2:
        errors.append("single: 'choices' must be a list of at least 2 strings")
    if not is_int(correct):
        errors.append("single: 'correct' must be one 0-based choice index")
    elif is_str_seq(choices) and not 0 <= correct < len(choices):
        errors.append(f"single: 'correct' {correct} is out of range 0..{len(choices) - 1}")
    return errors


def single_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    n = len(key["choices"])
    if not is_int(answer):
        return AnswerError("보기 번호(정수) 하나를 골라야 합니다.", "Pick one choice (an integer index).")
    if not 0 <= answer < n:
        return AnswerError(
            f"{answer}번 보기는 없습니다 (0부터 {n - 1}까지).", f"Choice {answer} does not exist (0 to {n - 1})."
        )
    return None


def single_grade(key: Mapping[str, Any], answer: int) -> Verdict:
    choices, correct = key["choices"], key["correct"]
    ok = answer == correct
    check = result(
        "choice",
        ok,
        f"고른 답 ‘{choices[answer]}’" + (" — 정답입니다." if ok else f" — 정답은 ‘{choices[correct]}’입니다."),
        f"You chose ‘{choices[answer]}’" + (" — correct." if ok else f"; the answer is ‘{choices[correct]}’."),
    )
    return verdict(1.0 if ok else 0.0, [check], RIGHT, WRONG)


# ---------------------------------------------------------------- multiple


def multiple_key(key: Mapping[str, Any]) -> list[str]:
    choices, correct = key.get("choices"), key.get("correct")
    errors = []
    if not is_str_seq(choices) or len(choices) < 2:
        errors.append("multiple: 'choices' must be a list of at least 2 strings")
    if not isinstance(correct, (list, tuple)) or not correct or not all(is_int(i) for i in correct):
        errors.append("multiple: 'correct' must be a non-empty list of 0-based choice indexes")
    elif is_str_seq(choices):
        bad = [i for i in correct if not 0 <= i < len(choices)]
        if bad:
            errors.append(f"multiple: 'correct' index {bad[0]} is out of range 0..{len(choices) - 1}")
        if len(set(correct)) != len(correct):
            errors.append("multiple: 'correct' lists a choice twice")
    return errors


def multiple_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    return index_list_error(answer, len(key["choices"]), unique=True)


def multiple_grade(key: Mapping[str, Any], answer: Sequence[int]) -> Verdict:
    """score = max(0, (right picks - wrong picks) / number of correct choices)."""
    choices, correct = key["choices"], set(key["correct"])
    picked = set(answer)
    checks = []
    for i, text in enumerate(choices):
        should, did = i in correct, i in picked
        if should and did:
            ko, en = f"‘{text}’ — 맞게 골랐습니다.", f"‘{text}’ — rightly picked."
        elif should:
            ko, en = f"‘{text}’ — 정답인데 고르지 않았습니다.", f"‘{text}’ — correct but not picked."
        elif did:
            ko, en = f"‘{text}’ — 정답이 아닌데 골랐습니다 (감점).", f"‘{text}’ — picked but wrong (penalty)."
        else:
            ko, en = f"‘{text}’ — 고르지 않은 것이 맞습니다.", f"‘{text}’ — rightly left out."
        checks.append(result(f"choice {i}", should == did, ko, en))
    right, wrong = len(picked & correct), len(picked - correct)
    return verdict(
        (right - wrong) / len(correct),
        checks,
        RIGHT,
        (
            f"정답 {len(correct)}개 중 {right}개를 골랐고, 틀린 보기 {wrong}개를 골랐습니다. "
            f"점수 = (맞게 고른 {right}개 − 잘못 고른 {wrong}개) ÷ 정답 {len(correct)}개이고, 0점 아래로는 "
            "내려가지 않습니다.",
            f"You picked {right} of {len(correct)} correct choices and {wrong} wrong ones. "
            f"Score = ({right} right − {wrong} wrong) ÷ {len(correct)} correct, never below 0.",
        ),
    )


# ---------------------------------------------------------------- true/false


def tf_key(key: Mapping[str, Any]) -> list[str]:
    return [] if isinstance(key.get("correct"), bool) else ["true_false: 'correct' must be true or false"]


def tf_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    if not isinstance(answer, bool):
        return AnswerError("참(true) 또는 거짓(false)으로 답해야 합니다.", "Answer true or false.")
    return None


def tf_grade(key: Mapping[str, Any], answer: bool) -> Verdict:
    ok = answer == key["correct"]
    word = {True: ("참", "true"), False: ("거짓", "false")}
    check = result(
        "answer",
        ok,
        f"‘{word[answer][0]}’을 골랐습니다. 정답은 ‘{word[key['correct']][0]}’입니다.",
        f"You answered {word[answer][1]}; the answer is {word[key['correct']][1]}.",
    )
    return verdict(1.0 if ok else 0.0, [check], RIGHT, WRONG)


# ---------------------------------------------------------------- the kinds


def _read_single(question: Question, form: FormData) -> int | None:
    values = ints(field_values(form, "answer"))
    return values[0] if values and len(values) == 1 else None


def _read_multiple(question: Question, form: FormData) -> list[int] | None:
    return ints(field_values(form, "answer"))


def _read_true_false(question: Question, form: FormData) -> bool | None:
    return {"true": True, "false": False}.get(text_field(form, "answer") or "")


def _correct(key: Mapping[str, Any]) -> Any:
    return key["correct"]


def _wrong_single(key: Mapping[str, Any], rng: random.Random) -> int:
    return rng.randrange(len(key["choices"]))  # (a guess: may be right by chance)


def _right_multiple(key: Mapping[str, Any]) -> list[int]:
    return sorted(key["correct"])


def _wrong_multiple(key: Mapping[str, Any], rng: random.Random) -> list[int]:
    n = len(key["choices"])
    return sorted(rng.sample(range(n), rng.randint(1, n)))


def _wrong_true_false(key: Mapping[str, Any], rng: random.Random) -> bool:
    return not key["correct"]


KINDS = (
    QuestionKind(
        "single",
        "int (0-based index of the chosen choice)",
        single_key,
        single_answer,
        single_grade,
        _read_single,
        right_answer=_correct,
        wrong_answer=_wrong_single,
        picks_choices=True,
    ),
    QuestionKind(
        "multiple",
        "list[int] (0-based indexes of every picked choice)",
        multiple_key,
        multiple_answer,
        multiple_grade,
        _read_multiple,
        right_answer=_right_multiple,
        wrong_answer=_wrong_multiple,
        picks_choices=True,
    ),
    QuestionKind(
        "true_false",
        "bool",
        tf_key,
        tf_answer,
        tf_grade,
        _read_true_false,
        right_answer=_correct,
        wrong_answer=_wrong_true_false,
    ),
)
