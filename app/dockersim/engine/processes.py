"""Process models: what programs inside containers print, serve, and do on signals."""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.core.fs import FS, norm
from app.dockersim.core.message import N_, note_marker
from app.dockersim.engine.nodeapp import NodeApp
from app.dockersim.engine.process_base import (
    NODE_VERSION,
    ONE_SHOT,
    SHELLS,
    SIGNALS,
    Ctx,
    ExecError,
    HttpResponse,
    Model,
    duration,
    lines_of,
)
from app.dockersim.engine.registry import HELLO
from app.dockersim.engine.servers import Httpd, Nginx, Redis
from app.dockersim.shell.interp import resolve_exe


@dataclass
class Selection:
    """Which model runs a container command, with its initial state."""

    model: str
    state: dict[str, Any] = field(default_factory=dict)


ONESHOT_WORDS = frozenset({"echo", "ls", "cat", "pwd", "env", "true", "false", "exit", "cd", "export", "sleep"})


def _simple_command(script: str) -> list[str]:
    """The words of a script that is one simple command without expansions or operators, else []."""
    if not script.strip() or any(ch in script for ch in ";&|<>$`(){}*?[]#~\n\\"):
        return []
    try:
        return shlex.split(script)
    except ValueError:
        return []


def select(argv: list[str], fs: FS, workdir: str, stdin_open: bool) -> Selection:
    """Pick the process model for an argv, as the runtime would exec it."""
    if not argv:
        raise ExecError("no command specified", 125)
    argv = list(argv)
    while argv and posixpath.basename(argv[0]) in ("docker-entrypoint.sh",):
        argv = argv[1:]
        # the official entrypoints prepend their program for flags (redis) or non-commands (node)
        if argv and argv[0].startswith("-") and resolve_exe(fs, "redis-server"):
            argv = ["redis-server"] + argv
        elif argv and (argv[0].startswith("-") or resolve_exe(fs, argv[0]) is None) and resolve_exe(fs, "node"):
            argv = ["node"] + argv
    if argv and argv[0] == "/docker-entrypoint.sh":
        argv = argv[1:]
    if not argv:
        return Selection("exit", {"code": 0})
    exe = resolve_exe(fs, argv[0])
    if exe is None:
        if "/" in argv[0]:
            raise ExecError(f'exec: "{argv[0]}": stat {argv[0]}: no such file or directory', 127)
        raise ExecError(f'exec: "{argv[0]}": executable file not found in $PATH', 127)
    prog = posixpath.basename(exe)
    args = argv[1:]
    if prog == "hello":
        return Selection("hello")
    if prog == "nginx":
        return Selection("nginx")
    if prog == "httpd-foreground":
        return Selection("httpd")
    if prog == "redis-server":
        return Selection("redis")
    if prog == "node":
        if args[:1] in (["-v"], ["--version"]):
            return Selection("oneshot", {"argv": ["sh", "-c", "echo v$NODE_VERSION"]})
        if args[:1] in (["-e"], ["--eval"]):
            return Selection("nodeeval", {"code": args[1] if len(args) > 1 else ""})
        if not args:
            return Selection("repl" if stdin_open else "exit", {"prompt": "> ", "code": 0, "lang": "node"})
        return Selection("node", {"script": norm(args[0], workdir or "/")})
    if prog in ("python", "python3"):
        if args:  # scripts and -c are not interpreted: say so rather than exit silently
            return Selection("unmodelled", {"prog": prog})
        return Selection("repl" if stdin_open else "exit", {"prompt": ">>> ", "code": 0, "lang": "python"})
    if prog in SHELLS:
        if args[:1] == ["-c"] and len(args) > 1:
            simple = _simple_command(args[1])
            if simple and posixpath.basename(simple[0]) not in SHELLS and simple[0] not in ONESHOT_WORDS:
                # shell-form CMD/ENTRYPOINT (`/bin/sh -c "node server.js"`): sh execs a single simple command,
                # so the program itself runs as PID 1 (dash and bash both do)
                return select(simple, fs, workdir, stdin_open)
            return Selection("oneshot", {"argv": [prog, "-c", args[1]]})
        return Selection("shell" if stdin_open else "exit", {"shell": prog, "code": 0})
    if prog == "sleep":
        return Selection("sleep", {"seconds": duration(args[0] if args else "0")})
    if prog in ONE_SHOT:
        return Selection("oneshot", {"argv": [prog] + args})
    return Selection("unmodelled", {"prog": prog})


