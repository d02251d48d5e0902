"""Forms of the learner's account page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from app.blueprints.forms import choices, new_password_field, repeat_password_field

LANGUAGE_CHOICES = choices([("ko", "한국어"), ("en", "English")])


class ProfileForm(FlaskForm):
    """The name shown in the app and the preferred language."""

    display_name = StringField(_l("Display name"), validators=[Length(max=80)])
    lang = RadioField(_l("Language"), choices=LANGUAGE_CHOICES, validators=[DataRequired()])
    submit = SubmitField(_l("Save"))


class PasswordForm(FlaskForm):
    """A new password; the current one proves it is the learner."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(message=_l("Enter a password."))])
    password = new_password_field(_l("New password"))
    confirm = repeat_password_field(_l("New password again"), required=False)
    submit = SubmitField(_l("Change password"))


class DeleteForm(FlaskForm):
    """Deleting the account: the password confirms it."""

    password = PasswordField(_l("Password"), validators=[DataRequired(message=_l("Enter a password."))])
    submit = SubmitField(_l("Delete my account and all my records"))
