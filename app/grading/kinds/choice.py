"""Choice questions: single choice, multiple choice (partial credit with a penalty), true/false."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from app.curriculum import Question
from app.dockersim import N_
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
        return N_("Pick one choice (an integer index).")
    if not 0 <= answer < n:
        return N_("Choice %(choice)s does not exist (0 to %(last)s).", choice=answer, last=n - 1)
    return None


def single_grade(key: Mapping[str, Any], answer: int) -> Verdict:
    choices, correct = key["choices"], key["correct"]
    ok = answer == correct
    if ok:
        message = N_("You chose ‘%(chosen)s’ — correct.", chosen=choices[answer])
    else:
        message = N_(
            "You chose ‘%(chosen)s’; the answer is ‘%(answer)s’.", chosen=choices[answer], answer=choices[correct]
        )
    check = result("choice", ok, message)
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
            message = N_("‘%(choice)s’ — rightly picked.", choice=text)
        elif should:
            message = N_("‘%(choice)s’ — correct but not picked.", choice=text)
        elif did:
            message = N_("‘%(choice)s’ — picked but wrong (penalty).", choice=text)
        else:
            message = N_("‘%(choice)s’ — rightly left out.", choice=text)
        checks.append(result(f"choice {i}", should == did, message))
    right, wrong = len(picked & correct), len(picked - correct)
    summary = N_(
        "You picked %(right)s of %(total)s correct choices and %(wrong)s wrong ones. "
        "Score = (%(right)s right − %(wrong)s wrong) ÷ %(total)s correct, never below 0.",
        right=right,
        wrong=wrong,
        total=len(correct),
    )
    return verdict((right - wrong) / len(correct), checks, RIGHT, summary)


# ---------------------------------------------------------------- true/false


def tf_key(key: Mapping[str, Any]) -> list[str]:
    return [] if isinstance(key.get("correct"), bool) else ["true_false: 'correct' must be true or false"]


def tf_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    if not isinstance(answer, bool):
        return N_("Answer true or false.")
    return None


def tf_grade(key: Mapping[str, Any], answer: bool) -> Verdict:
    ok = answer == key["correct"]
    word = {True: N_("true"), False: N_("false")}
    check = result(
        "answer",
        ok,
        N_("You answered %(answer)s; the answer is %(correct)s.", answer=word[answer], correct=word[key["correct"]]),
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
