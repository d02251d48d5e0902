"""Two charts on one page (the class report PDF) keep their title and description ids apart."""

from __future__ import annotations

import re

from app.reports.charts import Bin, score_distribution_svg


def test_chart_ids_follow_the_given_prefix():
    bins = [Bin(0, 1, 2)]
    first = score_distribution_svg(bins, "t", "d", chart_id="score-chart-1")
    second = score_distribution_svg(bins, "t", "d", chart_id="score-chart-2")
    ids = re.findall(r' id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) == 4
    assert 'aria-labelledby="score-chart-1-title score-chart-1-desc"' in first
    assert 'id="score-chart-title"' in score_distribution_svg(bins, "t", "d")  # the page's single chart
