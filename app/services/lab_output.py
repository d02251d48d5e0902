"""A command's output as terminal scrollback entries: coloured by meaning, the simulator's notes kept as messages."""

from __future__ import annotations

from app.dockersim import CommandResult, Message
from app.services.lab_store import Workspace

CLEAR_SCREEN = "\x1b[2J"


def write_output(ws: Workspace, terminal: int, text: str, kind: str) -> None:
    """Output as scrollback entries; the screen-clearing escape becomes a "clear" entry."""
    if CLEAR_SCREEN in text:
        ws.write(terminal, "clear", " ")
        text = text.split(CLEAR_SCREEN)[-1]
    ws.write(terminal, kind, text.replace("\x1b[H", ""))


def write_result(ws: Workspace, terminal: int, result: CommandResult) -> None:
    """A command's output in the order a terminal shows it (`result.screen`: `docker run`'s pull progress
    before the container's output; else stdout, then stderr), coloured by meaning: stderr of a command
    that succeeded (BuildKit's progress, `docker run`'s pull lines) is not an error, so it is shown as
    ordinary output."""
    err = "err" if result.exit_code != 0 else "out"
    for stream, text in result.screen or (("stdout", result.stdout), ("stderr", result.stderr)):
        write_output(ws, terminal, text, "out" if stream == "stdout" else err)
    write_notes(ws, terminal, result.notes)


def write_notes(ws: Workspace, terminal: int, notes: tuple[Message, ...]) -> None:
    """The simulator's notes (hints, a busy terminal), set apart from Docker's text: stored as messages and
    translated when shown, so the reports read them by id and every viewer reads them in their language."""
    if notes:
        ws.note(terminal, notes)
