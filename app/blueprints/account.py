"""The learner's account page: `/account` (name, language, password, data download, deletion)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app import rate_limits
from app.blueprints.account_forms import DeleteForm, PasswordForm, ProfileForm
from app.blueprints.forms import required
from app.extensions import limiter
from app.services import account, accounts

bp = Blueprint("account", __name__, url_prefix="/account")

REFUSALS = {
    "bad_credentials": _l("The password is not right."),
    "instructor": _l("An instructor account is removed by an administrator."),
}


def _me() -> Any:
    """The signed-in account itself (not Flask-Login's proxy: a proxy logged in again would point at itself)."""
    user = accounts.current_or_none()
    assert user is not None  # every route here is @login_required
    return user


def _page(
    profile: ProfileForm | None = None, password: PasswordForm | None = None, remove: DeleteForm | None = None
) -> str:
    profile = profile or ProfileForm(
        data={"display_name": current_user.display_name, "lang": current_user.locale or "ko"}
    )
    return render_template(
        "account/page.html", profile=profile, password=password or PasswordForm(), remove=remove or DeleteForm()
    )


@bp.route("", methods=["GET"])
@login_required
def page() -> ResponseReturnValue:
    if current_user.is_guest:  # a guest has no password yet: registering makes the account
        return redirect(url_for("auth.register"))
    return _page()


@bp.route("/profile", methods=["POST"])
@login_required
def profile() -> ResponseReturnValue:
    form = ProfileForm()
    if not form.validate_on_submit():
        return _page(profile=form)
    account.update_profile(_me(), form.display_name.data or "", form.lang.data)
    flash(_("Saved."), "success")
    return redirect(url_for("account.page"))


@bp.route("/password", methods=["POST"])
@login_required
@limiter.limit(rate_limits.auth_limit, key_func=rate_limits.per_learner)
def password() -> ResponseReturnValue:
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            account.change_password(_me(), required(form.current.data), required(form.password.data))
        except account.AccountRefused as refused:
            form.current.errors = [*form.current.errors, str(REFUSALS[str(refused)])]
        else:
            flash(_("Your password is changed. Other browsers signed in to this account are signed out."), "success")
            return redirect(url_for("account.page"))
    return _page(password=form)


@bp.route("/data.zip")
@login_required
@limiter.limit("10 per minute", key_func=rate_limits.per_learner)
def data() -> Response:
    body = account.data_zip(_me())
    return Response(
        body,
        mimetype="application/zip",
        headers={"Content-Disposition": 'attachment; filename="docker-dojo-my-data.zip"'},
    )


@bp.route("/delete", methods=["POST"])
@login_required
@limiter.limit(rate_limits.auth_limit, key_func=rate_limits.per_learner)
def remove() -> ResponseReturnValue:
    form = DeleteForm()
    if form.validate_on_submit():
        try:
            account.delete_account(_me(), required(form.password.data))
        except account.AccountRefused as refused:
            form.password.errors = [*form.password.errors, str(REFUSALS[str(refused)])]
        else:
            flash(_("Your account and all your records are deleted."), "info")
            return redirect(url_for("main.home"))
    return _page(remove=form)
