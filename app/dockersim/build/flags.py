"""BuildKit's instruction flags (`--chown=...`) and its "did you mean" suggestions (pure).

Ports of `frontend/dockerfile/instructions/bflag.go` and `util/suggest/error.go`. Where
several options are equally close, Go picks by random map order; here the first in sorted
order wins, so output stays deterministic.
"""

from __future__ import annotations


def levenshtein(a: str, b: str) -> int:
    """Edit distance (agext/levenshtein with default costs)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def suggest(message: str, value: str, options: list[str], case_sensitive: bool) -> str:
    """BuildKit's suggest.WrapError: append `(did you mean X?)` for a close option."""
    orig = value
    if not case_sensitive:
        value = value.lower()
    match, best = "", 3
    for opt in sorted(options):
        cand = opt if case_sensitive else opt.lower()
        if cand == value:
            return message
        dist = levenshtein(value, cand)
        if dist < best:
            best = dist
            match = cand
            if not case_sensitive:
                match = cand.upper() if orig == orig.upper() else cand
                if orig == orig.lower():
                    match = cand.lower()
    return f"{message} (did you mean {match}?)" if match else message


class Flags:
    """BuildKit's BFlags: `--name=value` flags with type checks."""

    def __init__(
        self,
        raw: tuple[str, ...],
        strings: tuple[str, ...] = (),
        bools: tuple[str, ...] = (),
        multi: tuple[str, ...] = (),
    ) -> None:
        self.raw = raw
        self.types = {**{n: "s" for n in strings}, **{n: "b" for n in bools}, **{n: "m" for n in multi}}
        self.values: dict[str, str] = {}

    def parse(self) -> Flags:
        used: set[str] = set()
        for arg in self.raw:
            if not arg.startswith("--"):
                raise ValueError(f"arg should start with -- : {arg}")
            if arg == "--":
                break
            name, has_value, value = arg[2:].partition("=")
            kind = self.types.get(name)
            if kind is None:
                raise ValueError(suggest(f"unknown flag: {name}", name, list(self.types), True))
            if name in used and kind != "m":
                raise ValueError(f"duplicate flag specified: {name}")
            used.add(name)
            if kind == "b":
                if has_value and value == "":
                    raise ValueError(f"missing a value on flag: {name}")
                if value.lower() not in ("", "true", "false"):
                    raise ValueError(f"expecting boolean value for flag {name}, not: {value}")
                self.values[name] = value.lower() or "true"
            else:
                if not has_value:
                    raise ValueError(f"missing a value on flag: {name}")
                self.values[name] = value if kind == "s" else self.values.get(name, "") + value + "\n"
        return self

    def get(self, name: str) -> str:
        return self.values.get(name, "")
