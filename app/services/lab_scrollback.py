"""A lab attempt's terminal bookkeeping: scrollback per terminal and the up/down history, bounded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from app.services import lab_limits as limits


@dataclass
class Scrollback:
    """Scrollback entries `[seq, kind, text]` per terminal, the typed-line history, recent command ids.

    A note of the simulator also keeps its message ids, `[seq, "note", text, [id, ...]]`, so reports
    read what was shown by id whatever the learner's language; the client gets the first three fields.
    """

    screens: dict[str, Any]
    history: list[str]
    recent: list[list[Any]]

    def write(self, terminal: int, kind: str, text: str, ids: list[str] | None = None) -> None:
        """Append one piece of output ("in", "out", "err", "note", "clear") to a terminal's scrollback.

        A piece over MAX_OUTPUT_ENTRY_BYTES keeps its end after a note; the oldest entries go
        when the terminal holds more than MAX_SCROLLBACK_LINES or MAX_SCROLLBACK_BYTES.
        """
        if not text:
            return
        text, cut = limits.keep_tail(text, limits.MAX_OUTPUT_ENTRY_BYTES)
        if cut:
            note = _(
                "[%(size)s of output cut; the last %(limit)s follow]",
                size=limits.human(cut),
                limit=limits.human(limits.MAX_OUTPUT_ENTRY_BYTES),
            )
            self._append(terminal, "note", note + "\n")
        self._append(terminal, kind, text, ids)

    def _append(self, terminal: int, kind: str, text: str, ids: list[str] | None = None) -> None:
        screen = self.screens["terms"].setdefault(str(terminal), {"seq": 0, "lines": []})
        lines = screen["lines"]
        if "bytes" not in screen:  # a running total, so a write never re-measures the whole screen
            screen["bytes"] = sum(limits.utf8_size(e[2]) for e in lines)
        screen["seq"] += 1
        lines.append([screen["seq"], kind, text, ids] if ids else [screen["seq"], kind, text])
        screen["bytes"] += limits.utf8_size(text)
        drop = max(len(lines) - limits.MAX_SCROLLBACK_LINES, 0)
        total = screen["bytes"] - sum(limits.utf8_size(e[2]) for e in lines[:drop])
        while total > limits.MAX_SCROLLBACK_BYTES and drop < len(lines) - 1:
            total -= limits.utf8_size(lines[drop][2])
            drop += 1
        del lines[:drop]
        screen["bytes"] = total

    def since(self, known: dict[str, int], epoch: int | None) -> dict[str, list[list[Any]]]:
        """Scrollback entries newer than what the client has (all of them after a reset)."""
        full = epoch != self.screens["epoch"]
        out: dict[str, list[list[Any]]] = {}
        for tid, screen in sorted(self.screens["terms"].items()):
            last = -1 if full else int(known.get(tid, -1))
            fresh = [e[:3] for e in screen["lines"] if e[0] > last]
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
