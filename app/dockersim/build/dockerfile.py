"""Dockerfile text -> typed instructions grouped into build stages (pure).

The line grammar is BuildKit's own (see `build_ast.py`); this module is the port of
BuildKit's `frontend/dockerfile/instructions/parse.go`: per-instruction argument checks,
`--flag` validation and the `dockerfile parse error on line N: ...` wording.

Why not `dockerfile-parse`: its line splitter drops instructions that have no arguments
(`FROM` alone is silently skipped where BuildKit says "FROM requires either one or three
arguments"), does not keep BuildKit's rules for empty continuation lines, JSON fallback or
ENV/LABEL quoting, and raises no errors at all, so neither messages nor line numbers could
match `docker build`. docs/simulator-build.md records this choice.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.dockersim.build.flags import Flags, levenshtein, suggest
from app.dockersim.build.instructions import (
    INSTRUCTIONS,
    Add,
    Arg,
    Cmd,
    Copy,
    Dockerfile,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Instruction,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stage,
    StopSignal,
    User,
    Volume,
    Workdir,
)
from app.dockersim.build.syntax import DockerfileSyntaxError, Heredoc, Node, parse_ast

__all__ = [
    "Add",
    "Arg",
    "Cmd",
    "Copy",
    "Dockerfile",
    "DockerfileSyntaxError",
    "Entrypoint",
    "Env",
    "Expose",
    "From",
    "Healthcheck",
    "Instruction",
    "Label",
    "Maintainer",
    "Onbuild",
    "Run",
    "Shell",
    "Stage",
    "StopSignal",
    "User",
    "Volume",
    "Workdir",
    "levenshtein",
    "parse_dockerfile",
    "suggest",
]

_STAGE_NAME = re.compile(r"^[a-z][a-z0-9-_.]*$")


def _kv(node: Node, name: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    if not node.args:
        raise ValueError(f"{name} requires at least one argument")
    pairs = []
    for i in range(0, len(node.args), 2):
        if node.args[i] == "":
            raise ValueError(f"{name} names can not be blank")
        pairs.append((node.args[i], node.args[i + 1]))
    return tuple(pairs), "" in node.kv_seps


def _one(node: Node, name: str) -> str:
    if len(node.args) != 1:
        raise ValueError(f"{name} requires exactly one argument")
    Flags(node.flags).parse()
    return node.args[0]


def _sources(node: Node, name: str) -> tuple[tuple[str, ...], str, tuple[Heredoc, ...]]:
    if len(node.args) < 2:
        raise ValueError(
            f"{name} requires at least two arguments, but only one was provided. Destination could not be determined"
        )
    dest = node.args[-1]
    if re.match(r"^(\d*)<<(-?)([^<]+)$", dest):
        raise ValueError(f"{name} cannot accept a heredoc as a destination")
    docs = {h.name: h for h in node.heredocs}
    paths, inline = [], []
    for src in node.args[:-1]:
        m = re.match(r"^(\d*)<<(-?)([^<]+)$", src)
        name_ = m.group(3).replace('"', "").replace("'", "") if m else ""
        if m and name_ in docs:
            inline.append(docs[name_])
        else:
            paths.append(src)
    return tuple(paths), dest, tuple(inline)


Base = tuple[str, str, int, int]  # keyword, original text, first and last line


def _from(node: Node, base: Base) -> Instruction:
    args = node.args
    name = ""
    if len(args) == 3 and args[1].lower() == "as":
        name = args[2].lower()
        if not _STAGE_NAME.match(name):
            raise ValueError(
                f'invalid name for build stage: "{args[2]}", name can\'t start with a number or contain symbols'
            )
    elif len(args) != 1:
        raise ValueError("FROM requires either one or three arguments")
    flags = Flags(node.flags, strings=("platform",)).parse()
    return From(*base, image=args[0], stage_name=name, platform=flags.get("platform"))


def _run(node: Node, base: Base) -> Instruction:
    flags = Flags(node.flags, strings=("network", "security"), multi=("mount",)).parse()
    return Run(
        *base,
        command=node.args,
        shell_form=not node.is_json,
        heredocs=node.heredocs,
        flags=tuple(sorted(flags.values.items())),
    )


def _cmd(node: Node, base: Base) -> Instruction:
    Flags(node.flags).parse()
    cls = Cmd if node.cmd.lower() == "cmd" else Entrypoint
    return cls(*base, command=node.args, shell_form=not node.is_json)


def _copy(node: Node, base: Base) -> Instruction:
    if len(node.args) < 2:
        _sources(node, "COPY")  # raises BuildKit's message before any flag is looked at
    flags = Flags(node.flags, strings=("chown", "from", "chmod", "exclude", "parents"), bools=("link",)).parse()
    srcs, dest, inline = _sources(node, "COPY")
    return Copy(
        *base,
        sources=srcs,
        dest=dest,
        inline=inline,
        from_stage=flags.get("from"),
        chown=flags.get("chown"),
        chmod=flags.get("chmod"),
    )


def _add(node: Node, base: Base) -> Instruction:
    if len(node.args) < 2:
        _sources(node, "ADD")
    flags = Flags(
        node.flags, strings=("chown", "chmod", "checksum", "exclude"), bools=("link", "keep-git-dir", "unpack")
    ).parse()
    srcs, dest, inline = _sources(node, "ADD")
    return Add(*base, sources=srcs, dest=dest, inline=inline, chown=flags.get("chown"), chmod=flags.get("chmod"))


def _env_or_label(node: Node, base: Base) -> Instruction:
    Flags(node.flags).parse()
    kind = node.cmd.lower()
    pairs, legacy = _kv(node, kind.upper())
    return (Env if kind == "env" else Label)(*base, pairs=pairs, legacy=legacy)


def _arg(node: Node, base: Base) -> Instruction:
    if not node.args:
        raise ValueError("ARG requires at least one argument")
    out: list[tuple[str, str | None]] = []
    for a in node.args:
        if "=" in a:
            k, v = a.split("=", 1)
            if not k:
                raise ValueError("ARG names can not be blank")
            out.append((k, v))
        else:
            out.append((a, None))
    return Arg(*base, pairs=tuple(out))


def _expose(node: Node, base: Base) -> Instruction:
    if not node.args:
        raise ValueError("EXPOSE requires at least one argument")
    Flags(node.flags).parse()
    return Expose(*base, ports=tuple(sorted(node.args)))


def _volume(node: Node, base: Base) -> Instruction:
    if not node.args:
        raise ValueError("VOLUME requires at least one argument")
    Flags(node.flags).parse()
    paths = tuple(p.strip() for p in node.args)
    if any(p == "" for p in paths):
        raise ValueError("VOLUME specified can not be an empty string")
    return Volume(*base, paths=paths)


def _stopsignal(node: Node, base: Base) -> Instruction:
    if len(node.args) != 1:
        raise ValueError("STOPSIGNAL requires exactly one argument")
    return StopSignal(*base, signal=node.args[0])


def _shell(node: Node, base: Base) -> Instruction:
    Flags(node.flags).parse()
    if not node.args:
        raise ValueError("SHELL requires at least one argument")
    if not node.is_json:
        raise ValueError("SHELL requires the arguments to be in JSON form")
    return Shell(*base, shell=node.args)


def _onbuild(node: Node, base: Base) -> Instruction:
    if node.sub is None:
        raise ValueError("ONBUILD requires at least one argument")
    Flags(node.flags).parse()
    trigger = node.sub.cmd.upper()
    if trigger == "ONBUILD":
        raise ValueError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
    if trigger in ("MAINTAINER", "FROM"):
        raise ValueError(f"{trigger} isn't allowed as an ONBUILD trigger")
    expr = re.sub(r"(?i)^\s*ONBUILD\s*", "", node.original)
    return Onbuild(*base, expression=expr)


def _healthcheck(node: Node, base: Base) -> Instruction:
    if not node.args:
        raise ValueError("HEALTHCHECK requires at least one argument")
    typ = node.args[0].upper()
    rest = node.args[1:]
    if typ == "NONE":
        if rest:
            raise ValueError("HEALTHCHECK NONE takes no arguments")
        return Healthcheck(*base, test=("NONE",), options=())
    flags = Flags(node.flags, strings=("interval", "timeout", "start-period", "start-interval", "retries")).parse()
    if typ != "CMD":
        raise ValueError(f'Unknown type "{typ}" in HEALTHCHECK (try CMD)')
    if not rest:
        raise ValueError("Missing command after HEALTHCHECK CMD")
    test = ("CMD", *rest) if node.is_json else ("CMD-SHELL", *rest)
    return Healthcheck(*base, test=test, options=tuple(sorted(flags.values.items())))


_TYPERS: dict[str, Callable[[Node, Base], Instruction]] = {
    "from": _from,
    "run": _run,
    "cmd": _cmd,
    "entrypoint": _cmd,
    "copy": _copy,
    "add": _add,
    "workdir": lambda node, base: Workdir(*base, path=_one(node, "WORKDIR")),
    "env": _env_or_label,
    "label": _env_or_label,
    "arg": _arg,
    "expose": _expose,
    "volume": _volume,
    "user": lambda node, base: User(*base, user=_one(node, "USER")),
    "stopsignal": _stopsignal,
    "maintainer": lambda node, base: Maintainer(*base, name=_one(node, "MAINTAINER")),
    "shell": _shell,
    "healthcheck": _healthcheck,
    "onbuild": _onbuild,
}


def _instruction(node: Node) -> Instruction:
    """Type one AST node; raises ValueError with BuildKit's inner message."""
    typer = _TYPERS.get(node.cmd.lower())
    if typer is None:
        raise ValueError(
            suggest(f"unknown instruction: {node.cmd}", node.cmd, [i.upper() for i in INSTRUCTIONS], False)
        )
    return typer(node, (node.cmd, node.original, node.start_line, node.end_line))


