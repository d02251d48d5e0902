"""Reading docker command lines the way the client does: its aliases, whose flags stop at the first
argument, and what one command is (`Invocation`). The simulator's dispatcher, the grader and the lab
rules all use this one table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.cli.flags import parse
from app.dockersim.cli.table import COMMANDS
from app.dockersim.core.errors import DockerError

#: Commands whose flags stop at the first argument (the rest belongs to the container's program).
NOT_INTERSPERSED = frozenset({"run", "create", "exec"})


def _aliases() -> dict[str, str]:
    """Every form the client's help lists under "Aliases:" -> the shortest modelled form."""
    table: dict[str, str] = {}
    for path, spec in COMMANDS.items():
        m = re.search(r"Aliases:\n  (.*)\n", spec["help"])
        forms = [a.strip().removeprefix("docker ").strip() for a in m.group(1).split(",")] if m else [path]
        modelled = [f for f in forms if f in COMMANDS] or [path]
        short = min(modelled, key=lambda f: (len(f.split()), modelled.index(f)))
        for form in {path, *forms}:
            table[form] = short
    return table


#: alias form ("container ls", "builder build") -> canonical path ("ps", "build"), the client's own table
ALIASES: dict[str, str] = _aliases()


def canonical(path: str) -> str:
    """The short form of a command path (`container ls` -> `ps`); unknown paths stay as they are."""
    return ALIASES.get(path, path)


def interspersed(path: str) -> bool:
    """Whether flags may follow positional arguments (not for run, create, exec)."""
    return canonical(path) not in NOT_INTERSPERSED


def command_path(words: list[str]) -> tuple[str | None, list[str]]:
    """(`container logs`, rest) for ['container', 'logs', ...]; (None, words) when not a modelled command."""
    if len(words) >= 2 and f"{words[0]} {words[1]}" in COMMANDS:
        return f"{words[0]} {words[1]}", words[2:]
    if words and words[0] in COMMANDS:
        return words[0], words[1:]
    return None, words


@dataclass(frozen=True)
class Invocation:
    """One command as read (not run): canonical name (`logs`, `ps`, `volume ls`, or a shell program such as
    `curl`), flags by long name, positional arguments."""

    name: str
    flags: dict[str, Any] = field(default_factory=dict, hash=False)
    args: tuple[str, ...] = ()


def read_docker(words: list[str]) -> Invocation | None:
    """The docker command in the words after `docker`, or None when it is unknown or its flags are wrong."""
    path, rest = command_path(words)
    if path is None:
        return None
    try:
        parsed = parse(path, rest, interspersed=interspersed(path))
    except DockerError:
        return None
    return Invocation(canonical(path), dict(parsed.values), tuple(parsed.args))
