"""Question graders, a registry keyed by kind: `grade_question(kind, key, answer) -> Verdict`.

Keys come from `app.curriculum` (`Question.key`); answers are what the web layer sends as
JSON. A malformed answer never raises: `validate_answer` names the problem and
`grade_question` turns it into a zero-score verdict. A malformed *key* is a content error
(`validate_key` at load time; `grade_question` raises `ContentError`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any, Callable, Mapping, Sequence

from app.grading import command_answer
from app.grading.errors import AnswerError, ContentError, UnknownKindError
from app.grading.text import MAX_ANSWER_CHARS, normalise_answer
from app.grading.verdict import CheckResult, Verdict, round_score

BLANK = re.compile(r"\[\[(\d+)\]\]")


@dataclass(frozen=True)
class QuestionKind:
    """One kind of question: how its key is checked, its answer checked, and graded."""

    name: str
    answer_shape: str
    key_errors: Callable[[Mapping], list[str]]
    answer_error: Callable[[Mapping, Any], AnswerError | None]
    grade: Callable[[Mapping, Any], Verdict]


# ---------------------------------------------------------------- helpers

def _is_int(value: Any) -> bool:
    # bool is a subclass of int; JSON true must not select choice 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_seq(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _result(name: str, passed: bool, ko: str, en: str, weight: float = 1.0) -> CheckResult:
    return CheckResult(name, passed, weight, ko, en)


def _verdict(score: float, checks: Sequence[CheckResult], right: tuple[str, str],
             wrong: tuple[str, str]) -> Verdict:
    score = round_score(max(0.0, min(1.0, score)))
    passed = score == 1.0
    ko, en = right if passed else wrong
    if not passed and score > 0:
        ko += f" 부분 점수 {score:g}점 (만점 1점)."
        en += f" Partial credit: {score:g} of 1."
    return Verdict(score, 1.0, passed, tuple(checks), ko, en)


_RIGHT = ("정답입니다.", "Correct.")


def _index_list_error(answer: Any, size: int, *, unique: bool) -> AnswerError | None:
    if not isinstance(answer, (list, tuple)) or not all(_is_int(i) for i in answer):
        return AnswerError("답은 항목 번호(정수)의 목록이어야 합니다.",
                           "The answer must be a list of integer indexes.")
    bad = [i for i in answer if not 0 <= i < size]
    if bad:
        return AnswerError(f"{bad[0]}번은 없는 항목입니다 (0부터 {size - 1}까지).",
                           f"Index {bad[0]} is out of range (0 to {size - 1}).")
    if unique and len(set(answer)) != len(answer):
        return AnswerError("같은 항목이 두 번 들어 있습니다.", "The same item appears twice.")
    return None


# ---------------------------------------------------------------- single

def _single_key(key: Mapping) -> list[str]:
    choices, correct = key.get("choices"), key.get("correct")
    errors = []
    if not _is_str_seq(choices) or len(choices) < 2:
        errors.append("single: 'choices' must be a list of at least 2 strings")
    if not _is_int(correct):
        errors.append("single: 'correct' must be one 0-based choice index")
    elif _is_str_seq(choices) and not 0 <= correct < len(choices):
        errors.append(f"single: 'correct' {correct} is out of range 0..{len(choices) - 1}")
    return errors


def _single_answer(key: Mapping, answer: Any) -> AnswerError | None:
    n = len(key["choices"])
    if not _is_int(answer):
        return AnswerError("보기 번호(정수) 하나를 골라야 합니다.", "Pick one choice (an integer index).")
    if not 0 <= answer < n:
        return AnswerError(f"{answer}번 보기는 없습니다 (0부터 {n - 1}까지).",
                           f"Choice {answer} does not exist (0 to {n - 1}).")
    return None


def _single_grade(key: Mapping, answer: int) -> Verdict:
    choices, correct = key["choices"], key["correct"]
    ok = answer == correct
    check = _result(
        "choice", ok,
        f"고른 답 ‘{choices[answer]}’" + (" — 정답입니다." if ok else f" — 정답은 ‘{choices[correct]}’입니다."),
        f"You chose ‘{choices[answer]}’" + (" — correct." if ok else f"; the answer is ‘{choices[correct]}’."),
    )
    return _verdict(1.0 if ok else 0.0, [check], _RIGHT, ("오답입니다.", "Not correct."))


# ---------------------------------------------------------------- multiple

def _multiple_key(key: Mapping) -> list[str]:
    choices, correct = key.get("choices"), key.get("correct")
    errors = []
    if not _is_str_seq(choices) or len(choices) < 2:
        errors.append("multiple: 'choices' must be a list of at least 2 strings")
    if (not isinstance(correct, (list, tuple)) or not correct
            or not all(_is_int(i) for i in correct)):
        errors.append("multiple: 'correct' must be a non-empty list of 0-based choice indexes")
    elif _is_str_seq(choices):
        bad = [i for i in correct if not 0 <= i < len(choices)]
        if bad:
            errors.append(f"multiple: 'correct' index {bad[0]} is out of range 0..{len(choices) - 1}")
        if len(set(correct)) != len(correct):
            errors.append("multiple: 'correct' lists a choice twice")
    return errors


def _multiple_answer(key: Mapping, answer: Any) -> AnswerError | None:
    return _index_list_error(answer, len(key["choices"]), unique=True)


def _multiple_grade(key: Mapping, answer: Sequence[int]) -> Verdict:
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
        checks.append(_result(f"choice {i}", should == did, ko, en))
    right, wrong = len(picked & correct), len(picked - correct)
    return _verdict((right - wrong) / len(correct), checks, _RIGHT,
                    (f"정답 {len(correct)}개 중 {right}개를 골랐고, 틀린 보기 {wrong}개를 골랐습니다.",
                     f"You picked {right} of {len(correct)} correct choices and {wrong} wrong ones."))


# ---------------------------------------------------------------- true/false

def _tf_key(key: Mapping) -> list[str]:
    return [] if isinstance(key.get("correct"), bool) else ["true_false: 'correct' must be true or false"]


def _tf_answer(key: Mapping, answer: Any) -> AnswerError | None:
    if not isinstance(answer, bool):
        return AnswerError("참(true) 또는 거짓(false)으로 답해야 합니다.", "Answer true or false.")
    return None


def _tf_grade(key: Mapping, answer: bool) -> Verdict:
    ok = answer == key["correct"]
    word = {True: ("참", "true"), False: ("거짓", "false")}
    check = _result("answer", ok,
                    f"‘{word[answer][0]}’을 골랐습니다. 정답은 ‘{word[key['correct']][0]}’입니다.",
                    f"You answered {word[answer][1]}; the answer is {word[key['correct']][1]}.")
    return _verdict(1.0 if ok else 0.0, [check], _RIGHT, ("오답입니다.", "Not correct."))


# ---------------------------------------------------------------- short answer

def _pattern_errors(pattern: Any, where: str) -> list[str]:
    if pattern is None:
        return []
    if not isinstance(pattern, str) or not pattern:
        return [f"{where}: 'pattern' must be a non-empty string or null"]
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"{where}: 'pattern' is not a valid regular expression: {exc}"]
    return []


def _short_key(key: Mapping) -> list[str]:
    accept, pattern = key.get("accept", ()), key.get("pattern")
    errors = []
    if not _is_str_seq(accept):
        errors.append("short: 'accept' must be a list of strings")
    elif any(not normalise_answer(a) for a in accept):
        errors.append("short: 'accept' has an empty answer")
    errors += _pattern_errors(pattern, "short")
    if not errors and not accept and pattern is None:
        errors.append("short: give at least one accepted answer or a pattern")
    return errors


def _text_error(answer: Any) -> AnswerError | None:
    if not isinstance(answer, str):
        return AnswerError("답은 글자(문자열)여야 합니다.", "The answer must be text (a string).")
    if len(answer) > MAX_ANSWER_CHARS:
        return AnswerError(f"답이 너무 깁니다 ({MAX_ANSWER_CHARS}자까지).",
                           f"The answer is too long (at most {MAX_ANSWER_CHARS} characters).")
    return None


def _short_answer(key: Mapping, answer: Any) -> AnswerError | None:
    error = _text_error(answer)
    if error is None and not normalise_answer(answer):
        return AnswerError("답이 비어 있습니다.", "The answer is empty.")
    return error


def text_matches(answer: str, accept: Sequence[str], pattern: str | None = None) -> bool:
    """True when the normalised answer equals a normalised accepted answer or fullmatches pattern.

    The pattern is matched case-insensitively against the normalised answer.
    """
    given = normalise_answer(answer)
    if given in {normalise_answer(a) for a in accept}:
        return True
    return bool(pattern) and re.fullmatch(pattern, given, re.IGNORECASE) is not None


def _short_grade(key: Mapping, answer: str) -> Verdict:
    accept = tuple(key.get("accept", ()))
    ok = text_matches(answer, accept, key.get("pattern"))
    shown = normalise_answer(answer)
    if ok:
        ko, en = f"‘{shown}’ — 정답입니다.", f"‘{shown}’ — correct."
    elif accept:
        ko = f"‘{shown}’ — 기대한 답이 아닙니다. 정답 예: ‘{accept[0]}’."
        en = f"‘{shown}’ — not what was expected. An accepted answer: ‘{accept[0]}’."
    else:
        ko, en = f"‘{shown}’ — 기대한 형식의 답이 아닙니다.", f"‘{shown}’ — not in the expected form."
    return _verdict(1.0 if ok else 0.0, [_result("answer", ok, ko, en)], _RIGHT,
                    ("오답입니다.", "Not correct."))


# ---------------------------------------------------------------- ordering

def _ordering_key(key: Mapping) -> list[str]:
    items = key.get("items")
    if not _is_str_seq(items) or len(items) < 2:
        return ["ordering: 'items' must be a list of at least 2 strings, in the correct order"]
    return []


def _ordering_answer(key: Mapping, answer: Any) -> AnswerError | None:
    n = len(key["items"])
    error = _index_list_error(answer, n, unique=True)
    if error is None and len(answer) != n:
        return AnswerError(f"항목 {n}개를 모두 한 번씩 배열해야 합니다 (받은 개수: {len(answer)}).",
                           f"Arrange all {n} items exactly once (got {len(answer)}).")
    return error


def longest_increasing_run(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (the items that need not move)."""
    best: list[list[int]] = []  # best[k] = positions of an increasing run of length k+1
    for pos, value in enumerate(values):
        candidates = [run for run in best if values[run[-1]] < value]
        longest = max(candidates, key=len, default=[])
        best.append(longest + [pos])
    return set(max(best, key=len, default=[]))