def parse_dockerfile(text: str) -> Dockerfile:
    """Parse and type a Dockerfile; raise DockerfileSyntaxError with BuildKit's message.

    Messages: parser-level errors come bare (`file with no instructions`, `ENV must have
    two arguments`); instruction errors are prefixed `dockerfile parse error on line N: `;
    an instruction before the first FROM gives `no build stage in current context`.
    """
    if text == "":
        raise DockerfileSyntaxError("the Dockerfile cannot be empty", 0)
    ast = parse_ast(text)
    stages: list[Stage] = []
    current: list[Instruction] = []
    meta: list[Arg] = []
    for node in ast.nodes:
        try:
            ins = _instruction(node)
        except ValueError as exc:
            raise DockerfileSyntaxError(
                f"dockerfile parse error on line {node.start_line}: {exc}", node.start_line, node.end_line
            ) from None
        if isinstance(ins, From):
            if stages:
                stages[-1] = Stage(stages[-1].source, tuple(current), stages[-1].index)
            stages.append(Stage(ins, (), len(stages)))
            current = []
        elif not stages:
            if isinstance(ins, Arg):
                meta.append(ins)
                continue
            raise DockerfileSyntaxError("no build stage in current context", node.start_line, node.end_line)
        else:
            current.append(ins)
    if not stages:
        raise DockerfileSyntaxError("dockerfile contains no stages to build", 0)
    stages[-1] = Stage(stages[-1].source, tuple(current), stages[-1].index)
    return Dockerfile(tuple(stages), tuple(meta), ast.escape, tuple(text.split("\n")), ast)
