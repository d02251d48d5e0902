"""`docker ...`: global options, command lookup (with aliases), flag parsing, error framing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import help_text, parse
from app.dockersim.cli.read import canonical, interspersed
from app.dockersim.cli.table import COMMANDS, GROUP_HELP, TOP_HELP

# every command module registers its commands (@register) when imported
from app.dockersim.commands import (  # noqa: F401
    build_cmd,
    container,
    hub,
    image,
    listing,
    run,
    search,
    system,
    system_df,
    system_prune,
    volume,
)
from app.dockersim.commands.base import REGISTRY, Caller, Out, frame_error
from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.message import N_

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

VERSION_LINE = "Docker version 28.2.2, build e6534b4\n"


def _sections(text: str) -> set[str]:
    return set(re.findall(r"^  ([a-z]+)\s{2,}", text, re.M))


TOP_COMMANDS = _sections(TOP_HELP)
GROUP_COMMANDS = {g: _sections(h) for g, h in GROUP_HELP.items()}
UNMODELLED_GROUPS = {
    "builder",
    "buildx",
    "checkpoint",
    "context",
    "manifest",
    "network",
    "plugin",
    "system",
    "trust",
    "config",
    "node",
    "secret",
    "service",
    "stack",
    "swarm",
    "compose",
}


def docker_main(host: Host, argv: list[str], terminal: int, cwd: str) -> Out:
    """Entry point for a `docker` command typed in the host shell."""
    try:
        return _main(host, argv, terminal, cwd)
    except DockerError as e:
        return frame_error(host, e)


_GLOBAL_OPTIONS = frozenset(
    [
        "-D",
        "--debug",
        "-l",
        "--log-level",
        "-H",
        "--host",
        "-c",
        "--context",
        "--config",
        "--tls",
        "--tlsverify",
        "--tlscacert",
        "--tlscert",
        "--tlskey",
    ]
)


def _global_option(opt: str) -> Out:
    """`docker -v`, `docker --help`; the other global options are refused."""
    if opt in ("-v", "--version"):
        return VERSION_LINE, "", 0
    if opt in ("-h", "--help"):
        return TOP_HELP, "", 0
    if opt in _GLOBAL_OPTIONS or opt.split("=")[0] in ("--log-level", "--host", "--context", "--config"):
        note = N_("The global option %(option)s is real but not supported by this simulator.", option=opt)
        raise sim_error(note, 125, "unsupported")
    raise DockerError(
        f"unknown flag: {opt}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\n"
        "Run 'docker --help' for more information\n",
        125,
        "flag",
    )


def _help_topic(rest: list[str]) -> list[str]:
    """`docker help [COMMAND...]` -> the argv of `docker COMMAND... --help` (cobra's help command)."""
    topic = " ".join(rest)
    known = (rest[0] in GROUP_HELP and (len(rest) == 1 or topic in REGISTRY)) or (len(rest) == 1 and topic in REGISTRY)
    if not known:
        raise DockerError(f"unknown help topic: {topic}\n", 1, "unknown_command")
    return rest + ["--help"]


def _group_path(word: str, sub: str) -> str:
    """`docker volume ls` -> "volume ls" when modelled, else Docker's (or the simulator's) refusal."""
    if sub.startswith("-"):
        raise DockerError(
            f"unknown flag: {sub}\n\nUsage:  docker {word} COMMAND\n\n"
            f"Run 'docker {word} --help' for more information\n",
            125,
            "flag",
        )
    path = f"{word} {sub}"
    if path in REGISTRY:
        return path
    if sub in GROUP_COMMANDS[word]:
        raise _not_modelled(path_str(path))
    usage = "docker volume COMMAND" if word == "volume" else f"docker {word}"
    raise DockerError(
        f"docker: unknown command: docker {path}\n\nUsage:  {usage}\n\n"
        f"Run 'docker {word} --help' for more information\n",
        1,
        "unknown_command",
    )


def _not_modelled(command: str) -> DockerError:
    """The simulator's refusal of a real Docker command it does not model (a note, not Docker's text)."""
    note = N_("'%(command)s' is a real Docker command, but this simulator does not model it.", command=command)
    return sim_error(note, 1, "not_modelled")


def _command_path(word: str) -> str:
    """A top-level command word that is modelled, or Docker's (or the simulator's) refusal."""
    if word in REGISTRY:
        return word
    if word in TOP_COMMANDS or word in UNMODELLED_GROUPS:
        raise _not_modelled(f"docker {word}")
    raise DockerError(
        f"docker: unknown command: docker {word}\n\nRun 'docker --help' for more information\n",
        1,
        "unknown_command",
    )


def _run_command(host: Host, path: str, rest: list[str], terminal: int, cwd: str) -> Out:
    """Parse the flags of a modelled command and run it."""
    spec = REGISTRY[path]
    try:
        parsed = parse(path, rest, interspersed(path), spec.flags)
    except DockerError as e:
        if canonical(path) == "start" and any(
            f in e.text for f in ("in -p", "--publish", "in -v", "--volume", "in -e", "--name")
        ):
            e.hint = "start_options"  # the course notes show `docker start -p ...`, which Docker rejects
        raise
    if parsed.help:
        return help_text(path), ("" if "build" not in path else COMMANDS[path].get("help_stderr", "")), 0
    try:
        out, err, code = spec.fn(host, parsed, Caller(terminal, cwd, path))
    except DockerError as e:
        e.stdout = parsed.notice + e.stdout
        raise
    return parsed.notice + out, err, code


def _main(host: Host, argv: list[str], terminal: int, cwd: str) -> Out:
    if argv and argv[0].startswith("-"):
        return _global_option(argv[0])
    if not argv:  # bare `docker` prints the help on stderr (asked-for --help goes to stdout), exit 0
        return "", TOP_HELP, 0
    word, rest = argv[0], argv[1:]
    if word == "help":
        if not rest:
            return TOP_HELP, "", 0
        rest = _help_topic(rest)
        word, rest = rest[0], rest[1:]
    if word in GROUP_HELP:
        if not rest:  # `docker volume` alone: help on stderr, as the real client
            return "", GROUP_HELP[word], 0
        if rest[0] in ("--help", "-h"):
            return GROUP_HELP[word], "", 0
        path, rest = _group_path(word, rest[0]), rest[1:]
    else:
        path = _command_path(word)
    return _run_command(host, path, rest, terminal, cwd)


def path_str(path: str) -> str:
    """'docker ' + path."""
    return "docker " + path
