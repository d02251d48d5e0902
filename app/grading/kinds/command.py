"""Command questions: the learner's command lines run on a fresh simulated host and are graded by
their effect (the grader itself is `app.grading.command_answer`)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from app.curriculum import Question
from app.grading import command_answer
from app.grading.kinds.base import FormData, QuestionKind, text_field


def _read_command(question: Question, form: FormData) -> str | None:
    return text_field(form, "answer")


def _reference(key: Mapping[str, Any]) -> str:
    return "\n".join(key["reference"])


def _wrong_command(key: Mapping[str, Any], rng: random.Random) -> str:
    return "docker ps"


KIND = QuestionKind(
    "command",
    "str (one or more command lines, separated by newlines)",
    command_answer.key_errors,
    command_answer.answer_error,
    command_answer.grade,
    _read_command,
    right_answer=_reference,
    wrong_answer=_wrong_command,
)
