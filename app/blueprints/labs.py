"""The lab page, the playground and the JSON endpoints their terminal talks to."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from app import rate_limits
from app.extensions import limiter
from app.services import lab_files, lab_limits, lab_view, labs
from app.services.lab_actions import ACTIONS
from app.services.labs import PLAYGROUND_ID, LabConflict, LabError, LabNotFound, LabTooLarge

bp = Blueprint("labs", __name__)


def json_reply(data: dict[str, Any], status: int = 200) -> Response:
    """A JSON answer, never over MAX_REPLY_BYTES: past it the output is left out with a note."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(body.encode("utf-8", "surrogatepass")) > lab_limits.MAX_REPLY_BYTES:
        slim = {k: v for k, v in data.items() if k in ("ok", "version", "epoch", "status", "undo", "best_score")}
        slim["error"] = _("The answer was too large to send. Reload the page, or reset the lab.")
        body = json.dumps(slim, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status=status, mimetype="application/json")


@bp.errorhandler(LabNotFound)
def lab_not_found(error: LabNotFound) -> Any:
    return current_app.handle_http_exception(NotFound())


@bp.errorhandler(LabError)
def lab_error(error: LabError) -> Response:
    return json_reply({"ok": False, "error": str(error)}, 400)


@bp.errorhandler(LabTooLarge)
def lab_too_large(error: LabTooLarge) -> Response:
    return json_reply({"ok": False, "too_large": True, "error": str(error)}, 400)


@bp.errorhandler(429)
def too_many_requests(error: Exception) -> Response:
    return json_reply({"ok": False, "error": _("Too many commands in a short time. Wait a moment and try again.")}, 429)


@bp.errorhandler(LabConflict)
def lab_conflict(error: LabConflict) -> Response:
    message = _("This lab changed in another tab or device. The page shows the latest state now; try again.")
    return json_reply({"ok": False, "conflict": True, "error": message}, 409)


@bp.route("/labs/<lab_id>")
def lab(lab_id: str) -> str:
    return render_template("labs/lab.html", **labs.lab_page(lab_id, str(get_locale())))


@bp.route("/playground")
def playground() -> str:
    return render_template("labs/playground.html", **labs.page(PLAYGROUND_ID, str(get_locale())))


@bp.route("/lab-words.json")
def words() -> Response:
    """The Tab-completion words: the same for every lab, so cached for a year under a hashed URL."""
    body, digest = lab_view.completion_words_json()
    response = Response(body, mimetype="application/json")
    response.set_etag(digest)
    if request.args.get("v") == digest:
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response.make_conditional(request)


@bp.route("/labs/<lab_id>/file")
@limiter.limit(rate_limits.lab_limit, key_func=rate_limits.per_learner)
def read_file(lab_id: str) -> Response:
    return json_reply(lab_files.read_file(lab_id, request.args.get("path")))


@bp.route("/labs/<lab_id>/<action>", methods=["POST"])
@limiter.limit(rate_limits.lab_limit, key_func=rate_limits.per_learner)
def act(lab_id: str, action: str) -> Response:
    handler = ACTIONS.get(action)
    if handler is None:
        abort(404)
    return json_reply(handler(lab_id, read_json_body(), str(get_locale())))


def read_json_body() -> dict[str, Any]:
    """The request's JSON object, or LabError (400) for anything a lab should not act on.

    Refused: no JSON object, NaN/Infinity, nesting deeper than MAX_JSON_DEPTH, and text that is
    not valid Unicode (a lone surrogate such as "\\ud800"). Lab endpoints only; the lead may
    later fold this into one reader for every endpoint.
    """
    if not request.is_json:
        raise LabError(_("The request could not be read."))
    try:
        body = json.loads(request.get_data(cache=True), parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise LabError(_("The request could not be read.")) from None
    if not isinstance(body, dict) or not _clean(body, lab_limits.MAX_JSON_DEPTH):
        raise LabError(_("The request could not be read."))
    return body


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def _clean(value: Any, depth: int) -> bool:
    """No deeper than `depth` and every string (keys too) encodable as UTF-8."""
    if depth < 0:
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_clean(k, depth) and _clean(v, depth - 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_clean(v, depth - 1) for v in value)
    return True
