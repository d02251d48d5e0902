"""The course's question bank as Moodle XML and GIFT (pure: questions in, text out).

Every question is exported, exported as the closest Moodle kind with a note, or listed as
skipped with the reason: nothing is dropped silently. Prompts stay Markdown (Moodle's
`format="markdown"` and GIFT's `[markdown]`), so nothing is lost in a conversion.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from app.curriculum import Question

CATEGORY_ROOT = "$course$/top/Docker Dojo"


@dataclass(frozen=True)
class BankExport:
    """The file's text, questions exported as a nearby kind (with why) and questions skipped (with why)."""

    text: str
    exported: int
    approximated: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    skipped: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _fraction(share: float) -> str:
    """A Moodle answer fraction (percent, five decimals at most, as Moodle's own list has)."""
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return text or "0"


def _choices(q: Question) -> list[tuple[str, str]]:
    """(fraction, text) per choice; a multiple-answer question splits +100 over the right and -100 over the wrong."""
    choices = list(q.key["choices"])
    if q.kind == "single":
        return [("100" if i == q.key["correct"] else "0", t) for i, t in enumerate(choices)]
    right = set(q.key["correct"])
    wrong = len(choices) - len(right)
    return [(_fraction(100 / len(right)) if i in right else _fraction(-100 / wrong), t) for i, t in enumerate(choices)]


def _ordering_pairs(q: Question) -> list[tuple[str, str]]:
    """An ordering question as matching: each item to its position (1, 2, ...)."""
    return [(item, str(i)) for i, item in enumerate(q.key["items"], start=1)]


APPROXIMATIONS = {
    "ordering": "exported as matching (each item to its position number)",
    "command": "exported as short answer: only the reference command is accepted, not equivalent commands",
}


#: our question kind -> the Moodle kind it is written as; a kind missing here (a new one) is skipped with a note
MOODLE_KINDS = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true_false": "truefalse",
    "short": "shortanswer",
    "command": "shortanswer",
    "ordering": "matching",
    "matching": "matching",
    "cloze": "cloze",
}


def _plan(q: Question, gift: bool) -> tuple[str | None, str]:
    """The Moodle kind to write (None = skip) and the note (empty when exact)."""
    if q.kind not in MOODLE_KINDS:
        return None, f"no Moodle equivalent is defined for questions of kind '{q.kind}' (app/reports/question_bank.py)"
    if q.kind == "short" and not q.key["accept"]:
        return None, "short answer with only a regular expression (Moodle short answer has none)"
    if q.kind == "command" and len(q.key["reference"]) != 1:
        return None, "command answer of several command lines (Moodle has no such kind)"
    if q.kind == "cloze" and gift and len(q.key["blanks"]) != 1:
        return None, "cloze with several blanks (GIFT has only one blank per question; use Moodle XML)"
    note = APPROXIMATIONS.get(q.kind, "")
    if q.kind == "short" and q.key["pattern"]:
        note = "exported as short answer with its listed answers; the regular expression is left out"
    return MOODLE_KINDS[q.kind], note


def _by_lesson(questions: Sequence[Question], lesson_titles: Mapping[str, str]) -> list[tuple[str, list[Question]]]:
    """Questions grouped by lesson, lessons in the order of their first question."""
    groups: dict[str, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.lesson_id, []).append(q)
    return [(lesson_titles.get(lesson, lesson), qs) for lesson, qs in groups.items()]


def _text(value: str) -> str:
    """XML text content."""
    return f"<text>{escape(value)}</text>"


def _xml_answers(q: Question, kind: str) -> list[str]:
    """The kind-specific elements of one Moodle XML question."""
    if q.kind in ("single", "multiple"):
        out = [f"<single>{'true' if q.kind == 'single' else 'false'}</single>", "<shuffleanswers>1</shuffleanswers>"]
        out += [f'<answer fraction="{f}" format="markdown">{_text(t)}</answer>' for f, t in _choices(q)]
        return out
    if kind == "truefalse":
        right = bool(q.key["correct"])
        return [
            f'<answer fraction="{100 if right else 0}">{_text("true")}</answer>',
            f'<answer fraction="{0 if right else 100}">{_text("false")}</answer>',
        ]
    if kind == "shortanswer":
        accepted = q.key["accept"] if q.kind == "short" else q.key["reference"]
        return ["<usecase>0</usecase>"] + [f'<answer fraction="100">{_text(a)}</answer>' for a in accepted]
    if kind == "matching":
        pairs = _ordering_pairs(q) if q.kind == "ordering" else list(q.key["pairs"])
        out = ["<shuffleanswers>1</shuffleanswers>"]
        return out + [
            f"<subquestion>{_text(left)}<answer>{_text(right)}</answer></subquestion>" for left, right in pairs
        ]
    return []


