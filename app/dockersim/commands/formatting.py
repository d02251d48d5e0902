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
from app.dockersim.core.gotemplate import Context, execute, parse


def _index(v: Any, *keys: Any) -> Any:
    for k in keys:
        if isinstance(v, dict):
            v = v.get(k, NO_VALUE)
        elif isinstance(v, list):
            if not isinstance(k, (int, float)) or not 0 <= int(k) < len(v):
                raise IndexError(f"index out of range: {go_value(k)}")
            v = v[int(k)]
        else:
            raise TypeError(f"can't index item of type {type(v).__name__}")
    return v


def _cmp(op: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    return lambda a, b, *more: all(op(a, x) for x in (b, *more))


FUNCS: dict[str, Callable[..., Any]] = {
    "json": go_json,
    "split": lambda s, sep: str(s).split(sep),
    "join": lambda items, sep: sep.join(go_value(x) for x in items or []),
    "title": lambda s: " ".join(w[:1].upper() + w[1:] for w in str(s).split(" ")),
    "lower": lambda s: str(s).lower(),
    "upper": lambda s: str(s).upper(),
    "pad": lambda s, left, right: " " * int(left) + str(s) + " " * int(right),
    "truncate": lambda s, n: str(s)[: int(n)],
    "index": _index,
    "len": lambda v: len(v),
    "printf": go_printf,
    "print": lambda *a: "".join(go_value(x) for x in a),
    "println": lambda *a: " ".join(go_value(x) for x in a) + "\n",
    "eq": lambda a, *bs: any(a == b for b in bs),
    "ne": lambda a, b: a != b,
    "lt": _cmp(lambda a, b: a < b),
    "le": _cmp(lambda a, b: a <= b),
    "gt": _cmp(lambda a, b: a > b),
    "ge": _cmp(lambda a, b: a >= b),
    "and": lambda *a: next((x for x in a if not x), a[-1]),
    "or": lambda *a: next((x for x in a if x), a[-1]),
    "not": lambda a: not a,
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
