"""The one place where assignments meet the course's questions, labs and graders.

Questions are read, graded, shuffled and answered (by demo learners) through the question-kind
registry (`app.grading.QUESTION_KINDS`): nothing here names a kind.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from typing import Any

from app import grading
from app.curriculum import Lab, Question
from app.models import AssignmentItem, User
from app.services import lab_store, lab_view
from app.services.course import get_course
from app.services.messages import translate
from app.services.questions import MAX_ANSWER_CHARS


class AnswerRefused(ValueError):
    """The answer cannot be graded (empty, malformed, too long); the message says why."""


def find(ref: str) -> Question | Lab | None:
    """The course item with this id (None when the course no longer has it)."""
    item = get_course().by_id.get(ref)
    return item if isinstance(item, Question | Lab) else None


def question_choices() -> list[tuple[str, str, str, str]]:
    """Every question of the course as (id, lesson title, kind, prompt start), in course order."""
    return [
        (q.id, lesson.title, q.kind, q.prompt.strip().splitlines()[0][:90] if q.prompt.strip() else q.id)
        for lesson in get_course().lessons
        for q in lesson.questions
    ]


def lab_choices() -> list[tuple[str, str]]:
    """Every lab of the course as (id, title)."""
    return [(lab.id, lab.title) for lesson in get_course().lessons for lab in lesson.labs]


def lesson_choices() -> list[tuple[str, str]]:
    """Every lesson as (id, "N. title")."""
    return [(lesson.id, f"{lesson.order}. {lesson.title}") for lesson in get_course().lessons]


def questions_of(lesson_ids: list[str], kinds: list[str] | None = None) -> list[str]:
    """Ids of the questions in these lessons (of these kinds, when given), in course order."""
    wanted = set(lesson_ids)
    return [
        q.id
        for lesson in get_course().lessons
        if lesson.id in wanted
        for q in lesson.questions
        if not kinds or q.kind in kinds
    ]


def draw_slots(items: list[AssignmentItem], seed: int, shuffle: bool) -> list[dict[str, Any]]:
    """The slots one attempt shows: fixed items, random draws (seeded), order and choice order."""
    rng = random.Random(seed)
    fixed = {i.item_id for i in items if i.kind == "question" and i.item_id}
    slots: list[dict[str, Any]] = []
    for item in items:
        if item.kind == "random":
            pool = [q for q in questions_of(item.lesson_ids or []) if q not in fixed]
            for ref in rng.sample(pool, min(item.count, len(pool))):
                slots.append({"item": item.id, "kind": "question", "ref": ref, "points": item.points})
        elif item.item_id and find(item.item_id) is not None:
            slots.append({"item": item.id, "kind": item.kind, "ref": item.item_id, "points": item.points})
    if shuffle:
        rng.shuffle(slots)
        for slot in slots:
            question = find(slot["ref"])
            if isinstance(question, Question) and grading.question_kind(question.kind).picks_choices:
                order = list(range(len(question.key["choices"])))
                rng.shuffle(order)
                slot["choices"] = order
    return slots


def grade_answer(question: Question, form: Mapping[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Read and grade one submitted answer with the course's graders: (answer, verdict dict)."""
    size = sum(len(str(v)) for k, vs in _lists(form) if k not in ("csrf_token", "token") for v in vs)
    if size > MAX_ANSWER_CHARS:
        raise AnswerRefused("too_long")
    answer = grading.read_answer(question, form)
    if answer is None:
        raise AnswerRefused("empty")
    problem = grading.validate_answer(question.kind, question.key, answer)
    if problem:
        raise AnswerRefused(translate(problem))  # in the request's language (`lang` chose it)
    return answer, grading.grade_question(question.kind, question.key, answer).to_dict()


def sample_answer(question: Question, knows: bool, rng: random.Random) -> Any:
    """A demo learner's answer: the key's right answer when they know it (and the key holds one),
    else a plausible wrong one drawn with `rng`."""
    kind = grading.question_kind(question.kind)
    right = kind.right_answer(question.key) if knows else None
    return kind.wrong_answer(question.key, rng) if right is None else right


def regrade_answer(question: Question, answer: Any) -> dict[str, Any]:
    """Grade a stored answer again (the demo and regrades use the same graders)."""
    return grading.grade_question(question.kind, question.key, answer).to_dict()


def _lists(form: Mapping[str, Any]) -> Any:
    return form.lists() if hasattr(form, "lists") else ((k, [v]) for k, v in form.items())


def lab_scope(attempt_id: int) -> str:
    """The lab store scope of one assignment attempt: its hosts never mix with practice."""
    return f"assignment:{attempt_id}"


def prepare_lab(user: User, lab: Lab, attempt_id: int) -> None:
    """Create the attempt's own host of a lab (a fresh one, like a first visit to the lab page)."""
    lab_store.open_workspace(user, lab.id, lab, lab_scope(attempt_id))


def grade_lab(user: User, lab: Lab, attempt_id: int) -> tuple[dict[str, Any], list[list[Any]], int]:
    """A lab's verdict by its host's state now, its command transcript, and hints used.

    A lab never opened in this attempt is graded on a fresh host (and nothing is written).
    """
    scope = lab_scope(attempt_id)
    found = lab_store.find_attempt(user, lab.id, scope)
    if found is None:
        verdict = lab_view.grade(lab, lab_store.fresh_host(lab))
        return verdict.to_dict(), [], 0
    ws = lab_store.read_only(user, lab.id, lab, scope)
    verdict = lab_view.grade(lab, ws.host)
    transcript = [  # [terminal, kind, text]; a note keeps its messages (see lab_scrollback), translated when shown
        [int(tid), *entry[1:]] for tid, screen in sorted(ws.screens["terms"].items()) for entry in screen["lines"]
    ]
    return verdict.to_dict(), transcript, int(found[0].hints_used or 0)


def fraction(verdict: Mapping[str, Any] | None) -> float:
    """score / max_score of a stored verdict (0 when there is none)."""
    if not verdict or not verdict.get("max_score"):
        return 0.0
    return float(verdict["score"]) / float(verdict["max_score"])


def answer_json(answer: Any) -> str:
    """An answer as text, for the instructor's view."""
    return json.dumps(answer, ensure_ascii=False)
