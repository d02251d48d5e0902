"""Which docker commands a line would run, read by the simulator's own tokenizer (never executed).

Every simple command of the line (`;`, `&&`, `||`, `|`, `&`), every `$(...)` inside any word (quoted or not),
and the script of `sh -c` / `bash -c` are read; wrappers that run their arguments (`sudo` with its options,
`env`, `command`, `exec`, `time`, `nohup`, `builtin`, leading `NAME=value` assignments) are looked through;
`docker` may be quoted, escaped or a path (`"docker"`, `d\\ocker`, `/usr/bin/docker`); docker's global options
are skipped; the command path is folded with the client's one alias table (`docker container rm` is
`docker rm`). Lab rules use `blocked_command` for their disabled commands."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from app.dockersim.cli.read import canonical, command_path
from app.dockersim.shell.env import ShellSyntaxError
from app.dockersim.shell.words import literal, tokenize

WRAPPERS = frozenset({"sudo", "env", "command", "exec", "time", "nohup", "builtin", "nice", "xargs"})
SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})
#: docker's global options that take a value (docker --help)
GLOBAL_WITH_VALUE = frozenset({"-H", "--host", "-c", "--context", "--config", "-l", "--log-level"})
GLOBAL_WITH_VALUE |= {"--tlscacert", "--tlscert", "--tlskey"}
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
MAX_DEPTH = 8


def _substitutions(text: str) -> list[str]:
    """The scripts of the `$( … )` in a word's text (balanced parentheses)."""
    out: list[str] = []
    i = text.find("$(")
    while i >= 0:
        depth, j = 1, i + 2
        while j < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        out.append(text[i + 2 : j - 1 if depth == 0 else j])
        i = text.find("$(", j)
    return out


def _segments(line: str) -> list[tuple[list[str], list[str]]]:
    """(literal words, scripts of their $( … )) per simple command; an unreadable line reads as plain words."""
    try:
        tokens = tokenize(line)
    except ShellSyntaxError:
        return [(line.split(), [])]
    segments: list[tuple[list[str], list[str]]] = [([], [])]
    for t in tokens:
        if isinstance(t, list):
            segments[-1][0].append(literal(t))
            for kind, text in t:
                if kind in ("uq", "dq"):  # single-quoted and escaped text is never substituted
                    segments[-1][1].extend(_substitutions(text))
        elif t in ("&&", "||", ";", "|", "&"):
            segments.append(([], []))
    return [s for s in segments if s[0] or s[1]]


def _unwrap(words: list[str]) -> list[str]:
    """Drop assignments and wrappers (with their options) in front of the program that really runs."""
    while words:
        if _ASSIGNMENT.match(words[0]):
            words = words[1:]
        elif posixpath.basename(words[0]) in WRAPPERS:
            words = words[1:]
            while words and (words[0].startswith("-") or _ASSIGNMENT.match(words[0])):
                words = words[1:]
        else:
            break
    return words


def _docker_words(words: list[str]) -> tuple[str, ...] | None:
    """('docker', canonical path words..., rest) for a docker command, else None."""
    if not words or posixpath.basename(words[0]) != "docker":
        return None
    rest = words[1:]
    while rest and rest[0].startswith("-") and rest[0] != "--":
        opt = rest[0].split("=", 1)[0]
        rest = rest[2:] if opt in GLOBAL_WITH_VALUE and "=" not in rest[0] else rest[1:]
    path, args = command_path(rest)
    if path is None:
        return ("docker", *rest)
    return ("docker", *canonical(path).split(), *args)


def command_words(line: str, depth: int = 0) -> list[tuple[str, ...]]:
    """Every command the line would run (docker commands folded to their short form), substitutions included."""
    out: list[tuple[str, ...]] = []
    if depth > MAX_DEPTH:
        return out
    for words, scripts in _segments(line):
        for script in scripts:
            out += command_words(script, depth + 1)
        words = _unwrap(words)
        if len(words) >= 3 and posixpath.basename(words[0]) in SHELLS and words[1] == "-c":
            out += command_words(words[2], depth + 1)
            continue
        docker = _docker_words(words)
        if docker is not None or words:
            out.append(docker if docker is not None else tuple(words))
    return out


def docker_commands(line: str) -> list[tuple[str, ...]]:
    """The docker commands a line would run, as ('docker', 'rm', '-f', 'web') with aliases folded."""
    return [words for words in command_words(line) if words[:1] == ("docker",)]


def blocked_command(line: str, disabled: Sequence[str]) -> str | None:
    """The entry of `disabled` (e.g. 'docker rm', 'docker container prune') the line would run, if any."""
    prefixes: list[tuple[str, tuple[str, ...]]] = []
    for entry in disabled:
        parts = entry.split()
        folded = _docker_words(parts) if parts[:1] == ["docker"] else tuple(parts)
        prefixes.append((entry, folded or ()))
    for ran in command_words(line):
        for entry, prefix in prefixes:
            if prefix and ran[: len(prefix)] == prefix:
                return entry
    return None