def _ordering_grade(key: Mapping, answer: Sequence[int]) -> Verdict:
    """score = (L - 1) / (n - 1), L = the most items already in correct relative order."""
    items = key["items"]
    n = len(items)
    # Two items with the same text are interchangeable: rank by text, not by index.
    rank = {text: items.index(text) for text in items}
    ranks = [rank[items[i]] for i in answer]
    keep = longest_increasing_run(ranks)
    checks = []
    for pos, i in enumerate(answer):
        ok = pos in keep
        checks.append(_result(
            f"item {i}", ok,
            f"{pos + 1}번째 ‘{items[i]}’ — " + ("제자리입니다." if ok else f"옮겨야 합니다 (정답 위치: {rank[items[i]] + 1}번째)."),
            f"#{pos + 1} ‘{items[i]}’ — " + ("in place." if ok else f"must move (belongs at #{rank[items[i]] + 1})."),
        ))
    moves = n - len(keep)
    return _verdict((len(keep) - 1) / (n - 1), checks, _RIGHT,
                    (f"항목 {moves}개를 옮기면 올바른 순서가 됩니다.",
                     f"Moving {moves} item(s) would fix the order."))


# ---------------------------------------------------------------- matching

def _matching_key(key: Mapping) -> list[str]:
    pairs = key.get("pairs")
    if (not isinstance(pairs, (list, tuple)) or len(pairs) < 2
            or not all(isinstance(p, (list, tuple)) and len(p) == 2 and _is_str_seq(p) for p in pairs)):
        return ["matching: 'pairs' must be a list of at least 2 [left, right] string pairs"]
    lefts = [p[0] for p in pairs]
    if len(set(lefts)) != len(lefts):
        return ["matching: two pairs have the same left item"]
    return []


