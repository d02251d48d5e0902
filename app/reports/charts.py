"""A score-distribution chart as an SVG string (pure; no inline style, so the CSP allows it)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 480, 200
TOP, BOTTOM, SIDE = 18.0, 24.0, 12.0  # room for counts above the bars and ranges below


@dataclass(frozen=True)
class Bin:
    """Totals from `low` up to `high` (the last bin includes `high`), and how many fell there."""

    low: float
    high: float
    count: int

    @property
    def label(self) -> str:
        """The range as text, e.g. "2–4"."""
        return f"{_number(self.low)}–{_number(self.high)}"


def _number(value: float) -> str:
    """A number without a useless ".0"."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def histogram(totals: Sequence[float], max_total: float, bins: int = 10) -> list[Bin]:
    """Equal-width bins from 0 to `max_total` (fewer when the maximum is a small whole number)."""
    if max_total <= 0:
        return [Bin(0.0, 0.0, len(totals))]
    count = min(bins, math.ceil(max_total)) if float(max_total).is_integer() else bins
    width = max_total / count
    counts = [0] * count
    for total in totals:
        index = min(int(max(total, 0.0) / width), count - 1)
        counts[index] += 1
    return [Bin(round(i * width, 4), round((i + 1) * width, 4), n) for i, n in enumerate(counts)]


def score_distribution_svg(bins: Sequence[Bin], title: str, description: str, chart_id: str = "score-chart") -> str:
    """An accessible SVG bar chart (role img, title and desc); colours come from classes and attributes.

    `chart_id` prefixes the title and desc ids, so a page (or PDF) with several charts keeps ids unique.
    """
    peak = max((b.count for b in bins), default=0)
    slot = (WIDTH - 2 * SIDE) / max(len(bins), 1)
    usable = HEIGHT - TOP - BOTTOM
    baseline = TOP + usable
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<line class="axis" x1="0" y1="{baseline}" x2="{WIDTH}" y2="{baseline}" stroke="currentColor"/>',
    ]
    for index, item in enumerate(bins):
        height = usable * item.count / peak if peak else 0.0
        x = round(SIDE + index * slot + 1, 2)
        middle = round(x + (slot - 2) / 2, 2)
        parts.append(
            f'<rect class="bar" x="{x}" y="{round(baseline - height, 2)}" width="{round(slot - 2, 2)}" '
            f'height="{round(height, 2)}" fill="currentColor" fill-opacity="0.6"/>'
        )
        if item.count:
            parts.append(
                f'<text class="bar-value" x="{middle}" y="{round(baseline - height - 4, 2)}" '
                f'text-anchor="middle" font-size="11" fill="currentColor">{item.count}</text>'
            )
        parts.append(
            f'<text class="bar-label" x="{middle}" y="{HEIGHT - 6}" text-anchor="middle" '
            f'font-size="10" fill="currentColor">{escape(item.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
