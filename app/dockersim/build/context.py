"""Build context: `.dockerignore`, COPY/ADD source selection, hashing, filesystem helpers.

`.dockerignore` follows moby/patternmatcher (as used by BuildKit's dockerui): one pattern
a line, `#` comments, `!` exceptions, the last matching pattern wins, a pattern that matches
a parent directory matches everything below it, `*` and `?` stay within one path segment,
`**` crosses segments.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_GLOB_CHARS = re.compile(r"[*?\[]")


def canonical_json(value: object) -> str:
    """Stable JSON for hashing (sorted keys, no spaces)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_hex(text: str) -> str:
    """Hex sha256 of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def byte_len(text: str) -> int:
    """Size in bytes as stored on disk (UTF-8)."""
    return len(text.encode("utf-8"))


@dataclass(frozen=True)
class IgnorePattern:
    """One compiled `.dockerignore` line."""

    text: str
    exclusion: bool
    regex: re.Pattern[str]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i, n = ["^"], 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "*":
            if pattern.startswith("**", i):
                i += 2
                if pattern.startswith("/", i):
                    out.append("(.*/)?")
                    i += 1
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1 : end]
                if body.startswith(("!", "^")):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        elif ch == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(ch))
        i += 1
    out.append("$")
    return re.compile("".join(out))


def parse_dockerignore(text: str | None) -> tuple[IgnorePattern, ...]:
    """Compile `.dockerignore` text (None = no file)."""
    if not text:
        return ()
    patterns = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exclusion = line.startswith("!")
        if exclusion:
            line = line[1:].strip()
        line = posixpath.normpath(line) if line else line
        if len(line) > 1 and line.startswith("/"):
            line = line[1:]
        if line in ("", "."):
            continue
        patterns.append(IgnorePattern(line, exclusion, _glob_regex(line)))
    return tuple(patterns)


def is_ignored(rel_path: str, patterns: Iterable[IgnorePattern]) -> bool:
    """True when a context-relative path is excluded (MatchesOrParentMatches)."""
    parts = rel_path.split("/")
    parents = ["/".join(parts[:k]) for k in range(1, len(parts))]
    ignored = False
    for p in patterns:
        if p.regex.match(rel_path) or any(p.regex.match(par) for par in parents):
            ignored = not p.exclusion
    return ignored


@dataclass(frozen=True)
class Context:
    """The build context after `.dockerignore`: relative paths without a leading slash."""

    files: Mapping[str, str]
    dirs: frozenset[str]
    ignore_text: str | None

    @classmethod
    def from_request(cls, files: Mapping[str, str], dirs: Iterable[str]) -> Context:
        """Normalise the caller's paths and apply `.dockerignore`."""
        norm_files = {_rel(p): v for p, v in files.items() if _rel(p)}
        norm_dirs = {_rel(d) for d in dirs if _rel(d)}
        for p in norm_files:
            parts = p.split("/")
            norm_dirs.update("/".join(parts[:k]) for k in range(1, len(parts)))
        ignore_text = norm_files.get(".dockerignore")
        patterns = parse_dockerignore(ignore_text)
        kept_files = {p: v for p, v in norm_files.items() if not is_ignored(p, patterns)}
        kept_dirs = frozenset(d for d in norm_dirs if not is_ignored(d, patterns))
        return cls(kept_files, kept_dirs, ignore_text)


def _rel(path: str) -> str:
    cleaned = posixpath.normpath("/" + path.replace("\\", "/"))
    return cleaned.lstrip("/")


@dataclass(frozen=True)
class Selected:
    """Files chosen by one COPY source: (context path, path relative to the copy root)."""

    entries: tuple[tuple[str, str], ...]
    dirs: tuple[str, ...]  # directories to create, relative to the copy root
    is_dir: bool


class SourceNotFound(Exception):
    """A COPY/ADD source that is not in the (filtered) context."""

    def __init__(self, cleaned: str) -> None:
        super().__init__(cleaned)
        self.cleaned = cleaned


