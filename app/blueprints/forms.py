"""WTForms forms (every one carries a CSRF token through Flask-WTF)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

USERNAME_PATTERN = r"^[\w.-]+$"


class RegisterForm(FlaskForm):
    """Create an account (a guest's row becomes the account)."""

    username = StringField(
        _l("User name"),
        validators=[
            DataRequired(message=_l("Enter a user name.")),
            Length(min=3, max=40, message=_l("A user name has 3 to 40 characters.")),
            Regexp(USERNAME_PATTERN, message=_l("Use letters, digits, '.', '_' or '-' only.")),
        ],
    )
    display_name = StringField(_l("Display name (optional)"), validators=[Optional(), Length(max=80)])
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(message=_l("Enter a password.")),
            Length(min=8, max=128, message=_l("A password has 8 to 128 characters.")),
        ],
    )
    confirm = PasswordField(
        _l("Password again"),
        validators=[
            DataRequired(message=_l("Enter the password again.")),
            EqualTo("password", message=_l("The passwords do not match.")),
        ],
    )
    submit = SubmitField(_l("Register"))


class LoginForm(FlaskForm):
    """Log in to an existing account."""

    username = StringField(_l("User name"), validators=[DataRequired(message=_l("Enter a user name.")), Length(max=40)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(message=_l("Enter a password.")), Length(max=128)]
    )
    submit = SubmitField(_l("Log in"))


class ConfirmForm(FlaskForm):
    """A bare form: just the CSRF token, for POST-only buttons."""
