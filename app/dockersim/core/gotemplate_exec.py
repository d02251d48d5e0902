"""Executing a parsed template (Go `text/template/exec.go`): fields and chains over JSON-like data, variables,
function calls with Go's argument checks (`evalCall`: "wrong number of args for %s: want %d got %d",
`validateType`: "wrong type for value; expected %s; got %s", `evalString`/`evalInteger`: "expected string;
found %s"), if/with/range and Go's execution errors. Every failure is a TemplateError with Go's text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.dockersim.core.gofmt import NO_VALUE, TemplateError, go_value
from app.dockersim.core.gotemplate import Context, Node, node_text, pipe_text

MAX_STEPS = 20_000
MAX_DEPTH = 100  # Go's maxExecDepth is 100000; parenthesised nesting deeper than this is refused


class FuncError(Exception):
    """A template function's own error (returned as Go's `error`): "error calling NAME: TEXT"."""


class GoFunc:
    """A template function with its Go signature: parameter kinds `a` (any), `s` (string), `i` (int),
    `l` (slice); a trailing `*` kind is variadic."""

    def __init__(self, fn: Any, *params: str) -> None:
        self.fn, self.params = fn, params

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


def type_name(v: Any) -> str:
    """The Go type a value has in a template (reflect.Type.String())."""
    if isinstance(v, Context):
        return v.type_name
    if isinstance(v, str):
        return "string"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, (float, Decimal)):
        return "float64"
    if isinstance(v, dict):
        return "map[string]interface {}"
    return "[]interface {}" if isinstance(v, list) else "interface {}"


def truthy(v: Any) -> bool:
    return not (v is None or v is NO_VALUE or v is False or v == 0 or v == "" or v == [] or v == {})


class _Exec:
    def __init__(self, source: str, funcs: dict[str, Any], root: Any) -> None:
        self.src, self.funcs, self.steps, self.depth = source, funcs, 0, 0
        self.out: list[str] = []
        self.vars: list[tuple[str, Any]] = [("$", root)]
        self.pipes: list[tuple[int, list[list[Any]]]] = []

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
                v = self.pipeline(n, dot)
                if not n.decl:
                    self.out.append(go_value(v))
            elif n.kind == "range":
                self.range(n, dot)
            else:
                mark = len(self.vars)
                v = self.pipeline(n, dot)
                self.run(n.body if truthy(v) else n.other, v if n.kind == "with" and truthy(v) else dot)
                del self.vars[mark:]

    def range(self, n: Node, dot: Any) -> None:
        mark = len(self.vars)
        v = self.pipeline(n, dot, declare=False)
        if isinstance(v, dict):
            pairs: list[tuple[Any, Any]] = [(k, v[k]) for k in sorted(v)]
        elif isinstance(v, list):
            pairs = list(enumerate(v))
        elif isinstance(v, int) and not isinstance(v, bool):
            pairs = [(i, i) for i in range(min(v, MAX_STEPS))]
        elif v is None or v is NO_VALUE:
            pairs = []
        else:
            raise self.error(n.pos, "range", f"range can't iterate over {go_value(v)}")
        for key, item in pairs:
            inner = len(self.vars)
            if n.decl:
                names = n.decl if len(n.decl) == 2 else [n.decl[0]]
                self.vars.extend(zip(names, (key, item) if len(names) == 2 else (item,), strict=True))
            self.run(n.body, item)
            del self.vars[inner:]
        if not pairs:
            self.run(n.other, dot)
        del self.vars[mark:]

    def pipeline(self, n: Node, dot: Any, declare: bool = True) -> Any:
        value = self.pipe(n.pipe, dot, n.pos)
        if n.decl and declare:
            if n.assign:
                i = max(k for k, (name, _) in enumerate(self.vars) if name == n.decl[0])
                self.vars[i] = (n.decl[0], value)
            else:
                self.vars.append((n.decl[0], value))
        return value

    def pipe(self, cmds: list[list[Any]], dot: Any, at: int) -> Any:
        self.pipes.append((at, cmds))
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TemplateError('template: : executing "": exceeded maximum template depth (100)')
        value: Any = NO_VALUE
        for i, cmd in enumerate(cmds):
            self.tick()
            value = self.command(cmd, dot, value if i else NO_VALUE, i > 0)
        self.depth -= 1
        self.pipes.pop()
        return value

    def command(self, cmd: list[Any], dot: Any, piped: Any, has_final: bool) -> Any:
        head, extra = cmd[0], len(cmd) > 1 or has_final
        kind = head[0]
        if kind == "func":
            return self.call(head, cmd[1:], dot, piped, has_final)
        if kind == "field" and head[1]:
            return self.fields(head, dot, head[1], len(cmd) - 1 + has_final)
        if kind == "chain":
            return self.fields(head, self.arg(head[1][0], dot), head[1][1], len(cmd) - 1 + has_final)
        if kind == "var" and len(head[1]) > 1:
            return self.fields(head, self.var(head), head[1][1:], len(cmd) - 1 + has_final)
        if extra and kind == "pipe":  # Go reports it at the enclosing pipeline (evalCommand, notAFunction)
            at, cmds = self.pipes[-1]
            raise self.error(at, pipe_text(cmds), f"can't give argument to non-function {pipe_text(head[1])}")
        if extra:
            raise self.error(head[2], node_text(head), f"can't give argument to non-function {node_text(head)}")
        if kind == "const" and head[1] is None:
            raise self.error(head[2], "nil", "nil is not a command")
        return self.arg(head, dot)

    def var(self, a: tuple[Any, ...]) -> Any:
        return next(v for name, v in reversed(self.vars) if name == a[1][0])

    def arg(self, a: tuple[Any, ...], dot: Any) -> Any:
        kind, val = a[0], a[1]
        if kind == "const":
            return val
        if kind == "pipe":
            return self.pipe(val, dot, a[2])
        if kind == "func":
            return self.call(a, [], dot, NO_VALUE, False)
        if kind == "chain":
            return self.fields(a, self.arg(val[0], dot), val[1], 0)
        if kind == "var":
            return self.fields(a, self.var(a), val[1:], 0) if len(val) > 1 else self.var(a)
        return self.fields(a, dot, val, 0) if val else dot

    def fields(self, a: tuple[Any, ...], v: Any, names: list[str], nargs: int) -> Any:
        """evalFieldChain: walk .A.B…; the last field gets the command's arguments (an error here)."""
        for k, name in enumerate(names):
            last = k == len(names) - 1
            if isinstance(v, Context):
                if name not in v:
                    raise self.error(a[2], node_text(a), f"can't evaluate field {name} in type {v.type_name}")
                if last and nargs:
                    raise self.error(a[2], node_text(a), f"wrong number of args for {name}: want 0 got {nargs}")
                v = v[name]
            elif isinstance(v, dict):
                if last and nargs:
                    raise self.error(a[2], node_text(a), f"{name} is not a method but has arguments")
                v = v.get(name, NO_VALUE)
            elif v is NO_VALUE or v is None:
                return NO_VALUE
            else:
                raise self.error(a[2], node_text(a), f"can't evaluate field {name} in type {type_name(v)}")
        return v

    def call(self, head: tuple[Any, ...], args: list[Any], dot: Any, piped: Any, has_final: bool) -> Any:
        """evalCall: arity, then each argument checked against its parameter, then the call."""
        name, fn = head[1], self.funcs[head[1]]
        params: tuple[str, ...] = getattr(fn, "params", ())
        variadic = bool(params) and params[-1].endswith("*")
        fixed = len(params) - 1 if variadic else len(params)
        given = len(args) + has_final
        if variadic and given < fixed:
            raise self.error(head[2], name, f"wrong number of args for {name}: want at least {fixed} got {len(args)}")
        if not variadic and given != fixed:
            raise self.error(head[2], name, f"wrong number of args for {name}: want {fixed} got {given}")
        values = []
        for k, a in enumerate(args):
            kind = params[min(k, len(params) - 1)][:1] if params else "a"
            values.append(self.checked(kind, a, self.arg(a, dot) if kind == "a" or a[0] != "const" else a[1]))
        if has_final:
            kind = params[min(len(args), len(params) - 1)][:1] if params else "a"
            values.append(self.checked(kind, head, piped, final=True))
        try:
            return fn(*values)
        except FuncError as err:
            raise self.error(head[2], name, f"error calling {name}: {err}") from None
        except (TypeError, ValueError, KeyError, IndexError, ArithmeticError, AttributeError, RecursionError):
            raise self.error(head[2], name, f"error calling {name}: invalid argument") from None

    def checked(self, kind: str, a: tuple[Any, ...], v: Any, final: bool = False) -> Any:
        """evalArg/validateType for a string, int or slice parameter."""
        want = {"s": "string", "i": "int", "l": "[]string"}.get(kind)
        if want is None:
            return v
        if a[0] == "const" and not final and a[1] is None:
            raise self.error(a[2], "nil", f"cannot assign nil to {want}")
        if a[0] == "const" and not final and kind == "l":
            raise self.error(a[2], node_text(a), f"can't handle {node_text(a)} for arg of type {want}")
        if a[0] == "const" and not final:
            ok = isinstance(v, str) if kind == "s" else _is_int(v)
            if not ok:
                found = "expected string" if kind == "s" else "expected integer"
                raise self.error(a[2], node_text(a), f"{found}; found {node_text(a)}")
            return int(v) if kind == "i" else v
        if v is NO_VALUE or v is None:
            raise self.error(a[2], node_text(a), f"invalid value; expected {want}")
        ok = isinstance(v, str) if kind == "s" else isinstance(v, list) if kind == "l" else _is_int(v)
        if not ok:
            raise self.error(a[2], node_text(a), f"wrong type for value; expected {want}; got {type_name(v)}")
        return int(v) if kind == "i" else v

    def error(self, at: int, word: str, message: str) -> TemplateError:
        line = self.src.count("\n", 0, at) + 1
        col = at - (self.src.rfind("\n", 0, at) + 1)
        return TemplateError(f'template: :{line}:{col}: executing "" at <{word}>: {message}')


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def execute(nodes: list[Node], source: str, funcs: dict[str, Any], dot: Any) -> str:
    """Run a parsed template over dot; TemplateError with Go's message."""
    ex = _Exec(source, funcs, dot)
    ex.run(nodes, dot)
    return "".join(ex.out)


__all__ = ["FuncError", "GoFunc", "execute", "truthy", "type_name"]
