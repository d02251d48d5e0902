"""Size limits on what one command prints and on the host's stored data, and how sizes are counted.

Every limit is a named constant documented in docs/simulator.md ("Limits"). Sizes are counted as
characters of text (what the snapshot stores), cheaply, without serialising anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.message import N_, note_marker

#: Bytes (UTF-8) of stdout, and separately of stderr, one command returns; the rest is cut with a note.
MAX_OUTPUT_BYTES = 64 * 1024
#: Characters of logs kept per container (besides MAX_LOG_LINES); the oldest lines go first.
MAX_LOG_BYTES = 128 * 1024
#: Characters of output waiting on one held terminal (besides MAX_PENDING lines); the oldest go first.
MAX_PENDING_BYTES = 64 * 1024

#: The one note that says output was cut (a catalogue message: the web shows it in the learner's language).
OUTPUT_CUT_NOTE = N_("Output over %(limit)s KiB: the remaining %(cut)s bytes were cut.")


def cut_output(text: str, limit: int = MAX_OUTPUT_BYTES) -> str:
    """The text, or its first `limit` bytes (whole characters) followed by OUTPUT_CUT_NOTE."""
    if len(text) <= limit // 4:  # at most 4 bytes a character: surely short enough, no encoding needed
        return text
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) <= limit:
        return text
    head = raw[:limit].decode("utf-8", "ignore")
    note = N_(OUTPUT_CUT_NOTE.id, limit=limit // 1024, cut=len(raw) - len(head.encode()))
    return head + note_marker(note)


def text_size(value: Any) -> int:
    """Characters of the strings in a JSON-like value (keys included); numbers and None count 8."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(str(k)) + text_size(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return sum(text_size(v) for v in value)
    return 8


def strings_size(items: Iterable[str]) -> int:
    """Characters of some strings."""
    return sum(len(s) for s in items)


def no_room(limit: int) -> DockerError:
    """The error for data that would take the host past its limit (nothing was changed)."""
    note = N_(
        "No space left on the simulated host: its data (files, volumes, containers' command lines, environments "
        "and logs, images, tags) is limited to %(limit)s KiB; remove some first.",
        limit=limit // 1024,
    )
    return sim_error(note, 1, "limit")
