"""WTForms forms of the classes pages (validated at the edge; errors are shown next to the field)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.blueprints.forms import new_password_field, repeat_password_field
from app.services.classes import valid_timezone


class ClassForm(FlaskForm):
    """Create or rename a class."""

    name = StringField(
        _l("Class name"),
        validators=[
            DataRequired(message=_l("Enter a class name.")),
            Length(max=120, message=_l("At most 120 characters.")),
        ],
    )
    term = StringField(_l("Term (optional)"), validators=[Optional(), Length(max=60)])
    timezone = StringField(_l("Time zone"), default="Asia/Seoul", validators=[DataRequired(), Length(max=64)])
    submit = SubmitField(_l("Save"))

    def validate_timezone(self, field: StringField) -> None:
        """Only IANA names such as Asia/Seoul."""
        if not valid_timezone(field.data or ""):
            raise ValidationError(_l("Unknown time zone (for example Asia/Seoul)."))


class JoinForm(FlaskForm):
    """Join a class by its code."""

    code = StringField(
        _l("Class code"),
        validators=[
            DataRequired(message=_l("Enter the class code.")),
            Length(max=20, message=_l("A class code has 8 characters.")),
        ],
    )
    submit = SubmitField(_l("Join"))


class TeacherForm(FlaskForm):
    """Add a co-teacher by user name."""

    username = StringField(
        _l("Instructor's user name"), validators=[DataRequired(message=_l("Enter a user name.")), Length(max=40)]
    )
    submit = SubmitField(_l("Add co-teacher"))


class BulkAccountsForm(FlaskForm):
    """Names pasted one per line, or a CSV file (UTF-8 or CP949/EUC-KR)."""

    names = TextAreaField(_l("Names, one per line"), validators=[Optional(), Length(max=40000)])
    upload = FileField(_l("…or a CSV file (first column: name)"))
    submit = SubmitField(_l("Create accounts"))


class NewPasswordForm(FlaskForm):
    """The learner's own password, replacing the one-time password."""

    password = new_password_field(_l("New password"))
    confirm = repeat_password_field(_l("Password again"))
    submit = SubmitField(_l("Save password"))
