"""`--format` for the listing commands and `inspect -f`: docker/cli `cli/command/formatter/formatter.go`
(the `table` directive, `json`, tabwriter(10, 1, 3) for tables only, "template parsing error: …"),
`templates/templates.go` (the functions) and `cli/command/inspect/inspector.go` (a template run over the
object's JSON decoded into interface{} values: numbers are float64, a missing key is <no value>)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from app.dockersim.core.errors import DockerError
from app.dockersim.core.format import table
from app.dockersim.core.gofmt import NO_VALUE, TemplateError, go_json, go_printf, go_value
from app.dockersim.core.gotemplate import Context, parse
from app.dockersim.core.gotemplate_exec import FuncError, GoFunc, execute, truthy, type_name


def _index(v: Any, *keys: Any) -> Any:
    """funcs.go index: maps by key (a missing key is the zero value, nil), slices and strings by int."""
    for k in keys:
        if v is NO_VALUE:
            raise FuncError("index of untyped nil")
        if isinstance(v, dict):
            if not isinstance(k, str):
                raise FuncError(f"value has type {type_name(k)}; should be string")
            v = v.get(k)
        elif isinstance(v, (list, str)):
            if k is None or k is NO_VALUE:
                raise FuncError("cannot index slice/array with nil")
            if not isinstance(k, int) or isinstance(k, bool):
                raise FuncError(f"cannot index slice/array with type {type_name(k)}")
            seq = v.encode() if isinstance(v, str) else v
            if not 0 <= k < len(seq):
                raise FuncError(f"index out of range: {k}")
            v = seq[k]
        else:
            raise FuncError(f"can't index item of type {type_name(v)}")
    return v


def _len(v: Any) -> int:
    if v is NO_VALUE:
        raise FuncError("len of untyped nil")
    if v is None:
        raise FuncError("len of nil pointer")
    if not isinstance(v, (str, list, dict)):
        raise FuncError(f"len of type {type_name(v)}")
    return len(v.encode()) if isinstance(v, str) else len(v)


def _kind(v: Any) -> str:
    if v is NO_VALUE or v is None:
        return "invalid"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float, str)):
        return type_name(v)
    return "other"


def _eq(a: Any, *bs: Any) -> bool:
    """funcs.go eq: basic kinds must match; slices and maps are not comparable."""
    if not bs:
        raise FuncError("missing argument for comparison")
    for b in bs:
        ka, kb = _kind(a), _kind(b)
        if ka != kb:
            if "invalid" not in (ka, kb):
                raise FuncError("incompatible types for comparison")
            continue
        if ka == "other":
            raise FuncError(f"non-comparable type {go_value(b)}: {type_name(b)}")
        if a == b:
            return True
    return False


def _compare(a: Any, b: Any) -> int:
    """funcs.go lt: ints, floats and strings of one kind; bools and the rest are not ordered."""
    ka, kb = _kind(a), _kind(b)
    if ka in ("bool", "other") or kb in ("bool", "other"):
        raise FuncError("invalid type for comparison")
    if ka != kb:
        raise FuncError("incompatible types for comparison")
    return int(a > b) - int(a < b)


def _sprint(*args: Any) -> str:
    """fmt.Sprint: a space between operands when neither is a string."""
    out = ""
    for i, x in enumerate(args):
        if i and not isinstance(x, str) and not isinstance(args[i - 1], str):
            out += " "
        out += go_value(x)
    return out


def _pad(s: str, left: int, right: int) -> str:
    if left < 0 or right < 0:
        raise FuncError("strings: negative Repeat count")
    return " " * left + s + " " * right


def _truncate(s: str, n: int) -> str:
    if len(s) < n:
        return s
    if n < 0:
        raise FuncError(f"runtime error: slice bounds out of range [:{n}]")
    return s[:n]


FUNCS: dict[str, Callable[..., Any]] = {
    "json": GoFunc(go_json, "a"),
    "split": GoFunc(lambda s, sep: list(s) if sep == "" else s.split(sep), "s", "s"),
    "join": GoFunc(lambda items, sep: sep.join(go_value(x) for x in items), "l", "s"),
    "title": GoFunc(lambda s: " ".join(w[:1].upper() + w[1:] for w in s.split(" ")), "s"),
    "lower": GoFunc(lambda s: s.lower(), "s"),
    "upper": GoFunc(lambda s: s.upper(), "s"),
    "pad": GoFunc(_pad, "s", "i", "i"),
    "truncate": GoFunc(_truncate, "s", "i"),
    "index": GoFunc(_index, "a", "a*"),
    "len": GoFunc(_len, "a"),
    "printf": GoFunc(go_printf, "s", "a*"),
    "print": GoFunc(_sprint, "a*"),
    "println": GoFunc(lambda *a: " ".join(go_value(x) for x in a) + "\n", "a*"),
    "eq": GoFunc(_eq, "a", "a*"),
    "ne": GoFunc(lambda a, b: not _eq(a, b), "a", "a"),
    "lt": GoFunc(lambda a, b: _compare(a, b) < 0, "a", "a"),
    "le": GoFunc(lambda a, b: _compare(a, b) <= 0, "a", "a"),
    "gt": GoFunc(lambda a, b: _compare(a, b) > 0, "a", "a"),
    "ge": GoFunc(lambda a, b: _compare(a, b) >= 0, "a", "a"),
    "and": GoFunc(lambda *a: next((x for x in a if not truthy(x)), a[-1]), "a", "a*"),
    "or": GoFunc(lambda *a: next((x for x in a if truthy(x)), a[-1]), "a", "a*"),
    "not": GoFunc(lambda a: not truthy(a), "a"),
}


def _parse(fmt: str) -> Any:
    try:
        return parse(fmt, FUNCS)
    except TemplateError as err:
        raise DockerError(f"template parsing error: {err.text}\n", 1, "format") from None


def _run(nodes: Any, fmt: str, dot: Any) -> str:
    try:
        return execute(nodes, fmt, FUNCS, dot)
    except TemplateError as err:
        raise DockerError(err.text + "\n", 1, "format") from None


def _tabwriter(lines: list[str]) -> str:
    """tabwriter(minwidth 10, padding 3) over tab-separated lines (cells padded per column)."""
    rows = [line.split("\t") for line in lines]
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    return table(padded[0], padded[1:]) if width > 1 else "".join(line + "\n" for line in lines)


def format_list(fmt: str, rows: list[Context], header: Context) -> str:
    """Rows through a --format: `json`, `table …` (header row, tabwriter) or a plain template per row."""
    template = "{{json .}}" if fmt == "json" else fmt
    is_table = template.startswith("table")
    if is_table:
        template = template[len("table") :].lstrip(" ")
    template = template.replace("\\t", "\t").replace("\\n", "\n")
    nodes = _parse(template)
    body = [_run(nodes, template, r) for r in rows]
    if not is_table:
        return "".join(line + "\n" for line in body)
    return _tabwriter([_run(nodes, template, header), *body])


def json_data(obj: Any) -> Any:
    """The object as inspect's template sees it: JSON decoded into interface{} (numbers are float64)."""
    return json.loads(json.dumps(obj), parse_int=float)


def format_objects(fmt: str, objs: list[Any]) -> str:
    """inspect -f: the template once per object, each followed by a newline; `json` prints each as JSON."""
    template = "{{json .}}" if fmt == "json" else fmt
    nodes = _parse(template)
    return "".join(_run(nodes, template, json_data(o)) + "\n" for o in objs)
