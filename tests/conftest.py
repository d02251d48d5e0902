"""Shared fixtures: a fresh app and database per test (SQLite always, PostgreSQL when reachable),
a live server, and Playwright launching Debian's `chromium` found on PATH."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db

REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
REQUIRE_POSTGRES = os.environ.get("REQUIRE_POSTGRES") == "1"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
_counter = itertools.count()


def base_config(database_uri: str, instance: Path) -> dict[str, object]:
    """Settings every test app shares: a fixed key, its own database, CSRF off unless a test turns it on."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        # The real course unless a test names another: an exported CONTENT_DIR must not leak in.
        "CONTENT_DIR": str(Path(__file__).resolve().parents[1] / "content"),
    }


def migrate_to_head(uri: str, instance: Path) -> None:
    """Create the schema the way production does: Alembic migrations."""
    app = create_app(base_config(uri, instance))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def unavailable(reason: str, required: bool) -> None:
    """Skip with a one-line reason, or fail when the environment says the thing is required."""
    if required:
        pytest.fail(reason + " (required here)", pytrace=False)
    pytest.skip(reason)


# --- databases -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once; each test copies it."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.sqlite3"
    migrate_to_head(f"sqlite:///{path}", folder)
    return path


def _postgres_admin_url() -> str:
    return TEST_DATABASE_URL.replace("postgresql+psycopg://", "postgresql://")


def _postgres_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(_postgres_admin_url(), autocommit=True, connect_timeout=5)


def _with_database(url: str, name: str) -> str:
    head, _, _ = url.rpartition("/")
    return f"{head}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL database migrated to head once; each test is created from it as a template."""
    if not TEST_DATABASE_URL:
        unavailable("PostgreSQL tests need TEST_DATABASE_URL", REQUIRE_POSTGRES)
    try:
        conn = _postgres_connect()
    except Exception as error:
        unavailable(f"PostgreSQL not reachable at TEST_DATABASE_URL: {error}".splitlines()[0], REQUIRE_POSTGRES)
    name = f"dojo_tmpl_{os.getpid()}"
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    migrate_to_head(_with_database(_postgres_admin_url(), name), tmp_path_factory.mktemp("pg"))
    yield name
    with _postgres_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_uri(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database for one test, on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("postgres_template")
    name = f"dojo_t_{os.getpid()}_{next(_counter)}"
    with _postgres_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield _with_database(_postgres_admin_url(), name)
    with _postgres_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def app_config() -> dict[str, object]:
    """Extra settings for the `app` fixture; a test module overrides this (e.g. its own CONTENT_DIR)."""
    return {}


@pytest.fixture
def app(database_uri: str, tmp_path: Path, app_config: dict[str, object]) -> Iterator[Flask]:
    """A fresh app bound to a fresh database.

    No app context is held open during the test: each request gets its own, as in production
    (a shared one would carry `g`, and with it the logged-in user, from request to request).
    Use the `dbs` fixture to read or write rows between requests.
    """
    app = create_app({**base_config(database_uri, tmp_path), **app_config})
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def dbs(app: Flask):  # type: ignore[no-untyped-def]
    """`with dbs() as s:` gives a database session inside a short app context."""

    @contextmanager
    def session_scope():  # type: ignore[no-untyped-def]
        with app.app_context():
            yield db.session
            db.session.remove()

    return session_scope


@pytest.fixture
def client(app: Flask):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def runner(app: Flask):  # type: ignore[no-untyped-def]
    return app.test_cli_runner()


# --- live server and browser ---------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app served over HTTP on a free local port, with CSRF on, as users get it."""
    folder = tmp_path_factory.mktemp("live")
    path = folder / "live.sqlite3"
    shutil.copyfile(sqlite_template, path)
    config = base_config(f"sqlite:///{path}", folder)
    config["WTF_CSRF_ENABLED"] = True
    config["TESTING"] = False
    app = create_app(config)
    port = _free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's `chromium` from PATH, headless, never a downloaded browser."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        unavailable("chromium not found on PATH", REQUIRE_BROWSER)
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """Pages open in a Korean browser by default, as most learners' are."""
    return {**browser_context_args, "locale": "ko-KR"}
