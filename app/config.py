"""Configuration: defaults here, overridden by instance/config.py, then by the environment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# Settings the environment may override; everything else comes from instance/config.py.
ENV_SETTINGS = ("SECRET_KEY", "DATABASE_URL", "RATELIMIT_STORAGE_URI", "CONTENT_DIR", "TIMEZONE")
# Yes/no settings the environment may override (`1`, `true`, `yes` mean yes).
ENV_FLAGS = ("SESSION_COOKIE_SECURE",)


def env_flag(value: str) -> bool:
    """`1`, `true`, `yes`, `on` (any case) mean yes; anything else no."""
    return value.strip().lower() in {"1", "true", "yes", "on"}


def normalise_database_url(url: str) -> str:
    """Map `postgres://` and `postgresql://` to the psycopg 3 driver SQLAlchemy needs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key_from_instance(instance_path: str) -> str:
    """Read instance/secret_key, creating it with a random key on first run (never a fixed default)."""
    path = Path(instance_path) / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    # Exclusive create: when several workers start at once, only one writes the key.
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_hex(32))
    return path.read_text(encoding="ascii").strip()


class Config:
    """Defaults for every deployment."""

    DATABASE_URL: str | None = None
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    CONTENT_DIR = str(BASE_DIR / "content")
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STRATEGY = "fixed-window"
    # Rate limits (app/rate_limits.py; each is explained in docs/architecture.md, "Security").
    AUTH_RATE_LIMIT = "10 per minute"  # register: per address and user name
    AUTH_IP_RATE_LIMIT = "200 per minute"  # register: per address (a classroom shares one)
    LAB_RATE_LIMIT = "300 per minute"  # lab terminal requests per learner
    WRITE_RATE_LIMIT = "120 per minute"  # every other write, per learner or guest
    ANONYMOUS_WRITE_RATE_LIMIT = "200 per hour"  # writes by visitors with no guest yet, per address
    WRITE_ADDRESS_RATE_LIMIT = "3000 per minute"  # flood cap on all writes from one address
    LOGIN_FREE_FAILURES = 5  # wrong passwords per user name before the back-off starts
    LOGIN_BACKOFF_BASE_SECONDS = 2  # first lock; doubles with each further failure
    LOGIN_BACKOFF_MAX_SECONDS = 300  # longest lock
    LOGIN_FAILURE_WINDOW_SECONDS = 3600  # failures are forgotten this long after the first
    LOGIN_ADDRESS_FAILURE_BUDGET = 100  # failures from one address before its names lose free failures
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # True behind TLS; also turns on HSTS (app/security.py)
    HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 512 * 1024
    BABEL_DEFAULT_LOCALE = "ko"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "app" / "translations")
    LANGUAGES = ("ko", "en")
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    TIMEZONE = "Asia/Seoul"  # study days, streaks and the daily new-card limit use its midnight
    NEW_CARDS_PER_DAY = 20
    FSRS_DESIRED_RETENTION = 0.9
    TESTING = False
