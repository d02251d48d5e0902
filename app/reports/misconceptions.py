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

from app.dockersim import Invocation, ShellSyntaxError, hint_kind, read_docker, split_line

PROMPT_END = "$ "
MAX_EXAMPLE = 80
CTRL_C = "ctrl_c_detach"  # the pattern's kind, next to the simulator's error kinds
FOLLOW_UP_COMMANDS = 3  # how many commands after a Ctrl+C on that terminal may show the expectation
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


def _entries(transcript: Iterable[Sequence[object]]) -> Iterable[tuple[object, str, str, list[str] | None]]:
    """(terminal, kind, text, note ids) of well-formed entries; ids only where the lab page kept them.

    A note is stored as messages (a list of `{"id", "params"}`, or one): its ids, and no text. Older
    notes hold the text shown, with their ids as a fourth field or (the oldest) without them.
    """
    for entry in transcript:
        if len(entry) not in (3, 4):
            continue
        value = entry[2]
        if isinstance(value, (list, Mapping)):
            messages = value if isinstance(value, list) else [value]
            yield entry[0], str(entry[1]), "", [str(m.get("id")) for m in messages if isinstance(m, Mapping)]
            continue
        ids = entry[3] if len(entry) == 4 and isinstance(entry[3], list) else None
        yield entry[0], str(entry[1]), str(value), ids


def _note_kind(text: str, ids: list[str] | None, translations: Mapping[str, str] | None) -> str | None:
    """The error kind of a note: by its message ids when the entry has them, else (older rows) by its text."""
    if ids is not None:
        return next((k for i in ids if (k := hint_kind("💡 " + str(i)))), None)
    return next((k for line in text.splitlines() if (k := hint_kind(line, translations))), None)


def failing_commands(
    transcript: Iterable[Sequence[object]], translations: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(kind, command) for every command whose error output followed it, in order.

    `transcript` holds [terminal, kind, text] entries ("in", "out", "err", "note"); the error of
    a command is the "err" text after its "in" line on the same terminal. A "note" entry is
    `[terminal, "note", [message, ...]]` (the messages' JSON) and is read by id, as are those of
    the release before, `[terminal, "note", text, [message id, ...]]`; older ones carry only the
    text the learner read, which `translations` maps back to an id (and older still kept the hint
    inside "err").
    """
    last_in: dict[object, str] = {}
    found: dict[tuple[object, int], tuple[str, str]] = {}
    count: dict[object, int] = defaultdict(int)
    for terminal, kind, text, ids in _entries(transcript):
        if kind == "in":
            count[terminal] += 1
            last_in[terminal] = text
        elif kind in ("err", "note") and terminal in last_in:
            key = (terminal, count[terminal])
            error_kind = _note_kind(text, ids, translations)
            if error_kind and key not in found:
                found[key] = (error_kind, _command(last_in[terminal]))
    return list(found.values())


def _docker(typed: str) -> Invocation | None:
    """The docker command of a typed line (its first command) as the simulator reads it, or `curl`/`wget`."""
    text = typed.split(PROMPT_END, 1)[1] if PROMPT_END in typed else typed
    try:
        segments = split_line(text)
    except ShellSyntaxError:
        return None
    words = segments[0][1] if segments else []
    if words[:1] == ["docker"]:
        return read_docker(words[1:])
    return Invocation(words[0]) if words[:1] in (["curl"], ["wget"]) else None


def _attached_run(typed: str) -> tuple[str, str | None] | None:
    """(command, --name or None) when the line runs a container in the foreground without -i/-t."""
    found = _docker(typed)
    if found is None or found.name != "run" or any(found.flags.get(f) for f in ("detach", "interactive", "tty")):
        return None
    name = found.flags.get("name")
    return _command(typed), str(name) if name else None


def _expects_running(typed: str, name: str | None) -> bool:
    """Whether the line treats the interrupted container as still running (see ctrl_c_detach)."""
    found = _docker(typed)
    if found is None:
        return False
    if found.name in ("curl", "wget"):
        return True
    if found.name == "ps":
        return not found.flags.get("all")
    return found.name in ("exec", "attach", "start") and (name is None or name in found.args)


def ctrl_c_detach(transcript: Iterable[Sequence[object]]) -> list[tuple[str, str]]:
    """(CTRL_C, the run command) each time a learner seems to expect Ctrl+C to detach.

    The rule, per terminal: an "in" line runs a container in the foreground (`docker run` without
    -d, -i or -t, as the simulator reads it); the next entry on that terminal is output starting
    with "^C" (Ctrl+C pressed while it ran, before anything else was typed there); and one of the
    next FOLLOW_UP_COMMANDS commands on that terminal still treats the container as running:
    `docker ps` without -a (looking for it), `curl` or `wget` (using its port), or `docker exec`,
    `docker attach` or `docker start` on it (by its --name; any container when it had none).
    Counted once per Ctrl+C. `docker ps -a` is not a sign: it is how one sees the stopped container.
    """
    found: list[tuple[str, str]] = []
    running: dict[object, tuple[str, str | None]] = {}  # terminal -> the attached run just typed there
    watching: dict[object, tuple[str, str | None, int]] = {}  # terminal -> (run, name, commands left)
    for terminal, kind, text, _ids in _entries(transcript):
        if kind == "in":
            run = running.pop(terminal, None)
            watch = watching.pop(terminal, None)
            if watch is not None and _expects_running(text, watch[1]):
                found.append((CTRL_C, watch[0]))
            elif watch is not None and watch[2] > 1:
                watching[terminal] = (watch[0], watch[1], watch[2] - 1)
            attached = _attached_run(text) if run is None else None
            if attached is not None:
                running[terminal] = attached
        elif kind in ("out", "err") and terminal in running and text.startswith("^C"):
            run_line, name = running.pop(terminal)
            watching[terminal] = (run_line, name, FOLLOW_UP_COMMANDS)
    return found


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