def _cloze_text(q: Question) -> str:
    """Cloze text with Moodle's embedded answers: [[1]] -> {1:SHORTANSWER:=a~=b}."""
    text = q.key["text"]
    for number, answers in enumerate(q.key["blanks"], start=1):
        embedded = "~".join("=" + a.replace("}", "\\}").replace("~", "\\~") for a in answers)
        text = text.replace(f"[[{number}]]", "{1:SHORTANSWER:" + embedded + "}")
    return f"{q.prompt}\n\n{text}"


def moodle_xml(questions: Sequence[Question], lesson_titles: Mapping[str, str]) -> BankExport:
    """Moodle XML: a category per lesson, each question with its id as name and idnumber."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    approximated: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    exported = 0
    for title, group in _by_lesson(questions, lesson_titles):
        lines.append(f'<question type="category"><category>{_text(f"{CATEGORY_ROOT}/{title}")}</category></question>')
        for q in group:
            kind, note = _plan(q, gift=False)
            if kind is None:
                skipped.append((q.id, note))
                continue
            if note:
                approximated.append((q.id, note))
            prompt = _cloze_text(q) if kind == "cloze" else q.prompt
            lines.append(f'<question type="{kind}">')
            lines.append(f"<name>{_text(q.id)}</name><idnumber>{escape(q.id)}</idnumber>")
            lines.append(f'<questiontext format="markdown">{_text(prompt)}</questiontext>')
            lines.append(f'<generalfeedback format="markdown">{_text(q.explanation)}</generalfeedback>')
            lines.append("<defaultgrade>1</defaultgrade>")
            lines.extend(_xml_answers(q, kind))
            lines.append("</question>")
            exported += 1
    lines.append("</quiz>")
    return BankExport("\n".join(lines) + "\n", exported, tuple(approximated), tuple(skipped))


def gift_escape(text: str) -> str:
    """GIFT's reserved characters escaped as Moodle's exporter does; newlines as \\n."""
    for char in ("\\", "~", "=", "#", "{", "}", ":"):
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _gift_answers(q: Question, kind: str) -> str:
    """The part of a GIFT question between the braces."""
    if q.kind in ("single", "multiple"):
        if q.kind == "single":
            return " ".join(("=" if f == "100" else "~") + gift_escape(t) for f, t in _choices(q))
        return " ".join(f"~%{f}%{gift_escape(t)}" for f, t in _choices(q))
    if kind == "truefalse":
        return "TRUE" if q.key["correct"] else "FALSE"
    if kind == "shortanswer":
        accepted = q.key["accept"] if q.kind == "short" else q.key["reference"]
        return " ".join("=" + gift_escape(a) for a in accepted)
    if kind == "matching":
        pairs = _ordering_pairs(q) if q.kind == "ordering" else list(q.key["pairs"])
        return " ".join(f"={gift_escape(left)} -> {gift_escape(right)}" for left, right in pairs)
    return ""


def gift(questions: Sequence[Question], lesson_titles: Mapping[str, str]) -> BankExport:
    """GIFT: `$CATEGORY:` per lesson, `::id::[markdown]prompt{answers}####feedback` per question."""
    blocks: list[str] = []
    approximated: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    exported = 0
    for title, group in _by_lesson(questions, lesson_titles):
        blocks.append(f"$CATEGORY: {CATEGORY_ROOT}/{title}")
        for q in group:
            kind, note = _plan(q, gift=True)
            if kind is None:
                skipped.append((q.id, note))
                continue
            if note:
                approximated.append((q.id, note))
            feedback = "####" + gift_escape(q.explanation)
            if kind == "cloze":
                before, _, after = q.key["text"].partition("[[1]]")
                answers = " ".join("=" + gift_escape(a) for a in q.key["blanks"][0])
                body = f"{gift_escape(q.prompt)}\\n\\n{gift_escape(before)}{{{answers} {feedback}}}{gift_escape(after)}"
            else:
                body = f"{gift_escape(q.prompt)}{{{_gift_answers(q, kind)} {feedback}}}"
            blocks.append(f"::{gift_escape(q.id)}::[markdown]{body}")
            exported += 1
    return BankExport("\n\n".join(blocks) + "\n", exported, tuple(approximated), tuple(skipped))