def _matching_answer(key: Mapping, answer: Any) -> AnswerError | None:
    n = len(key["pairs"])
    error = _index_list_error(answer, n, unique=False)
    if error is None and len(answer) != n:
        return AnswerError(f"왼쪽 항목 {n}개마다 짝을 하나씩 골라야 합니다 (받은 개수: {len(answer)}).",
                           f"Choose one match for each of the {n} left items (got {len(answer)}).")
    return error


def _matching_grade(key: Mapping, answer: Sequence[int]) -> Verdict:
    """score = correctly matched left items / left items (same right text counts as the same)."""
    pairs = key["pairs"]
    checks = []
    for i, ((left, right), chosen) in enumerate(zip(pairs, answer)):
        got = pairs[chosen][1]
        ok = got == right
        checks.append(_result(
            f"pair {i}", ok,
            f"‘{left}’ → ‘{got}’" + (" — 맞습니다." if ok else f" — 틀렸습니다. 짝은 ‘{right}’입니다."),
            f"‘{left}’ → ‘{got}’" + (" — right." if ok else f" — wrong; it matches ‘{right}’."),
        ))
    right = sum(c.passed for c in checks)
    return _verdict(right / len(pairs), checks, _RIGHT,
                    (f"{len(pairs)}쌍 중 {right}쌍이 맞습니다.", f"{right} of {len(pairs)} pairs are right."))


