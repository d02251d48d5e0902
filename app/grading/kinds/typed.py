"""Typed answers: short answer and cloze, compared after normalisation (NFC, spaces, case)."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from app.curriculum import Question
from app.dockersim import N_
from app.grading.errors import AnswerError
from app.grading.kinds.base import FormData, QuestionKind, text_field
from app.grading.kinds.common import RIGHT, WRONG, is_str_seq, result, text_error, verdict
from app.grading.text import as_typed, normalise_answer
from app.grading.verdict import Verdict

BLANK = re.compile(r"\[\[(\d+)\]\]")


# ---------------------------------------------------------------- short answer


def pattern_errors(pattern: Any, where: str) -> list[str]:
    if pattern is None:
        return []
    if not isinstance(pattern, str) or not pattern:
        return [f"{where}: 'pattern' must be a non-empty string or null"]
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"{where}: 'pattern' is not a valid regular expression: {exc}"]
    return []


def short_key(key: Mapping[str, Any]) -> list[str]:
    accept, pattern = key.get("accept", ()), key.get("pattern")
    errors = []
    if not is_str_seq(accept):
        errors.append("short: 'accept' must be a list of strings")
    elif any(not normalise_answer(a) for a in accept):
        errors.append("short: 'accept' has an empty answer")
    errors += pattern_errors(pattern, "short")
    if not errors and not accept and pattern is None:
        errors.append("short: give at least one accepted answer or a pattern")
    return errors


def short_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    error = text_error(answer)
    if error is None and not normalise_answer(answer):
        return N_("The answer is empty.")
    return error


def text_matches(answer: str, accept: Sequence[str], pattern: str | None = None) -> bool:
    """True when the normalised answer equals a normalised accepted answer or fullmatches pattern.

    The pattern is matched case-insensitively against the normalised answer.
    """
    given = normalise_answer(answer)
    if given in {normalise_answer(a) for a in accept}:
        return True
    if not pattern:
        return False
    return re.fullmatch(pattern, given, re.IGNORECASE) is not None


def short_grade(key: Mapping[str, Any], answer: str) -> Verdict:
    accept = tuple(key.get("accept", ()))
    ok = text_matches(answer, accept, key.get("pattern"))
    shown = as_typed(answer)
    if ok:
        message = N_("‘%(answer)s’ — correct.", answer=shown)
    elif accept:
        message = N_(
            "‘%(answer)s’ — not what was expected. An accepted answer: ‘%(accepted)s’.",
            answer=shown,
            accepted=accept[0],
        )
    else:
        message = N_("‘%(answer)s’ — not in the expected form.", answer=shown)
    return verdict(1.0 if ok else 0.0, [result("answer", ok, message)], RIGHT, WRONG)


# ---------------------------------------------------------------- cloze


def cloze_key(key: Mapping[str, Any]) -> list[str]:
    text, blanks = key.get("text"), key.get("blanks")
    errors = []
    if not isinstance(text, str):
        return ["cloze: 'text' must be a string with blanks [[1]], [[2]], ..."]
    if not isinstance(blanks, (list, tuple)) or not blanks or not all(is_str_seq(b) and b for b in blanks):
        return ["cloze: 'blanks' must be a non-empty list of lists of accepted answers"]
    numbers = [int(m) for m in BLANK.findall(text)]
    if numbers != list(range(1, len(blanks) + 1)):
        errors.append(f"cloze: the text must contain [[1]]..[[{len(blanks)}]] once each, in order (found {numbers})")
    if any(not normalise_answer(a) for b in blanks for a in b):
        errors.append("cloze: a blank has an empty accepted answer")
    return errors


def cloze_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    n = len(key["blanks"])
    if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
        return N_("Blanks must be a list of strings.")
    if len(answer) != n:
        return N_("Fill all %(count)s blanks (got %(got)s).", count=n, got=len(answer))
    return next(filter(None, (text_error(a) for a in answer)), None)


def cloze_grade(key: Mapping[str, Any], answer: Sequence[str]) -> Verdict:
    """score = correct blanks / blanks; each blank normalised like a short answer."""
    checks = []
    for i, (accepted, given) in enumerate(zip(key["blanks"], answer, strict=False), start=1):
        ok = text_matches(given, accepted)
        shown = as_typed(given) or N_("(empty)")
        if ok:
            message = N_("Blank %(blank)s: ‘%(answer)s’ — right.", blank=i, answer=shown)
        else:
            message = N_(
                "Blank %(blank)s: ‘%(answer)s’ — wrong; e.g. ‘%(accepted)s’.",
                blank=i,
                answer=shown,
                accepted=accepted[0],
            )
        checks.append(result(f"blank {i}", ok, message))
    right = sum(c.passed for c in checks)
    n = len(checks)
    return verdict(right / n, checks, RIGHT, N_("%(right)s of %(total)s blanks are right.", right=right, total=n))


# ---------------------------------------------------------------- the kinds


def _read_short(question: Question, form: FormData) -> str | None:
    return text_field(form, "answer")


def _read_cloze(question: Question, form: FormData) -> list[str]:
    return [text_field(form, f"blank-{i}") or "" for i in range(len(question.key["blanks"]))]


def _right_short(key: Mapping[str, Any]) -> str | None:
    accept = list(key.get("accept") or [])
    return accept[0] if accept else None  # (accepted only by a pattern: no literal answer to give)


def _wrong_short(key: Mapping[str, Any], rng: random.Random) -> str:
    return "?"  # a demo learner who does not know (no language in the grader)


def _right_cloze(key: Mapping[str, Any]) -> list[str]:
    return [blank[0] for blank in key["blanks"]]


def _wrong_cloze(key: Mapping[str, Any], rng: random.Random) -> list[str]:
    return ["?" for _ in key["blanks"]]


KINDS = (
    QuestionKind(
        "short",
        "str",
        short_key,
        short_answer,
        short_grade,
        _read_short,
        right_answer=_right_short,
        wrong_answer=_wrong_short,
    ),
    QuestionKind(
        "cloze",
        "list[str] (one answer per blank, in order)",
        cloze_key,
        cloze_answer,
        cloze_grade,
        _read_cloze,
        right_answer=_right_cloze,
        wrong_answer=_wrong_cloze,
    ),
)