def select(ctx_files: Mapping[str, str], ctx_dirs: frozenset[str], source: str) -> list[Selected]:
    """Resolve one COPY source (already expanded) against a context-like tree."""
    cleaned = posixpath.normpath("/" + source)
    rel = cleaned.lstrip("/")
    if _GLOB_CHARS.search(rel):
        regex = _glob_regex(rel)
        names = sorted({p for p in list(ctx_files) + list(ctx_dirs) if regex.match(p)})
        names = [p for p in names if not any(p.startswith(q + "/") for q in names if q != p)]
        if not names:
            raise SourceNotFound(cleaned)
        return [_select_one(ctx_files, ctx_dirs, p) for p in names]
    if rel != "" and rel not in ctx_files and rel not in ctx_dirs:
        raise SourceNotFound(cleaned)
    return [_select_one(ctx_files, ctx_dirs, rel)]


def _select_one(ctx_files: Mapping[str, str], ctx_dirs: frozenset[str], rel: str) -> Selected:
    if rel in ctx_files:
        return Selected(((rel, posixpath.basename(rel)),), (), False)
    prefix = rel + "/" if rel else ""
    entries = tuple(sorted((p, p[len(prefix) :]) for p in ctx_files if p.startswith(prefix)))
    dirs = tuple(sorted(d[len(prefix) :] for d in ctx_dirs if d.startswith(prefix) and d != rel))
    return Selected(entries, dirs, True)


def transfer_size(name: str, text: str | None) -> int:
    """Bytes BuildKit reports for sending one file (fitted model, see docs)."""
    if text is None:
        return 2
    return byte_len(text) + 28 + len(name)


def context_transfer_size(files: Mapping[str, str], paths: Iterable[str]) -> int:
    """Modelled bytes for sending the context files that COPY/ADD use."""
    return sum(transfer_size(p, files[p]) for p in sorted(set(paths)))


def human_bytes(n: int) -> str:
    """tonistiigi/units `%.2f` of Bytes: `130B`, `8.25kB`, `1.50MB` (decimal units)."""
    if n < 1000:
        return f"{n}B"
    value, units = float(n), ["kB", "MB", "GB", "TB"]
    unit = ""
    for unit in units:  # noqa: B007 - the last unit reached is the one printed
        value /= 1000.0
        if value < 1000:
            break
    return f"{value:.2f}{unit}"


# --- an in-progress image filesystem ------------------------------------------------------


class Tree:
    """A mutable image filesystem (absolute paths) that records what each step changed."""

    def __init__(self, files: Mapping[str, str], dirs: Iterable[str]) -> None:
        self.files = dict(files)
        self.dirs = set(dirs) | {"/"}
        self.reset_diff()

    def reset_diff(self) -> None:
        """Start recording a new layer."""
        self.added: dict[str, str] = {}
        self.new_dirs: set[str] = set()
        self.removed: set[str] = set()

    def is_dir(self, path: str) -> bool:
        return path in self.dirs

    def exists(self, path: str) -> bool:
        return path in self.dirs or path in self.files

    def mkdir_p(self, path: str) -> None:
        parts = [p for p in path.split("/") if p]
        for k in range(1, len(parts) + 1):
            d = "/" + "/".join(parts[:k])
            if d not in self.dirs:
                self.files.pop(d, None)
                self.dirs.add(d)
                self.new_dirs.add(d)

    def write(self, path: str, text: str) -> None:
        self.mkdir_p(posixpath.dirname(path))
        self.files[path] = text
        self.added[path] = text
        self.removed.discard(path)

    def remove(self, path: str) -> None:
        doomed = [p for p in self.files if p == path or p.startswith(path + "/")]
        doomed_dirs = [d for d in self.dirs if d == path or d.startswith(path + "/")]
        for p in doomed:
            del self.files[p]
            self.added.pop(p, None)
            self.removed.add(p)
        for d in doomed_dirs:
            self.dirs.discard(d)
            self.new_dirs.discard(d)
            self.removed.add(d)

    def diff(self) -> dict[str, Any]:
        """JSON-able description of the current layer."""
        return {
            "files": dict(sorted(self.added.items())),
            "dirs": sorted(self.new_dirs),
            "removed": sorted(self.removed),
        }

    def apply(self, diff: Mapping[str, Any]) -> None:
        """Replay a cached layer."""
        for path in diff.get("removed", []):
            self.remove(str(path))
        for d in diff.get("dirs", []):
            self.mkdir_p(str(d))
        for p, text in dict(diff.get("files", {})).items():
            self.write(p, text)


def diff_size(diff: Mapping[str, Any]) -> int:
    """Layer size: bytes of the files the layer adds."""
    return sum(byte_len(t) for t in dict(diff.get("files", {})).values())
