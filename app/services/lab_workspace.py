"""A lab attempt loaded for one request: the live host and the terminal bookkeeping.

Its own module so that `lab_store` (which loads and saves it) and `lab_undo` (which records
its undo steps) can both name it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.dockersim import DockerHost
from app.models import LabAttempt
from app.services import lab_format
from app.services.lab_scrollback import Scrollback

MAX_TERMINALS = 4


@dataclass
class Workspace(Scrollback):
    """One attempt, loaded: the host and the terminal bookkeeping, saved together."""

    attempt: LabAttempt = field(default=None, repr=False)  # type: ignore[assignment]
    host: DockerHost = field(default=None, repr=False)  # type: ignore[assignment]
    skip_save: bool = False
    verdict: Any = None  # the goal's verdict for the current host, once computed
    undo_label: str | None = None  # set by a change that may be undone (if the state changed)
    loaded: lab_format.HostBlob | None = field(default=None, repr=False)  # the host as stored
    clear_undo_steps: bool = False
    created: bool = False  # made by this request: what a preview (version 0) showed

    def mark_undo_point(self, label: str) -> None:
        """The host as loaded becomes an undo step when saved, if the change altered the state."""
        self.undo_label = label

    def collect_streams(self) -> None:
        """Move output that containers wrote to attached terminals into the scrollback."""
        for tid in range(MAX_TERMINALS):
            if tid in self.host.terminals:
                text, notes = self.host.drain_with_notes(tid)
                self.write(tid, "out", text)
                self.note(tid, notes)  # e.g. the note that a container's output was cut
