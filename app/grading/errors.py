"""Errors of the grading package: content mistakes raise, learner mistakes are values."""

from __future__ import annotations

from collections.abc import Iterable

from app.dockersim import Message


class ContentError(ValueError):
    """An answer key or check in the course content is unusable (a bug in content, not the learner)."""

    def __init__(self, problems: Iterable[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class UnknownKindError(KeyError):
    """A question kind or check name that no registry knows."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown kind"


#: Why a learner's answer is malformed: a catalogue message (a value, never raised; the web layer translates).
AnswerError = Message
