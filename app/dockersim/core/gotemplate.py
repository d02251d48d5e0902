"""The subset of Go's text/template that `docker … --format` and `inspect -f` use, with Go's messages.

Sources: Go `text/template/parse/lex.go`, `parse.go` (error texts: "unclosed action", "function %q not
defined", "unexpected {{end}}", "unexpected EOF", "missing value for command"), `exec.go` ("can't evaluate
field %s in type %s", "<no value>", `%v` printing), `funcs.go` (index, len, printf, print, println, eq, ne,
lt, le, gt, ge, and, or, not); docker/cli `templates/templates.go` (json, split, join, title, lower,
upper, pad, truncate). Actions: fields and chains (`.A.B`), `.`, `$`, string/number/bool literals, pipelines
with `|`, parenthesised pipelines, `if`/`else`/`with`/`range`/`end`, `{{-` and `-}}` trimming.
Execution counts steps, so a template cannot loop without bound."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.dockersim.core.gofmt import NO_VALUE, TemplateError, go_printf, go_value

MAX_STEPS = 20_000
_TOKEN = re.compile(
    r'\s+|\(|\)|\||"(?:[^"\\]|\\.)*"|`[^`]*`|\$\w*(?:\.[A-Za-z_]\w*)*|(?:\.[A-Za-z_]\w*)+|\.|[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_]\w*|.'
)
KEYWORDS = ("if", "else", "end", "range", "with")


class Context(dict[str, Any]):
    """A formatter context (docker/cli formatter.*Context): a missing field is an error, not <no value>."""

    def __init__(self, type_name: str, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.type_name = type_name


@dataclass
class Node:
    """One parsed piece: text, an action (pipeline), or a block (if/with/range) with its branches."""

    kind: str  # text | action | if | with | range
    text: str = ""
    pipe: list[list[Any]] = field(default_factory=list)  # commands; each a list of args
    body: list[Node] = field(default_factory=list)
    other: list[Node] = field(default_factory=list)
    pos: int = 0


class _Parser:
    def __init__(self, source: str, funcs: dict[str, Any]) -> None:
        self.src, self.funcs, self.i = source, funcs, 0

    def fail(self, message: str, at: int | None = None) -> TemplateError:
        line = self.src.count("\n", 0, self.i if at is None else at) + 1
        return TemplateError(f"template: :{line}: {message}")

    def parse(self) -> list[Node]:
        nodes, end = self.block()
        if end is not None:
            raise self.fail(f"unexpected {{{{{end}}}}}")
        return nodes

    def block(self) -> tuple[list[Node], str | None]:
        """Nodes up to {{else}} / {{end}} (returned) or the end of the text."""
        out: list[Node] = []
        while self.i < len(self.src):
            j = self.src.find("{{", self.i)
            text = self.src[self.i : j if j >= 0 else len(self.src)]
            if j >= 0 and self.src.startswith("{{-", j) and self.src[j + 3 : j + 4].isspace():
                text = text.rstrip()
            if text:
                out.append(Node("text", text))
            if j < 0:
                self.i = len(self.src)
                break
            close = self.src.find("}}", j + 2)
            if close < 0:
                self.i = j
                raise self.fail("unclosed action")
            inner, start = self.src[j + 2 : close], j + 2
            if inner.startswith("- ") or inner == "-":
                inner, start = inner[1:], start + 1
            trim_right = inner.endswith(" -")
            inner = inner[:-2] if trim_right else inner
            self.i = close + 2
            if trim_right:
                self.i = len(self.src) - len(self.src[self.i :].lstrip())
            word = inner.strip().split(" ", 1)[0]
            if word in ("end", "else"):
                return out, word
            out.append(self.action(inner, start))
        return out, None

    def action(self, inner: str, start: int) -> Node:
        stripped = inner.strip()
        word = stripped.split(" ", 1)[0]
        if word in ("if", "with", "range"):
            node = Node(word, pipe=self.pipeline(stripped[len(word) :], start), pos=start)
            node.body, end = self.block()
            if end == "else":
                node.other, end = self.block()
            if end != "end":
                raise self.fail("unexpected EOF")
            return node
        return Node("action", pipe=self.pipeline(inner, start), pos=start)

    def pipeline(self, text: str, start: int) -> list[list[Any]]:
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text) if not m.group().isspace()]
        args, pos = self._pipe(tokens, 0, start)
        if pos != len(tokens):
            raise self.fail(f'unexpected "{tokens[pos][0]}" in operand')
        return args

    def _pipe(self, tokens: list[tuple[str, int]], pos: int, start: int) -> tuple[list[list[Any]], int]:
        cmds: list[list[Any]] = [[]]
        while pos < len(tokens) and tokens[pos][0] != ")":
            tok, off = tokens[pos]
            if tok == "|":
                if not cmds[-1]:
                    raise self.fail("missing value for command")
                cmds.append([])
                pos += 1
                continue
            if tok == "(":
                sub, pos = self._pipe(tokens, pos + 1, start)
                if pos >= len(tokens):
                    raise self.fail("unclosed left paren")
                cmds[-1].append(("pipe", sub, start + off))
                pos += 1
                continue
            cmds[-1].append(self.operand(tok, start + off))
            pos += 1
        if not cmds[-1]:
            raise self.fail("missing value for command")
        return cmds, pos

    def operand(self, tok: str, at: int) -> tuple[str, Any, int]:
        if tok.startswith("."):
            return ("field", [p for p in tok.split(".") if p], at)
        if tok.startswith("$"):
            return ("var", [p for p in tok.split(".")[1:] if p], at)
        if tok[0] in '"`':
            return ("const", json.loads(tok) if tok[0] == '"' else tok[1:-1], at)
        if tok in ("true", "false"):
            return ("const", tok == "true", at)
        if tok == "nil":
            return ("const", None, at)
        if re.fullmatch(r"[-+]?\d+", tok):
            return ("const", int(tok), at)
        if re.fullmatch(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?", tok):
            return ("const", float(tok), at)
        if re.fullmatch(r"[A-Za-z_]\w*", tok):
            if tok in KEYWORDS:
                raise self.fail(f"unexpected <{tok}> in command")
            if tok not in self.funcs:
                raise self.fail(f'function "{tok}" not defined')
            return ("func", tok, at)
        raise self.fail(f"bad character U+{ord(tok[0]):04X} '{tok[0]}'")


def parse(source: str, funcs: dict[str, Any]) -> list[Node]:
    """Parse a template; TemplateError with Go's message."""
    return _Parser(source, funcs).parse()


