"""The subset of Go's text/template that `docker … --format` and `inspect -f` use, with Go's messages.

Sources: Go `text/template/parse/lex.go` ("unclosed action", "unclosed left paren", "unexpected right paren",
"unterminated quoted string", "bad character"), `parse/parse.go` (`operand`: a term followed directly by
fields is a chain, `(index .Mounts 0).Destination`; "unexpected . after term", "function %q not defined",
"undefined variable", "missing value for %s", "too many declarations in %s", "non executable command in
pipeline stage %d", "unexpected {{end}}", "unexpected EOF"), `exec.go` ("can't evaluate field %s in type %s",
"%s is not a method but has arguments", "can't give argument to non-function %s", "wrong number of args for
%s: want %d got %d", "range can't iterate over %v", "nil is not a command", "<no value>") and `funcs.go`;
docker/cli `templates/templates.go` (json, split, join, title, lower, upper, pad, truncate). Actions:
fields and chains, `.`, `$` and declared variables (`$x := …`, `range $k, $v := …`), literals, pipelines,
parenthesised pipelines, `if`/`else if`/`else`/`with`/`range`/`end`, comments, `{{-`/`-}}` trimming.
Execution counts steps, so a template cannot loop without bound. Execution lives in gotemplate_exec."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.core.gofmt import TemplateError

_TOKEN = re.compile(
    r"\s+|:=|=|,|\(|\)|\||\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`|\$\w*(?:\.[A-Za-z_]\w*)*|(?:\.[A-Za-z_]\w*)+|\.|"
    r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_]\w*|.",
    re.S,
)
KEYWORDS = ("if", "else", "end", "range", "with", "define", "template", "block", "break", "continue")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"'}
Tok = tuple[str, int, int]  # text, start, end (offsets in the template)


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
    decl: list[str] = field(default_factory=list)  # variables the pipeline declares ($x := …)
    assign: bool = False  # `$x = …` rather than `:=`


def unquote(tok: str) -> str:
    """strconv.Unquote of a Go string literal; ValueError ("invalid syntax") when it is not one."""
    if tok[0] == "`":
        return tok[1:-1]
    out, i, body = [], 0, tok[1:-1]
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1 : i + 2]
        size = {"x": 2, "u": 4, "U": 8}.get(e, 0)
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif size and re.fullmatch("[0-9a-fA-F]{" + str(size) + "}", body[i + 2 : i + 2 + size]):
            out.append(chr(min(int(body[i + 2 : i + 2 + size], 16), 0x10FFFF)))
            i += 2 + size
        elif re.fullmatch(r"[0-3][0-7]{2}", body[i + 1 : i + 4]):
            out.append(chr(int(body[i + 1 : i + 4], 8)))
            i += 4
        else:
            raise ValueError("invalid syntax")
    return "".join(out)


def node_text(a: tuple[Any, ...]) -> str:
    """parse.Node.String() of an argument, as Go's messages quote it."""
    kind, val = a[0], a[1]
    if kind in ("field", "var"):
        return str(a[3])
    if kind == "pipe":
        return pipe_text(val)
    if kind == "chain":
        base = "(" + node_text(val[0]) + ")" if val[0][0] == "pipe" else node_text(val[0])
        return base + "".join("." + f for f in val[1])
    return str(a[3])


def pipe_text(cmds: list[list[Any]]) -> str:
    """PipeNode.String(): commands joined by " | ", parenthesised pipelines in parentheses."""
    return " | ".join(" ".join("(" + node_text(x) + ")" if x[0] == "pipe" else node_text(x) for x in c) for c in cmds)


