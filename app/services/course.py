"""The course: read content/ from disk, parse it with app.curriculum, cache it per process.

The content is part of the release (files in the repository), not server state: every worker
reads the same files, and a change on disk is picked up at the next request.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app

from app.curriculum import ContentError, Course, parse_course
from app.services import checks

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[tuple[str, int], ...], Course, list[ContentError]]] = {}


def content_dir() -> Path:
    """The course folder of the running app."""
    return Path(current_app.config["CONTENT_DIR"])


def read_sources(root: Path) -> list[tuple[str, str]]:
    """Every lesson file as `(path relative to the content folder's parent, text)`."""
    lessons = sorted((root / "lessons").glob("*.md"))
    return [(_display_path(path), path.read_text(encoding="utf-8")) for path in lessons]


def read_fixtures(root: Path) -> dict[str, dict[str, str]]:
    """Every fixture folder under content/fixtures as `{name: {relative path: text}}`."""
    fixtures: dict[str, dict[str, str]] = {}
    base = root / "fixtures"
    if not base.is_dir():
        return fixtures
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        files = {}
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            files[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
        fixtures[folder.name] = files
    return fixtures


def _display_path(path: Path) -> str:
    """A path the author can open: relative to the working folder when inside it, else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _fingerprint(root: Path) -> tuple[tuple[str, int], ...]:
    """Names and modification times of every content file: a change means re-read."""
    if not root.is_dir():
        return ()
    return tuple((p.as_posix(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file())


def parse_content(root: Path) -> tuple[Course, list[ContentError]]:
    """Parse the content folder: the course of the good lessons and every problem."""
    return parse_course(
        read_sources(root),
        check_validator=checks.validate_check,
        fixtures=read_fixtures(root),
    )


def get_course() -> Course:
    """The parsed course, re-read when a content file changes."""
    root = content_dir()
    key = str(root)
    fingerprint = _fingerprint(root)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
    course, errors = parse_content(root)
    if errors:
        current_app.logger.warning("content has %d problem(s); first: %s", len(errors), errors[0])
    with _lock:
        _cache[key] = (fingerprint, course, errors)
    return course
