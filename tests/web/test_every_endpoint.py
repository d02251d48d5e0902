"""Every route, found through `app.url_map` (a new route is covered without editing this file):

- every POST gets the bad inputs of issue 15 (lone surrogates, NUL bytes, NaN/Infinity, JSON
  nested 100,000 deep, invalid UTF-8) as JSON and as a form, for every role: no 5xx, no change
  to any row;
- every GET, for every role, changes no row (GET never writes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.routing import IntegerConverter

from app.extensions import db
from app.services import accounts

COURSE = Path(__file__).parent / "course_fixture"
ROLES = ("anonymous", "guest", "learner", "instructor")
# A real value for each URL variable name the app uses; an unknown name gets "x" (a 404 is fine).
SAMPLE_ARGS = {
    "lesson_id": ["sample"],
    "question_id": ["q-single"],
    "card_id": ["card-one"],
    "lab_id": ["lab-sample-detached"],
    "lang": ["en"],
    "fmt": ["csv", "json"],
    "filename": ["css/app.css"],
}
# Field names the app's forms and JSON bodies read; each bad value is put in all of them at once.
FIELDS = (
    "username", "password", "confirm", "display_name", "token", "answer", "rating", "version",
    "duration_ms", "next", "choice", "line", "command_id", "terminal", "path", "text", "known", "epoch",
)  # fmt: skip
DEEP = "[" * 100_000 + "]" * 100_000


def json_bodies() -> Iterator[tuple[str, bytes]]:
    """(label, body) for every bad JSON body."""
    for label, value in (("lone surrogate", '"\\ud800"'), ("NUL", '"a\\u0000b"')):
        yield label, ("{" + ", ".join(f'"{name}": {value}' for name in FIELDS) + "}").encode()
    for constant in ("Infinity", "-Infinity", "NaN"):
        fields = {name: 0 for name in FIELDS}
        yield constant, json.dumps(fields).replace("0", constant).encode()
    yield "nested 100,000 deep", ('{"line": "ls", "terminal": 0, "known": ' + DEEP + "}").encode()
    yield "invalid UTF-8", b'{"line": "\xff\xfe", "text": "\xc3"}'


def form_bodies() -> Iterator[tuple[str, bytes]]:
    """(label, urlencoded body) for every bad form body."""
    for label, value in (("NUL", "a%00b"), ("encoded surrogate", "%ED%A0%80"), ("invalid UTF-8", "%FF%FE")):
        yield label, "&".join(f"{name}={value}" for name in FIELDS).encode()


def urls(app: Flask, method: str) -> list[tuple[str, str]]:
    """(endpoint, URL) for every rule that answers `method`, with sample values for its variables."""
    found = []
    for rule in app.url_map.iter_rules():
        if method not in (rule.methods or ()) or (rule.endpoint == "static" and method == "POST"):
            continue
        variants: list[dict[str, str]] = [{}]
        for name in rule.arguments:
            values = _values_for(app, rule.endpoint, name)
            if isinstance(rule._converters.get(name), IntegerConverter):
                values = ["1"]  # an id: the first row (or a 404), which is all this walk needs
            variants = [{**v, name: value} for v in variants for value in values]
        with app.test_request_context():
            for args in variants:
                found.append((rule.endpoint, rule.build(args, append_unknown=False)[1]))
    return sorted(found)


def _values_for(app: Flask, endpoint: str, name: str) -> list[str]:
    if name == "action":  # the lab API's actions, as the blueprint lists them
        module = __import__(app.view_functions[endpoint].__module__, fromlist=["ACTIONS"])
        return sorted(getattr(module, "ACTIONS", {"run": None}))
    if name == "filename":
        return ["css/app.css"] if endpoint == "static" else ["x"]
    return SAMPLE_ARGS.get(name, ["x"])


def snapshot(app: Flask) -> dict[str, list[tuple]]:
    """Every row of every table: a write of any kind shows up as a difference."""
    with app.app_context():
        tables = {t.name: [tuple(r) for r in db.session.execute(select(t)).all()] for t in db.metadata.sorted_tables}
        db.session.remove()
    return {name: sorted(rows, key=repr) for name, rows in tables.items()}


@pytest.fixture
def app_config():
    # Limits high enough that every request reaches the edge and the view. (Not RATELIMIT_ENABLED:
    # Flask-Limiter keeps that in its one global object, so it would leak into later tests.)
    many = "100000 per minute"
    limits = (
        "AUTH_RATE_LIMIT",
        "AUTH_IP_RATE_LIMIT",
        "LAB_RATE_LIMIT",
        "WRITE_RATE_LIMIT",
        "ANONYMOUS_WRITE_RATE_LIMIT",
    )
    return {"CONTENT_DIR": str(COURSE), **dict.fromkeys(limits, many), "WRITE_ADDRESS_RATE_LIMIT": many}


def client_as(app: Flask, role: str):  # type: ignore[no-untyped-def]
    """A browser signed in as `role`, after a little recorded work (so merges and exports have data)."""
    client = app.test_client()
    if role == "anonymous":
        return client
    if role == "instructor":
        with app.app_context():
            accounts.create_instructor("teacher", "teacher-password")
        client.post("/account/login", data={"username": "teacher", "password": "teacher-password"})
    else:
        client.post("/guest")
        client.post("/questions/q-single/answer", data={"token": "setup", "answer": "1"})
        if role == "learner":
            data = {"username": "minji", "password": "correct-horse", "confirm": "correct-horse"}
            client.post("/account/register", data=data)
    assert client.get("/account/me").get_json()["id"] is not None
    return client


@pytest.mark.parametrize("role", ROLES)
def test_bad_input_to_every_write_is_refused_without_a_5xx_or_a_change(app, role):
    client = client_as(app, role)
    targets = urls(app, "POST")
    assert any(endpoint == "auth.register" for endpoint, _ in targets)
    before = snapshot(app)
    failures = []
    for endpoint, url in targets:
        requests = [("JSON " + label, body, "application/json") for label, body in json_bodies()]
        requests += [("form " + label, body, "application/x-www-form-urlencoded") for label, body in form_bodies()]
        requests.append(("query NUL", b"", "application/x-www-form-urlencoded"))
        for label, body, content_type in requests:
            target = url + ("?next=%00&path=%00" if label == "query NUL" else "")
            status = client.post(target, data=body, content_type=content_type).status_code
            after = snapshot(app)
            # Werkzeug keeps undecodable form text as its literal `%XX` escapes: harmless text that a
            # route may accept (log-out ignores fields). Anything else bad must be refused (4xx), and a
            # refused request changes nothing.
            accepted_ok = label.startswith("form ") and label != "form NUL" and status < 400
            if status >= 500 or (after != before and not accepted_ok) or (status < 400 and not accepted_ok):
                changed = sorted(name for name in after if after[name] != before[name])
                failures.append(f"{role} POST {url} ({endpoint}) with {label}: {status}, changed {changed}")
            before = after
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_no_get_writes_anything(app, role):
    client = client_as(app, role)
    targets = urls(app, "GET")
    assert any(endpoint == "lessons.lesson" for endpoint, _ in targets)
    before = snapshot(app)
    failures = []
    for endpoint, url in targets:
        for query in ("", "?path=~/hello.txt&lang=en&next=/", "?next=%00&path=%00"):
            status = client.get(url + query).status_code
            after = snapshot(app)
            if status >= 500 or after != before:
                changed = sorted(name for name in after if after[name] != before[name])
                failures.append(f"{role} GET {url}{query} ({endpoint}): {status}, changed {changed}")
                before = after
    assert not failures, "\n".join(failures)
