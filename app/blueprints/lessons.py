"""Lesson pages and answering their questions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup
from werkzeug.wrappers import Response

from app import grading
from app.blueprints.forms import read_submission
from app.curriculum import Flashcard, Lab, Question
from app.services import accounts, lessons, questions

bp = Blueprint("lessons", __name__)


@bp.app_template_filter("markdown")
def markdown_filter(text: str) -> Markup:
    return Markup(lessons.markdown(text))


@bp.app_template_filter("markdown_inline")
def markdown_inline_filter(text: str) -> Markup:
    return Markup(lessons.markdown_inline(text))


@bp.app_template_test("question")
def is_question(value: object) -> bool:
    return isinstance(value, Question)


@bp.app_template_test("flashcard")
def is_flashcard(value: object) -> bool:
    return isinstance(value, Flashcard)


@bp.app_template_test("lab")
def is_lab(value: object) -> bool:
    return isinstance(value, Lab)


@bp.app_template_global("cloze_html")
def cloze_html(text: str, label: str, values: list[str] | None = None) -> Markup:
    return Markup(lessons.cloze_html(text, label, values))


@bp.app_template_global("display_order")
def display_order(question: Question, count: int) -> list[int]:
    return grading.display_order(question, count)


@bp.app_template_global("kind_partial")
def kind_partial(kind: str) -> str:
    """The template of a question kind's widget, by the kind's name (labels in lists of items)."""
    return grading.question_kind(kind).partial


@bp.app_template_global("question_partial")
def question_partial(question: Question) -> str:
    """The template of the question's widget (macros `label()` and `widget(q)`), from its kind."""
    return grading.question_kind(question.kind).partial


@bp.app_template_global("new_answer_token")
def new_answer_token() -> str:
    return questions.new_token()


@bp.route("/lessons/<lesson_id>")
def lesson(lesson_id: str) -> str:
    page = lessons.lesson_page(lesson_id, accounts.current_or_none()) or abort(404)
    return render_template("lessons/lesson.html", page=page, lesson=page.lesson)


@bp.route("/questions/<question_id>/answer", methods=["POST"])
def answer(question_id: str) -> Response | tuple[Response, int]:
    question = questions.find_question(question_id) or abort(404)
    outcome = questions.answer(question, read_submission(question, request.form))
    if request.accept_mimetypes.best == "application/json":
        return jsonify(outcome.to_dict()), (422 if outcome.error else 200)
    flash(outcome.error or outcome.feedback, "error" if outcome.error else ("success" if outcome.passed else "info"))
    return redirect(url_for("lessons.lesson", lesson_id=outcome.lesson_id, _anchor=f"item-{question_id}"))
