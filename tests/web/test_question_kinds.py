"""Each question kind is one registration: its grader, form reader and widget partial agree, for
every kind the curriculum knows, and the same reader serves a MultiDict and a plain dict.

A kind lives in three places only (docs/architecture.md, "Question kinds"): its module in
`app/grading/kinds/`, its partial `app/templates/lessons/kinds/<name>.html` (the one rendering of its
widget, for lessons and assigned quizzes alike) and its content reader in `app.curriculum.questions`.
The last tests here fail when a template, a script or a service starts branching on kind names again.
"""

from __future__ import annotations

import ast
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict

from app import curriculum, grading
from app.grading.kinds import QuestionKind, _registry
from app.services.course import get_course

APP = Path(__file__).resolve().parents[2] / "app"
TEMPLATES = APP / "templates"
KIND_PARTIALS = TEMPLATES / "lessons" / "kinds"
WIDGET_MACRO = "{% macro widget(q, saved=none, order=none, slot=none) %}"


def test_the_registry_covers_exactly_the_curriculum_kinds_in_order():
    assert tuple(grading.QUESTION_KINDS) == curriculum.QUESTION_KINDS
    assert all(grading.question_kind(name).name == name for name in curriculum.QUESTION_KINDS)


def test_a_kind_without_its_other_half_is_refused_when_the_registry_is_built():
    kinds = tuple(grading.QUESTION_KINDS.values())
    with pytest.raises(RuntimeError, match="do not match"):
        _registry(kinds[:-1])
    stray = QuestionKind(
        "essay",
        "str",
        lambda k: [],
        lambda k, a: None,
        kinds[0].grade,
        lambda q, f: None,
        lambda k: None,
        lambda k, r: "",
    )
    with pytest.raises(RuntimeError, match="essay"):
        _registry((*kinds, stray))


@pytest.mark.parametrize("name", curriculum.QUESTION_KINDS)
def test_every_kind_has_its_partial(name):
    partial = grading.question_kind(name).partial
    assert partial == f"lessons/kinds/{name}.html"
    text = (TEMPLATES / partial).read_text(encoding="utf-8")
    assert "{% macro label() %}" in text and WIDGET_MACRO in text


def test_every_partial_is_a_registered_kind():
    """A partial left behind by a removed kind (or misnamed) is found, not silently unused."""
    assert sorted(p.stem for p in KIND_PARTIALS.glob("*.html")) == sorted(curriculum.QUESTION_KINDS)


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


