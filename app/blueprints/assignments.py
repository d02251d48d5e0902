"""Assignments: the learner's list, taking an attempt (autosave, submit, labs), the instructor's pages."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from app import rate_limits
from app.blueprints import classroom
from app.blueprints.assignment_forms import AssignmentForm, DuplicateForm, OverrideForm
from app.blueprints.forms import ConfirmForm
from app.extensions import limiter
from app.services import assignment_admin, assignment_pages, assignments, attempt_labs, attempts
from app.services.classes import utc_now

bp = Blueprint("assignments", __name__)
classroom.register_errors(bp)
WRITE = limiter.limit(classroom.write_limit, key_func=rate_limits.per_learner, methods=["POST"])
LAB_LIMIT = limiter.limit(rate_limits.lab_limit, key_func=rate_limits.per_learner)


def refusal(code: str) -> str:
    """The words for a refused attempt action."""
    return {
        "not_open": _("This assignment is not open yet."),
        "closed": _("This assignment is closed."),
        "no_attempts_left": _("You have used every attempt."),
        "finished": _("This attempt is submitted; answers can no longer change."),
        "no_such_item": _("No such question in this attempt."),
        "changed": _("The attempt changed in another tab. Reload the page."),
        "empty": _("Choose or enter an answer first."),
        "too_long": _("The answer is too long (%(limit)s characters at most).", limit="4,096"),
    }.get(code, code)


@bp.app_template_filter("local_time")
def local_time(moment: Any, timezone: str) -> str:
    """A stored UTC time as the class's wall clock, e.g. 2026-12-07 14:30 (Asia/Seoul)."""
    return assignments.to_local(moment, timezone).strftime("%Y-%m-%d %H:%M") if moment else ""


@bp.app_template_global("my_assignment_groups")
def my_assignment_groups() -> dict[str, list[Any]]:
    """The learner's assignments for the home page's block (empty for guests and visitors)."""
    return assignment_pages.my_assignments(classroom.me(), utc_now())


@bp.errorhandler(attempts.AttemptRefused)
def refused(error: attempts.AttemptRefused) -> Any:
    if request.is_json or request.accept_mimetypes.best == "application/json":
        return jsonify(ok=False, error=refusal(error.code), code=error.code), 409
    flash(refusal(error.code), "error")
    return redirect(request.referrer or url_for("assignments.mine"))


@bp.errorhandler(attempt_labs.AttemptLabClosed)
def lab_closed(error: attempt_labs.AttemptLabClosed) -> tuple[Response, int]:
    return jsonify(ok=False, error=str(error)), 409


@bp.errorhandler(attempt_labs.labs.LabError)
def lab_error(error: Exception) -> tuple[Response, int]:
    return jsonify(ok=False, error=str(error)), 400


@bp.errorhandler(attempt_labs.labs.LabConflict)
def lab_conflict(error: Exception) -> tuple[Response, int]:
    message = _("This lab changed in another tab or device. The page shows the latest state now; try again.")
    return jsonify(ok=False, conflict=True, error=message), 409


@bp.errorhandler(attempt_labs.labs.LabNotFound)
def lab_missing(error: Exception) -> Any:
    return current_app.handle_http_exception(NotFound())


@bp.route("/assignments")
def mine() -> Any:
    if not current_user.is_authenticated:
        return classroom.login_first()
    return render_template("assignments/mine.html", groups=assignment_pages.my_assignments(classroom.me(), utc_now()))


@bp.route("/assignments/<int:assignment_id>")
def intro(assignment_id: int) -> str:
    page = assignment_pages.assignment_intro(classroom.me(), assignment_id, utc_now())
    return render_template("assignments/intro.html", **page, form=ConfirmForm())


