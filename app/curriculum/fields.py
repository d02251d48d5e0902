"""Reading typed values out of a block's YAML mapping, reporting problems with lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.curriculum.model import ContentError
from app.curriculum.yamlsrc import LineDict

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Problems:
    """Collects ContentErrors for one file."""

    path: str
    errors: list[ContentError] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        """Record one problem."""
        self.errors.append(ContentError(self.path, line, message))


@dataclass
class Reader:
    """Reads fields of one block mapping; ``label`` names the block in messages."""

    data: LineDict
    label: str
    problems: Problems

    def line(self, key: str | None = None) -> int:
        """Line of a key (or of the block)."""
        return self.data.line_of(key) if key else self.data.line

    def err(self, message: str, key: str | None = None) -> None:
        """Report a problem at a key's line."""
        self.problems.add(self.line(key), f"{self.label}: {message}")

    def unknown_keys(self, allowed: set[str]) -> None:
        """Report keys that are not in ``allowed`` (typos would otherwise be silently lost)."""
        for key in self.data:
            if str(key) not in allowed:
                self.err(f"unknown key '{key}'", str(key))

    def text(self, key: str, *, required: bool = True) -> str | None:
        """A text value; numbers are accepted as text, yes/no booleans are not."""
        if key not in self.data or self.data[key] is None:
            if required:
                self.err(f"missing '{key}'")
            return None
        return as_text(self.data[key], lambda m: self.err(f"'{key}' {m}", key))

    def text_list(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of texts (a single text counts as a list of one)."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.err(f"missing '{key}'")
            return ()
        items = value if isinstance(value, list) else [value]
        out: list[str] = []
        for item in items:
            t = as_text(item, lambda m: self.err(f"'{key}' items {m}", key))
            if t is not None:
                out.append(t)
        return tuple(out)

    def integer(self, key: str, default: int) -> int:
        """A whole number, or ``default`` when absent."""
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.err(f"'{key}' must be a whole number", key)
            return default
        return value


def as_text(value: Any, complain: Callable[[str], None]) -> str | None:
    """``value`` as stripped text, or None after ``complain``-ing."""
    if isinstance(value, bool):
        complain("must be text (quote values such as yes, no, on, off, true, false)")
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        # `- 힌트: 설명` is read by YAML as a key/value pair, the commonest slip in Korean prose
        complain(
            "must be text (a ': ' inside an unquoted value makes YAML read it as 'key: value'; "
            "put the whole value in quotes or use a '|' block)"
        )
        return None
    if not isinstance(value, str):
        complain("must be text")
        return None
    text = value.strip()
    if not text:
        complain("must not be empty")
        return None
    return text


def read_id(r: Reader) -> str | None:
    """The item's id; it must be present and stable-looking."""
    item_id = r.text("id")
    if item_id is None:
        return None
    if not ID_PATTERN.match(item_id):
        r.err(f"bad id '{item_id}' (use lowercase letters, digits and '-')", "id")
        return None
    return item_id
