"""What a question kind is: one registration of its key check, answer check, grader, form reader,
sample answers, whether it picks from choices, and template partial. The kind's content block is parsed by `app.curriculum.questions` (see
`app.grading.kinds` for why that half stays there).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.curriculum import Question
from app.grading.errors import AnswerError
from app.grading.verdict import Verdict

# What a kind reads an answer from: a submitted form (werkzeug's MultiDict, whose `getlist` gives a
# repeated field's every value, or a plain dict of one value per field).
FormData = Mapping[str, Any]


@dataclass(frozen=True)
class QuestionKind:
    """One kind of question, registered in one place.

    - `answer_shape`: the JSON shape `grade` takes (documented in docs/grading.md);
    - `key_errors(key)`: content errors in a canonical answer key;
    - `answer_error(key, answer)`: why an answer is malformed, or None;
    - `grade(key, answer)`: the verdict for a well-formed answer;
    - `read_answer(question, form)`: the answer from the submitted form fields the partial
      renders (None when nothing usable was sent); pure, for lessons and assigned quizzes alike;
    - `right_answer(key)`: the key's own right answer (`flask content check` proves it grades as
      right; demo learners who know give it), or None when the key holds none to give (a short
      answer accepted only by a pattern);
    - `wrong_answer(key, rng)`: a plausible wrong answer, drawn with a seeded generator (demo
      learners who do not know);
    - `picks_choices`: the key's `choices` are picked by index (`correct` is one index or a list):
      an assigned quiz shows them in each learner's own order, its statistics count each choice;
    - `partial`: the template of the widget, with macros `label()` and
      `widget(q, saved=none, order=none, slot=none)`.
    """

    name: str
    answer_shape: str
    key_errors: Callable[[Mapping[str, Any]], list[str]]
    answer_error: Callable[[Mapping[str, Any], Any], AnswerError | None]
    grade: Callable[[Mapping[str, Any], Any], Verdict]
    read_answer: Callable[[Question, FormData], Any]
    right_answer: Callable[[Mapping[str, Any]], Any]
    wrong_answer: Callable[[Mapping[str, Any], random.Random], Any]
    picks_choices: bool = False

    @property
    def partial(self) -> str:
        """The widget's template, by convention `lessons/kinds/<name>.html`."""
        return f"lessons/kinds/{self.name}.html"


def field_values(form: FormData, name: str) -> list[Any]:
    """Every value of a (possibly repeated) field: MultiDict.getlist, or the one value of a dict."""
    getlist = getattr(form, "getlist", None)
    if callable(getlist):
        return list(getlist(name))
    return [form.get(name)] if name in form else []


def text_field(form: FormData, name: str) -> str | None:
    """The field's text, or None when it is missing or not text."""
    value = form.get(name)
    return value if isinstance(value, str) else None


def ints(values: list[Any]) -> list[int] | None:
    """Every value as an int, or None when one is not a whole number."""
    try:
        return [int(v) for v in values]
    except (TypeError, ValueError):
        return None


def display_order(question: Question, count: int) -> list[int]:
    """A stable shuffled order (ordering items, matching answers): the same for every page view.

    Derived from the question id (a hash, not a random generator: grading is deterministic), so
    a form's field names can follow the shown order and the page source does not reveal the answer
    order.
    """
    order = sorted(range(count), key=lambda i: hashlib.sha256(f"{question.id}\0{i}".encode()).digest())
    if order == list(range(count)) and count > 1:
        order = order[1:] + order[:1]  # never show the answer order itself
    return order
