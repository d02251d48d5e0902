"""Docker Dojo (도커 도장): the application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from app import config as config_module
from app import database, edge, i18n, rate_limits, security, static_files, web_errors
from app.blueprints import BLUEPRINTS
from app.cli import register_cli
from app.extensions import babel, csrf, db, limiter, login_manager, migrate
from app.services import accounts

MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, CLI commands."""
    app = Flask(__name__, instance_relative_config=True)
    _configure(app, config)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)

    login_manager.user_loader(accounts.load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    database.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.init_app(app)
    security.init_app(app)
    rate_limits.init_app(app)
    edge.init_app(app)
    static_files.init_app(app)
    web_errors.init_app(app)
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
    register_cli(app)
    return app


def _configure(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Defaults, then instance/config.py (only without overrides), the environment, then the overrides.

    As in flaskr, an explicit `config` (tests, benchmarks) replaces the instance file and wins over
    the environment, so a developer's instance/config.py or exported CONTENT_DIR cannot change
    what a test sees. Settings derived from others are computed after the overrides.
    """
    app.config.from_object(config_module.Config)
    os.makedirs(app.instance_path, exist_ok=True)
    if overrides is None:
        app.config.from_pyfile("config.py", silent=True)
    for key in config_module.ENV_SETTINGS:
        if os.environ.get(key):
            app.config[key] = os.environ[key]
    for key in config_module.ENV_FLAGS:
        if os.environ.get(key):
            app.config[key] = config_module.env_flag(os.environ[key])
    if overrides:
        app.config.update(overrides)
    # Behind TLS the remember-me cookie must be Secure too.
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]

    url = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config.get("DATABASE_URL")
    if not url:
        url = "sqlite:///" + os.path.join(app.instance_path, "dojo.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = config_module.normalise_database_url(url)
    if url.startswith("sqlite"):
        # Several gunicorn workers share the file: wait for a lock instead of failing at once.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"connect_args": {"timeout": 15}})
    else:
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.secret_key_from_instance(app.instance_path)
    app.config["RATELIMIT_STORAGE_URI"] = app.config.get("RATELIMIT_STORAGE_URI") or "memory://"
