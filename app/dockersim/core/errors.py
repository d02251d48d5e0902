"""Result and error types shared by every command module."""

from __future__ import annotations

from dataclasses import dataclass

from app.dockersim.core.message import Message, note_marker

#: Ends the part of a command's stderr that a terminal shows before its stdout (`docker run`'s pull progress
#: comes before the container's output); the shell takes it out, so nobody sees it.
LEAD_MARK = "\x1e"


@dataclass(frozen=True)
class CommandResult:
    """What one command line printed and how it ended (busy: the terminal is still held)."""

    stdout: str
    stderr: str
    exit_code: int
    busy: bool = False
    #: The simulator's own notes for the learner (hints, busy terminal), translated by the web layer.
    notes: tuple[Message, ...] = ()
    #: stdout and stderr interleaved as a terminal shows them: ("stdout" | "stderr", text) pieces in order
    #: (empty when unknown, e.g. output that was cut: then stdout, then stderr).
    screen: tuple[tuple[str, str], ...] = ()


class DockerError(Exception):
    """An error carrying Docker's exact stderr text, exit code and an optional hint: a key of the hint
    catalogue (core/hints.py), or a catalogue hint with its parameters filled in (hints.hint_with)."""

    def __init__(self, text: str, exit_code: int = 1, hint: str | Message = "", stdout: str = "") -> None:
        super().__init__(text)
        self.text = text
        self.exit_code = exit_code
        self.hint = hint
        self.stdout = stdout
        self.preamble = ""  # stderr text printed before the framed error (e.g. "Unable to find image ...")


def sim_error(message: Message, exit_code: int = 1, hint: str | Message = "") -> DockerError:
    """An error that is the simulator's own sentence (not Docker's text): a note the web layer translates."""
    return DockerError(note_marker(message), exit_code, hint)


def daemon_error(message: str, hint: str | Message = "") -> DockerError:
    """An 'Error response from daemon' error as non-run commands print it (exit 1)."""
    return DockerError(f"Error response from daemon: {message}\n", 1, hint)


def run_error(message: str, hint: str | Message = "", exit_code: int = 125, stdout: str = "") -> DockerError:
    """An error inside `docker run`/`create`, framed with the run help suffix."""
    return DockerError(f"docker: {message}\n\nRun 'docker run --help' for more information\n", exit_code, hint, stdout)


class ConnectionRefused(Exception):
    """Nothing listens on that host port."""


class ConnectionReset(Exception):
    """A container publishes the port but nothing listens inside."""
