"""Security headers sent with every response, and start-up warnings about unsafe settings."""

from __future__ import annotations

import os
import shlex
import sys

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app: Flask) -> None:
    """Add the headers after every request."""

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if app.config.get("SESSION_COOKIE_SECURE"):
            # Served over TLS: browsers must never fall back to plain HTTP for this site.
            response.headers.setdefault(
                "Strict-Transport-Security", f"max-age={int(app.config['HSTS_MAX_AGE_SECONDS'])}"
            )
        return response

    warning = rate_limit_store_warning(app.config["RATELIMIT_STORAGE_URI"], gunicorn_workers())
    if warning:
        app.logger.warning(warning)


def gunicorn_workers() -> int:
    """How many gunicorn workers this process belongs to (0 when not under gunicorn).

    gunicorn reads the worker count from `--workers`/`-w` on its command line, `GUNICORN_CMD_ARGS`
    or `WEB_CONCURRENCY`; the app sees the same sources.
    """
    argv = sys.argv
    # `gunicorn ...` or `python -m gunicorn ...` (argv[0] is then gunicorn/__main__.py).
    if not argv or "gunicorn" not in argv[0]:
        return 0
    # Later arguments win, as in gunicorn: GUNICORN_CMD_ARGS, then the command line itself.
    args = shlex.split(os.environ.get("GUNICORN_CMD_ARGS", "")) + argv[1:]
    concurrency = os.environ.get("WEB_CONCURRENCY", "")
    workers = int(concurrency) if concurrency.isdigit() else 1
    for index, arg in enumerate(args):
        if arg in ("-w", "--workers") and index + 1 < len(args) and args[index + 1].isdigit():
            workers = int(args[index + 1])
        elif arg.startswith("--workers=") and arg.split("=", 1)[1].isdigit():
            workers = int(arg.split("=", 1)[1])
        elif arg.startswith("-w") and arg[2:].isdigit():
            workers = int(arg[2:])
    return workers


def rate_limit_store_warning(storage_uri: str, workers: int) -> str | None:
    """The warning to log when several workers each count rate limits in their own memory."""
    if workers > 1 and storage_uri.startswith("memory://"):
        return (
            f"rate limits are counted in memory, separately in each of the {workers} gunicorn workers: "
            "every limit is effectively multiplied by the number of workers. "
            "Set RATELIMIT_STORAGE_URI to a shared store such as redis://host:6379/0."
        )
    return None
