"""Result objects every grader returns: `CheckResult` and `Verdict` (frozen)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Scores are rounded to this many decimals so that 1/3 + 1/3 + 1/3 == 1.
SCORE_DIGITS = 4


@dataclass(frozen=True)
class CheckResult:
    """One named rule: did it hold, how much it weighs, and why (Korean and English)."""

    name: str
    passed: bool
    weight: float
    message_ko: str
    message_en: str

    def message(self, lang: str = "ko") -> str:
        """The message in `lang` ("ko" or "en")."""
        return self.message_en if lang == "en" else self.message_ko


@dataclass(frozen=True)
class Verdict:
    """The graded outcome: `score` out of `max_score`, `passed`, every check, one overall line."""

    score: float
    max_score: float
    passed: bool
    checks: tuple[CheckResult, ...] = ()
    feedback: str = ""
    feedback_en: str = ""
    #: Free-form extra facts for the web layer (e.g. the learner's Docker error); JSON-able.
    details: tuple[tuple[str, str], ...] = field(default=())

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
            "feedback": self.feedback,
            "feedback_en": self.feedback_en,
            "checks": [
                {
                    "name": c.name,
                    "passed": c.passed,
                    "weight": c.weight,
                    "message_ko": c.message_ko,
                    "message_en": c.message_en,
                }
                for c in self.checks
            ],
            "details": dict(self.details),
        }


def round_score(value: float) -> float:
    """Round a score to SCORE_DIGITS decimals (avoids 0.30000000000000004 in the UI)."""
    return round(value, SCORE_DIGITS)


def weighted_verdict(
    checks: Iterable[CheckResult],
    *,
    feedback_ok: tuple[str, str] = ("모든 조건을 만족했습니다.", "All checks passed."),
) -> Verdict:
    """Sum passed weights over all weights; passed only when every check passed."""
    checks = tuple(checks)
    max_score = round_score(sum(c.weight for c in checks))
    score = round_score(sum(c.weight for c in checks if c.passed))
    failed = [c for c in checks if not c.passed]
    passed = not failed and bool(checks)
    if passed:
        ko, en = feedback_ok
    elif not checks:
        ko, en = "채점할 조건이 없습니다.", "There is nothing to grade."
    else:
        ko = f"{len(checks)}개 조건 중 {len(checks) - len(failed)}개를 만족했습니다 ({score:g}/{max_score:g}점)."
        en = f"{len(checks) - len(failed)} of {len(checks)} checks passed ({score:g}/{max_score:g} points)."
    return Verdict(score, max_score, passed, checks, ko, en)
