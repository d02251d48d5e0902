"""What the class's failing terminal commands reveal (pure: transcripts in, counted groups out).

A command fails "by kind" when the simulator printed a hint line under its error: the hint's key
(`app.dockersim.hint_kind`) is the error kind, so `docker start -p 8080:80 web` and
`docker start --publish 80:80 db` are one group ("start_options"), whatever was typed. Error
output without a hint line is not counted: the transcript keeps no exit code, and stderr also
carries progress such as "Unable to find image ... locally" from commands that succeeded.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.dockersim import hint_kind

PROMPT_END = "$ "
MAX_EXAMPLE = 80
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True)
class Group:
    """One error kind: how many learners hit it, how many times, and the commands typed most often."""

    kind: str
    learners: int
    occurrences: int
    examples: tuple[str, ...]


def _command(typed: str) -> str:
    """The typed line without the prompt, cut to a readable length."""
    text = typed.split(PROMPT_END, 1)[1] if PROMPT_END in typed else typed
    text = text.strip()
    return text if len(text) <= MAX_EXAMPLE else text[: MAX_EXAMPLE - 1] + "…"


def failing_commands(
    transcript: Iterable[Sequence[object]], translations: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(kind, command) for every command whose error output followed it, in order.

    `transcript` holds [terminal, kind, text] entries ("in", "out", "err", "note"); the error of
    a command is the "err" text after its "in" line on the same terminal.
    """
    last_in: dict[object, str] = {}
    found: dict[tuple[object, int], tuple[str, str]] = {}
    count: dict[object, int] = defaultdict(int)
    for entry in transcript:
        if len(entry) != 3:
            continue
        terminal, kind, text = entry[0], str(entry[1]), str(entry[2])
        if kind == "in":
            count[terminal] += 1
            last_in[terminal] = text
        elif kind in ("err", "note") and terminal in last_in:
            # The hint arrives as a "note" entry in the learner's language (`translations` maps the
            # shown text back to its message id); older transcripts kept it inside "err".
            key = (terminal, count[terminal])
            error_kind = next((k for line in text.splitlines() if (k := hint_kind(line, translations))), None)
            if error_kind and key not in found:
                found[key] = (error_kind, _command(last_in[terminal]))
    return list(found.values())


def tally(per_learner: Mapping[int, Iterable[tuple[str, str]]], examples: int = 3) -> list[Group]:
    """Groups by kind, most learners first (then most occurrences, then the kind's name)."""
    learners: dict[str, set[int]] = defaultdict(set)
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    for learner, failures in per_learner.items():
        for kind, command in failures:
            learners[kind].add(learner)
            typed[kind][command] += 1
    groups = [
        Group(
            kind, len(learners[kind]), sum(typed[kind].values()), tuple(c for c, _ in typed[kind].most_common(examples))
        )
        for kind in learners
    ]
    return sorted(groups, key=lambda g: (-g.learners, -g.occurrences, g.kind))


@dataclass(frozen=True)
class LessonText:
    """What the section finder needs of a lesson: its id, markdown and table of contents (id, title)."""

    lesson_id: str
    markdown: str
    toc: tuple[tuple[str, str], ...]


def _plain(title: str) -> str:
    """A heading's words without markdown marks, for comparing with the table of contents."""
    return re.sub(r"[`*_]", "", title).strip()


def teaching_section(lessons: Sequence[LessonText], needle: str) -> tuple[str, str | None] | None:
    """The first lesson section (lesson id, section id) whose text contains `needle`; None when none does."""
    for lesson in lessons:
        if needle not in lesson.markdown:
            continue
        titles = {_plain(title): anchor for anchor, title in lesson.toc}
        heading: str | None = None
        for line in lesson.markdown.splitlines():
            match = _HEADING.match(line)
            if match:
                heading = titles.get(_plain(match.group(2)))
            elif needle in line:
                return lesson.lesson_id, heading
        return lesson.lesson_id, None
    return None
