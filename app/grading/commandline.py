"""Read command lines the way the docker client does: aliases, flags, arguments.

Used by the `command_run` check ("the learner looked at the logs with -f") so that
`docker logs -f web`, `docker container logs --follow web` and `docker logs web -f` are the
same kind of command. Flag tables come from the simulator (`app.dockersim.parse_flags`), which has
the real client's flags.
"""

from __future__ import annotations

from difflib import get_close_matches

from app.dockersim import (
    ALIASES,
    COMMANDS,
    HOST_COMMANDS,
    DockerError,
    Invocation,
    Parsed,
    ShellSyntaxError,
    canonical,
    command_path,
    parse_flags,
    read_docker,
    split_line,
)

#: Shell commands a `command_run` check may name (matched by their first word only): the host shell's own.
SHELL_COMMANDS = HOST_COMMANDS

# Not aliases for the client, but the same question for a check: `docker container inspect` and
# `docker image inspect` answer what `docker inspect` does.
_SAME_QUESTION = {"container inspect": "inspect", "image inspect": "inspect"}


def _name(path: str) -> str:
    """The name a check knows a command path by."""
    return _SAME_QUESTION.get(path, canonical(path))


#: every modelled command path -> the name a check knows it by
CANONICAL: dict[str, str] = {path: _name(path) for path in COMMANDS}

__all__ = ["ALIASES", "CANONICAL", "SHELL_COMMANDS", "Invocation", "command_path"]


def split_segments(line: str) -> list[tuple[str, list[str]]]:
    """The line's commands as the simulator's shell splits them: [(operator before, words)]; [] when a quote
    is left open (the shell would not run it)."""
    try:
        return split_line(line)
    except ShellSyntaxError:
        return []


def read_invocation(words: list[str]) -> Invocation | None:
    """The invocation of one command's words, or None when it is not a command we can read."""
    if words and words[0] == "sudo":
        words = words[1:]
    if not words:
        return None
    if words[0] != "docker":
        return Invocation(words[0], {}, tuple(words[1:])) if words[0] in SHELL_COMMANDS else None
    path, _ = command_path(words[1:])
    inv = read_docker(words[1:])
    if path is None or inv is None:
        return None
    return Invocation(_name(path), inv.flags, inv.args)


#: Ctrl+C ends a command that holds the terminal (`logs -f`, attached `run`) with 130: it ran.
INTERRUPTED = 130


def holds_terminal(inv: Invocation) -> bool:
    """Commands that stay attached to a container and end with *its* exit code."""
    flags = inv.flags
    return (
        inv.name == "attach"
        or (inv.name == "run" and not flags.get("detach"))
        or (inv.name == "start" and bool(flags.get("attach") or flags.get("interactive")))
        or (inv.name == "logs" and bool(flags.get("follow")))
        or (inv.name == "exec" and bool(flags.get("interactive")) and not flags.get("detach"))
    )


def succeeded_invocations(line: str, exit_code: int) -> list[Invocation]:
    """The commands of a line known to have succeeded.

    Only the line's exit code is known. Exit 0, or 130 (stopped with Ctrl+C), means the
    commands after the last `;`, `||` or `|`, joined by `&&`, succeeded (earlier ones are not
    counted). A command that holds the terminal ends with its container's exit code, so a
    signal death (128 + n: 137 after `docker stop` of a process that ignores SIGTERM) still
    means it ran; Docker's own failures are 1, 125, 126 and 127.
    """
    segments = split_segments(line)
    start = max((i for i, (sep, _) in enumerate(segments) if sep in (";", "||", "|", "&")), default=0)
    found = [inv for _, words in segments[start:] if (inv := read_invocation(words)) is not None]
    if exit_code in (0, INTERRUPTED):
        return found
    if exit_code > 128 and found and holds_terminal(found[-1]):
        return found
    return []


def resolve_kind(kind: str, words: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """Fold `args_contain` words that belong to the command into the kind.

    `kind: volume` + `args_contain: ls` means `volume ls`; `kind: logs` + `args_contain: -f`
    means `logs -f` (a flag, matched as a flag: `--follow` counts too). Other words stay
    arguments.
    """
    parts = kind.split()
    if parts and parts[0] == "docker":
        parts = parts[1:]
    rest = list(words)
    if len(parts) == 1 and rest and f"{parts[0]} {rest[0]}" in COMMANDS:
        parts.append(rest.pop(0))
    flags = [w for w in rest if w.startswith("-") and len(w) > 1]
    others = tuple(w for w in rest if w not in flags)
    return " ".join(parts + flags), others


def kind_errors(kind: str) -> list[str]:
    """Why a `command_run` kind such as `logs -f` cannot be read ([] when fine)."""
    words = kind.split()
    if words and words[0] == "docker":
        words = words[1:]
    if not words:
        return ["command_run: 'kind' is empty"]
    if words[0] in SHELL_COMMANDS and len(words) == 1:
        return []
    path, rest = command_path(words)
    if path is None:
        known = sorted(set(CANONICAL.values()) | SHELL_COMMANDS)
        close = get_close_matches(words[0], known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return [f"command_run: unknown command {' '.join(words)!r}{hint}"]
    if any(not w.startswith("-") for w in rest):
        return [
            f"command_run: 'kind' may hold only the command and its flags (put arguments in args_contain), got {kind!r}"
        ]
    try:
        _parse_flags_only(path, rest)
    except DockerError as exc:
        return [f"command_run: bad flag in kind {kind!r}: {exc.text.splitlines()[0]}"]
    return []


def _parse_flags_only(path: str, flags: list[str]) -> Parsed:
    """Parse just flags, adding placeholder arguments until the argument count fits."""
    for extra in range(4):
        try:
            return parse_flags(path, flags + ["_"] * extra)
        except DockerError as exc:
            if exc.hint != "args" or extra == 3:
                raise
    raise AssertionError("unreachable")


def read_kind(kind: str) -> Invocation:
    """The invocation a `command_run` kind stands for (validated by `kind_errors` first)."""
    words = kind.split()
    if words[0] == "docker":
        words = words[1:]
    if words[0] in SHELL_COMMANDS and len(words) == 1:
        return Invocation(words[0])
    path, rest = command_path(words)
    assert path is not None, "validate the kind with kind_errors first"
    parsed = _parse_flags_only(path, rest)
    return Invocation(CANONICAL.get(path, path), dict(parsed.values), ())


def matches(inv: Invocation, want: Invocation, words: tuple[str, ...] = ()) -> bool:
    """Same command, every flag of `want` set alike, every word among the args or flag values."""
    if inv.name != want.name:
        return False
    for flag, value in want.flags.items():
        have = inv.flags.get(flag)
        if isinstance(value, list):
            if not isinstance(have, list) or not all(v in have for v in value):
                return False
        elif have != value:
            return False
    pool = set(inv.args)
    for value in inv.flags.values():
        pool.update(value if isinstance(value, list) else [str(value)])
    return all(w in pool for w in words)
