"""Arranging questions: ordering and matching, with partial credit."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.curriculum import Question
from app.dockersim import N_
from app.grading.errors import AnswerError
from app.grading.kinds.base import FormData, QuestionKind, display_order, ints
from app.grading.kinds.common import RIGHT, index_list_error, is_str_seq, result, verdict
from app.grading.verdict import Verdict

# ---------------------------------------------------------------- ordering


def ordering_key(key: Mapping[str, Any]) -> list[str]:
    items = key.get("items")
    if not is_str_seq(items) or len(items) < 2:
        return ["ordering: 'items' must be a list of at least 2 strings, in the correct order"]
    return []


def ordering_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    n = len(key["items"])
    error = index_list_error(answer, n, unique=True)
    if error is None and len(answer) != n:
        return N_("Arrange all %(count)s items exactly once (got %(got)s).", count=n, got=len(answer))
    return error


def longest_increasing_run(values: Sequence[int]) -> set[int]:
    """Positions of one longest non-decreasing subsequence (the items that need not move)."""
    best: list[list[int]] = []  # best[k] = positions of an increasing run of length k+1
    for pos, value in enumerate(values):
        candidates = [run for run in best if values[run[-1]] <= value]  # equal ranks: same text
        longest = max(candidates, key=len, default=[])
        best.append(longest + [pos])
    kept: list[int] = max(best, key=len, default=[])
    return set(kept)


def ordering_grade(key: Mapping[str, Any], answer: Sequence[int]) -> Verdict:
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
        if ok:
            message = N_("#%(position)s ‘%(item)s’ — in place.", position=pos + 1, item=items[i])
        else:
            message = N_(
                "#%(position)s ‘%(item)s’ — must move (belongs at #%(belongs)s).",
                position=pos + 1,
                item=items[i],
                belongs=rank[items[i]] + 1,
            )
        checks.append(result(f"item {i}", ok, message))
    moves = n - len(keep)
    return verdict(
        (len(keep) - 1) / (n - 1), checks, RIGHT, N_("Moving %(moves)s item(s) would fix the order.", moves=moves)
    )


# ---------------------------------------------------------------- matching


def matching_key(key: Mapping[str, Any]) -> list[str]:
    pairs = key.get("pairs")
    if (
        not isinstance(pairs, (list, tuple))
        or len(pairs) < 2
        or not all(isinstance(p, (list, tuple)) and len(p) == 2 and is_str_seq(p) for p in pairs)
    ):
        return ["matching: 'pairs' must be a list of at least 2 [left, right] string pairs"]
    lefts = [p[0] for p in pairs]
    if len(set(lefts)) != len(lefts):
        return ["matching: two pairs have the same left item"]
    return []


def matching_answer(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    n = len(key["pairs"])
    error = index_list_error(answer, n, unique=False)
    if error is None and len(answer) != n:
        return N_("Choose one match for each of the %(count)s left items (got %(got)s).", count=n, got=len(answer))
    return error


def matching_grade(key: Mapping[str, Any], answer: Sequence[int]) -> Verdict:
    """score = correctly matched left items / left items (same right text counts as the same)."""
    pairs = key["pairs"]
    checks = []
    for i, ((left, right), chosen) in enumerate(zip(pairs, answer, strict=False)):
        got = pairs[chosen][1]
        ok = got == right
        if ok:
            message = N_("‘%(left)s’ → ‘%(got)s’ — right.", left=left, got=got)
        else:
            message = N_("‘%(left)s’ → ‘%(got)s’ — wrong; it matches ‘%(right)s’.", left=left, got=got, right=right)
        checks.append(result(f"pair {i}", ok, message))
    right = sum(c.passed for c in checks)
    return verdict(
        right / len(pairs), checks, RIGHT, N_("%(right)s of %(total)s pairs are right.", right=right, total=len(pairs))
    )


# ---------------------------------------------------------------- the kinds


def _read_ordering(question: Question, form: FormData) -> list[int] | None:
    # Field pos-d holds the position (1-based) the learner gave the item shown d-th.
    shown = display_order(question, len(question.key["items"]))
    positions = ints([form.get(f"pos-{d}", "") for d in range(len(shown))])
    if positions is None:
        return None
    return [shown[d] for _, d in sorted(zip(positions, range(len(shown)), strict=True))]


def _read_matching(question: Question, form: FormData) -> list[int] | None:
    # Field match-i holds the shown position of the right item picked for left item i.
    shown = display_order(question, len(question.key["pairs"]))
    picks = ints([form.get(f"match-{i}", "") for i in range(len(shown))])
    if picks is None or any(not 0 <= p < len(shown) for p in picks):
        return None
    return [shown[p] for p in picks]


def _in_order(field: str) -> Callable[[Mapping[str, Any]], list[int]]:
    """The right answer of a key whose `field` lists the items (or pairs) in the right order."""
    return lambda key: list(range(len(key[field])))


def _shuffled(field: str) -> Callable[[Mapping[str, Any], random.Random], list[int]]:
    """A wrong answer: the key's `field` in a shuffled order (by chance, now and then, the right one)."""

    def draw(key: Mapping[str, Any], rng: random.Random) -> list[int]:
        order = list(range(len(key[field])))
        rng.shuffle(order)
        return order

    return draw


KINDS = (
    QuestionKind(
        "ordering",
        "list[int] (item indexes in the learner's order)",
        ordering_key,
        ordering_answer,
        ordering_grade,
        _read_ordering,
        right_answer=_in_order("items"),
        wrong_answer=_shuffled("items"),
    ),
    QuestionKind(
        "matching",
        "list[int] (for each left item i, the index of the chosen right item)",
        matching_key,
        matching_answer,
        matching_grade,
        _read_matching,
        right_answer=_in_order("pairs"),
        wrong_answer=_shuffled("pairs"),
    ),
)
