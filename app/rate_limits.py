"""Rate limits that slow an attacker without blocking a classroom behind one school address.

- Log-in: wrong passwords back off *per user name* (everywhere, whatever the address); a name
  is never locked by other names' failures, so a correct password is refused only after failures
  for that same name. An address with many failures loses the free failures for names it tries.
- Every other write (POST): per learner (`WRITE_RATE_LIMIT`), per address for visitors with no
  guest yet (`ANONYMOUS_WRITE_RATE_LIMIT`, so a fresh guest brings no fresh budget), and a
  generous per-address flood cap (`WRITE_ADDRESS_RATE_LIMIT`) a classroom never reaches.
- Register also counts per address and user name (`AUTH_RATE_LIMIT`, `AUTH_IP_RATE_LIMIT`).
Every number is a setting (see `app/config.py` and the security section of docs/architecture.md).
"""

from __future__ import annotations

from flask import Flask, abort, current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse_many

from app.extensions import limiter
from app.usernames import normalise_username

# Endpoints that count their writes per learner themselves (the lab terminal polls often).
OWN_LEARNER_LIMIT = frozenset({"labs.act"})
# Log-in is throttled by per-name back-off instead (see `record_login_failure`).
LOGIN_ENDPOINT = "auth.login"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def per_ip_and_username() -> str:
    """Register attempts count per address *and* submitted user name."""
    name = normalise_username(request.form.get("username") or "")[:40]
    return f"{get_remote_address()}|{name}"


def per_learner() -> str:
    """Lab commands count per signed-in learner or guest (the address only before there is one)."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


def auth_limit() -> str:
    """Register attempts per user name from one address (`AUTH_RATE_LIMIT`)."""
    return current_app.config["AUTH_RATE_LIMIT"]


def auth_ip_limit() -> str:
    """Register attempts from one address in all (`AUTH_IP_RATE_LIMIT`): high enough for a classroom."""
    return current_app.config["AUTH_IP_RATE_LIMIT"]


def lab_limit() -> str:
    """Lab terminal requests per learner (`LAB_RATE_LIMIT`); a busy terminal polls every 1.5 s."""
    return current_app.config["LAB_RATE_LIMIT"]


# --- log-in back-off ------------------------------------------------------------------------


def _key(kind: str, value: str) -> str:
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or ""
    return f"{prefix}dojo/{kind}/{value}"


def _active() -> bool:
    """Limits are on unless this app's configuration turns them off."""
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def login_locked(name: str) -> bool:
    """Whether this user name is waiting out a back-off after its own wrong passwords."""
    return _active() and limiter.storage.get(_key("login-lock", name)) > 0


def record_login_failure(name: str) -> None:
    """Count a wrong password for `name` (and its address); past the free failures, lock the name.

    The lock doubles with each further failure (`LOGIN_BACKOFF_BASE_SECONDS` up to
    `LOGIN_BACKOFF_MAX_SECONDS`); failures are forgotten `LOGIN_FAILURE_WINDOW_SECONDS` after
    the first. An address past `LOGIN_ADDRESS_FAILURE_BUDGET` failures gets no free failures.
    """
    if not _active():
        return
    config = current_app.config
    window = int(config["LOGIN_FAILURE_WINDOW_SECONDS"])
    storage = limiter.storage
    failures = storage.incr(_key("login-fail", name), window)
    address_failures = storage.incr(_key("login-fail-ip", get_remote_address()), window)
    free = 0 if address_failures > int(config["LOGIN_ADDRESS_FAILURE_BUDGET"]) else int(config["LOGIN_FREE_FAILURES"])
    if failures <= free:
        return
    base, ceiling = int(config["LOGIN_BACKOFF_BASE_SECONDS"]), int(config["LOGIN_BACKOFF_MAX_SECONDS"])
    seconds = min(base * 2 ** min(failures - free - 1, 30), ceiling)
    lock = _key("login-lock", name)
    storage.clear(lock)
    storage.incr(lock, max(seconds, 1))


def record_login_success(name: str) -> None:
    """A right password clears the name's failures."""
    if _active():
        limiter.storage.clear(_key("login-fail", name))
        limiter.storage.clear(_key("login-lock", name))


# --- every other write ----------------------------------------------------------------------


def _hit(setting: str, *identifiers: str) -> bool:
    """Count one hit against every limit in `setting`; False when one of them is used up."""
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or ""
    return all(
        limiter.limiter.hit(item, prefix + "dojo-write", *identifiers)
        for item in parse_many(current_app.config[setting])
    )


def check_write_limits() -> None:
    """Refuse (429) a write over its per-learner, per-address or anonymous-address budget."""
    if request.method in SAFE_METHODS or not _active() or request.endpoint is None:
        return
    address = get_remote_address()
    if request.endpoint == LOGIN_ENDPOINT:
        return
    if not _hit("WRITE_ADDRESS_RATE_LIMIT", "address", address):
        abort(429)
    if not current_user.is_authenticated:
        if not _hit("ANONYMOUS_WRITE_RATE_LIMIT", "anonymous", address):
            abort(429)
    elif request.endpoint not in OWN_LEARNER_LIMIT and not _hit("WRITE_RATE_LIMIT", "learner", str(current_user.id)):
        abort(429)


def init_app(app: Flask) -> None:
    """Check the write limits before every view."""
    app.before_request(check_write_limits)
