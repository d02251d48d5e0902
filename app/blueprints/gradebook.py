"""The instructor's gradebook, grade overrides, assignment statistics, misconceptions and exports."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from werkzeug.wrappers import Response
from wtforms import BooleanField, DecimalField, StringField
from wtforms.validators import Length, NumberRange, Optional

from app import rate_limits
from app.blueprints import classroom
from app.extensions import limiter
from app.services import assignment_stats, gradebook, gradebook_exports
from app.services import misconceptions as misconception_groups
from app.services.classes import utc_now

bp = Blueprint("gradebook", __name__)
classroom.register_errors(bp)
WRITE = limiter.limit(classroom.write_limit, key_func=rate_limits.per_learner, methods=["POST"])


class GradeForm(FlaskForm):
    """A grade set by hand, an excusal and the reason."""

    grade = DecimalField(_l("Grade (empty: the computed grade counts)"), validators=[Optional(), NumberRange(min=0)])
    excused = BooleanField(_l("Excused (left out of the totals)"))
    comment = StringField(_l("Comment"), validators=[Length(max=gradebook.MAX_COMMENT)])


def grade_refusal(code: str) -> str:
    """The words for a refused override."""
    return {
        "out_of_range": _("A grade is between 0 and the assignment's points."),
        "comment_too_long": _("The comment is too long."),
    }.get(code, code)


@bp.route("/classes/<int:class_id>/gradebook")
def show(class_id: int) -> str:
    args = request.args
    book = gradebook.page(
        classroom.me(),
        class_id,
        utc_now(),
        args.get("sort", "name"),
        args.get("state", ""),
        args.get("q", ""),
        args.get("page", 1, type=int) or 1,
    )
    return render_template("gradebook/show.html", book=book, states=gradebook.STATES, args=args)


@bp.route("/assignments/<int:assignment_id>/grades/<int:user_id>", methods=["GET", "POST"])
@WRITE
def grade(assignment_id: int, user_id: int) -> Any:
    data = gradebook.grade_page(classroom.me(), assignment_id, user_id, utc_now())
    form = GradeForm()
    if form.validate_on_submit():
        value = float(form.grade.data) if form.grade.data is not None else None
        try:
            gradebook.set_override(
                classroom.me(), assignment_id, user_id, value, form.excused.data, form.comment.data or "", utc_now()
            )
        except gradebook.GradeRefused as refused:
            flash(grade_refusal(refused.code), "error")
            return render_template("gradebook/grade.html", form=form, **data), 400
        flash(_("Grade saved."), "success")
        return redirect(url_for("gradebook.show", class_id=data["school_class"].id))  # type: ignore[attr-defined]
    if request.method == "GET" and data["override"] is not None:
        current = data["override"]
        form.grade.data, form.excused.data, form.comment.data = current.grade, current.excused, current.comment  # type: ignore[attr-defined]
    status = 400 if request.method == "POST" else 200
    return render_template("gradebook/grade.html", form=form, **data), status


@bp.route("/assignments/<int:assignment_id>/statistics")
def statistics(assignment_id: int) -> str:
    page = assignment_stats.assignment_statistics(classroom.me(), assignment_id, request.args.get("all") == "1")
    chart = assignment_stats.chart_svg(
        page, _("Score distribution"), _("How many attempts reached each range of total points.")
    )
    return render_template("gradebook/statistics.html", page=page, chart=Markup(chart))


@bp.route("/classes/<int:class_id>/misconceptions")
def misconceptions(class_id: int) -> str:
    return render_template("gradebook/misconceptions.html", **misconception_groups.for_class(classroom.me(), class_id))


@bp.route("/assignments/<int:assignment_id>/misconceptions")
def assignment_misconceptions(assignment_id: int) -> str:
    page = misconception_groups.for_assignment(classroom.me(), assignment_id)
    return render_template("gradebook/misconceptions.html", **page)


def _download(data: bytes, mimetype: str, filename: str) -> Response:
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/classes/<int:class_id>/gradebook.<fmt>")
def export(class_id: int, fmt: str) -> Response:
    if fmt not in gradebook_exports.GRADEBOOK_FORMATS:
        abort(404)
    data = gradebook_exports.gradebook_for_teacher(classroom.me(), class_id, fmt, utc_now())
    return _download(data, gradebook_exports.GRADEBOOK_FORMATS[fmt], f"gradebook-{class_id}.{fmt}")


@bp.route("/assignments/<int:assignment_id>/item-analysis.<fmt>")
def item_analysis(assignment_id: int, fmt: str) -> Response:
    if fmt not in gradebook_exports.ITEM_FORMATS:
        abort(404)
    page = assignment_stats.assignment_statistics(classroom.me(), assignment_id, request.args.get("all") == "1")
    data = gradebook_exports.item_analysis_file(page, fmt)
    return _download(data, gradebook_exports.GRADEBOOK_FORMATS[fmt], f"item-analysis-{assignment_id}.{fmt}")
