"""How the shell history stays bounded while keeping what the graders read.

The graders read each entry's commands (argv and exit code) to tell what succeeded and in which
order (`app/grading/checks/history.py`, `activity.py`). State-changing commands are what most
checks need; read-only ones (`ls`, `cat`, `echo`, `docker ps`, `docker logs`, ...) are needed only
to tell that the learner ran them at all. So, when the history is compacted:

1. the newest HISTORY_RECENT entries are kept as they are;
2. older entries that may have changed something are kept (any command not known to be read-only,
   a redirection `>`, a substitution `$(`, an entry a held terminal still waits on);
3. of older read-only entries, the newest occurrence of each distinct line is kept, at most
   HISTORY_READ_ONLY of them;
4. then the oldest entries go until at most MAX_HISTORY entries and MAX_HISTORY_BYTES characters
   (line + recorded argv) are left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.dockersim.cli.read import canonical, command_path
from app.dockersim.engine.terminal import HistoryEntry

MAX_HISTORY = 1000
MAX_HISTORY_BYTES = 256 * 1024
HISTORY_RECENT = 50
HISTORY_READ_ONLY = 50
COMPACT_EVERY = 16  # entries appended between two compactions (each is one pass over the history)

READ_ONLY_PROGRAMS = frozenset(
    {"ls", "cat", "pwd", "echo", "printf", "env", "hostname", "whoami", "clear", "history", "true", "false", "cd"}
)
READ_ONLY_DOCKER = frozenset(
    {
        "ps",
        "images",
        "inspect",
        "container inspect",
        "image inspect",
        "volume inspect",
        "volume ls",
        "logs",
        "version",
        "info",
        "history",
        "port",
        "diff",
    }
)


def entry_size(entry: HistoryEntry) -> int:
    """Characters an entry stores: its line and its commands' argv."""
    return len(entry.line) + sum(len(w) + 1 for c in entry.commands for w in c["argv"]) + 16 * len(entry.commands)


def _read_only_argv(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    if argv[0] != "docker":
        return argv[0] in READ_ONLY_PROGRAMS
    path, _rest = command_path(list(argv[1:]))
    return path is not None and canonical(path) in READ_ONLY_DOCKER


def read_only(entry: HistoryEntry) -> bool:
    """Whether an entry surely changed nothing (only read-only commands, no redirection or substitution)."""
    if ">" in entry.line or "$(" in entry.line or "`" in entry.line:
        return False
    if not entry.commands:  # a line typed in a container's shell: only its words are known
        return not any(op in entry.line for op in ";&|") and _read_only_argv(entry.line.split())
    return all(_read_only_argv(c["argv"]) for c in entry.commands)


def compact(entries: Sequence[HistoryEntry], pinned: Iterable[int] = ()) -> list[int]:
    """Positions of the entries to keep (in order); `pinned` positions (held terminals) are always kept."""
    keep_always = set(pinned) | set(range(max(0, len(entries) - HISTORY_RECENT), len(entries)))
    kept: list[int] = []
    seen: set[str] = set()
    for pos in range(len(entries) - 1, -1, -1):  # newest first: a repeated read-only line keeps its newest
        entry = entries[pos]
        if pos in keep_always or not read_only(entry):
            kept.append(pos)
        elif entry.line not in seen and len(seen) < HISTORY_READ_ONLY:
            seen.add(entry.line)
            kept.append(pos)
    kept.reverse()
    total, start = 0, len(kept)
    while start > 0 and len(kept) - start < MAX_HISTORY:
        size = entry_size(entries[kept[start - 1]])
        if total + size > MAX_HISTORY_BYTES:
            break
        total += size
        start -= 1
    return kept[start:]
