"""Item analysis of a test from a plain table of marks (pure: numbers in, numbers out).

The per-item formulas follow Moodle's question statistics calculator
(moodle/moodle, `question/classes/statistics/questions/calculator.php`,
`secondary_steps_walker` and `secondary_question_walker`):

- facility = mean mark / max mark;
- SD = sqrt(sum((x - mean)^2) / (n - 1));
- discrimination index = cov(x, rest) / sqrt(var(x) * var(rest)), where rest is the attempt's
  total minus this item's mark (the correlation with the REST of the test), all with n - 1;
- discriminative efficiency = cov(x, rest) / covmax, where covmax pairs the item's marks and the
  rest marks after sorting each ascending (the largest covariance those marks could reach).

Moodle shows the last two multiplied by 100; here they are fractions (-1..1) so the flags read
like the facility (< 0.2). With fewer than two attempts, or no spread, a value is `None`:
"not enough data", never a division by zero.
"""

from __future__ import annotations

import math
import statistics as pystats
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

HARD_BELOW = 0.2
EASY_ABOVE = 0.95
LOW_DISCRIMINATION_BELOW = 0.2


@dataclass(frozen=True)
class ItemSpec:
    """One item of the test: its id, a human title and the most marks it gives."""

    item_id: str
    title: str
    max_mark: float


@dataclass(frozen=True)
class ItemStats:
    """The statistics of one item; `None` means not enough data for that value."""

    item_id: str
    title: str
    max_mark: float
    count: int
    mean: float | None
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    flags: tuple[str, ...]  # hard, easy, low_discrimination, not_enough_data


@dataclass(frozen=True)
class TestStats:
    """The statistics of the whole test and of each item."""

    count: int
    max_total: float
    mean: float | None
    median: float | None
    sd: float | None
    items: tuple[ItemStats, ...]

    @property
    def enough_data(self) -> bool:
        """True when at least two attempts make spread and correlations meaningful."""
        return self.count >= 2


def _mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def _sample_sd(values: Sequence[float]) -> float | None:
    """Standard deviation with n - 1 (as Moodle), or None below two values."""
    return pystats.stdev(values) if len(values) >= 2 else None


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Sample covariance (n - 1) of two equally long series of at least two values."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def _flags(facility: float | None, discrimination: float | None, count: int) -> tuple[str, ...]:
    """The warnings a teacher should see next to an item."""
    if count < 2:
        return ("not_enough_data",)
    flags: list[str] = []
    if facility is not None and facility < HARD_BELOW:
        flags.append("hard")
    if facility is not None and facility > EASY_ABOVE:
        flags.append("easy")
    if discrimination is None or discrimination < LOW_DISCRIMINATION_BELOW:
        flags.append("low_discrimination")
    return tuple(flags)


def _item(spec: ItemSpec, marks: list[float], totals: list[float]) -> ItemStats:
    """One item's statistics from its marks and the attempts' totals (same order)."""
    count = len(marks)
    mean = _mean(marks)
    facility = mean / spec.max_mark if mean is not None and spec.max_mark else None
    sd = _sample_sd(marks)
    discrimination = efficiency = None
    if count >= 2:
        rest = [t - m for t, m in zip(totals, marks, strict=True)]
        cov = _covariance(marks, rest)
        var_product = _covariance(marks, marks) * _covariance(rest, rest)
        if var_product > 0:
            discrimination = cov / math.sqrt(var_product)
        cov_max = _covariance(sorted(marks), sorted(rest))
        if cov_max:
            efficiency = cov / cov_max
    return ItemStats(
        spec.item_id,
        spec.title,
        spec.max_mark,
        count,
        mean,
        facility,
        sd,
        discrimination,
        efficiency,
        _flags(facility, discrimination, count),
    )


def item_analysis(items: Sequence[ItemSpec], attempts: Iterable[Sequence[float | None]]) -> TestStats:
    """Statistics of a test: `attempts` has one row per attempt, one mark per item (None = 0)."""
    rows = [[float(m or 0.0) for m in row] for row in attempts]
    for row in rows:
        if len(row) != len(items):
            raise ValueError(f"an attempt has {len(row)} marks for {len(items)} items")
    totals = [sum(row) for row in rows]
    return TestStats(
        count=len(rows),
        max_total=sum(spec.max_mark for spec in items),
        mean=_mean(totals),
        median=pystats.median(totals) if totals else None,
        sd=_sample_sd(totals),
        items=tuple(_item(spec, [row[i] for row in rows], totals) for i, spec in enumerate(items)),
    )


@dataclass(frozen=True)
class ChoiceCount:
    """How many attempts chose one option of a choice question."""

    index: int
    text: str
    correct: bool
    count: int
    share: float | None  # of the attempts that answered; None when nobody did


def choice_distribution(
    choices: Sequence[str], correct: Iterable[int], chosen: Iterable[int | Sequence[int] | None]
) -> list[ChoiceCount]:
    """Per option: how often it was chosen (a multiple-choice answer counts each option it ticks)."""
    right = set(correct)
    counts = [0] * len(choices)
    answered = 0
    for answer in chosen:
        if answer is None:
            continue
        answered += 1
        for index in {answer} if isinstance(answer, int) else set(answer):
            if 0 <= index < len(choices):
                counts[index] += 1
    return [
        ChoiceCount(i, text, i in right, counts[i], counts[i] / answered if answered else None)
        for i, text in enumerate(choices)
    ]


def popular_wrong_choice(distribution: Sequence[ChoiceCount]) -> ChoiceCount | None:
    """The wrong option chosen most often (first in order on a tie), or None if no wrong one was chosen."""
    wrong = [c for c in distribution if not c.correct and c.count > 0]
    return max(wrong, key=lambda c: c.count, default=None)


@dataclass(frozen=True)
class CheckRate:
    """How often one check of a lab failed among the graded attempts."""

    name: str
    attempts: int
    failures: int
    rate: float | None  # None when no attempt was graded on this check


def check_failure_rates(check_names: Sequence[str], results: Iterable[Mapping[str, bool]]) -> list[CheckRate]:
    """Per check (in the lab's order): attempts graded on it, failures and the failure rate."""
    attempts = dict.fromkeys(check_names, 0)
    failures = dict.fromkeys(check_names, 0)
    for result in results:
        for name, passed in result.items():
            if name in attempts:
                attempts[name] += 1
                failures[name] += 0 if passed else 1
    return [
        CheckRate(name, attempts[name], failures[name], failures[name] / attempts[name] if attempts[name] else None)
        for name in check_names
    ]
