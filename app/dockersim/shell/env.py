"""The shell's environment: where it runs (fs, cwd, variables, hooks) and executable lookup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.core.fs import FS

PATH_DIRS = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
Out = tuple[str, str, int]
Hook = Callable[[list[str], "ShellEnv"], Out]


class ShellSyntaxError(Exception):
    """A line the shell cannot parse."""


#: Characters of text one command line may produce or expand to, counted at every stage (each $VAR,
#: $(...) and glob expansion, each command's output, each file `cat` reads, each `printf` round).
#: Checked before the text is built, so `cat big big big ...` stops at the limit instead of building
#: 100 MB first (the host holds at most MAX_BYTES of data, so 4 Mi leaves room for a few copies).
MAX_COMMAND_TEXT = 4 * 1024 * 1024


class LimitExceeded(Exception):
    """A command line would produce or expand to more than MAX_COMMAND_TEXT characters."""


@dataclass
class Budget:
    """The text one command line has produced so far (shared by everything that line runs)."""

    used: int = 0
    limit: int = MAX_COMMAND_TEXT

    def check(self, n: int) -> None:
        """Refuse to build n more characters past the limit (nothing is counted)."""
        if self.used + n > self.limit:
            raise LimitExceeded(self.limit)

    def charge(self, n: int) -> None:
        """Count n characters just produced (refused past the limit)."""
        self.check(n)
        self.used += n


@dataclass
class ShellEnv:
    """Where a shell runs: its file system, cwd, variables and the host's hooks."""

    fs: FS
    cwd: str
    home: str
    env: dict[str, str] = field(default_factory=dict)
    flavour: str = "bash"  # bash (GNU tools) | busybox
    user: str = "learner"
    hooks: dict[str, Hook] = field(default_factory=dict)
    check_path: bool = False  # inside containers, external commands must exist in PATH
    status: int = 0
    trace: list[dict[str, Any]] | None = None  # when a list: one {"argv", "exit_code"} per simple command that ran
    last_argv: list[str] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    #: When a list: the line's output as a terminal shows it, (stream, text) pieces in order.
    screen: list[tuple[str, str]] | None = None
    lead: int = 0  # characters of the last simple command's stderr that came before its stdout


def resolve_exe(fs: FS, name: str) -> str | None:
    """Path of an executable in PATH (or the given path), if it exists."""
    if "/" in name:
        return name if fs.kind(name) == "file" else None
    for d in PATH_DIRS:
        if fs.kind(f"{d}/{name}") == "file":
            return f"{d}/{name}"
    return None
