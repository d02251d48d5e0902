"""What the classes and assignments blueprints share: error pages, the write limit, the current user."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, request, url_for
from flask_login import current_user
from werkzeug.exceptions import Forbidden, NotFound
from werkzeug.wrappers import Response

from app.services import accounts
from app.services.assignments import AssignmentNotFound
from app.services.classes import ClassNotFound, NotInstructor

WRITE_LIMIT_DEFAULT = "120 per minute"


def write_limit() -> str:
    """Writes per learner on the class and assignment pages (`CLASSROOM_RATE_LIMIT`)."""
    return current_app.config.get("CLASSROOM_RATE_LIMIT", WRITE_LIMIT_DEFAULT)


def me() -> Any:
    """The signed-in user or guest, or None."""
    return accounts.current_or_none()


def register_errors(bp: Blueprint) -> None:
    """Anonymous visitors log in first; others get 403 (not an instructor) or 404 (not theirs)."""

    @bp.errorhandler(NotInstructor)
    def not_instructor(error: NotInstructor) -> Any:
        if not current_user.is_authenticated or current_user.is_guest:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return current_app.handle_http_exception(Forbidden())

    @bp.errorhandler(ClassNotFound)
    @bp.errorhandler(AssignmentNotFound)
    def not_found(error: Exception) -> Any:
        if not current_user.is_authenticated:
            return login_first()
        return current_app.handle_http_exception(NotFound())


def login_first() -> Response:
    """Send a visitor without an account to log in, then back here."""
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
