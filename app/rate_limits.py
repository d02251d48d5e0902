"""Rate-limit keys and limits. A whole classroom often shares one public IP address (school NAT),
so limits are per account name or per learner, with only a generous cap per address."""

from __future__ import annotations

import unicodedata

from flask import current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user


def per_ip_and_username() -> str:
    """Log-in and register attempts count per address *and* submitted user name."""
    name = unicodedata.normalize("NFC", (request.form.get("username") or "").strip()).casefold()[:40]
    return f"{get_remote_address()}|{name}"


def per_learner() -> str:
    """Lab commands count per signed-in learner or guest (the address only before there is one)."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


def auth_limit() -> str:
    """Attempts per user name from one address (`AUTH_RATE_LIMIT`)."""
    return current_app.config["AUTH_RATE_LIMIT"]


def auth_ip_limit() -> str:
    """Attempts from one address in all (`AUTH_IP_RATE_LIMIT`): high enough for a classroom."""
    return current_app.config["AUTH_IP_RATE_LIMIT"]


def lab_limit() -> str:
    """Lab terminal requests per learner (`LAB_RATE_LIMIT`); a busy terminal polls every 1.5 s."""
    return current_app.config["LAB_RATE_LIMIT"]
