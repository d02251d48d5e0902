"""The learner's progress page and their own export (CSV, JSON)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from app.services import accounts, progress

bp = Blueprint("progress", __name__, url_prefix="/progress")


@bp.route("/")
def overview() -> str:
    return render_template("progress/overview.html", page=progress.overview(accounts.current_or_none()))


@bp.route("/export.<fmt>")
def export(fmt: str) -> Response:
    if fmt not in ("csv", "json"):
        abort(404)
    user = accounts.current_or_none()
    if user is None:
        abort(404)
    text, mimetype = progress.export(user, fmt)
    filename = f"docker-dojo-progress.{fmt}"
    return Response(text, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
