"""WTForms forms of the assignment pages; `settings()` and `choice()` turn them into service input."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    DecimalField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from app import grading
from app.blueprints.forms import choices, required
from app.services import assignment_items
from app.services.assignments import GradeMethod, ItemChoice, LabHelp, LatePolicy, ReviewWhen, Settings, to_utc

TIME_FORMAT = "%Y-%m-%dT%H:%M"

REVIEW = choices(
    [
        (ReviewWhen.immediately.value, _l("Immediately after submitting")),
        (ReviewWhen.after_due.value, _l("After the due time")),
        (ReviewWhen.never.value, _l("Never")),
    ]
)


def _time(label: str) -> DateTimeLocalField:
    return DateTimeLocalField(
        label, format=TIME_FORMAT, validators=[InputRequired(message=_l("Enter a date and time."))]
    )


class AssignmentForm(FlaskForm):
    """An assignment's settings, and items to add from the course."""

    title = StringField(_l("Title"), validators=[DataRequired(message=_l("Enter a title.")), Length(max=160)])
    open_at = _time(_l("Opens"))
    due_at = _time(_l("Due"))
    time_limit = IntegerField(
        _l("Time limit in minutes (empty: none)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=1440, message=_l("A time limit is 1 to 1440 minutes (24 hours).")),
        ],
    )
    attempts_allowed = IntegerField(
        _l("Attempts allowed (0: unlimited)"),
        default=1,
        validators=[InputRequired(), NumberRange(min=0, max=100, message=_l("0 to 100 attempts."))],
    )
    grade_method = SelectField(
        _l("Grade from"),
        choices=choices(
            [
                (GradeMethod.highest.value, _l("The highest attempt")),
                (GradeMethod.last.value, _l("The last attempt")),
                (GradeMethod.first.value, _l("The first attempt")),
                (GradeMethod.average.value, _l("The average of attempts")),
            ]
        ),
    )
    shuffle = BooleanField(_l("Shuffle questions and choices (per learner)"))
    lab_help = SelectField(
        _l("Hints and solution in labs"),
        choices=choices(
            [
                (LabHelp.allowed.value, _l("Allowed, free")),
                (LabHelp.cost.value, _l("Allowed, each hint costs points")),
                (LabHelp.hidden.value, _l("Hidden (exam mode)")),
            ]
        ),
    )
    hint_cost = DecimalField(
        _l("Cost per hint, in percent of the lab's points"),
        default=Decimal(10),
        places=None,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l("0 to 100."))],
    )
    late_policy = SelectField(
        _l("Late submissions"),
        choices=choices(
            [
                (LatePolicy.none.value, _l("Not accepted")),
                (LatePolicy.penalty.value, _l("Accepted with a penalty")),
            ]
        ),
    )
    late_penalty_per_day = DecimalField(
        _l("Penalty per started day, in percent"),
        default=Decimal(10),
        places=None,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l("0 to 100."))],
    )
    late_penalty_cap = DecimalField(
        _l("Penalty at most, in percent"),
        default=Decimal(50),
        places=None,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l("0 to 100."))],
    )
    review_score = SelectField(_l("Learners see their score"), choices=REVIEW)
    review_right = SelectField(_l("Learners see what was right or wrong"), choices=REVIEW)
    review_answers = SelectField(_l("Learners see the correct answers"), choices=REVIEW)
    questions = SelectMultipleField(_l("Questions"), choices=[], validate_choice=True)
    labs = SelectMultipleField(_l("Labs"), choices=[])
    lessons = SelectMultipleField(_l("Every question of these lessons"), choices=[])
    kinds = SelectMultipleField(_l("…only of these kinds (none ticked: all kinds)"), choices=[])
    random_lessons = SelectMultipleField(_l("Random questions from these lessons"), choices=[])
    random_count = IntegerField(
        _l("How many random questions (each learner gets their own draw)"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=50, message=_l("0 to 50."))],
    )
    question_points = DecimalField(
        _l("Points per question"),
        default=Decimal(1),
        places=None,
        validators=[InputRequired(), NumberRange(min=0, max=100, message=_l("0 to 100."))],
    )
    lab_points = DecimalField(
        _l("Points per lab"),
        default=Decimal(5),
        places=None,
        validators=[InputRequired(), NumberRange(min=0, max=100, message=_l("0 to 100."))],
    )
    submit = SubmitField(_l("Save assignment"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.questions.choices = choices([(q[0], q[0]) for q in assignment_items.question_choices()])
        self.labs.choices = choices(assignment_items.lab_choices())
        lessons = choices(assignment_items.lesson_choices())
        self.lessons.choices = lessons
        self.random_lessons.choices = lessons
        self.kinds.choices = choices([(name, name) for name in grading.QUESTION_KINDS])

    def validate_due_at(self, field: DateTimeLocalField) -> None:
        """The due time comes after the opening time."""
        if field.data and self.open_at.data and field.data <= self.open_at.data:
            raise ValidationError(_l("The due time must be after the opening time."))

    def validate_late_penalty_cap(self, field: DecimalField) -> None:
        """A penalty policy needs a penalty per day."""
        if self.late_policy.data == LatePolicy.penalty.value and not (self.late_penalty_per_day.data or 0) > 0:
            raise ValidationError(_l("Give a penalty per day above 0 to accept late submissions."))

    def settings(self, timezone: str) -> Settings:
        """The settings, with times turned from the class's time zone into UTC."""
        return Settings(
            title=required(self.title.data),
            open_at=to_utc(required(self.open_at.data), timezone),
            due_at=to_utc(required(self.due_at.data), timezone),
            time_limit_minutes=self.time_limit.data or None,
            attempts_allowed=required(self.attempts_allowed.data),
            grade_method=GradeMethod(self.grade_method.data),
            shuffle=bool(self.shuffle.data),
            lab_help=LabHelp(self.lab_help.data),
            hint_cost=float(self.hint_cost.data or 0),
            late_policy=LatePolicy(self.late_policy.data),
            late_penalty_per_day=float(self.late_penalty_per_day.data or 0),
            late_penalty_cap=float(self.late_penalty_cap.data or 0),
            review_score=ReviewWhen(self.review_score.data),
            review_right=ReviewWhen(self.review_right.data),
            review_answers=ReviewWhen(self.review_answers.data),
        )

    def choice(self) -> ItemChoice:
        """The items to add."""
        return ItemChoice(
            questions=list(self.questions.data or []),
            labs=list(self.labs.data or []),
            lessons=list(self.lessons.data or []),
            kinds=list(self.kinds.data or []),
            random_lessons=list(self.random_lessons.data or []),
            random_count=self.random_count.data or 0,
            question_points=float(required(self.question_points.data)),
            lab_points=float(required(self.lab_points.data)),
        )


class OverrideForm(FlaskForm):
    """Accommodations for one learner."""

    user_id = IntegerField(_l("Learner"), validators=[InputRequired()])
    due_at = DateTimeLocalField(
        _l("Due time for this learner (empty: as everyone)"), format=TIME_FORMAT, validators=[Optional()]
    )
    extra_attempts = IntegerField(_l("Extra attempts"), default=0, validators=[Optional(), NumberRange(min=0, max=20)])
    time_limit = IntegerField(
        _l("Time limit in minutes (empty: as everyone)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=1440, message=_l("A time limit is 1 to 1440 minutes (24 hours).")),
        ],
    )
    submit = SubmitField(_l("Save override"))


class DuplicateForm(FlaskForm):
    """Copy an assignment to another class."""

    target = SelectField(_l("Copy to class"), coerce=int, choices=[])
    submit = SubmitField(_l("Duplicate"))

    def __init__(self, *args: Any, targets: Iterable[tuple[object, Any]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.target.choices = choices(targets)
