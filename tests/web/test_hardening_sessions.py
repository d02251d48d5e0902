"""Sessions: register rotates the session, log-out and password changes revoke copied cookies,
"sign out everywhere", NFKC user names, HSTS behind TLS (issue 15, items 1, 2 and 8)."""

from __future__ import annotations

from pathlib import Path

from flask_login import login_user
from sqlalchemy import func, select

from app.models import User
from app.services import accounts


def register(client, username="minji", password="correct-horse"):
    return client.post("/account/register", data={"username": username, "password": password, "confirm": password})


def login(client, username="minji", password="correct-horse"):
    return client.post("/account/login", data={"username": username, "password": password})


def who(client) -> dict:
    return client.get("/account/me").get_json()


def copy_of(app, client):
    """A second browser holding a copy of `client`'s session cookie (what a thief would have)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def test_a_guest_cookie_captured_before_registering_does_not_log_in_as_the_account(app, client):
    client.post("/guest")
    captured = copy_of(app, client)
    assert who(captured)["guest"] is True
    assert register(client).status_code == 302
    assert who(client)["username"] == "minji"
    assert who(captured)["id"] is None  # the fixed cookie is worthless now


def test_log_out_revokes_a_copied_cookie(app, client):
    register(client)
    copied = copy_of(app, client)
    assert who(copied)["username"] == "minji"
    client.post("/account/logout")
    assert who(client)["id"] is None
    assert who(copied)["id"] is None


def test_log_in_starts_a_fresh_session(app, client):
    register(client)
    client.post("/account/logout")
    with client.session_transaction() as sess:
        sess["planted"] = "by someone else"
        sess["lang"] = "en"
    login(client)
    with client.session_transaction() as sess:
        assert "planted" not in sess and sess["lang"] == "en"


def test_sign_out_everywhere_keeps_only_this_browser(app, client):
    register(client)
    other_device = copy_of(app, client)
    assert client.post("/account/sign-out-everywhere").status_code == 302
    assert who(client)["username"] == "minji"
    assert who(other_device)["id"] is None


def test_sign_out_everywhere_needs_an_account(client):
    assert client.post("/account/sign-out-everywhere").status_code == 302  # to the log-in page
    assert who(client)["id"] is None


def test_changing_the_password_revokes_other_sessions(app, client, dbs):
    register(client)
    other_device = copy_of(app, client)
    with app.test_request_context("/"):
        user = accounts.find_user("minji")
        login_user(user)
        try:
            accounts.change_password(user, "wrong-one", "new-password-1")
        except accounts.AccountError as error:
            assert error.code == "bad_credentials"
        else:
            raise AssertionError("a wrong current password was accepted")
        accounts.change_password(user, "correct-horse", "new-password-1")
    assert who(other_device)["id"] is None
    client.post("/account/logout")
    assert login(client).status_code == 401
    assert login(client, password="new-password-1").status_code == 302


def test_a_cookie_from_before_session_epochs_still_works_until_revoked(app, client, dbs):
    """Guests' cookies made before the upgrade hold a bare id: epoch 0, so no guest loses their work."""
    client.post("/guest")
    guest_id = who(client)["id"]
    with client.session_transaction() as sess:
        sess["_user_id"] = str(guest_id)
    assert who(client)["id"] == guest_id


def test_fullwidth_letters_are_the_same_user_name(client, dbs):
    assert register(client, username="admin").status_code == 302
    client.post("/account/logout")
    html = register(client, username="ａｄｍｉｎ").get_data(as_text=True)
    assert "이미 사용 중인 아이디입니다." in html
    assert login(client, username="ＡＤＭＩＮ").status_code == 302
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_hangul_names_keep_one_spelling_whatever_the_composition(client, dbs):
    assert accounts.normalise_username("\u1100\u1161\u11b7") == "감"
    assert accounts.normalise_username(" Kim ") == accounts.normalise_username("KIM") == "kim"
    assert register(client, username="\u1100\u1161\u11b7\u1100\u1161\u11b7").status_code == 302
    client.post("/account/logout")
    assert login(client, username="감감").status_code == 302


def test_hsts_only_when_the_session_cookie_is_secure(app, client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    app.config["SESSION_COOKIE_SECURE"] = True
    header = client.get("/").headers["Strict-Transport-Security"]
    assert header == f"max-age={app.config['HSTS_MAX_AGE_SECONDS']}"


def test_several_gunicorn_workers_on_the_memory_store_log_a_warning(monkeypatch, database_uri, tmp_path, caplog):
    from app import create_app
    from app.security import gunicorn_workers, rate_limit_store_warning
    from tests.conftest import base_config

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_CMD_ARGS", raising=False)
    monkeypatch.setattr("sys.argv", ["/srv/.venv/bin/pytest"])
    assert gunicorn_workers() == 0
    monkeypatch.setattr("sys.argv", ["/srv/.venv/bin/gunicorn", "app:create_app()"])
    assert gunicorn_workers() == 1
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert gunicorn_workers() == 3
    monkeypatch.setattr("sys.argv", ["/srv/.venv/bin/gunicorn", "-w", "4", "app:create_app()"])
    assert gunicorn_workers() == 4
    assert rate_limit_store_warning("redis://127.0.0.1:6379/0", 4) is None
    assert rate_limit_store_warning("memory://", 1) is None
    create_app(base_config(database_uri, tmp_path))
    assert "separately in each of the 4 gunicorn workers" in caplog.text


def test_gunicorn_with_two_workers_on_the_memory_store_warns_at_start_up(sqlite_template, tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.conftest import _free_port

    root = Path(__file__).resolve().parents[2]
    database = tmp_path / "prod.sqlite3"
    shutil.copyfile(sqlite_template, database)
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "k" * 32}
    env.pop("RATELIMIT_STORAGE_URI", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:create_app()"]
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "separately in each of the 2 gunicorn workers" in output


def test_the_migration_renames_stored_names_that_nfkc_changes(database_uri, tmp_path):
    """A name stored before NFKC (full-width letters) is renamed, unless the new spelling is taken."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from app import create_app
    from app.extensions import db
    from tests.conftest import base_config

    app = create_app(base_config(database_uri, tmp_path))
    with app.app_context():
        downgrade(revision="0004")
        db.session.execute(
            text(
                "INSERT INTO users (username, role, is_guest, created_at) VALUES "
                "('ｋｉｍ', 'learner', false, CURRENT_TIMESTAMP), ('ａｄｍｉｎ', 'learner', false, CURRENT_TIMESTAMP), "
                "('admin', 'learner', false, CURRENT_TIMESTAMP), ('민지', 'learner', false, CURRENT_TIMESTAMP)"
            )
        )
        db.session.commit()
        upgrade()
        names = set(db.session.scalars(text("SELECT username FROM users")))
        db.session.remove()
        db.engine.dispose()
    assert names == {"kim", "ａｄｍｉｎ", "admin", "민지"}