def _truthy(v: Any) -> bool:
    return not (v is None or v is False or v == 0 or v == "" or v == [] or v == {})


class _Exec:
    def __init__(self, source: str, funcs: dict[str, Any], root: Any) -> None:
        self.src, self.funcs, self.root, self.steps = source, funcs, root, 0
        self.out: list[str] = []

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateError('template: : executing "": too many steps')

    def run(self, nodes: list[Node], dot: Any) -> None:
        for n in nodes:
            self.tick()
            if n.kind == "text":
                self.out.append(n.text)
            elif n.kind == "action":
                self.out.append(go_value(self.pipe(n.pipe, dot)))
            elif n.kind in ("if", "with"):
                v = self.pipe(n.pipe, dot)
                self.run(n.body if _truthy(v) else n.other, (v if n.kind == "with" else dot) if _truthy(v) else dot)
            else:
                v = self.pipe(n.pipe, dot)
                items = [v[k] for k in sorted(v)] if isinstance(v, dict) else list(v or [])
                for item in items:
                    self.run(n.body, item)
                if not items:
                    self.run(n.other, dot)

    def pipe(self, cmds: list[list[Any]], dot: Any) -> Any:
        value: Any = NO_VALUE
        for i, cmd in enumerate(cmds):
            value = self.command(cmd, dot, value if i else NO_VALUE)
        return value

    def command(self, cmd: list[Any], dot: Any, piped: Any) -> Any:
        head = cmd[0]
        if head[0] == "func":
            args = [self.arg(a, dot) for a in cmd[1:]] + ([] if piped is NO_VALUE else [piped])
            try:
                return self.funcs[head[1]](*args)
            except TemplateError:
                raise
            except (TypeError, ValueError, KeyError, IndexError) as err:
                raise self.error(head, f"error calling {head[1]}: {err}") from None
        if len(cmd) > 1 or piped is not NO_VALUE:
            raise self.error(head, f"can't give argument to non-function {self.text(head)}")
        return self.arg(head, dot)

    def arg(self, a: tuple[str, Any, int], dot: Any) -> Any:
        kind, val, _ = a
        if kind == "const":
            return val
        if kind == "pipe":
            return self.pipe(val, dot)
        v = self.root if kind == "var" else dot
        for name in val:
            v = self.field(a, v, name)
        return v

    def field(self, a: tuple[str, Any, int], v: Any, name: str) -> Any:
        if isinstance(v, Context):
            if name not in v:
                raise self.error(a, f"can't evaluate field {name} in type {v.type_name}")
            return v[name]
        if isinstance(v, dict):
            return v.get(name, NO_VALUE)
        if v is NO_VALUE or v is None:
            return NO_VALUE
        raise self.error(a, f"can't evaluate field {name} in type {_type_name(v)}")

    def text(self, a: tuple[str, Any, int]) -> str:
        if a[0] in ("field", "var"):
            return ("$" if a[0] == "var" else "") + "." + ".".join(a[1]) if a[1] or a[0] == "field" else "$"
        return str(a[1])

    def error(self, a: tuple[str, Any, int], message: str) -> TemplateError:
        at = a[2]
        line = self.src.count("\n", 0, at) + 1
        col = at - (self.src.rfind("\n", 0, at) + 1)
        return TemplateError(f'template: :{line}:{col}: executing "" at <{self.text(a)}>: {message}')


def _type_name(v: Any) -> str:
    if isinstance(v, str):
        return "string"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float, Decimal)):
        return "float64"
    return "[]interface {}" if isinstance(v, list) else "interface {}"


def execute(nodes: list[Node], source: str, funcs: dict[str, Any], dot: Any) -> str:
    """Run a parsed template over dot; TemplateError with Go's message."""
    ex = _Exec(source, funcs, dot)
    ex.run(nodes, dot)
    return "".join(ex.out)


__all__ = ["Context", "TemplateError", "execute", "go_printf", "parse"]
