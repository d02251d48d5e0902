"""The lab page, the playground and the JSON endpoints their terminal talks to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, current_app, jsonify, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from app import rate_limits
from app.extensions import limiter
from app.services import lab_files, labs
from app.services.labs import PLAYGROUND_ID, LabConflict, LabError, LabNotFound

bp = Blueprint("labs", __name__)

ACTIONS: dict[str, Callable[[str, dict[str, Any], str], dict[str, Any]]] = {
    "run": labs.run_command,
    "interrupt": labs.interrupt,
    "poll": labs.poll,
    "clear": labs.clear_screen,
    "undo": labs.undo,
    "reset": labs.reset,
    "hint": labs.next_hint,
    "solution": labs.reveal_solution,
    "grade": labs.grade,
    "file": lab_files.save_file,
}


@bp.errorhandler(LabNotFound)
def lab_not_found(error: LabNotFound) -> Any:
    return current_app.handle_http_exception(NotFound())


@bp.errorhandler(LabError)
def lab_error(error: LabError) -> tuple[Response, int]:
    return jsonify(ok=False, error=str(error)), 400


@bp.errorhandler(429)
def too_many_requests(error: Exception) -> tuple[Response, int]:
    return jsonify(ok=False, error=_("Too many commands in a short time. Wait a moment and try again.")), 429


@bp.errorhandler(LabConflict)
def lab_conflict(error: LabConflict) -> tuple[Response, int]:
    message = _("This lab changed in another tab or device. The page shows the latest state now; try again.")
    return jsonify(ok=False, conflict=True, error=message), 409


@bp.route("/labs/<lab_id>")
def lab(lab_id: str) -> str:
    return render_template("labs/lab.html", **labs.lab_page(lab_id, str(get_locale())))


@bp.route("/playground")
def playground() -> str:
    return render_template("labs/playground.html", **labs.page(PLAYGROUND_ID, str(get_locale())))


@bp.route("/labs/<lab_id>/file")
def read_file(lab_id: str) -> Response:
    return jsonify(lab_files.read_file(lab_id, request.args.get("path")))


@bp.route("/labs/<lab_id>/<action>", methods=["POST"])
@limiter.limit(rate_limits.lab_limit, key_func=rate_limits.per_learner)
def act(lab_id: str, action: str) -> Response:
    handler = ACTIONS.get(action)
    body = request.get_json(silent=True)
    if handler is None or not isinstance(body, dict):
        abort(404 if handler is None else 400)
    return jsonify(handler(lab_id, body, str(get_locale())))
