"""Classes: the instructor's list and class page, join codes and links, roster, bulk accounts."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app import rate_limits
from app.blueprints import classroom
from app.blueprints.class_forms import BulkAccountsForm, ClassForm, JoinForm, NewPasswordForm, TeacherForm
from app.blueprints.forms import ConfirmForm, required
from app.extensions import limiter
from app.services import assignment_pages, class_accounts, classes

bp = Blueprint("classes", __name__)
classroom.register_errors(bp)
WRITE = limiter.limit(classroom.write_limit, key_func=rate_limits.per_learner, methods=["POST"])
# Pages a learner who must change their one-time password may still reach.
OPEN_ENDPOINTS = {"classes.first_password", "auth.logout", "static", "main.set_language", "auth.me", "main.healthz"}


@bp.before_app_request
def force_password_change() -> Response | None:
    """An account made with a one-time password sets its own password before anything else."""
    if request.endpoint not in OPEN_ENDPOINTS and getattr(current_user, "must_change_password", False):
        return redirect(url_for("classes.first_password"))
    return None


def class_error(error: classes.ClassError) -> str:
    """The words for a class error."""
    return {
        "unknown_code": _("No class has this code. Check it with your teacher."),
        "archived": _("This class is archived and cannot be joined."),
        "already_member": _("You are already in this class."),
        "is_teacher": _("You teach this class."),
        "register_first": _("Register first: a class needs an account (your guest progress is kept)."),
        "no_such_instructor": _("No instructor has this user name."),
        "already_teacher": _("This instructor already teaches the class."),
    }.get(error.code, _("The request could not be completed."))


def bulk_error(error: class_accounts.BulkError) -> str:
    """The words for a problem with a list of names."""
    names = ", ".join(error.names)
    return {
        "empty_list": _("Enter at least one name."),
        "too_many": _("At most 500 names at once."),
        "empty_names": _("Empty names on lines: %(lines)s.", lines=names),
        "long_names": _("Names longer than 80 characters: %(names)s.", names=names),
        "duplicates": _("These names appear twice: %(names)s. Make them different (e.g. add a number).", names=names),
        "encoding": _("The file is neither UTF-8 nor CP949/EUC-KR text. Save it as CSV and try again."),
    }.get(error.code, _("The request could not be completed."))


@bp.route("/classes", methods=["GET", "POST"])
@WRITE
def index() -> str | Response:
    user = classes.require_instructor(classroom.me())
    form = ClassForm()
    if form.validate_on_submit():
        created = classes.create_class(user, required(form.name.data), form.term.data, required(form.timezone.data))
        flash(_("Class created. Share its code with your learners."), "success")
        return redirect(url_for("classes.show", class_id=created.id))
    return render_template("classes/index.html", summaries=classes.classes_of(user), form=form)


@bp.route("/classes/<int:class_id>")
def show(class_id: int) -> str:
    page = assignment_pages.class_page(classroom.me(), class_id)
    forms = {"edit": ClassForm(obj=page["school_class"]), "teacher": TeacherForm(), "confirm": ConfirmForm()}
    return render_template("classes/show.html", **page, **forms)


@bp.route("/classes/<int:class_id>/edit", methods=["POST"])
@WRITE
def edit(class_id: int) -> str | Response | tuple[str, int]:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    form = ClassForm()
    if form.validate_on_submit():
        classes.update_class(school_class, required(form.name.data), form.term.data, required(form.timezone.data))
        flash(_("Saved."), "success")
        return redirect(url_for("classes.show", class_id=class_id))
    page = assignment_pages.class_page(classroom.me(), class_id)
    return render_template("classes/show.html", **page, edit=form, teacher=TeacherForm(), confirm=ConfirmForm()), 400


@bp.route("/classes/<int:class_id>/archive", methods=["POST"])
@WRITE
def archive(class_id: int) -> Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    if ConfirmForm().validate_on_submit():
        classes.set_archived(school_class, request.form.get("choice") != "restore", classes.utc_now())
    return redirect(url_for("classes.show", class_id=class_id))


@bp.route("/classes/<int:class_id>/code", methods=["POST"])
@WRITE
def regenerate(class_id: int) -> Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    if ConfirmForm().validate_on_submit():
        classes.regenerate_code(school_class)
        flash(_("New class code made. The old code no longer works."), "success")
    return redirect(url_for("classes.show", class_id=class_id))


@bp.route("/classes/<int:class_id>/qr.svg")
def qr(class_id: int) -> Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    link = url_for("classes.join_link", code=school_class.join_code, _external=True)
    svg = classes.qr_svg(link, _("Join %(name)s", name=school_class.name))
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "private, no-store"})


@bp.route("/classes/<int:class_id>/teachers", methods=["POST"])
@WRITE
def add_teacher(class_id: int) -> Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    form = TeacherForm()
    if form.validate_on_submit():
        try:
            added = classes.add_teacher(school_class, required(form.username.data))
            flash(_("%(name)s now co-teaches this class.", name=added.label), "success")
        except classes.ClassError as error:
            flash(class_error(error), "error")
    return redirect(url_for("classes.show", class_id=class_id))


@bp.route("/classes/<int:class_id>/members/<int:user_id>/remove", methods=["POST"])
@WRITE
def remove_member(class_id: int, user_id: int) -> Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    if ConfirmForm().validate_on_submit() and classes.remove_member(school_class, user_id):
        flash(_("The learner was removed from the class. Their attempts are kept."), "info")
    return redirect(url_for("classes.show", class_id=class_id))


@bp.route("/classes/<int:class_id>/members/<int:user_id>/password", methods=["POST"])
@WRITE
def reset_password(class_id: int, user_id: int) -> str | Response:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    slip = class_accounts.reset_password(school_class, user_id) if ConfirmForm().validate_on_submit() else None
    if slip is None:
        return redirect(url_for("classes.show", class_id=class_id))
    return render_template("classes/slips.html", school_class=school_class, slips=[slip])


@bp.route("/classes/<int:class_id>/accounts", methods=["GET", "POST"])
@WRITE
def bulk_accounts(class_id: int) -> Any:
    school_class = classes.class_for_teacher(classroom.me(), class_id)
    form = BulkAccountsForm()
    if form.validate_on_submit():
        try:
            slips = class_accounts.create_from_form(school_class, form.names.data, form.upload.data)
        except class_accounts.BulkError as error:
            form.names.errors = [*form.names.errors, bulk_error(error)]
        else:
            return render_template("classes/slips.html", school_class=school_class, slips=slips)
    status = 400 if request.method == "POST" else 200
    return render_template("classes/accounts.html", school_class=school_class, form=form), status


@bp.route("/join", methods=["GET", "POST"])
@WRITE
def join() -> str | Response | tuple[str, int]:
    form = JoinForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        if not current_user.is_authenticated or current_user.is_guest:
            return redirect(url_for("auth.register", next=url_for("classes.join", code=form.code.data)))
        try:
            joined = classes.join(current_user, required(form.code.data))
        except classes.ClassError as error:
            form.code.errors = [*form.code.errors, class_error(error)]
        else:
            flash(_("You joined %(name)s.", name=joined.name), "success")
            return redirect(url_for("assignments.mine"))
    return render_template("classes/join.html", form=form), (400 if form.errors else 200)


@bp.route("/join/<code>")
def join_link(code: str) -> str:
    return render_template("classes/join.html", form=JoinForm(code=classes.normalise_code(code)), from_link=True)


@bp.route("/account/new-password", methods=["GET", "POST"])
@WRITE
def first_password() -> str | Response:
    if not getattr(current_user, "must_change_password", False):
        return redirect(url_for("main.home"))
    form = NewPasswordForm()
    if form.validate_on_submit():
        class_accounts.set_own_password(current_user, required(form.password.data))
        flash(_("Your password is set. Use it from now on."), "success")
        return redirect(url_for("main.home"))
    return render_template("classes/new_password.html", form=form)