@bp.route("/assignments/<int:assignment_id>/start", methods=["POST"])
@WRITE
def start(assignment_id: int) -> Response:
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("assignments.intro", assignment_id=assignment_id))
    attempt = attempts.start(classroom.me(), assignment_id, utc_now())
    return redirect(url_for("assignments.take", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>")
def take(attempt_id: int) -> str | Response:
    page = assignment_pages.attempt_page(classroom.me(), attempt_id, utc_now())
    if page["finished"]:
        return redirect(url_for("assignments.review", attempt_id=attempt_id))
    return render_template("assignments/take.html", **page, form=ConfirmForm())


@bp.route("/attempts/<int:attempt_id>/answer/<int:slot>", methods=["POST"])
@WRITE
def answer(attempt_id: int, slot: int) -> Response | tuple[Response, int]:
    if not ConfirmForm().validate_on_submit():
        return jsonify(ok=False, error=_("The form expired. Reload the page.")), 400
    attempts.save_answer(classroom.me(), attempt_id, slot, request.form, utc_now())
    if request.accept_mimetypes.best == "application/json":
        return jsonify(ok=True, slot=slot, saved=_("Saved."))
    flash(_("Answer %(n)d saved.", n=slot + 1), "success")
    return redirect(url_for("assignments.take", attempt_id=attempt_id, _anchor=f"slot-{slot}"))


@bp.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
@WRITE
def submit(attempt_id: int) -> Response:
    if ConfirmForm().validate_on_submit():
        attempts.submit(classroom.me(), attempt_id, utc_now())
        flash(_("Submitted."), "success")
    return redirect(url_for("assignments.review", attempt_id=attempt_id))


@bp.route("/attempts/<int:attempt_id>/review")
def review(attempt_id: int) -> str | Response:
    page = assignment_pages.review(classroom.me(), attempt_id, utc_now())
    if not page["finished"]:
        return redirect(url_for("assignments.take", attempt_id=attempt_id))
    return render_template("assignments/review.html", **page)


@bp.route("/attempts/<int:attempt_id>/labs/<lab_id>")
def lab(attempt_id: int, lab_id: str) -> str:
    page = attempt_labs.page(classroom.me(), attempt_id, lab_id, str(get_locale()), utc_now())
    return render_template("assignments/lab.html", **page)


@bp.route("/attempts/<int:attempt_id>/labs/<lab_id>/file")
def lab_file(attempt_id: int, lab_id: str) -> Response:
    return jsonify(attempt_labs.read_file(classroom.me(), attempt_id, lab_id, request.args.get("path"), utc_now()))


@bp.route("/attempts/<int:attempt_id>/labs/<lab_id>/<action>", methods=["POST"])
@LAB_LIMIT
def lab_action(attempt_id: int, lab_id: str, action: str) -> Response:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(ok=False, error=_("The request failed. Reload the page and try again.")), 400  # type: ignore[return-value]
    reply = attempt_labs.act(classroom.me(), attempt_id, lab_id, action, body, str(get_locale()), utc_now())
    return jsonify(reply)


# --- the instructor's pages -------------------------------------------------------------------


@bp.route("/classes/<int:class_id>/assignments/new", methods=["GET", "POST"])
@WRITE
def new(class_id: int) -> Any:
    school_class = assignment_admin.class_for_new(classroom.me(), class_id)
    form = AssignmentForm()
    if form.validate_on_submit():
        created = assignment_admin.create(
            school_class, classroom.me(), form.settings(school_class.timezone), form.choice()
        )
        flash(_("Assignment saved."), "success")
        return redirect(url_for("assignments.report", assignment_id=created.id))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "assignments/edit.html", school_class=school_class, form=form, assignment=None, **assignment_admin.picker()
    ), status


@bp.route("/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
@WRITE
def edit(assignment_id: int) -> Any:
    page = assignment_admin.edit_page(classroom.me(), assignment_id)
    form = AssignmentForm(obj=None if request.method == "POST" else page["form_data"])
    if form.validate_on_submit():
        assignment_admin.save_edit(page, form.settings(page["school_class"].timezone), form.choice(), request.form)
        flash(_("Assignment saved."), "success")
        return redirect(url_for("assignments.report", assignment_id=assignment_id))
    status = 400 if request.method == "POST" else 200
    return render_template("assignments/edit.html", form=form, **page, **assignment_admin.picker()), status


@bp.route("/assignments/<int:assignment_id>/report")
def report(assignment_id: int) -> str:
    page = assignment_pages.assignment_report(classroom.me(), assignment_id, utc_now())
    forms = {
        "override_form": OverrideForm(),
        "duplicate_form": DuplicateForm(targets=assignment_admin.duplicate_targets(page)),
    }
    return render_template("assignments/report.html", **page, **forms)


@bp.route("/assignments/<int:assignment_id>/overrides", methods=["POST"])
@WRITE
def override(assignment_id: int) -> Response:
    assignment_admin.require_teacher(classroom.me(), assignment_id)
    form = OverrideForm()
    done = assignment_admin.save_override(classroom.me(), assignment_id, form) if form.validate_on_submit() else False
    if done:
        flash(_("Override saved."), "success")
    else:
        flash(_("The override could not be saved: check the learner and the values."), "error")
    return redirect(url_for("assignments.report", assignment_id=assignment_id))


@bp.route("/assignments/<int:assignment_id>/duplicate", methods=["POST"])
@WRITE
def duplicate(assignment_id: int) -> Response:
    assignment_admin.require_teacher(classroom.me(), assignment_id)
    target = request.form.get("target", type=int)
    if not ConfirmForm().validate_on_submit() or target is None:
        flash(_("Choose a class to copy to."), "error")
        return redirect(url_for("assignments.report", assignment_id=assignment_id))
    copy = assignment_admin.duplicate(classroom.me(), assignment_id, target)
    flash(_("Assignment copied."), "success")
    return redirect(url_for("assignments.edit", assignment_id=copy.id))


@bp.route("/attempts/<int:attempt_id>/detail")
def detail(attempt_id: int) -> str:
    page = assignment_pages.attempt_for_teacher(classroom.me(), attempt_id, utc_now())
    return render_template("assignments/detail.html", **page)
