"""Typed parameters of lab checks, validated when content is loaded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

# type name -> what a content author should write, for messages and docs
TYPES = {
    "str": "a non-empty string",
    "text": "a non-empty string (compared after NFC normalisation)",
    "int": "an integer",
    "port": "a port number 1-65535",
    "bool": "true or false",
    "path": "an absolute path starting with / (or ~/ on the host)",
    "ref": "an image reference such as nginx or myapp:1.0 (lowercase repository)",
    "names": "a list of strings",
    "words": "a string or a list of strings",
    "enum": "one of the listed values",
}


@dataclass(frozen=True)
class Param:
    """One named, typed parameter of a check."""

    name: str
    type: str
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        """`name: type (required|default)`, for docs and messages."""
        kind = f"one of {', '.join(self.choices)}" if self.type == "enum" else TYPES[self.type]
        tail = "required" if self.required else f"optional, default {self.default!r}"
        return f"{self.name}: {kind} ({tail})"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _ref_error(value: str) -> str | None:
    repo = value.rsplit(":", 1)[0] if ":" in value.rsplit("/", 1)[-1] else value
    if any(c.isspace() for c in value):
        return "must not contain spaces"
    if repo != repo.lower():
        return "the repository name must be lowercase (Docker rejects uppercase)"
    return None


def type_error(param: Param, value: Any) -> str | None:
    """Why `value` does not fit `param`, or None."""
    t = param.type
    if t in ("str", "text", "path", "ref"):
        if not isinstance(value, str) or not value.strip():
            return f"must be {TYPES[t]}"
        if t == "path" and not (value.startswith(("/", "~/")) or value == "~"):
            return f"must be {TYPES[t]}, got {value!r}"
        if t == "ref":
            problem = _ref_error(value)
            return f"{problem}, got {value!r}" if problem else None
        return None
    if t == "int":
        return None if _is_int(value) else f"must be {TYPES[t]}, got {value!r}"
    if t == "port":
        return None if _is_int(value) and 1 <= value <= 65535 else f"must be {TYPES[t]}, got {value!r}"
    if t == "bool":
        return None if isinstance(value, bool) else f"must be true or false, got {value!r}"
    if t == "enum":
        if value in param.choices:
            return None
        close = get_close_matches(str(value), param.choices, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"must be one of {', '.join(param.choices)}, got {value!r}{hint}"
    if t == "names":
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value)
        return None if ok else f"must be {TYPES[t]}, got {value!r}"
    if t == "words":
        if isinstance(value, str) and value.strip():
            return None
        ok = isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, str) and v for v in value)
        return None if ok else f"must be {TYPES[t]}, got {value!r}"
    raise AssertionError(f"unknown parameter type {t}")  # a bug in a CheckKind, not content


def validate_params(check: str, schema: Sequence[Param], params: Any) -> list[str]:
    """Messages for unknown, missing and mistyped parameters ([] when all fit)."""
    if not isinstance(params, Mapping):
        return [f"{check}: parameters must be a mapping, got {type(params).__name__}"]
    known = {p.name: p for p in schema}
    errors = []
    for name in params:
        if name not in known:
            close = get_close_matches(str(name), known, n=1)
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else (f"; known: {', '.join(known)}" if known else "; it takes no parameters")
            )
            errors.append(f"{check}: unknown parameter {name!r}{hint}")
    for p in schema:
        if p.name not in params:
            if p.required:
                errors.append(f"{check}: missing required parameter {p.name!r} ({TYPES[p.type]})")
            continue
        problem = type_error(p, params[p.name])
        if problem:
            errors.append(f"{check}: parameter {p.name!r} {problem}")
    return errors


def with_defaults(schema: Sequence[Param], params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters with every omitted optional one set to its default."""
    full = {p.name: p.default for p in schema}
    full.update(params)
    return full
