"""Lesson files (front matter + Markdown with typed blocks) -> Lesson, Course, errors."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.curriculum.fields import ID_PATTERN, Problems, Reader, read_id
from app.curriculum.labs import CheckValidator, build_lab
from app.curriculum.markdown_ext import RawBlock, UnknownFence, render_lesson_body
from app.curriculum.model import (
    BLOCK_KINDS,
    ContentError,
    Course,
    CourseInvalid,
    Flashcard,
    Item,
    Lab,
    Lesson,
    Question,
)
from app.curriculum.questions import build_flashcard, build_question
from app.curriculum.yamlsrc import LineDict, YamlProblem, load_yaml

_FRONT_KEYS = ("id", "title", "order", "summary")

# Limits for one content file (documented in content/README.md): a file over them is left out of
# the course with a `file:line: message` problem, so one broken file cannot take the site down.
MAX_CONTENT_FILE_BYTES = 512 * 1024
MAX_CONTENT_LINE_CHARS = 4000
# At most this many problems are listed per broken file (the first ones are enough to fix it).
MAX_TEXT_PROBLEMS = 10
# Control characters a text file must not hold (tab, newline, carriage return and form feed are fine).
_FORBIDDEN_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}


@dataclass
class _Parsed:
    """What one file gave: the lesson (None if it has problems), all good items, problems."""

    path: str
    lesson: Lesson | None
    items: list[Item]
    errors: list[ContentError]
    front: dict[str, Any] | None


def parse_course(
    sources: Iterable[tuple[str, str]],
    *,
    check_validator: CheckValidator | None = None,
    fixtures: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Course, list[ContentError]]:
    """Parse every ``(path, text)`` lesson; return the course of the good lessons and all problems.

    ``check_validator(name, params)`` returns messages for an unknown check or bad parameters
    (None: checks are not validated). ``fixtures`` maps a fixture folder name to its files
    (relative path -> text); None: fixture names are not validated.
    """
    parsed = [_parse(path, text, check_validator, fixtures) for path, text in sources]
    errors = [e for p in parsed for e in p.errors]
    errors.extend(_across_files(parsed))
    errors.sort(key=lambda e: (e.path, e.line))
    lessons = sorted((p.lesson for p in parsed if p.lesson is not None), key=lambda les: (les.order, les.path))
    by_id = {item.id: item for les in lessons for item in les.items()}
    by_lesson = {les.id: les for les in lessons}
    return Course(tuple(lessons), MappingProxyType(by_id), MappingProxyType(by_lesson)), errors


def load_course(
    sources: Iterable[tuple[str, str]],
    *,
    check_validator: CheckValidator | None = None,
    fixtures: Mapping[str, Mapping[str, str]] | None = None,
) -> Course:
    """Like ``parse_course`` but raise ``CourseInvalid`` (with ``.errors``) on any problem."""
    course, errors = parse_course(sources, check_validator=check_validator, fixtures=fixtures)
    if errors:
        raise CourseInvalid(errors)
    return course


def parse_lesson(
    path: str,
    text: str,
    *,
    check_validator: CheckValidator | None = None,
    fixtures: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Lesson | None, list[ContentError]]:
    """One lesson file -> (Lesson or None, problems). Ids are checked within the file only."""
    p = _parse(path, text, check_validator, fixtures)
    return p.lesson, p.errors


def text_problems(path: str, text: str) -> list[ContentError]:
    """A NUL or other control character, or a line over `MAX_CONTENT_LINE_CHARS`, with its line."""
    errors: list[ContentError] = []
    if len(text.encode("utf-8", "surrogatepass")) > MAX_CONTENT_FILE_BYTES:
        errors.append(ContentError(path, 1, f"the file is larger than {MAX_CONTENT_FILE_BYTES} bytes"))
    for number, line in enumerate(text.split("\n"), start=1):
        if len(errors) >= MAX_TEXT_PROBLEMS:
            break
        if len(line) > MAX_CONTENT_LINE_CHARS:
            errors.append(
                ContentError(path, number, f"line of {len(line)} characters (at most {MAX_CONTENT_LINE_CHARS})")
            )
        bad = next((char for char in line if char in _FORBIDDEN_CONTROLS), None)
        if bad is not None:
            column = line.index(bad) + 1
            errors.append(ContentError(path, number, f"control character U+{ord(bad):04X} at column {column}"))
    return errors


def _parse(
    path: str,
    text: str,
    check_validator: CheckValidator | None,
    fixtures: Mapping[str, Mapping[str, str]] | None,
) -> _Parsed:
    broken = text_problems(path, text)
    if broken:
        return _Parsed(path, None, [], broken, None)
    problems = Problems(path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    front, body, offset = _front_matter(text, problems)
    lesson_id = str(front["id"]) if front else ""
    html, toc, found = render_lesson_body(body)
    items: list[Item] = []
    for raw in found:
        if isinstance(raw, UnknownFence):
            problems.add(
                offset + raw.fence_line,
                f"unknown block kind '{raw.info}' (expected {', '.join(BLOCK_KINDS)}, or a code language)",
            )
            continue
        item = _build_item(raw, offset, lesson_id, problems, check_validator, fixtures)
        if item is not None:
            items.append(item)
    problems.errors.extend(_duplicates([(path, items)]))
    unique = list({item.id: item for item in reversed(items)}.values())[::-1]
    if front is None or problems.errors:
        return _Parsed(path, None, unique, problems.errors, front)
    lesson = Lesson(
        id=front["id"],
        title=front["title"],
        order=front["order"],
        summary=front["summary"],
        body_markdown=body,
        html=html,
        toc=toc,
        flashcards=tuple(i for i in items if isinstance(i, Flashcard)),
        questions=tuple(i for i in items if isinstance(i, Question)),
        labs=tuple(i for i in items if isinstance(i, Lab)),
        path=path,
    )
    return _Parsed(path, lesson, unique, [], front)


def _front_matter(text: str, problems: Problems) -> tuple[dict[str, Any] | None, str, int]:
    """(front matter or None, body, number of lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(1, "missing front matter (the file must start with a line '---')")
        return None, text, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        problems.add(1, "front matter is not closed (add a line '---' after it)")
        return None, "", len(lines)
    body = "\n".join(lines[end + 1 :])
    try:
        data = load_yaml("\n".join(lines[1:end]), 2)
    except YamlProblem as exc:
        problems.add(exc.line, f"front matter: {exc.message}")
        return None, body, end + 1
    if not isinstance(data, LineDict):
        problems.add(1, "front matter must be a YAML mapping (id, title, order, summary)")
        return None, body, end + 1
    r = Reader(data, "front matter", problems)
    before = len(problems.errors)
    r.unknown_keys(set(_FRONT_KEYS))
    lesson_id = r.text("id")
    if lesson_id is not None and not ID_PATTERN.match(lesson_id):
        r.err(f"bad id '{lesson_id}' (use lowercase letters, digits and '-')", "id")
    title, summary = r.text("title"), r.text("summary")
    order = data.get("order")
    if order is None:
        r.err("missing 'order'")
    elif isinstance(order, bool) or not isinstance(order, int) or order < 1:
        r.err("'order' must be a whole number of at least 1", "order")
    if len(problems.errors) > before:
        return None, body, end + 1
    front = {
        "id": lesson_id,
        "title": title,
        "order": order,
        "summary": summary,
        "order_line": data.line_of("order"),
        "id_line": data.line_of("id"),
    }
    return front, body, end + 1


def _build_item(
    raw: RawBlock,
    offset: int,
    lesson_id: str,
    problems: Problems,
    check_validator: CheckValidator | None,
    fixtures: Mapping[str, Mapping[str, str]] | None,
) -> Item | None:
    """Parse one typed block's YAML and build its item."""
    line = offset + raw.fence_line
    if not raw.closed:
        problems.add(line, f"{raw.kind} block is not closed (add a closing ``` line)")
        return None
    try:
        data = load_yaml(raw.body, line + 1)
    except YamlProblem as exc:
        problems.add(exc.line, f"{raw.kind}: {exc.message}")
        return None
    if not isinstance(data, LineDict):
        problems.add(line, f"{raw.kind}: the block must be a YAML mapping (id: ..., ...)")
        return None
    item_id = read_id(Reader(data, raw.kind, problems))
    if item_id is None:
        return None
    r = Reader(data, f"{raw.kind} '{item_id}'", problems)
    if raw.kind == "flashcard":
        return build_flashcard(r, item_id, lesson_id, line)
    if raw.kind == "question":
        return build_question(r, item_id, lesson_id, line)
    return build_lab(r, item_id, lesson_id, line, check_validator, fixtures)


def _duplicates(groups: Iterable[tuple[str, list[Item]]]) -> list[ContentError]:
    """A second use of an id is a problem that names the first."""
    where: dict[str, str] = {}
    errors: list[ContentError] = []
    for path, items in groups:
        for item in items:
            if item.id in where:
                errors.append(
                    ContentError(path, item.line, f"duplicate id '{item.id}' (first defined at {where[item.id]})")
                )
            else:
                where[item.id] = f"{path}:{item.line}"
    return errors


def _across_files(parsed: list[_Parsed]) -> list[ContentError]:
    """Ids unique across files; lesson ids and orders unique."""
    errors = _duplicates((p.path, p.items) for p in parsed)
    lesson_ids: dict[str, str] = {}
    orders: dict[int, str] = {}
    for p in parsed:
        if p.front is None:
            continue
        lid, order, line = p.front["id"], p.front["order"], p.front["order_line"]
        if lid in lesson_ids:
            errors.append(
                ContentError(
                    p.path, p.front["id_line"], f"duplicate lesson id '{lid}' (first defined in {lesson_ids[lid]})"
                )
            )
        else:
            lesson_ids[lid] = p.path
        if order in orders:
            errors.append(ContentError(p.path, line, f"duplicate lesson order {order} (also used by {orders[order]})"))
        else:
            orders[order] = p.path
    return errors
