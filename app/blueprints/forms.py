"""WTForms forms: request bodies are validated here, at the edge, so services take typed arguments.

Every form carries a CSRF token through Flask-WTF; the request forms that a page's script also
posts as JSON (`RequestForm`) leave the token to CSRFProtect, which checks every POST (form field
or X-CSRFToken header) before the view runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import Field, PasswordField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # (WTForms 3.3; not in its 3.2 stubs)
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp, ValidationError

from app import grading
from app.curriculum import Question
from app.services.questions import MAX_ANSWER_CHARS, Submission

USERNAME_PATTERN = r"^[\w.-]+$"


def choices(pairs: Iterable[tuple[object, Any]]) -> list[SelectChoice]:
    """The options of a select or radio field from (value, label) pairs: WTForms' `SelectChoice`
    (read by templates as `.value` / `.label`), not the tuples WTForms 3.4 stops taking."""
    return [SelectChoice(str(value), label) for value, label in pairs]


def new_password_field(label: str) -> PasswordField:
    """A password a learner chooses (registering, first log-in, changing it): 8 to 128 characters."""
    return PasswordField(
        label,
        validators=[
            DataRequired(message=_l("Enter a password.")),
            Length(min=8, max=128, message=_l("A password has 8 to 128 characters.")),
        ],
    )


def repeat_password_field(label: str, required: bool = True) -> PasswordField:
    """The same password typed again; it must match the form's `password` field."""
    match = EqualTo("password", message=_l("The passwords do not match."))
    required_first = [DataRequired(message=_l("Enter the password again."))] if required else []
    return PasswordField(label, validators=[*required_first, match])


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
    password = new_password_field(_l("Password"))
    confirm = repeat_password_field(_l("Password again"))
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


class RequestForm(FlaskForm):
    """A form a page's script may also send as JSON; CSRFProtect has already checked its token."""

    class Meta:
        csrf = False


_INT = re.compile(r"-?[0-9]{1,9}")


class WholeNumberField(Field):
    """A whole number from a form field or a JSON number; booleans, fractions, lists and '3.0' are refused."""

    data: int | None

    def process_formdata(self, valuelist: Sequence[Any]) -> None:
        """Keep the number, or None when the value is missing or not a whole number."""
        raw = valuelist[0] if valuelist else None
        if isinstance(raw, str) and _INT.fullmatch(raw.strip()):
            self.data = int(raw.strip())
        elif isinstance(raw, int) and not isinstance(raw, bool):
            self.data = raw
        else:
            self.data = None


def _required_number(form: FlaskForm, field: WholeNumberField) -> None:
    if field.data is None:
        raise ValidationError("not a whole number")


class ReviewForm(RequestForm):
    """Grading a flashcard: a rating 1-4, the card's version when shown, the time taken (optional)."""

    rating = WholeNumberField(validators=[_required_number])
    version = WholeNumberField(validators=[_required_number])
    duration_ms = WholeNumberField()

    def validate_rating(self, field: WholeNumberField) -> None:
        """1 Again, 2 Hard, 3 Good, 4 Easy."""
        if field.data not in (1, 2, 3, 4):
            raise ValidationError("rating out of range")

    def validate_version(self, field: WholeNumberField) -> None:
        """A review count: never negative."""
        if field.data is not None and field.data < 0:
            raise ValidationError("negative version")

    def read(self) -> ReviewInput | str:
        """The validated review, or the first problem as the code the view words (`bad_rating`, `bad_version`)."""
        if not self.validate() or self.rating.data is None or self.version.data is None:
            return "bad_rating" if self.rating.errors else "bad_version"
        return ReviewInput(self.rating.data, self.version.data, self.duration_ms.data)


@dataclass(frozen=True)
class ReviewInput:
    """A flashcard review as the service takes it."""

    rating: int
    version: int
    duration_ms: int | None


def json_formdata() -> MultiDict[str, Any]:
    """The request's JSON object as form data, one value per key (a list stays one value, and is refused)."""
    data = request.get_json(silent=True)
    return MultiDict(list(data.items())) if isinstance(data, dict) else MultiDict()


class AnswerForm(RequestForm):
    """The fields every question form has besides its kind's own: the per-form submission token."""

    token = StringField(filters=[lambda value: (value or "")[:64]])


def read_submission(question: Question, formdata: MultiDict[str, Any]) -> Submission:
    """A question form read at the edge: the token, and the answer as the question's kind reads it."""
    form = AnswerForm(formdata=formdata)
    form.validate()
    token = form.token.data or ""
    size = sum(len(str(v)) for key, values in formdata.lists() if key not in ("csrf_token", "token") for v in values)
    if size > MAX_ANSWER_CHARS:
        return Submission(
            token, problem=gettext("The answer is too long (%(limit)s characters at most).", limit="4,096")
        )
    return Submission(token, grading.read_answer(question, formdata))


T = TypeVar("T")


def required(value: T | None) -> T:
    """The data of a field a validator requires: set once the form has validated."""
    if value is None:
        raise ValueError("read a required field of a form that has not validated")
    return value
