"""The app factory, configuration, security headers and error pages."""

from __future__ import annotations

import os
import stat

import pytest

from app import create_app
from app.config import normalise_database_url, secret_key_from_instance
from app.extensions import db
from app.services.course import get_course
from tests.conftest import base_config


def test_home_is_korean_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="ko">' in html
    assert "도커 도장" in html
    assert "게스트로 바로 시작하기" in html


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_httponly_and_lax(client):
    client.post("/guest")
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_no_inline_script_in_pages(client):
    for path in ("/", "/account/login", "/account/register", "/nope"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "onclick=" not in html


@pytest.mark.parametrize(("lang", "title"), [("ko", "페이지를 찾을 수 없습니다"), ("en", "Page not found")])
def test_404_page_in_both_languages(client, lang, title):
    client.post(f"/lang/{lang}")
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert title in response.get_data(as_text=True)


def test_request_size_limit(client):
    response = client.post("/account/login", data={"username": "x" * 600_000, "password": "p"})
    assert response.status_code == 413
    assert "보낸 데이터가 너무 큽니다" in response.get_data(as_text=True)


@pytest.mark.parametrize(("lang", "title"), [("ko", "양식의 유효 시간이 지났습니다"), ("en", "This form has expired")])
def test_expired_csrf_token_page(app, client, lang, title):
    client.post(f"/lang/{lang}")
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/account/login", data={"username": "a", "password": "b", "csrf_token": "bogus"})
    assert response.status_code == 400
    assert title in response.get_data(as_text=True)


@pytest.mark.parametrize(("lang", "title"), [("ko", "문제가 발생했습니다"), ("en", "Something went wrong")])
def test_server_error_page_hides_details(app, client, lang, title):
    @app.route("/boom")
    def boom():  # pragma: no cover - body raises
        raise RuntimeError("secret detail")

    client.post(f"/lang/{lang}")
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert title in html and "secret detail" not in html


def test_language_switch_rejects_unknown_language(client):
    assert client.post("/lang/fr").status_code == 404


def test_language_switch_redirects_only_locally(client):
    response = client.post("/lang/en", data={"next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.sqlite3", "sqlite:////tmp/x.sqlite3"),
    ],
)
def test_database_url_normalised(given, expected):
    assert normalise_database_url(given) == expected


def test_secret_key_generated_once_and_private(tmp_path):
    first = secret_key_from_instance(str(tmp_path))
    second = secret_key_from_instance(str(tmp_path))
    assert first == second and len(first) == 64
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    (tmp_path / "other").mkdir()
    assert secret_key_from_instance(str(tmp_path / "other")) != first


@pytest.mark.parametrize(("value", "secure"), [("1", True), ("true", True), ("0", False), ("no", False)])
def test_secure_cookies_when_configured(monkeypatch, tmp_path, value, secure):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", value)
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/c.sqlite3"})
    assert app.config["SESSION_COOKIE_SECURE"] is secure
    assert app.config["REMEMBER_COOKIE_SECURE"] is secure


def test_environment_overrides_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/env.sqlite3")
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("CONTENT_DIR", str(tmp_path))
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/env.sqlite3"
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["CONTENT_DIR"] == str(tmp_path)


@pytest.mark.parametrize("database_uri", ["sqlite"], indirect=True)
def test_sqlite_pragmas(app):
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL: safe with WAL


def test_explicit_config_wins_over_the_environment(monkeypatch, tmp_path):
    """As flaskr's factory: the `config` argument is applied last, and derived settings follow it."""
    monkeypatch.setenv("CONTENT_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "0")
    app = create_app(
        {
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/c.sqlite3",
            "CONTENT_DIR": str(tmp_path / "from-config"),
            "SESSION_COOKIE_SECURE": True,
        }
    )
    assert app.config["CONTENT_DIR"] == str(tmp_path / "from-config")
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


@pytest.mark.parametrize("database_uri", ["sqlite"], indirect=True)
def test_an_exported_content_dir_does_not_leak_into_test_apps(monkeypatch, tmp_path, database_uri):
    monkeypatch.setenv("CONTENT_DIR", str(tmp_path))
    app = create_app(base_config(database_uri, tmp_path))
    with app.app_context():
        assert get_course().lessons, "the test app reads the real course, not the exported folder"
