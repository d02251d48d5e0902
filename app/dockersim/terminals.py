"""Terminal behaviour: prompts, input to a held terminal, Ctrl+C, Ctrl+P Ctrl+Q, [y/N] questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.commands import docker_main
from app.dockersim.commands.base import frame_error
from app.dockersim.commands.hub import finish_login
from app.dockersim.core.errors import CommandResult, DockerError
from app.dockersim.core.message import N_
from app.dockersim.engine import runtime
from app.dockersim.engine.fixtures import HOME
from app.dockersim.shell.interp import run_line

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host
    from app.dockersim.engine.terminal import Terminal

REPL_EXITS = (".exit", "exit()", "quit()", "exit")


def prompt(host: Host, t: Terminal) -> str:
    """Host prompt, container shell prompt, REPL prompt, or '' while output streams."""
    c = host.container(t.container) if t.container else None
    if t.kind in ("shell", "exec"):
        cwd = (c.proc.get("cwd") if c and t.kind == "shell" else "") or t.exec_cwd or "/"
        if c and runtime.is_busybox(host, c):
            return f"{cwd} # "
        return f"root@{t.container[:12]}:{cwd}# "
    if t.kind == "repl":
        return str(c.proc.get("prompt", "> ")) if c else "> "
    if t.kind:
        return ""
    cwd = "~" + t.cwd[len(HOME) :] if t.cwd == HOME or t.cwd.startswith(HOME + "/") else t.cwd
    return f"learner@docker-dojo:{cwd}$ "


def _answer(host: Host, t: Terminal, line: str) -> CommandResult:
    secret = t.question.startswith("\x01")  # a Password: prompt (docker login)
    argv = t.question.removeprefix("\x01").split("\0")
    t.kind, t.question = "", ""
    if secret:  # `docker login -u USER` asked for the password: never echoed, never kept in the history
        try:
            out, err, code = finish_login(host, argv[1], line.strip())
        except DockerError as e:
            out, err, code = frame_error(host, e)
        return CommandResult("\n" + out, err, code)
    host.record(t.id, line, 0)
    if line.strip().lower() not in ("y", "yes"):
        return CommandResult("", "", 0)
    out, err, code = docker_main(host, argv, t.id, t.cwd)
    return CommandResult(out, err, code, bool(t.kind))


def busy_input(host: Host, t: Terminal, line: str) -> CommandResult | None:
    """A line typed on a held terminal: answer, container shell input, REPL, or a 'busy' error; None when
    the terminal was freed and the line should run on the host."""
    if t.kind == "prompt":
        return _answer(host, t, line)
    c = host.container(t.container) if t.container else None
    if c is None:
        host.release_terminal(t.id)
        return None  # the container is gone: the line runs as a fresh command
    if t.kind in ("shell", "exec") and t.stdin:
        main = t.kind == "shell"
        sh = runtime.container_shell(host, c, c.proc.get("cwd", "") if main else t.exec_cwd)
        sh.status = int(c.proc.get("status", 0)) if main else t.exec_status  # `$?` of the previous line
        out, err, code = run_line(line, sh)
        if main:
            c.proc["cwd"] = sh.cwd
            c.proc["status"] = code
        else:
            t.exec_status = code
        t.exec_cwd = sh.cwd
        host.record(t.id, line, code)
        if sh.env.get("__exit__"):
            if t.kind == "shell":
                host.on_exited(c, code)
            else:
                host.release_terminal(t.id, code)
            out += "exit\n" if t.tty and not runtime.is_busybox(host, c) else ""
        return CommandResult(out + host.take_output(t.id), err, code, bool(t.kind))
    if t.kind == "repl":
        if line.strip() in REPL_EXITS:
            host.on_exited(c, 0)
            return CommandResult("", "", 0, False)
        return CommandResult("", "", 1, True, (N_("Only leaving the REPL (.exit / exit()) is modelled."),))
    # the simulator's own note, not Docker's text: a message the web translates; terminals count from 1 as the tabs do
    if t.kind == "logs":
        note = N_(
            "Terminal %(terminal)s is following `docker logs -f` (%(name)s): press Ctrl+C to stop it or use another terminal.",
            terminal=t.id + 1,
            name=c.name,
        )
    else:
        note = N_(
            "Terminal %(terminal)s is attached to the container %(name)s: press Ctrl+C to stop it or use another terminal.",
            terminal=t.id + 1,
            name=c.name,
        )
    return CommandResult("", "", 1, True, (note,))


def interrupt(host: Host, t: Terminal) -> CommandResult:
    """Ctrl+C: cancel a question, stop following logs, or forward SIGINT to the container."""
    c = host.container(t.container) if t.container else None
    if t.kind == "prompt" or not t.kind:
        t.kind, t.question, t.status = "", "", 130
        return CommandResult("^C\n", "", 130)
    if c is None:
        host.release_terminal(t.id, 130)
        return CommandResult("^C\n", "", 130)
    if t.kind == "logs" or not t.sig_proxy:
        pending = host.take_output(t.id)
        host.release_terminal(t.id, 130)
        return CommandResult(pending + "^C\n", "", 130)
    if t.kind in ("shell", "exec", "repl") and t.tty:
        return CommandResult("^C\n", "", 130, True)  # the tty turns ^C into input for the shell
    runtime.deliver_signal(host, c, "SIGINT", "ctrl_c", t.id)  # the CLI's sig-proxy: ContainerKill(SIGINT)
    pending = host.take_output(t.id)
    if t.kind:
        return CommandResult("^C" + pending + ("\n" if not pending else ""), "", 130, True)
    return CommandResult("^C" + pending, "", t.last_exit if t.last_exit is not None else 0)


def detach_keys(host: Host, t: Terminal) -> CommandResult:
    """Ctrl+P Ctrl+Q: detach from an -it container, leaving it running."""
    if t.kind in ("attach", "shell", "repl") and t.tty and t.stdin:
        host.release_terminal(t.id, 0)
        return CommandResult("read escape sequence\n", "", 0)
    if t.kind:
        return CommandResult("", "", 1, True, (N_("Ctrl+P Ctrl+Q only detaches containers started with -it."),))
    return CommandResult("", "", 0)
