"""A lab attempt's terminal bookkeeping: scrollback per terminal and the up/down history, bounded.

Scrollback entries are `[seq, kind, text]`. What the app itself says there (a note, or the web
layer's own refusal of a command) is stored as messages instead (catalogue id + parameters,
`Message.to_json()`) and translated each time it is shown, for whoever looks (the learner after
switching language, an instructor reading the transcript in theirs). The third field is then
- a list of messages: the simulator's notes (hints, a busy terminal), each shown as a 💡 line apart
  from Docker's text;
- one message: a line of the web layer's own (an undo, output cut, an attempt too large to open,
  a command too long or not allowed in this lab);
- text: Docker's output and the typed line, and notes stored by older releases (with or without a
  fourth field of message ids), all shown as stored.
The limits count what is stored: messages by their JSON's UTF-8 bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.dockersim import N_, Message
from app.services import lab_limits as limits
from app.services.lab_format import dump_bytes
from app.services.messages import translate

TIP = "\n💡 %s\n"  # how one of the simulator's notes is set apart from Docker's text


def shown_text(value: Any) -> str:
    """An entry's stored third field as text: messages in the request's language, text as stored."""
    if isinstance(value, list):
        return "".join(TIP % _shown(m) for m in value)
    if isinstance(value, Mapping):
        return _shown(value) + "\n"
    return str(value)


def _shown(data: Any) -> str:
    """One stored message translated; a damaged one (or one whose parameters changed) as its id."""
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        return str(data)
    try:
        return translate(Message.from_json(data))
    except (KeyError, ValueError, TypeError, AttributeError):
        return str(data["id"])


def shown_entry(entry: Sequence[Any]) -> list[Any]:
    """An entry (`[seq or terminal, kind, text or messages, ...]`) as the viewer sees it: three fields, text."""
    return [entry[0], entry[1], shown_text(entry[2])]


def stored_size(value: Any) -> int:
    """Bytes an entry's third field takes where the limits count it: text as UTF-8, messages as JSON."""
    return limits.utf8_size(value) if isinstance(value, str) else len(dump_bytes(value))


@dataclass
class Scrollback:
    """Scrollback entries per terminal (see the module), the typed-line history, recent command ids."""

    screens: dict[str, Any]
    history: list[str]
    recent: list[list[Any]]

    def write(self, terminal: int, kind: str, text: str) -> None:
        """Append one piece of text ("in", "out", "err", "clear"; see `note` for notes) to a terminal's scrollback.

        A piece over MAX_OUTPUT_ENTRY_BYTES keeps its end after a note; the oldest entries go
        when the terminal holds more than MAX_SCROLLBACK_LINES or MAX_SCROLLBACK_BYTES.
        """
        if not text:
            return
        text, cut = limits.keep_tail(text, limits.MAX_OUTPUT_ENTRY_BYTES)
        if cut:
            size, limit = limits.human(cut), limits.human(limits.MAX_OUTPUT_ENTRY_BYTES)
            self.note(terminal, N_("[%(size)s of output cut; the last %(limit)s follow]", size=size, limit=limit))
        self._append(terminal, kind, text)

    def note(self, terminal: int, notes: Message | Sequence[Message], kind: str = "note") -> None:
        """Append a note, kept as messages: a sequence of the simulator's notes (each a 💡 line), or one
        line of the web layer's own (`kind="err"` for its refusal of a command). One whose stored form
        would be over MAX_OUTPUT_ENTRY_BYTES (huge parameters) is kept as its text in the current
        language instead, cut like output."""
        value: Any = notes.to_json() if isinstance(notes, Message) else [n.to_json() for n in notes]
        if not value:
            return
        if stored_size(value) > limits.MAX_OUTPUT_ENTRY_BYTES:
            self.write(terminal, kind, shown_text(value))
            return
        self._append(terminal, kind, value)

    def _append(self, terminal: int, kind: str, value: Any) -> None:
        screen = self.screens["terms"].setdefault(str(terminal), {"seq": 0, "lines": []})
        lines = screen["lines"]
        if "bytes" not in screen:  # a running total, so a write never re-measures the whole screen
            screen["bytes"] = sum(stored_size(e[2]) for e in lines)
        screen["seq"] += 1
        lines.append([screen["seq"], kind, value])
        screen["bytes"] += stored_size(value)
        drop = max(len(lines) - limits.MAX_SCROLLBACK_LINES, 0)
        total = screen["bytes"] - sum(stored_size(e[2]) for e in lines[:drop])
        while total > limits.MAX_SCROLLBACK_BYTES and drop < len(lines) - 1:
            total -= stored_size(lines[drop][2])
            drop += 1
        del lines[:drop]
        screen["bytes"] = total

    def since(self, known: dict[str, int], epoch: int | None) -> dict[str, list[list[Any]]]:
        """Scrollback entries newer than what the client has (all of them after a reset), as the viewer
        sees them: `[seq, kind, text]`, notes translated into the request's language."""
        full = epoch != self.screens["epoch"]
        out: dict[str, list[list[Any]]] = {}
        for tid, screen in sorted(self.screens["terms"].items()):
            last = -1 if full else int(known.get(tid, -1))
            fresh = [shown_entry(e) for e in screen["lines"] if e[0] > last]
            if fresh:
                out[tid] = fresh
        return out

    def remember_history(self, line: str) -> None:
        """Add a typed line to the up/down history (no blank lines, no immediate repeats), bounded."""
        if not line.strip() or (self.history and self.history[-1] == line):
            return
        self.history.append(line)
        del self.history[: -limits.MAX_HISTORY]
        total = sum(limits.utf8_size(h) for h in self.history)
        while total > limits.MAX_HISTORY_BYTES and len(self.history) > 1:
            total -= limits.utf8_size(self.history.pop(0))

    @property
    def epoch(self) -> int:
        """Bumped by reset so clients redraw their terminals."""
        return int(self.screens["epoch"])
