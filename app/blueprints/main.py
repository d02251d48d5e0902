"""Home page, guest start and the language switch."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.blueprints.forms import ConfirmForm
from app.blueprints.redirects import safe_target
from app.services import accounts, course, progress

bp = Blueprint("main", __name__)


@bp.route("/")
def home() -> str:
    return render_template("main/home.html", page=progress.course_map(accounts.current_or_none()))


@bp.route("/guest", methods=["POST"])
def start_as_guest() -> Response:
    form = ConfirmForm()
    if form.validate_on_submit():
        accounts.start_as_guest()
    return redirect(url_for("main.home"))


@bp.route("/lang/<lang>", methods=["POST"])
def set_language(lang: str) -> Response:
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        accounts.set_locale(current_user if current_user.is_authenticated else None, lang)
    return redirect(safe_target(request.form.get("next"), url_for("main.home")))


@bp.route("/healthz")
def healthz() -> tuple[dict[str, object], int]:
    """`ok`, or `degraded` with the count of content problems (the site still serves the good lessons)."""
    problems = course.content_problems()
    if problems:
        return {"status": "degraded", "content_problems": len(problems)}, 200
    return {"status": "ok"}, 200