# ---------------------------------------------------------------- cloze

def _cloze_key(key: Mapping) -> list[str]:
    text, blanks = key.get("text"), key.get("blanks")
    errors = []
    if not isinstance(text, str):
        return ["cloze: 'text' must be a string with blanks [[1]], [[2]], ..."]
    if (not isinstance(blanks, (list, tuple)) or not blanks
            or not all(_is_str_seq(b) and b for b in blanks)):
        return ["cloze: 'blanks' must be a non-empty list of lists of accepted answers"]
    numbers = [int(m) for m in BLANK.findall(text)]
    if numbers != list(range(1, len(blanks) + 1)):
        errors.append(f"cloze: the text must contain [[1]]..[[{len(blanks)}]] once each, in order "
                      f"(found {numbers})")
    if any(not normalise_answer(a) for b in blanks for a in b):
        errors.append("cloze: a blank has an empty accepted answer")
    return errors


def _cloze_answer(key: Mapping, answer: Any) -> AnswerError | None:
    n = len(key["blanks"])
    if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
        return AnswerError("빈칸 답은 글자(문자열)의 목록이어야 합니다.", "Blanks must be a list of strings.")
    if len(answer) != n:
        return AnswerError(f"빈칸 {n}개를 모두 채워야 합니다 (받은 개수: {len(answer)}).",
                           f"Fill all {n} blanks (got {len(answer)}).")
    return next(filter(None, (_text_error(a) for a in answer)), None)


def _cloze_grade(key: Mapping, answer: Sequence[str]) -> Verdict:
    """score = correct blanks / blanks; each blank normalised like a short answer."""
    checks = []
    for i, (accepted, given) in enumerate(zip(key["blanks"], answer), start=1):
        ok = text_matches(given, accepted)
        shown = normalise_answer(given) or "(빈칸)"
        checks.append(_result(
            f"blank {i}", ok,
            f"빈칸 {i}: ‘{shown}’" + (" — 맞습니다." if ok else f" — 틀렸습니다. 정답 예: ‘{accepted[0]}’."),
            f"Blank {i}: ‘{shown}’" + (" — right." if ok else f" — wrong; e.g. ‘{accepted[0]}’."),
        ))
    right = sum(c.passed for c in checks)
    n = len(checks)
    return _verdict(right / n, checks, _RIGHT,
                    (f"빈칸 {n}개 중 {right}개가 맞습니다.", f"{right} of {n} blanks are right."))


# ---------------------------------------------------------------- registry

QUESTION_KINDS: dict[str, QuestionKind] = {
    kind.name: kind
    for kind in (
        QuestionKind("single", "int (0-based index of the chosen choice)",
                     _single_key, _single_answer, _single_grade),
        QuestionKind("multiple", "list[int] (0-based indexes of every picked choice)",
                     _multiple_key, _multiple_answer, _multiple_grade),
        QuestionKind("true_false", "bool", _tf_key, _tf_answer, _tf_grade),
        QuestionKind("short", "str", _short_key, _short_answer, _short_grade),
        QuestionKind("command", "str (one or more command lines, separated by newlines)",
                     command_answer.key_errors, command_answer.answer_error, command_answer.grade),
        QuestionKind("ordering", "list[int] (item indexes in the learner's order)",
                     _ordering_key, _ordering_answer, _ordering_grade),
        QuestionKind("matching", "list[int] (for each left item i, the index of the chosen right item)",
                     _matching_key, _matching_answer, _matching_grade),
        QuestionKind("cloze", "list[str] (one answer per blank, in order)",
                     _cloze_key, _cloze_answer, _cloze_grade),
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
        return Verdict(0.0, 1.0, False, (), "답을 채점할 수 없습니다: " + error.ko,
                       "The answer cannot be graded: " + error.en)
    return spec.grade(key, answer)
