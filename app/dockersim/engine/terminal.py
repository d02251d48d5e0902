"""A terminal session and a history entry: the records the host keeps per terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.dockersim.engine.fixtures import HOME


@dataclass
class Terminal:
    """One terminal session: cwd and what (if anything) holds it."""

    id: int
    cwd: str = HOME
    kind: str = ""  # "" | attach | logs | shell | exec | repl
    container: str = ""
    tty: bool = False
    stdin: bool = False
    sig_proxy: bool = True
    exec_cwd: str = ""
    history_index: int = -1
    pending: list[list[str]] = field(default_factory=list)
    last_exit: int | None = None
    question: str = ""  # docker argv (joined by NUL) to run if a [y/N] prompt is answered y
    status: int = 0  # $? of the host shell
    exec_status: int = 0  # $? of the `exec -it` shell this terminal is in


@dataclass(frozen=True)
class HistoryEntry:
    """One executed command line; commands: one {"argv", "exit_code"} per simple command that ran (in `a; b`
    exit_code is b's, commands has both; the argv is after expansion)."""

    terminal: int
    line: str
    exit_code: int
    time: float
    commands: tuple[dict[str, Any], ...] = ()
