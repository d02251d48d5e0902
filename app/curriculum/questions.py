"""Flashcard and question blocks: authoring YAML -> canonical frozen shapes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.curriculum.fields import Reader, as_text
from app.curriculum.model import Flashcard, Question

_COMMON = {"id", "kind", "prompt", "explanation", "hint"}
_MARK = re.compile(r"^\(\s*([xX]?)\s*\)\s+(.*)$", re.DOTALL)
_BLANK = re.compile(r"\[\[(\d+)\]\]")


def build_flashcard(r: Reader, item_id: str, lesson_id: str, line: int) -> Flashcard | None:
    """A card from ``id, front, back, tags``."""
    r.unknown_keys({"id", "front", "back", "tags"})
    front, back = r.text("front"), r.text("back")
    tags = r.text_list("tags")
    if front is None or back is None:
        return None
    return Flashcard(item_id, front, back, tags, lesson_id, line)


def build_question(r: Reader, item_id: str, lesson_id: str, line: int) -> Question | None:
    """A question; the kind decides which keys are read into ``key``."""
    kind = r.text("kind")
    if kind is not None and kind not in QUESTION_KINDS:
        r.err(f"unknown question kind '{kind}' (expected one of: {', '.join(QUESTION_KINDS)})", "kind")
        kind = None
    r.unknown_keys(_COMMON | (_CONTENT[kind].keys if kind else set().union(*(c.keys for c in _CONTENT.values()))))
    prompt = r.text("prompt")
    explanation = r.text("explanation")
    hint = r.text("hint", required=False)
    if kind is None:
        return None
    key = _CONTENT[kind].build(r)
    if prompt is None or explanation is None or key is None:
        return None
    return Question(item_id, kind, prompt, explanation, hint, MappingProxyType(key), lesson_id, line)


def _choices(r: Reader, multiple: bool) -> dict[str, Any] | None:
    """Choices marked ``(x) right`` / ``( ) wrong``, or plain choices with ``answer: N`` (1-based)."""
    raw = r.data.get("choices")
    if not isinstance(raw, list) or len(raw) < 2:
        r.err("'choices' must be a list of at least 2 choices", "choices" if raw is not None else None)
        return None
    texts: list[str] = []
    marked: list[int] = []
    for i, item in enumerate(raw):
        t = as_text(item, lambda m: r.err(f"choice {i + 1} {m}", "choices"))  # noqa: B023 - called at once, inside the loop
        if t is None:
            return None
        m = _MARK.match(t)
        if m:
            if m.group(1):
                marked.append(i)
            t = m.group(2).strip()
            if len(t) > 1 and t[0] == t[-1] and t[0] in "'\"":
                r.err(f"choice {i + 1}: quote the whole item ('(x) text'), not only the text after the mark", "choices")
                return None
        texts.append(t)
    if len(set(texts)) != len(texts):
        r.err("two choices have the same text", "choices")
    correct = _answer_indexes(r, len(texts)) if "answer" in r.data else marked
    if correct is None:
        return None
    if "answer" in r.data and marked:
        r.err("use either '(x)' marks or 'answer', not both", "answer")
        return None
    if not correct:
        r.err("no correct choice (mark one with '(x) ' or give 'answer')", "choices")
        return None
    if not multiple:
        if len(correct) != 1:
            r.err(
                f"{len(correct)} correct choices; a single choice question needs exactly one (or use kind: multiple)",
                "choices",
            )
            return None
        return {"choices": tuple(texts), "correct": correct[0]}
    return {"choices": tuple(texts), "correct": tuple(sorted(set(correct)))}


def _answer_indexes(r: Reader, n: int) -> list[int] | None:
    """``answer: 2`` or ``answer: [1, 3]`` (1-based, as a reader counts) -> 0-based indexes."""
    value = r.data["answer"]
    values = value if isinstance(value, list) else [value]
    out: list[int] = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            r.err("'answer' must be a choice number (1, 2, ...) or a list of them", "answer")
            return None
        if not 1 <= v <= n:
            r.err(f"answer {v} is out of range (choices are numbered 1 to {n})", "answer")
            return None
        out.append(v - 1)
    return out


def _single(r: Reader) -> dict[str, Any] | None:
    return _choices(r, multiple=False)


def _multiple(r: Reader) -> dict[str, Any] | None:
    return _choices(r, multiple=True)


def _true_false(r: Reader) -> dict[str, Any] | None:
    value = r.data.get("answer")
    if not isinstance(value, bool):
        r.err("'answer' must be true or false", "answer" if "answer" in r.data else None)
        return None
    return {"correct": value}


def _short(r: Reader) -> dict[str, Any] | None:
    accept = r.text_list("accept")
    pattern = r.text("pattern", required=False)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            r.err(f"'pattern' is not a valid regular expression: {exc}", "pattern")
            return None
    if not accept and pattern is None:
        if r.data.get("accept") is not None:
            return None  # its items were reported as not being text
        r.err("give at least one accepted answer in 'accept' (or a 'pattern')")
        return None
    return {"accept": accept, "pattern": pattern}


def _command(r: Reader) -> dict[str, Any] | None:
    setup = r.text_list("setup")
    reference = r.text_list("reference", required=True)
    seed = r.integer("seed", 0)
    if not reference:
        return None
    return {"setup": setup, "reference": reference, "seed": seed}


def _ordering(r: Reader) -> dict[str, Any] | None:
    items = r.text_list("items", required=True)
    if len(items) < 2:
        if items:
            r.err("'items' needs at least 2 entries", "items")
        return None
    if len(set(items)) != len(items):
        r.err("two items have the same text", "items")
        return None
    return {"items": items}


def _matching(r: Reader) -> dict[str, Any] | None:
    raw = r.data.get("pairs")
    pairs: list[tuple[str, str]] = []
    entries: list[Any]
    if isinstance(raw, dict):
        entries = [[k, v] for k, v in raw.items()]
    elif isinstance(raw, list):
        entries = [next(iter(e.items())) if isinstance(e, dict) and len(e) == 1 else e for e in raw]
    else:
        r.err("'pairs' must be a list of [left, right] pairs", "pairs" if raw is not None else None)
        return None
    for e in entries:
        if not isinstance(e, (list, tuple)) or len(e) != 2:
            r.err("each pair must be [left, right] or 'left: right'", "pairs")
            return None
        left = as_text(e[0], lambda m: r.err(f"pair text {m}", "pairs"))
        right = as_text(e[1], lambda m: r.err(f"pair text {m}", "pairs"))
        if left is None or right is None:
            return None
        pairs.append((left, right))
    if len(pairs) < 2:
        r.err("'pairs' needs at least 2 pairs", "pairs")
        return None
    if len({p[0] for p in pairs}) != len(pairs) or len({p[1] for p in pairs}) != len(pairs):
        r.err("each left and each right text must be different from the others", "pairs")
        return None
    return {"pairs": tuple(pairs)}


def _cloze(r: Reader) -> dict[str, Any] | None:
    text = r.text("text")
    raw = r.data.get("blanks")
    if not isinstance(raw, list) or not raw:
        r.err("'blanks' must list the accepted answers of each blank", "blanks" if raw is not None else None)
        return None
    blanks: list[tuple[str, ...]] = []
    for i, entry in enumerate(raw):
        answers = entry if isinstance(entry, list) else [entry]
        got = tuple(t for t in (as_text(a, lambda m: r.err(f"blank {i + 1} {m}", "blanks")) for a in answers) if t)  # noqa: B023 - called at once, inside the loop
        if not got:
            r.err(f"blank {i + 1} has no accepted answer", "blanks")
            return None
        blanks.append(got)
    if text is None:
        return None
    numbers = [int(n) for n in _BLANK.findall(text)]
    expected = list(range(1, len(blanks) + 1))
    if sorted(numbers) != expected:
        shown = ", ".join(f"[[{n}]]" for n in numbers) or "none"
        r.err(f"'text' must contain the blanks [[1]] to [[{len(blanks)}]] once each (found: {shown})", "text")
        return None
    return {"text": text, "blanks": tuple(blanks)}


@dataclass(frozen=True)
class _ContentKind:
    """How one kind's content block is read: its own keys and the builder of its canonical key.

    The rest of a kind (grader, form reader, widget) is registered in `app.grading.kinds`.
    """

    keys: frozenset[str]
    build: Callable[[Reader], dict[str, Any] | None]


_CONTENT: dict[str, _ContentKind] = {
    "single": _ContentKind(frozenset({"choices", "answer"}), _single),
    "multiple": _ContentKind(frozenset({"choices", "answer"}), _multiple),
    "true_false": _ContentKind(frozenset({"answer"}), _true_false),
    "short": _ContentKind(frozenset({"accept", "pattern"}), _short),
    "command": _ContentKind(frozenset({"setup", "reference", "seed"}), _command),
    "ordering": _ContentKind(frozenset({"items"}), _ordering),
    "matching": _ContentKind(frozenset({"pairs"}), _matching),
    "cloze": _ContentKind(frozenset({"text", "blanks"}), _cloze),
}
# The one list of question kinds: what `kind:` may say in a block; `app.grading.kinds` registers the same names.
QUESTION_KINDS: tuple[str, ...] = tuple(_CONTENT)
