"""BuildKit's Dockerfile line parser (text -> AST nodes), ported to pure Python.

Follows moby/buildkit v0.22 `frontend/dockerfile/parser` (parser.go, line_parsers.go,
split_command.go): the same line joining, comment and directive rules, per-instruction
argument parsing and error texts, so line numbers and messages match `docker build`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.dockersim.build.lineparse import (
    NOT_STRING_ARRAY,
    health,
    maybe_json,
    maybe_json_to_list,
    name_val,
    parse_words,
    split_command,
    whitespace_delimited,
)
from app.dockersim.build.text import go_quote, is_space, lstrip_space, trim_space

__all__ = [
    "NOT_STRING_ARRAY",
    "DockerfileSyntaxError",
    "Heredoc",
    "Node",
    "ParseResult",
    "dump",
    "go_quote",
    "is_space",
    "parse_ast",
    "trim_space",
]

DEFAULT_ESCAPE = "\\"
_DIRECTIVE = re.compile(r"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")
_HEREDOC = re.compile(r"^(\d*)<<(-?)([^<]*)$")
_VALID_DIRECTIVES = ("escape", "syntax")
_HEREDOC_CMDS = ("add", "copy", "run")


class DockerfileSyntaxError(Exception):
    """A parse error with BuildKit's message and the 1-based line range it covers."""

    def __init__(self, message: str, start_line: int, end_line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.start_line = start_line
        self.end_line = max(end_line, start_line)


@dataclass(frozen=True)
class Heredoc:
    """One `<<EOF` document attached to RUN/COPY/ADD."""

    name: str
    content: str
    expand: bool
    chomp: bool
    fd: int = 0


@dataclass(frozen=True)
class Node:
    """One instruction as BuildKit's parser leaves it (before typing)."""

    cmd: str  # as written (BuildKit keeps the original case in Node.Value)
    original: str
    flags: tuple[str, ...]
    args: tuple[str, ...]
    start_line: int
    end_line: int
    is_json: bool = False
    sub: Node | None = None  # ONBUILD's trigger instruction
    heredocs: tuple[Heredoc, ...] = ()
    comments: tuple[str, ...] = ()
    # ENV/LABEL separators ("=" for key=value, "" for the legacy `KEY value` form)
    kv_seps: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ParseResult:
    """The AST plus the escape token and BuildKit's parser warnings."""

    nodes: tuple[Node, ...]
    escape: str
    warnings: tuple[tuple[str, int], ...]  # (message, line)
    syntax: str | None = None


class _Directives:
    """Parser-directive state (`# escape=`, `# syntax=`), as in parser.go."""

    def __init__(self) -> None:
        self.escape = DEFAULT_ESCAPE
        self.cont = self._cont_regex(DEFAULT_ESCAPE)
        self.done = False
        self.seen: dict[str, str] = {}

    @staticmethod
    def _cont_regex(tok: str) -> re.Pattern[str]:
        e = re.escape(tok)
        return re.compile(r"([^" + e + r"])" + e + r"[ \t]*$|^" + e + r"[ \t]*$")

    def possible(self, line: str) -> None:
        if self.done:
            return
        m = _DIRECTIVE.match(line)
        if not m or m.group(1).lower() not in _VALID_DIRECTIVES:
            self.done = True
            return
        key = m.group(1).lower()
        if key in self.seen:
            raise ValueError(f"only one {key} parser directive can be used")
        self.seen[key] = m.group(2)
        if key == "escape":
            tok = m.group(2)
            if tok not in ("`", "\\"):
                raise ValueError(f"invalid escape token '{tok}' does not match ` or \\")
            self.escape = tok
            self.cont = self._cont_regex(tok)

    def trim_continuation(self, line: str) -> tuple[str, bool]:
        """Strip a trailing escape token; return (line, is_end_of_line)."""
        m = self.cont.search(line)
        if m:
            return line[: m.start()] + (m.group(1) or ""), False
        return line, True


def _is_comment(raw: str) -> bool:
    return lstrip_space(raw.rstrip("\r\n")).startswith("#")


def _process_line(d: _Directives, raw: str, strip_left: bool) -> str:
    token = raw.rstrip("\r\n")
    if strip_left:
        token = lstrip_space(token)
    d.possible(token)
    return "" if token.startswith("#") else token


class _Lines:
    """The Dockerfile's physical lines with a cursor and the 1-based number of the last line read."""

    def __init__(self, text: str, d: _Directives) -> None:
        self.lines = re.findall(r"[^\n]*\n|[^\n]+$", text)
        if self.lines and self.lines[0].startswith("\ufeff"):
            self.lines[0] = self.lines[0][1:]
        self.d, self.i, self.current = d, 0, 0
        self.warnings: list[tuple[str, int]] = []

    def more(self) -> bool:
        """Whether lines are left."""
        return self.i < len(self.lines)

    def take(self) -> str:
        """The next physical line."""
        self.i += 1
        return str(self.lines[self.i - 1])

    def processed(self, raw: str, first: bool) -> str:
        """One line through the directive and escape handling; errors carry the line number."""
        try:
            token = _process_line(self.d, raw, first)
        except ValueError as exc:
            raise DockerfileSyntaxError(str(exc), self.current) from None
        self.current += 1
        return token

    def continued(self, line: str, eol: bool) -> str:
        """Join continuation lines (comments and blank lines inside are skipped, blank ones warned about)."""
        empty_cont = False
        while not eol and self.more():
            raw = self.take()
            cont = self.processed(raw, False)
            if _is_comment(raw):
                continue
            if lstrip_space(cont) == "":
                empty_cont = True
                continue
            cont, eol = self.d.trim_continuation(cont)
            line += cont
        if empty_cont:
            self.warnings.append(("Empty continuation line", self.current))  # BuildKit reports the last line
        return line

    def heredocs(self, node: Node, line: str, start: int) -> Node:
        """Read the bodies of the heredocs the instruction line opens."""
        docs = []
        for hd in _heredocs_from_line(line):
            content: list[str] = []
            terminated = False
            while self.more():
                raw = self.take()
                self.current += 1
                candidate = raw.rstrip("\r\n")
                if hd.chomp:
                    candidate = candidate.lstrip("\t")
                if candidate == hd.name:
                    terminated = True
                    break
                content.append(raw)
            if not terminated:
                raise DockerfileSyntaxError("unterminated heredoc", start, self.current)
            docs.append(Heredoc(hd.name, "".join(content), hd.expand, hd.chomp, hd.fd))
        return replace(node, heredocs=tuple(docs), end_line=self.current)


def parse_ast(text: str) -> ParseResult:
    """Parse Dockerfile text into nodes exactly as BuildKit's `parser.Parse` does."""
    d = _Directives()
    src = _Lines(text, d)
    nodes: list[Node] = []
    comments: list[str] = []
    while src.more():
        raw = src.take()
        if _is_comment(raw):
            comments.append(trim_space(lstrip_space(raw)[1:]))
        token = src.processed(raw, True)
        start = src.current
        line, eol = d.trim_continuation(token)
        if eol and line == "":
            continue
        line = src.continued(line, eol)
        try:
            node = _node_from_line(line, d, start, src.current, tuple(comments))
        except ValueError as exc:
            raise DockerfileSyntaxError(str(exc), start, src.current) from None
        if _can_contain_heredoc(node):
            node = src.heredocs(node, line, start)
        nodes.append(node)
        comments = []
    if not nodes:
        raise DockerfileSyntaxError("file with no instructions", src.current)
    return ParseResult(tuple(nodes), d.escape, tuple(src.warnings), d.seen.get("syntax"))


def _can_contain_heredoc(node: Node) -> bool:
    target = node.sub if node.cmd.lower() == "onbuild" and node.sub else node
    return target.cmd.lower() in _HEREDOC_CMDS and not target.is_json


def _heredocs_from_line(line: str) -> list[Heredoc]:
    docs = []
    for word in _shell_words_raw(line):
        m = _HEREDOC.match(word)
        if not m or not m.group(3):
            continue
        rest = m.group(3)
        name = rest.replace('"', "").replace("'", "")
        if not name or any(is_space(c) for c in name):
            continue
        quoted = name != rest
        docs.append(Heredoc(name, "", not quoted, m.group(2) == "-", int(m.group(1) or 0)))
    return docs


def _shell_words_raw(line: str) -> list[str]:
    """Split on unquoted whitespace keeping quotes and escapes (heredoc detection)."""
    words, cur, quote, i, have = [], [], "", 0, False
    while i < len(line):
        ch = line[i]
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote, have = ch, True
            cur.append(ch)
        elif ch == "\\" and i + 1 < len(line):
            cur.append(ch + line[i + 1])
            have = True
            i += 1
        elif is_space(ch):
            if cur or have:
                words.append("".join(cur))
            cur, have = [], False
        else:
            cur.append(ch)
            have = True
        i += 1
    if cur or have:
        words.append("".join(cur))
    return words


def _node_from_line(line: str, d: _Directives, start: int, end: int, comments: tuple[str, ...]) -> Node:
    cmd, flags, rest = split_command(line)
    kind = cmd.lower()
    is_json = False
    sub = None
    seps: list[str] = []
    if kind in ("add", "copy", "volume"):
        args, is_json = maybe_json_to_list(rest)
    elif kind in ("cmd", "entrypoint", "run", "shell"):
        args, is_json = maybe_json(rest)
    elif kind in ("expose", "from"):
        args = whitespace_delimited(rest)
    elif kind in ("env", "label"):
        args, seps = name_val(rest, "ENV" if kind == "env" else "LABEL", d.escape)
    elif kind == "arg":
        args = parse_words(rest, d.escape)
    elif kind == "healthcheck":
        args, is_json = health(rest)
    elif kind in ("maintainer", "stopsignal", "user", "workdir"):
        args = [rest] if rest else []
    elif kind == "onbuild":
        args = []
        if rest:
            sub = _node_from_line(rest, d, start, end, ())
    else:
        args = []  # unknown instruction: rejected later, with its line number
    return Node(cmd, line, tuple(flags), tuple(args), start, end, is_json, sub, (), comments, tuple(seps))


# --- AST dump (the format of BuildKit's parser test `result` files) ----------------------


def _node_args_dump(node: Node) -> list[str]:
    if node.cmd.lower() in ("env", "label"):
        vals = []
        for i, sep in enumerate(node.kv_seps):
            vals += [node.args[2 * i], node.args[2 * i + 1], sep]
        return vals
    return list(node.args)


def dump(node: Node) -> str:
    """One node as `(cmd ["--flag"] "arg" ...)`, matching BuildKit's Node.Dump."""
    s = node.cmd.lower()
    if node.flags:
        s += " [" + " ".join(go_quote(f) for f in node.flags) + "]"
    if node.sub is not None:
        s += " " + dump(node.sub)
    for a in _node_args_dump(node):
        s += " " + go_quote(a)
    return "(" + s.strip() + ")"
