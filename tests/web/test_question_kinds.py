"""Each question kind is one registration: its grader, form reader and widget partial agree, for
every kind the curriculum knows, and the same reader serves a MultiDict and a plain dict."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict

from app import curriculum, grading
from app.grading.kinds import QuestionKind, _registry
from app.services.course import get_course

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"


def test_the_registry_covers_exactly_the_curriculum_kinds_in_order():
    assert tuple(grading.QUESTION_KINDS) == curriculum.QUESTION_KINDS
    assert all(grading.question_kind(name).name == name for name in curriculum.QUESTION_KINDS)


def test_a_kind_without_its_other_half_is_refused_when_the_registry_is_built():
    kinds = tuple(grading.QUESTION_KINDS.values())
    with pytest.raises(RuntimeError, match="do not match"):
        _registry(kinds[:-1])
    stray = QuestionKind("essay", "str", lambda k: [], lambda k, a: None, kinds[0].grade, lambda q, f: None)
    with pytest.raises(RuntimeError, match="essay"):
        _registry((*kinds, stray))


@pytest.mark.parametrize("name", curriculum.QUESTION_KINDS)
def test_every_kind_has_its_partial(name):
    partial = grading.question_kind(name).partial
    assert partial == f"lessons/kinds/{name}.html"
    text = (TEMPLATES / partial).read_text(encoding="utf-8")
    assert "{% macro label() %}" in text and "{% macro widget(q) %}" in text


@pytest.mark.parametrize("database_uri", ["sqlite"], indirect=True)
def test_each_partial_renders_the_fields_its_reader_reads(app):
    """Render every question of the real course in its widget alone, fill its fields the way a learner would, and read them back."""
    with app.test_request_context():
        questions = [q for q in get_course().by_id.values() if isinstance(q, curriculum.Question)]
        assert {q.kind for q in questions} == set(curriculum.QUESTION_KINDS)
        for q in questions:
            html = render_template_string(
                "{% import question_partial(q) as kind %}{{ kind.label() }}|{{ kind.widget(q) }}", q=q
            )
            label, widget = html.split("|", 1)
            assert label.strip() and 'name="' in widget, q.kind
            form = MultiDict(_fields(q, widget))
            answer = grading.read_answer(q, form)
            assert answer is not None and grading.validate_answer(q.kind, q.key, answer) is None, (q.kind, answer)
            if q.kind == "cloze":  # every blank the text shows is a field the reader reads
                assert answer == ["docker ps"] * len(q.key["blanks"]), answer
            elif q.kind in ("short", "command"):
                assert answer == "docker ps"
            assert grading.read_answer(q, form.to_dict()) == answer or q.kind == "multiple"


def _fields(q: curriculum.Question, widget: str) -> list[tuple[str, str]]:
    """The first choice / option / some text for every field the widget shows."""
    import re

    names = list(dict.fromkeys(re.findall(r'name="([^"]+)"', widget)))
    fields = []
    for name in names:
        if q.kind in ("single", "multiple", "true_false"):
            fields.append((name, re.search(r'name="answer" value="([^"]+)"', widget).group(1)))
        elif name.startswith("pos-"):
            fields.append((name, str(int(name[4:]) + 1)))
        elif name.startswith("match-"):
            fields.append((name, "0"))
        else:
            fields.append((name, "docker ps"))
    return fields


def test_reading_a_plain_dict_and_a_multidict_agree_for_repeated_fields():
    question = curriculum.Question(
        "q", "multiple", "p", "e", None, {"choices": ("a", "b", "c"), "correct": (0, 2)}, "l", 1
    )
    assert grading.read_answer(question, MultiDict([("answer", "0"), ("answer", "2")])) == [0, 2]
    assert grading.read_answer(question, {"answer": "1"}) == [1]
    assert grading.read_answer(question, {"answer": "x"}) is None
