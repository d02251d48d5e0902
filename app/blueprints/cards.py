"""Flashcards: the review session, grading (JSON from the page's script, or a plain form), statistics."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user

from app.blueprints.forms import ReviewForm, json_formdata
from app.services import accounts, flashcards

bp = Blueprint("cards", __name__, url_prefix="/cards")


def _rating_names() -> dict[int, str]:
    return {1: _("Again"), 2: _("Hard"), 3: _("Good"), 4: _("Easy")}


def _error(code: str) -> ResponseReturnValue:
    """The learner-facing words for a grading problem, as JSON or as an error page."""
    messages = {
        "bad_rating": _("Choose a rating from 1 to 4: 1 Again, 2 Hard, 3 Good, 4 Easy."),
        "unknown_card": _("There is no flashcard with this id. It may have been removed from the course."),
        "bad_version": _("The card's version is missing. Reload the page and try again."),
    }
    status = 404 if code == "unknown_card" else 400
    message = messages.get(code, _("The request could not be completed."))
    if request.is_json:
        return {"error": code, "message": message}, status
    title = _("This review was not recorded")
    return render_template("errors/error.html", code=status, title=title, message=message), status


def _outcome_message(outcome: flashcards.ReviewOutcome) -> str:
    if not outcome.recorded:
        return _("This review was already recorded.")
    when = format_timedelta(outcome.due_in or timedelta(0), granularity="minute", add_direction=True)
    return _("Saved: %(rating)s. This card comes back %(when)s.", rating=_rating_names()[outcome.rating], when=when)


def _user_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


@bp.route("")
def review() -> str:
    return render_template("cards/review.html", s=flashcards.study_session(_user_id()), names=_rating_names())


@bp.route("/<card_id>/review", methods=["POST"])
def grade(card_id: str) -> ResponseReturnValue:
    form = ReviewForm(formdata=json_formdata() if request.is_json else request.form)
    given = form.read()
    if isinstance(given, str):
        return _error(given)
    user = accounts.ensure_learner()
    try:
        outcome = flashcards.review(user.id, card_id, given.rating, given.duration_ms, given.version)
    except flashcards.ReviewError as error:
        return _error(error.code)
    if not request.is_json:
        flash(_outcome_message(outcome), "success" if outcome.recorded else "info")
        return redirect(url_for("cards.review"), code=303)
    session = flashcards.study_session(user.id)
    html = render_template("cards/_session.html", s=session, names=_rating_names())
    message = _outcome_message(outcome)
    counts = session.counts
    return {"recorded": outcome.recorded, "message": message, "html": html, "new": counts.new, "due": counts.due}


@bp.route("/stats")
def stats() -> str:
    data, charts = flashcards.statistics_page(_user_id())
    return render_template("cards/stats.html", stats=data, charts=charts)
