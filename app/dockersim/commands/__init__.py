"""Porcelain: one module per docker command group, plus the host shell's own tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.commands.build_cmd import context_hash
from app.dockersim.commands.dispatch import docker_main
from app.dockersim.commands.hosttools import curl, history
from app.dockersim.core.message import N_, note_marker
from app.dockersim.engine.fixtures import HOME
from app.dockersim.shell.interp import ShellEnv, dispatch, run_line

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host
    from app.dockersim.engine.terminal import Terminal


def host_shell(host: Host, t: Terminal) -> ShellEnv:
    """The learner's bash on the host, with docker, curl, history and sleep wired in."""
    sh = ShellEnv(
        fs=host.fs, cwd=t.cwd, home=HOME, env={"USER": "learner", "__now__": str(host.clock.now)}, status=t.status
    )
    sh.hooks["docker"] = lambda argv, s: docker_main(host, argv[1:], t.id, s.cwd)
    sh.hooks["curl"] = lambda argv, s: curl(host, argv[1:])
    sh.hooks["history"] = lambda argv, s: history(host, t.id)
    sh.hooks["sleep"] = host.sleep_hook
    sh.hooks["exit"] = lambda argv, s: (
        "",
        note_marker(N_("This is the simulator's only host shell; it stays open.")),
        1,
    )
    sh.hooks["sudo"] = _sudo
    sh.hooks["$("] = _substitution
    sh.hooks["__held__"] = lambda argv, s: ("", "", int(bool(t.kind)))
    return sh


def _sudo(argv: list[str], sh: ShellEnv) -> tuple[str, str, int]:
    """`sudo CMD ...` runs CMD as it is (the simulated learner may use docker without sudo)."""
    if len(argv) < 2:
        return "", "usage: sudo -h | -K | -k | -V\nusage: sudo [-u user] command [arg ...]\n", 1
    if argv[1].startswith("-"):
        note = N_("sudo options such as '%(option)s' are not modelled by this simulator.", option=argv[1])
        return "", note_marker(note), 1
    return dispatch(argv[1:], sh)


def _substitution(argv: list[str], sh: ShellEnv) -> tuple[str, str, int]:
    """$(...) on the host: run the inner line in a copy of the shell (its cwd changes stay inside)."""
    inner = ShellEnv(
        fs=sh.fs,
        cwd=sh.cwd,
        home=sh.home,
        env={**sh.env, "__depth__": str(int(sh.env.get("__depth__", "0")) + 1)},
        flavour=sh.flavour,
        user=sh.user,
        hooks=sh.hooks,
        status=sh.status,
    )
    return run_line(argv[0], inner)


__all__ = ["context_hash", "docker_main", "host_shell"]
