"""Go's `fmt` as templates print values: `%v` of JSON-decoded data (float64 numbers, maps, slices) and a
small `printf` (verbs v s d q f t x, flags - + 0 and width/precision). Source: Go `fmt/print.go`,
`fmt/format.go`, `strconv/ftoa.go` (shortest `%g`, which %v uses: exponent form when exp < -4 or exp >= 6,
so `{{.HostConfig.Memory}}` of 512 MiB prints 5.36870912e+08, as on a real engine)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any


class TemplateError(Exception):
    """A template that does not parse or execute; the text is Go's."""

    @property
    def text(self) -> str:
        """The message."""
        return str(self.args[0])


class _NoValue:
    """What a missing map key evaluates to; printed as <no value>."""

    def __repr__(self) -> str:
        return "<no value>"


NO_VALUE = _NoValue()
_VERB = re.compile(r"%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])")


def go_float(f: float) -> str:
    """strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v uses for float64."""
    if f != f:
        return "NaN"
    if f in (float("inf"), float("-inf")):
        return "+Inf" if f > 0 else "-Inf"
    if f == 0:
        return "0"
    sign, digits, exp = Decimal(repr(float(f))).normalize().as_tuple()
    assert isinstance(exp, int)
    ds = "".join(map(str, digits))
    x = len(ds) + exp - 1  # decimal exponent of the first digit
    neg = "-" if sign else ""
    if x < -4 or x >= 6:
        mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
        return f"{neg}{mant}e{'-' if x < 0 else '+'}{abs(x):02d}"
    point = len(ds) + exp
    if point <= 0:
        return f"{neg}0.{'0' * -point}{ds}"
    if point >= len(ds):
        return neg + ds + "0" * (point - len(ds))
    return f"{neg}{ds[:point]}.{ds[point:]}"


def go_value(v: Any) -> str:
    """fmt's %v of a template value."""
    if v is NO_VALUE or v is None:
        return "<no value>" if v is NO_VALUE else "<nil>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return go_float(v)
    if isinstance(v, list):
        return "[" + " ".join(go_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "map[" + " ".join(f"{k}:{go_value(v[k])}" for k in sorted(v)) + "]"
    return str(v)


def go_json(v: Any) -> str:
    """docker/cli's json template function: json.Marshal without HTML escaping, map keys sorted."""
    if v is NO_VALUE:
        return "null"
    return json.dumps(_plain(v), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(v: Any) -> Any:
    """Whole float64s as Go's encoder writes them (1, not 1.0)."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e21:
        return int(v)
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _one(verb: str, flags: str, width: str | None, prec: str | None, arg: Any) -> str:
    """One printf verb."""
    if verb in ("d",) and isinstance(arg, (int, float)) and not isinstance(arg, bool) and float(arg).is_integer():
        text = str(int(arg))
    elif verb == "f" and isinstance(arg, (int, float)):
        text = f"{float(arg):.{int(prec) if prec else 6}f}"
    elif verb == "q":
        text = json.dumps(go_value(arg), ensure_ascii=False)
    elif verb == "x" and isinstance(arg, int):
        text = f"{arg:x}"
    elif verb == "x":
        text = go_value(arg).encode().hex()
    elif verb in ("s", "v", "t"):
        text = go_value(arg)
        text = text[: int(prec)] if prec and verb == "s" else text
    else:
        text = f"%!{verb}({_type(arg)}={go_value(arg)})"
    if "+" in flags and verb == "d" and not text.startswith("-"):
        text = "+" + text
    if width:
        pad = "0" if "0" in flags and verb in ("d", "f") and "-" not in flags else " "
        text = text.ljust(int(width)) if "-" in flags else text.rjust(int(width), pad)
    return text


def _type(v: Any) -> str:
    return "string" if isinstance(v, str) else "float64" if isinstance(v, float) else type(v).__name__


def go_printf(fmt: str, *args: Any) -> str:
    """fmt.Sprintf for the verbs templates use; missing/extra arguments as Go reports them."""
    out: list[str] = []
    pos, n = 0, 0
    for m in _VERB.finditer(fmt):
        out.append(fmt[pos : m.start()])
        pos = m.end()
        flags, width, prec, verb = m.groups()
        if verb == "%":
            out.append("%")
            continue
        if n >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        out.append(_one(verb, flags, width, prec, args[n]))
        n += 1
    out.append(fmt[pos:])
    if n < len(args):
        out.append("%!(EXTRA " + ", ".join(f"{_type(a)}={go_value(a)}" for a in args[n:]) + ")")
    return "".join(out)
