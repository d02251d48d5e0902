"""The request edge: one safe JSON body reader and one form/query sanitiser, run before every view.

Bad input is refused here with a 400 before any view or service sees it, so no route can turn a
lone surrogate, a NUL byte, `NaN` or a 100,000-deep array into a 500 or a half-written row.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, Request, Response, abort, jsonify, request

from app.services import accounts
from app.web_errors import bad_input_message

# A JSON body larger than this is refused (the lab editor's 64 KiB file, escaped, fits easily).
MAX_JSON_BYTES = 256 * 1024
# Arrays/objects nested deeper than this are refused before parsing (Python's parser would recurse).
MAX_JSON_DEPTH = 32
# Characters no form field, query argument or JSON string may hold: PostgreSQL rejects NUL in
# text, and nothing a learner types needs the other C0 controls (tab, newline, CR are allowed).
FORBIDDEN_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}


class UnsafeInput(ValueError):
    """Input the app refuses; the message says why (for logs, never shown raw to learners)."""


def _reject_constant(name: str) -> Any:
    """`NaN`, `Infinity` and `-Infinity` are not JSON; Python's parser accepts them unless told."""
    raise UnsafeInput(f"non-standard JSON constant {name}")


def json_depth(text: str) -> int:
    """The deepest nesting of arrays/objects in `text`, counted without recursion (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def check_text(value: str) -> None:
    """Refuse a string with a lone surrogate or a forbidden control character."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UnsafeInput("lone surrogate") from None
    if not FORBIDDEN_CONTROLS.isdisjoint(value):
        raise UnsafeInput("control character")


def _check_tree(value: Any) -> None:
    """Every string (keys included) in a parsed JSON value passes `check_text`."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            check_text(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def read_json(data: bytes) -> Any:
    """Parse a JSON body safely: bounded size and depth, strict UTF-8, no NaN/Infinity, clean strings."""
    if len(data) > MAX_JSON_BYTES:
        raise UnsafeInput("JSON body too large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeInput("JSON body is not UTF-8") from None
    if json_depth(text) > MAX_JSON_DEPTH:
        raise UnsafeInput("JSON nested too deep")
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise UnsafeInput(f"invalid JSON: {error}") from None
    _check_tree(value)
    return value


# Werkzeug decodes invalid UTF-8 in a query or form as U+FFFD; no page of this site sends one.
REPLACEMENT_CHARACTER = "\ufffd"


def check_field(value: str) -> None:
    """A query or form value: `check_text`, and no U+FFFD (where the browser sent invalid UTF-8)."""
    check_text(value)
    if REPLACEMENT_CHARACTER in value:
        raise UnsafeInput("invalid UTF-8 in a field")


def check_fields(req: Request) -> None:
    """Every query argument and form field (names and values) passes `check_field`."""
    for source in (req.args, req.form):
        for key, values in source.lists():
            check_field(key)
            for value in values:
                check_field(value)
    for key in req.files:
        check_field(key)


class SafeRequest(Request):
    """A request whose `get_json` is the safe reader, so every view that reads JSON gets it."""

    def safe_json(self) -> Any:
        """The body parsed by `read_json` (once per request); raises `UnsafeInput`."""
        if not hasattr(self, "_safe_json"):
            self._safe_json = read_json(self.get_data(cache=True))
        return self._safe_json

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        """Parsed JSON body (None when not JSON and not forced); unsafe bodies were refused at the edge."""
        if not (force or self.is_json):
            return None if silent else self.on_json_loading_failed(None)
        try:
            return self.safe_json()
        except UnsafeInput as error:
            return None if silent else self.on_json_loading_failed(error)


def init_app(app: Flask) -> None:
    """Use `SafeRequest` and refuse unsafe input before any view runs."""
    app.request_class = SafeRequest

    @app.before_request
    def refuse_unsafe_input() -> None:
        """400 for any unsafe query, form or JSON body, before the view (and its writes) runs."""
        try:
            check_fields(request)
            if request.is_json and request.content_length != 0 and request.method not in ("GET", "HEAD"):
                request.safe_json()  # type: ignore[attr-defined]
        except UnsafeInput as error:
            app.logger.info("refused input on %s: %s", request.path, error)
            if request.is_json:  # the page's script reads a JSON answer
                answer = jsonify(ok=False, error=bad_input_message())
                answer.status_code = 400
                abort(answer)
            abort(400)

    @app.after_request
    def forget_uncommitted_guest(response: Response) -> Response:
        """A guest this request made but never wrote leaves the cookie too."""
        accounts.forget_uncommitted_guest()
        return response