class _Browser(HTMLParser):
    """What a browser would submit from a widget: checked boxes, text values, the selected options."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._textarea: list[str] | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self.choice_values: list[str] = []  # the `answer` radio/checkbox values in the order shown

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("type") in ("radio", "checkbox"):
            self.choice_values.append(a["value"])
            if "checked" in a:
                self.fields.append((a["name"], a["value"]))
        elif tag == "input":
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option":
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea[0], self._textarea[1]))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, on in self._options if on] or [self._options[0][0]]
            self.fields.append((self._select, chosen[-1]))
            self._select = None


@pytest.mark.parametrize("database_uri", ["sqlite"], indirect=True)
def test_each_partial_shows_a_saved_answer_in_the_learners_choice_order(app):
    """An assigned quiz shows what was saved through the kind's own partial: for every question of
    the course, a right and a wrong saved answer, rendered with a per-learner choice order and a
    slot, submit back (as a browser would send the form) as the same answer."""
    rng = random.Random(9)
    with app.test_request_context():
        questions = [q for q in get_course().by_id.values() if isinstance(q, curriculum.Question)]
        for q in questions:
            kind = grading.question_kind(q.kind)
            order = list(reversed(range(len(q.key["choices"])))) if kind.picks_choices else None
            right = kind.right_answer(q.key)
            for saved in ([right] if right is not None else []) + [kind.wrong_answer(q.key, rng)]:
                html = render_template_string(
                    "{% import question_partial(q) as kind %}{{ kind.widget(q, saved=saved, order=order, slot=slot) }}",
                    q=q,
                    saved=saved,
                    order=order,
                    slot=7,
                )
                browser = _Browser()
                browser.feed(html)
                if order is not None:
                    assert browser.choice_values == [str(i) for i in order], (q.id, browser.choice_values)
                assert f"-{q.id}" not in html, (q.id, "element ids take the slot when one is given")
                read = grading.read_answer(q, MultiDict(browser.fields))
                shuffled_back = kind.picks_choices and isinstance(saved, list) and sorted(read) == sorted(saved)
                assert read == saved or shuffled_back, (q.id, saved, read)


def _kind_names_pattern() -> re.Pattern[str]:
    """A kind's name as a quoted string ('single'), or, in a script's string, as a class selector
    (".cloze[data-saved]": the partial's own markup picked out by kind)."""
    names = "|".join(map(re.escape, curriculum.QUESTION_KINDS))
    return re.compile(rf"""["'](?:{names})["']|["'`][^"'`\n]*?(?<![\w-])\.(?:{names})(?![\w-])""")


@pytest.mark.parametrize(
    "path",
    [
        *(p for p in sorted(TEMPLATES.rglob("*.html")) if KIND_PARTIALS not in p.parents),
        *sorted((APP / "static").rglob("*.js")),
    ],
    ids=lambda p: str(p.relative_to(APP)),
)
def test_no_template_or_script_outside_the_kind_partials_names_a_kind(path):
    """No `{% if q.kind == 'single' %}` chain (as assignments/_question.html once was) and no
    kind-specific script: a page draws a question with `{% import question_partial(q) as kind %}`."""
    found = _kind_names_pattern().findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(APP)} names question kinds {found}: use the kind's partial instead"


def _kind_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """Comparisons with a kind name (`kind == "single"`, `kind in ("ordering", "matching")`) and
    collections of two or more kind names (`CHOICE_KINDS = ("single", "multiple")`)."""
    names = set(curriculum.QUESTION_KINDS)

    def kinds_in(node: ast.AST) -> list[str]:
        elements = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
        return [e.value for e in elements if isinstance(e, ast.Constant) and e.value in names]

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            hits = [k for side in (node.left, *node.comparators) for k in kinds_in(side)]
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            hits = kinds_in(node) if len(kinds_in(node)) >= 2 else []
        else:
            continue
        found += [(node.lineno, k) for k in hits]
    return found


@pytest.mark.parametrize(
    "path",
    [*sorted((APP / "services").glob("*.py")), *sorted((APP / "blueprints").glob("*.py")), *sorted(APP.glob("*.py"))],
    ids=lambda p: str(p.relative_to(APP)),
)
def test_services_and_views_do_not_branch_on_kind_names(path):
    """What differs by kind is asked of the registry (`grading.question_kind(name)`): its reader,
    grader, right and wrong answers, whether it picks from choices, its partial."""
    found = _kind_literals(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, f"{path.relative_to(APP)} names question kinds at (line, kind) {found}"


def test_the_kind_name_finder_finds_what_it_forbids():
    source = 'if q.kind == "single": pass\nCHOICE = ("single", "multiple")\nok = x in ("lab", "random")\n'
    assert _kind_literals(ast.parse(source)) == [(1, "single"), (2, "single"), (2, "multiple")]
    assert _kind_names_pattern().findall("{% if q.kind == 'cloze' %}") == ["'cloze'"]
    assert _kind_names_pattern().findall('form.querySelector(".cloze[data-saved]")') == ['".cloze']
    assert not _kind_names_pattern().findall('<div class="cloze-text"> code.textContent = s.command;')


def test_reading_a_plain_dict_and_a_multidict_agree_for_repeated_fields():
    question = curriculum.Question(
        "q", "multiple", "p", "e", None, {"choices": ("a", "b", "c"), "correct": (0, 2)}, "l", 1
    )
    assert grading.read_answer(question, MultiDict([("answer", "0"), ("answer", "2")])) == [0, 2]
    assert grading.read_answer(question, {"answer": "1"}) == [1]
    assert grading.read_answer(question, {"answer": "x"}) is None
