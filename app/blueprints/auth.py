"""Register, log in, log out, and merging a guest's records after log-in."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from app import rate_limits
from app.blueprints.forms import ConfirmForm, LoginForm, RegisterForm, required
from app.blueprints.redirects import safe_target
from app.extensions import limiter
from app.services import accounts

bp = Blueprint("auth", __name__, url_prefix="/account")


def _account_error(error: accounts.AccountError) -> str:
    """The learner-facing words for an account error."""
    messages = {
        "username_taken": _("That user name is taken."),
        "bad_credentials": _("Wrong user name or password."),
        "locked": _("Too many wrong passwords for this user name. Wait a minute and try again."),
    }
    return messages.get(error.code, _("The request could not be completed."))


def _safe_next(default: str) -> str:
    """Only follow a `next` that stays on this site."""
    return safe_target(request.args.get("next"), default)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(rate_limits.auth_limit, key_func=rate_limits.per_ip_and_username, methods=["POST"])
@limiter.limit(rate_limits.auth_ip_limit, methods=["POST"])
def register() -> str | Response:
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register(required(form.username.data), required(form.password.data), form.display_name.data)
        except accounts.AccountError as error:
            form.username.errors = [*form.username.errors, _account_error(error)]
        else:
            # the guest's records are the account's now; someone who never was a guest has none to keep
            if accounts.count_records(user):
                flash(_("Welcome! Your account is ready and everything you did as a guest is kept."), "success")
            else:
                flash(_("Welcome! Your account is ready."), "success")
            return redirect(_safe_next(url_for("main.home")))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int]:
    form = LoginForm()
    error, status = None, 200
    if form.validate_on_submit():
        try:
            outcome = accounts.authenticate(required(form.username.data), required(form.password.data))
        except accounts.AccountError as exc:
            error, status = _account_error(exc), (429 if exc.code == "locked" else 401)
        else:
            if outcome.guest_to_merge is not None:
                return redirect(url_for("auth.merge"))
            flash(_("You are logged in."), "success")
            return redirect(_safe_next(url_for("main.home")))
    return render_template("auth/login.html", form=form, error=error), status


@bp.route("/merge", methods=["GET", "POST"])
@login_required
def merge() -> str | Response:
    guest = accounts.pending_merge(current_user)
    if guest is None:
        return redirect(url_for("main.home"))
    form = ConfirmForm()
    if form.validate_on_submit():
        if request.form.get("choice") == "merge":
            accounts.merge_guest(current_user, guest)
            flash(_("Your guest progress was added to this account."), "success")
        else:
            accounts.discard_guest(guest)
            flash(_("Your guest progress was discarded."), "info")
        return redirect(url_for("main.home"))
    return render_template("auth/merge.html", form=form, records=accounts.count_records(guest))


@bp.route("/me")
def me() -> tuple[dict[str, object], int]:
    """Who the session belongs to (for the page's scripts and tests)."""
    if not current_user.is_authenticated:
        return {"id": None, "guest": None, "username": None}, 200
    return {"id": current_user.id, "guest": current_user.is_guest, "username": current_user.username}, 200


@bp.route("/logout", methods=["POST"])
def logout() -> Response:
    form = ConfirmForm()
    if form.validate_on_submit():
        accounts.log_out()
        flash(_("You are logged out."), "info")
    return redirect(url_for("main.home"))


@bp.route("/sign-out-everywhere", methods=["POST"])
@login_required
def sign_out_everywhere() -> Response:
    """Revoke every other session of this account (a cookie copied elsewhere stops working)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        accounts.sign_out_everywhere(current_user._get_current_object())
        flash(_("Every other device is signed out."), "info")
    return redirect(url_for("main.home"))
