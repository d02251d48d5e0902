"""What every process model shares: the Model base, its context (Ctx), HTTP answers and signals."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Protocol

from app.dockersim.core.fs import FS

SIGNALS = {"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGKILL": 9, "SIGUSR1": 10, "SIGTERM": 15, "SIGWINCH": 28}
ONE_SHOT = {
    "echo",
    "ls",
    "cat",
    "true",
    "false",
    "pwd",
    "env",
    "hostname",
    "mkdir",
    "touch",
    "rm",
    "cp",
    "mv",
    "whoami",
}
SHELLS = {"sh", "bash", "ash"}
NODE_VERSION = "v24.1.0"


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP answer from a process model."""

    status: int
    headers: dict[str, str]
    body: str


class ExecError(Exception):
    """The container's command cannot be started (OCI runtime error)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class Ctx(Protocol):
    """What a process model may use: the container's files, time, log output and a shell."""

    @property
    def fs(self) -> FS: ...
    @property
    def now(self) -> float: ...
    @property
    def proc(self) -> dict[str, Any]: ...
    @property
    def workdir(self) -> str: ...
    def emit(self, stream: str, text: str) -> None: ...
    def shell(self, argv: list[str]) -> tuple[str, str, int]: ...


def lines_of(text: str) -> list[str]:
    """The lines a program prints for a text block."""
    return text.splitlines()


def duration(text: str) -> float:
    """`sleep`'s argument in seconds (`10`, `1.5m`, `infinity`); 0 when unreadable."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smhd]?)", text)
    if text in ("inf", "infinity"):
        return float(10**9)
    if not m:
        return 0.0
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


class Model:
    """Base process model: exits at once, ignores signals as PID 1 does, serves nothing."""

    interactive = False

    def start(self, ctx: Ctx) -> int | None:
        """Run start-up; an int means the process already exited with that code."""
        return int(ctx.proc.get("code", 0))

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """Deliver a signal; an int means the process exited with that code."""
        return 137 if sig == "SIGKILL" else None

    def ports(self, ctx: Ctx) -> set[int]:
        """Container ports the process listens on."""
        return set()

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """Answer one HTTP request."""
        return HttpResponse(404, {}, "")


def mime_type(path: str) -> str:
    """The Content-Type a web server sends for a file name."""
    ext = posixpath.splitext(path)[1]
    return {
        ".html": "text/html",
        ".css": "text/css",
        ".js": "application/javascript",
        ".txt": "text/plain",
        ".json": "application/json",
    }.get(ext, "application/octet-stream")