class _Parser:
    def __init__(self, source: str, funcs: dict[str, Any]) -> None:
        self.src, self.funcs, self.i = source, funcs, 0
        self.vars: list[str] = ["$"]

    def fail(self, message: str, at: int | None = None) -> TemplateError:
        line = self.src.count("\n", 0, self.i if at is None else at) + 1
        return TemplateError(f"template: :{line}: {message}")

    def parse(self) -> list[Node]:
        nodes, end, _ = self.block()
        if end is not None:
            raise self.fail(f"unexpected {{{{{end}}}}}")
        return nodes

    def block(self) -> tuple[list[Node], str | None, int]:
        """Nodes up to {{else …}} / {{end}} (returned with its text and offset) or the end of the text."""
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
            close = self._close(j + 2)
            inner, start = self.src[j + 2 : close], j + 2
            if inner.startswith("- ") or inner == "-":
                inner, start = inner[1:], start + 1
            trim_right = inner.endswith(" -")
            inner = inner[:-2] if trim_right else inner
            self.i = close + 2
            if trim_right:
                self.i = len(self.src) - len(self.src[self.i :].lstrip())
            stripped = inner.strip()
            if stripped.startswith("/*") and stripped.endswith("*/") and len(stripped) >= 4:
                continue
            word = stripped.split(None, 1)[0] if stripped else ""
            if word in ("end", "else"):
                return out, stripped, start + inner.index(word)
            out.append(self.action(inner, start))
        return out, None, self.i

    def _close(self, at: int) -> int:
        """The `}}` closing the action at `at` (one inside a quoted string does not count)."""
        k = at
        while True:
            m = re.compile(r'}}|"(?:[^"\\\n]|\\.)*"|`[^`]*`').search(self.src, k)
            if m is None:
                self.i = at - 2
                raise self.fail("unclosed action")
            if m.group() == "}}":
                return m.start()
            k = m.end()

    def action(self, inner: str, start: int) -> Node:
        stripped = inner.strip()
        word = stripped.split(None, 1)[0] if stripped else ""
        if word in ("if", "with", "range"):
            offset = start + inner.index(word) + len(word)
            return self.control(word, inner[inner.index(word) + len(word) :], offset)
        if word in KEYWORDS:
            raise self.fail(f"unexpected <{word}> in command")
        node = Node("action", pos=start)
        node.pipe = self.pipeline(inner, start, node, "command")
        return node

    def control(self, word: str, rest: str, offset: int) -> Node:
        depth = len(self.vars)
        node = Node(word, pos=offset)
        node.pipe = self.pipeline(rest, offset, node, word)
        node.body, end, at = self.block()
        if end is not None and end.startswith("else") and end != "else":
            chained = end[4:].strip()
            word2 = chained.split(None, 1)[0]
            if word2 not in ("if", "with"):
                raise self.fail("expected end; found {{" + end + "}}")
            node.other = [self.control(word2, chained[len(word2) :], at + 4 + end[4:].index(word2) + len(word2))]
            end = "end"
        elif end == "else":
            node.other, end, _ = self.block()
        del self.vars[depth:]
        if end != "end":
            raise self.fail("unexpected EOF" if end is None else "expected end; found {{" + end + "}}")
        return node

    def pipeline(self, text: str, start: int, node: Node, context: str) -> list[list[Any]]:
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if not m.group().isspace()]
        depth = 0
        for tok in tokens:
            depth += {"(": 1, ")": -1}.get(tok[0], 0)
            if depth < 0:
                raise self.fail("unexpected right paren U+0029 ')'")
        if depth:
            raise self.fail("unclosed left paren")
        if tokens:
            node.pos = start + tokens[0][1]
        pos = self._decls(tokens, node, context)
        args, pos = self._pipe(tokens, pos, start, context)
        if pos != len(tokens):
            raise self.fail("unexpected right paren U+0029 ')'")
        return args

    def _decls(self, tokens: list[Tok], node: Node, context: str) -> int:
        """`$x :=`, `$x =`, `$k, $v :=` at the start of a pipeline: the variables, and where the rest starts."""
        names: list[str] = []
        pos = 0
        while pos + 1 < len(tokens) and tokens[pos][0].startswith("$") and tokens[pos + 1][0] in (":=", "=", ","):
            names.append(tokens[pos][0])
            pos += 2
            if tokens[pos - 1][0] != ",":
                break
            if context != "range" or len(names) > 1:
                raise self.fail(f"too many declarations in {context}")
            if pos >= len(tokens) or not tokens[pos][0].startswith("$"):
                raise self.fail("range can only initialize variables")
        if names and tokens[pos - 1][0] == ",":
            raise self.fail(f"missing value for {context}")
        if names:
            node.decl, node.assign = names, tokens[pos - 1][0] == "="
            if node.assign and names[0] not in self.vars:
                raise self.fail(f'undefined variable "{names[0]}"')
            self.vars.extend(names)
        return pos

    def _pipe(self, tokens: list[Tok], pos: int, start: int, context: str) -> tuple[list[list[Any]], int]:
        cmds: list[list[Any]] = [[]]
        while pos < len(tokens) and tokens[pos][0] != ")":
            tok, off, end = tokens[pos]
            if tok == "|":
                if not cmds[-1]:
                    raise self.fail(f"missing value for {context}")
                cmds.append([])
                pos += 1
                continue
            if tok == "(":
                inner_at = start + tokens[pos + 1][1] if pos + 1 < len(tokens) else start + off
                sub, pos = self._pipe(tokens, pos + 1, start, "parenthesized pipeline")
                if pos >= len(tokens):
                    raise self.fail("unclosed left paren")
                term: tuple[Any, ...] = ("pipe", sub, inner_at, "")
                end = tokens[pos][2]
            else:
                term = self.operand(tok, start + off)
            pos += 1
            if pos < len(tokens) and tokens[pos][1] == end and tokens[pos][0][:1] == "." and len(tokens[pos][0]) > 1:
                term = self._chain(term, tokens[pos][0], start + off)
                pos += 1
            cmds[-1].append(term)
        if not cmds[-1]:
            raise self.fail(f"missing value for {context}")
        for n, cmd in enumerate(cmds[1:], start=2):
            if cmd[0][0] == "const" or (cmd[0][0] == "field" and not cmd[0][1]):
                raise self.fail(f"non executable command in pipeline stage {n}")
        return cmds, pos

    def _chain(self, term: tuple[Any, ...], fields: str, at: int) -> tuple[Any, ...]:
        """Parse.operand: a term directly followed by .Field… (`(index .Mounts 0).Destination`)."""
        names = [p for p in fields.split(".") if p]
        if term[0] in ("field", "var"):
            return (term[0], term[1] + names, term[2], term[3] + fields)
        if term[0] == "const" or (term[0] == "field" and not term[1]):
            raise self.fail("unexpected . after term " + json.dumps(str(term[3])))
        return ("chain", (term, names), at, "")

    def operand(self, tok: str, at: int) -> tuple[Any, ...]:
        if tok.startswith("."):
            return ("field", [p for p in tok.split(".") if p], at, tok)
        if tok.startswith("$"):
            name = tok.split(".")[0]
            if name not in self.vars:
                raise self.fail(f'undefined variable "{name}"')
            return ("var", [name] + [p for p in tok.split(".")[1:] if p], at, tok)
        if tok[0] in '"`':
            if len(tok) < 2 or tok[-1] != tok[0]:
                raise self.fail("unterminated raw quoted string" if tok[0] == "`" else "unterminated quoted string")
            try:
                return ("const", unquote(tok), at, tok)
            except ValueError:
                raise self.fail("invalid syntax") from None
        if tok in ("true", "false", "nil"):
            return ("const", None if tok == "nil" else tok == "true", at, tok)
        if re.fullmatch(r"[-+]?\d+", tok):
            return ("const", int(tok), at, tok)
        if re.fullmatch(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?", tok):
            return ("const", float(tok), at, tok)
        if re.fullmatch(r"[A-Za-z_]\w*", tok):
            if tok in KEYWORDS:
                raise self.fail(f"unexpected <{tok}> in command")
            if tok not in self.funcs:
                raise self.fail(f'function "{tok}" not defined')
            return ("func", tok, at, tok)
        if tok in (":=", "=", ","):
            raise self.fail(f'unexpected "{tok}" in operand')
        raise self.fail(f"bad character U+{ord(tok[0]):04X} '{tok[0]}'")


def parse(source: str, funcs: dict[str, Any]) -> list[Node]:
    """Parse a template; TemplateError with Go's message."""
    return _Parser(source, funcs).parse()


__all__ = ["Context", "Node", "TemplateError", "node_text", "parse", "pipe_text"]
