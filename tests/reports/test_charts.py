"""The score-distribution SVG: parseable, accessible, no inline style, bars in proportion."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.reports.charts import Bin, histogram, score_distribution_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_histogram_bins_cover_zero_to_max_and_keep_every_total():
    bins = histogram([0, 1, 1.5, 4, 4, 10], 10, bins=5)
    assert [(b.low, b.high, b.count) for b in bins] == [(0, 2, 3), (2, 4, 0), (4, 6, 2), (6, 8, 0), (8, 10, 1)]
    assert histogram([0, 1, 2, 3], 3)[-1] == Bin(2, 3, 2)  # small whole maximum: one bin per mark, the top one closed
    assert histogram([], 4) == [Bin(0, 1, 0), Bin(1, 2, 0), Bin(2, 3, 0), Bin(3, 4, 0)]
    assert histogram([0, 0], 0) == [Bin(0, 0, 2)]


def test_svg_is_accessible_and_has_no_style_attribute():
    text = score_distribution_svg(histogram([1, 2, 2, 3], 4), "점수 분포 <1반>", "4명의 점수 & 분포")
    root = ET.fromstring(text)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "score-chart-title score-chart-desc"
    assert root.find(f"{SVG}title").text == "점수 분포 <1반>"
    assert root.find(f"{SVG}desc").text == "4명의 점수 & 분포"
    assert "style" not in text
    bars = root.findall(f"{SVG}rect")
    heights = [float(b.get("height")) for b in bars]
    assert heights[2] == max(heights) and heights[0] == 0 and heights[1] == heights[3] == heights[2] / 2
    labels = [t.text for t in root.findall(f"{SVG}text") if t.get("class") == "bar-label"]
    assert labels == ["0–1", "1–2", "2–3", "3–4"]


def test_svg_of_nobody_draws_empty_bars():
    root = ET.fromstring(score_distribution_svg(histogram([], 2), "t", "d"))
    assert [float(b.get("height")) for b in root.findall(f"{SVG}rect")] == [0.0, 0.0]
