"""Result objects every grader returns: `CheckResult` and `Verdict` (frozen)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.dockersim import N_, Message

#: Scores are rounded to this many decimals so that 1/3 + 1/3 + 1/3 == 1.
SCORE_DIGITS = 4


@dataclass(frozen=True)
class CheckResult:
    """One named rule: did it hold, how much it weighs, and why (a catalogue message; the web layer translates)."""

    name: str
    passed: bool
    weight: float
    message: Message


@dataclass(frozen=True)
class Verdict:
    """The graded outcome: `score` out of `max_score`, `passed`, every check, one overall line."""

    score: float
    max_score: float
    passed: bool
    checks: tuple[CheckResult, ...] = ()
    #: The overall line (None: the page's own "Right!" / "Not yet." says it all).
    feedback: Message | None = None
    #: Free-form extra facts for the web layer (the learner's Docker error, the simulator's hint); JSON-able.
    details: tuple[tuple[str, Any], ...] = field(default=())

    @property
    def fraction(self) -> float:
        """score / max_score, 0.0 when there is nothing to score."""
        return round(self.score / self.max_score, SCORE_DIGITS) if self.max_score else 0.0

    def failed_checks(self) -> tuple[CheckResult, ...]:
        """The checks that did not hold, in order."""
        return tuple(c for c in self.checks if not c.passed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (stable key order) for the web layer and storage."""
        return {
            "score": self.score,
            "max_score": self.max_score,
            "passed": self.passed,
            "feedback": self.feedback.to_json() if self.feedback else None,
            "checks": [
                {"name": c.name, "passed": c.passed, "weight": c.weight, "message": c.message.to_json()}
                for c in self.checks
            ],
            "details": {k: v.to_json() if isinstance(v, Message) else v for k, v in self.details},
        }


def round_score(value: float) -> float:
    """Round a score to SCORE_DIGITS decimals (avoids 0.30000000000000004 in the UI)."""
    return round(value, SCORE_DIGITS)


def weighted_verdict(
    checks: Iterable[CheckResult],
    *,
    feedback_ok: Message | None = None,
) -> Verdict:
    """Sum passed weights over all weights; passed only when every check passed."""
    checks = tuple(checks)
    max_score = round_score(sum(c.weight for c in checks))
    score = round_score(sum(c.weight for c in checks if c.passed))
    failed = [c for c in checks if not c.passed]
    passed = not failed and bool(checks)
    if passed:
        feedback = feedback_ok or N_("All checks passed.")
    elif not checks:
        feedback = N_("There is nothing to grade.")
    else:
        feedback = N_(
            "%(held)s of %(total)s checks passed (%(score)s/%(max)s points).",
            held=len(checks) - len(failed),
            total=len(checks),
            score=format(score, "g"),
            max=format(max_score, "g"),
        )
    return Verdict(score, max_score, passed, checks, feedback)
