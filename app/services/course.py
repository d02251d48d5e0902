"""The course: read content/ from disk, parse it with app.curriculum, cache it per process.

The content is part of the release (files in the repository), not server state: every worker
reads the same files, and a change on disk is picked up at the next request.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app

from app.curriculum import ContentError, Course, parse_course
from app.curriculum.loader import MAX_CONTENT_FILE_BYTES
from app.services import checks

# How many content problems are written to the log when the content is (re)read.
MAX_LOGGED_PROBLEMS = 20
_lock = threading.Lock()
_cache: dict[str, tuple[tuple[tuple[str, int], ...], Course, list[ContentError]]] = {}


def content_dir() -> Path:
    """The course folder of the running app."""
    return Path(current_app.config["CONTENT_DIR"])


def read_text(path: Path, errors: list[ContentError]) -> str | None:
    """A content file's text, or None with a `file:line: message` problem (too large, not UTF-8)."""
    shown = _display_path(path)
    if path.stat().st_size > MAX_CONTENT_FILE_BYTES:
        errors.append(ContentError(shown, 1, f"the file is larger than {MAX_CONTENT_FILE_BYTES} bytes"))
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        errors.append(ContentError(shown, line, f"invalid UTF-8 (byte 0x{byte:02x} at column {column})"))
        return None


def read_sources(root: Path, errors: list[ContentError]) -> list[tuple[str, str]]:
    """Every readable lesson file as `(path relative to the content folder's parent, text)`."""
    sources = []
    for path in sorted((root / "lessons").glob("*.md")):
        text = read_text(path, errors)
        if text is not None:
            sources.append((_display_path(path), text))
    return sources


def read_fixtures(root: Path, errors: list[ContentError] | None = None) -> dict[str, dict[str, str]]:
    """Every fixture folder under content/fixtures as `{name: {relative path: text}}` (unreadable files left out)."""
    errors = [] if errors is None else errors
    fixtures: dict[str, dict[str, str]] = {}
    base = root / "fixtures"
    if not base.is_dir():
        return fixtures
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        files = {}
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            text = read_text(path, errors)
            if text is not None:
                files[path.relative_to(folder).as_posix()] = text
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
    errors: list[ContentError] = []
    sources = read_sources(root, errors)
    fixtures = read_fixtures(root, errors)
    course, problems = parse_course(sources, check_validator=checks.validate_check, fixtures=fixtures)
    return course, sorted(errors + problems, key=lambda e: (e.path, e.line))


def _parsed() -> tuple[Course, list[ContentError]]:
    """The parsed course and its problems, re-read when a content file changes."""
    root = content_dir()
    key = str(root)
    fingerprint = _fingerprint(root)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1], cached[2]
    course, errors = parse_content(root)
    for error in errors[:MAX_LOGGED_PROBLEMS]:
        # A broken lesson is left out of the course; the site keeps serving the others.
        current_app.logger.error("content problem, left out: %s", error)
    if len(errors) > MAX_LOGGED_PROBLEMS:
        current_app.logger.error("... and %d more content problem(s)", len(errors) - MAX_LOGGED_PROBLEMS)
    with _lock:
        _cache[key] = (fingerprint, course, errors)
    return course, errors


def get_course() -> Course:
    """The parsed course (the lessons without problems), re-read when a content file changes."""
    return _parsed()[0]


def content_problems() -> list[ContentError]:
    """Every problem found in the content currently served (for `/healthz`)."""
    return _parsed()[1]
