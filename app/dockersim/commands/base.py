"""What every command module shares: the Caller, the command registry (@register) and error framing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.cli.read import canonical
from app.dockersim.core.errors import DockerError
from app.dockersim.core.hints import hint_text
from app.dockersim.core.message import is_note

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]


@dataclass(frozen=True)
class Caller:
    """Who runs a docker command: the terminal, its cwd and the command path as typed."""

    terminal: int
    cwd: str
    path: str


CommandFn = Callable[["Host", Parsed, Caller], Out]


@dataclass(frozen=True)
class Spec:
    """A modelled command: its function and the flags it models (the rest is refused as not modelled)."""

    fn: CommandFn
    flags: frozenset[str]


REGISTRY: dict[str, Spec] = {}


def register(paths: str, flags: str = "") -> Callable[[CommandFn], CommandFn]:
    """Decorator: register a command under its canonical path and aliases ('ps|container ls|...'); the
    client's alias table (app.dockersim.cli.read) must agree that they are one command."""

    def deco(fn: CommandFn) -> CommandFn:
        names = paths.split("|")
        if {canonical(name) for name in names} != {names[0]}:
            raise ValueError(f"{paths}: not one command in the client's alias table")
        spec = Spec(fn, frozenset(flags.split()) | {"help"})
        for name in names:
            REGISTRY[name] = spec
        return fn

    return deco


def frame_error(host: Host, e: DockerError) -> Out:
    """Docker's stderr text plus, when hints are on, the hint as a note (DockerHost moves it to `notes`)."""
    text = e.text if e.text.endswith("\n") else e.text + "\n"
    if host.hints and not is_note(text):  # the simulator's own sentence needs no hint under it
        text += hint_text(e.hint or "generic")
    return e.stdout, text, e.exit_code
