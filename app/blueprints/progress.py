"""The learner's progress page and their own export (CSV, XLSX, PDF, JSON)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from app import rate_limits
from app.extensions import limiter
from app.services import accounts, exports_learner, progress

bp = Blueprint("progress", __name__, url_prefix="/progress")


@bp.route("/")
def overview() -> str:
    return render_template("progress/overview.html", page=progress.overview(accounts.current_or_none()))


@bp.route("/export.<fmt>")
# A PDF costs a second of CPU: a learner gets a classroom's worth of downloads, not a flood.
@limiter.limit("30 per minute", key_func=rate_limits.per_learner)
def export(fmt: str) -> Response:
    user = accounts.current_or_none()
    if fmt not in exports_learner.FORMATS or user is None:
        abort(404)
    data, mimetype = exports_learner.learner_export(user, fmt)
    filename = f"docker-dojo-progress.{fmt}"
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