class Hello(Model):
    """hello-world: prints its message and exits 0."""

    def start(self, ctx: Ctx) -> int | None:
        """Print the greeting."""
        for line in lines_of(HELLO):
            ctx.emit("stdout", line)
        return 0


class OneShot(Model):
    """echo/ls/cat/true/false or `sh -c '...'`: output to logs, then exit."""

    def start(self, ctx: Ctx) -> int | None:
        """Run through the container shell."""
        out, err, code = ctx.shell(ctx.proc["argv"])
        for line in lines_of(out):
            ctx.emit("stdout", line)
        for line in lines_of(err):
            ctx.emit("stderr", line)
        return code


UNMODELLED_EXIT = 126  # as the container shell answers for the same programs


class Unmodelled(Model):
    """A program that exists in the image but is not modelled: says so plainly and exits non-zero."""

    def start(self, ctx: Ctx) -> int | None:
        """Explain, then exit."""
        note = N_(
            "'%(program)s' exists in this image, but the simulator does not model this program; it exits at once with code %(code)s.",
            program=ctx.proc["prog"],
            code=UNMODELLED_EXIT,
        )
        ctx.emit("stderr", note_marker(note).strip("\n"))
        return UNMODELLED_EXIT


class NodeEval(Model):
    """`node -e CODE`: prints the string literals passed to console.log, then exits 0."""

    def start(self, ctx: Ctx) -> int | None:
        """Print console.log literals."""
        for text in re.findall(r"console\.log\((['\"])(.*?)\1\)", ctx.proc.get("code", "")):
            ctx.emit("stdout", text[1])
        return 0


class Sleep(Model):
    """sleep N: runs until the simulated clock passes its deadline."""

    def start(self, ctx: Ctx) -> int | None:
        """Set the deadline."""
        ctx.proc["deadline"] = ctx.now + float(ctx.proc.get("seconds", 0))
        return None


class Shell(Model):
    """An interactive sh/bash as the main process (docker run -it alpine)."""

    interactive = True

    def start(self, ctx: Ctx) -> int | None:
        """Wait for input."""
        return None


class Repl(Model):
    """node/python read-eval-print loop: only exit is modelled."""

    interactive = True

    def start(self, ctx: Ctx) -> int | None:
        """Print the banner."""
        if ctx.proc.get("lang") == "node":
            ctx.emit("stdout", f"Welcome to Node.js {NODE_VERSION}.")
            ctx.emit("stdout", 'Type ".help" for more information.')
        else:
            ctx.emit("stdout", "Python 3.13.3 (main) [GCC 12.2.0] on linux")
            ctx.emit("stdout", 'Type "help", "copyright", "credits" or "license" for more information.')
        return None


MODELS: dict[str, Model] = {
    "exit": Model(),
    "hello": Hello(),
    "oneshot": OneShot(),
    "nodeeval": NodeEval(),
    "unmodelled": Unmodelled(),
    "sleep": Sleep(),
    "shell": Shell(),
    "repl": Repl(),
    "nginx": Nginx(),
    "httpd": Httpd(),
    "redis": Redis(),
    "node": NodeApp(),
}


def model(name: str) -> Model:
    """Look up a process model by name."""
    try:
        return MODELS[name]
    except KeyError:
        raise KeyError(f"unknown process model {name!r}; known: {sorted(MODELS)}") from None


__all__ = ["SIGNALS", "ExecError", "HttpResponse", "Model", "Selection", "model", "select"]
