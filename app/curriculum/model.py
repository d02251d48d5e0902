"""Frozen data shapes of the course (the contract with grading and the web layer)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

BLOCK_KINDS: tuple[str, ...] = ("flashcard", "question", "lab")
POLICIES: tuple[str, ...] = ("checks", "strict")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class ContentError:
    """One problem in the content, shown as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CourseInvalid(Exception):
    """Raised by ``load_course`` when the content has problems; ``errors`` lists them all."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Flashcard:
    """A card to remember: Markdown front and back."""

    id: str
    front: str
    back: str
    tags: tuple[str, ...]
    lesson_id: str
    line: int


@dataclass(frozen=True)
class Question:
    """A question; ``key`` holds the answer key in the canonical shape of its ``kind``."""

    id: str
    kind: str
    prompt: str
    explanation: str
    hint: str | None
    key: Mapping[str, Any]
    lesson_id: str
    line: int


@dataclass(frozen=True)
class LabSetup:
    """What a lab's fresh host gets before the learner starts."""

    commands: tuple[str, ...] = ()
    files: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    fixture: str | None = None


@dataclass(frozen=True)
class Check:
    """One named check of a lab's goal with its parameters and weight."""

    name: str
    params: Mapping[str, Any]
    weight: int
    line: int


@dataclass(frozen=True)
class Goal:
    """The goal of a lab: checks and the comparison policy ("checks" or "strict")."""

    policy: str
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class SolutionStep:
    """One solution line: the command (or ``^C``) and the 0-based terminal it runs in."""

    terminal: int
    command: str

    @property
    def is_interrupt(self) -> bool:
        """True for the ``^C`` line (Ctrl+C)."""
        return self.command == "^C"


MAX_TERMINALS = 4
_TERMINAL_PREFIX = re.compile(r"^\[(\w*)\]\s*(.*)$")


def parse_solution_line(line: str) -> SolutionStep | str:
    """``"[2] docker ps"`` -> SolutionStep(1, "docker ps"); a problem comes back as a message."""
    text = line.strip()
    terminal = 0
    m = _TERMINAL_PREFIX.match(text)
    if m:
        number, text = m.group(1), m.group(2).strip()
        if not number.isdigit() or not 1 <= int(number) <= MAX_TERMINALS:
            return f"bad terminal prefix '[{number}]' (use [1] to [{MAX_TERMINALS}])"
        terminal = int(number) - 1
    if not text:
        return "empty solution line"
    return SolutionStep(terminal, text)


@dataclass(frozen=True)
class Shortcut:
    """A way to skip the lab's point (`skips`), as solution lines; its goal must reject it."""

    skips: str
    solution: tuple[str, ...]
    line: int

    def steps(self) -> tuple[SolutionStep, ...]:
        """The lines with their terminal prefixes resolved."""
        steps = (parse_solution_line(s) for s in self.solution)
        return tuple(s for s in steps if isinstance(s, SolutionStep))


@dataclass(frozen=True)
class Lab:
    """A hands-on task in the simulated terminal, graded by the state it leaves."""

    id: str
    title: str
    lesson_id: str
    line: int
    task: str
    setup: LabSetup
    hints: tuple[str, ...]
    solution: tuple[str, ...]
    goal: Goal
    disabled_commands: tuple[str, ...]
    shortcuts: tuple[Shortcut, ...] = ()
    hint_ids: tuple[str, ...] = ()  # one per hint: its `id:`, or `hint-N` (its place from 1) when it has none

    def hint_refs(self, shown: int) -> tuple[str, ...]:
        """The course-wide ids (`lab id/hint id`) of the first `shown` hints: the ones a learner has seen."""
        ids = self.hint_ids or tuple(f"hint-{n}" for n in range(1, len(self.hints) + 1))
        return tuple(f"{self.id}/{h}" for h in ids[: max(shown, 0)])

    def solution_steps(self) -> tuple[SolutionStep, ...]:
        """The solution lines with their terminal prefixes (``[2] ...``) resolved."""
        steps = (parse_solution_line(s) for s in self.solution)
        return tuple(s for s in steps if isinstance(s, SolutionStep))


Item = Flashcard | Question | Lab


@dataclass(frozen=True)
class TocEntry:
    """A heading of a lesson: level (1-6), its HTML id and its text."""

    level: int
    id: str
    title: str


@dataclass(frozen=True)
class Lesson:
    """One lesson file: front matter, the Markdown body, its HTML and its items."""

    id: str
    title: str
    order: int
    summary: str
    body_markdown: str
    html: str
    toc: tuple[TocEntry, ...]
    flashcards: tuple[Flashcard, ...]
    questions: tuple[Question, ...]
    labs: tuple[Lab, ...]
    path: str

    def items(self) -> Iterator[Item]:
        """Every card, question and lab of the lesson."""
        yield from self.flashcards
        yield from self.questions
        yield from self.labs


@dataclass(frozen=True)
class Course:
    """All lessons sorted by order, with lookups by id."""

    lessons: tuple[Lesson, ...]
    by_id: Mapping[str, Item]
    lessons_by_id: Mapping[str, Lesson]

    @property
    def flashcards(self) -> tuple[Flashcard, ...]:
        """All cards in course order."""
        return tuple(c for lesson in self.lessons for c in lesson.flashcards)

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions in course order."""
        return tuple(q for lesson in self.lessons for q in lesson.questions)

    @property
    def labs(self) -> tuple[Lab, ...]:
        """All labs in course order."""
        return tuple(lab for lesson in self.lessons for lab in lesson.labs)

    def item(self, item_id: str) -> Item:
        """The card, question or lab with this id (KeyError if none)."""
        return self.by_id[item_id]

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id (KeyError if none)."""
        return self.lessons_by_id[lesson_id]
