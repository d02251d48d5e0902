"""The app as the gunicorn benchmark serves it: the database from DATABASE_URL, CSRF and the lab
rate limit out of the way (the load generator is one address sending as fast as it can)."""

from __future__ import annotations

from app import create_app

app = create_app({"SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False, "LAB_RATE_LIMIT": "10000000 per minute"})
