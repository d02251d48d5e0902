"""Item statistics against values worked out by hand."""

from __future__ import annotations

import csv
import io
import math
import random
import time

import openpyxl
import pytest

from app.reports.charts import histogram
from app.reports.item_tables import histogram_table, item_analysis_tables
from app.reports.statistics import (
    ItemSpec,
    check_failure_rates,
    choice_distribution,
    item_analysis,
    popular_wrong_choice,
)
from app.reports.tables import table_csv, tables_xlsx

ITEMS = [ItemSpec("q1", "첫째", 1), ItemSpec("q2", "둘째", 1), ItemSpec("q3", "셋째", 2)]
MARKS = [[1, 1, 2], [1, 0, 1], [0, 1, 0], [1, 0, 0]]


def test_hand_worked_table():
    """Four attempts, three items (max 1, 1, 2); totals 4, 2, 1, 1.

    Test: mean 8/4 = 2; median (1 + 2)/2 = 1.5; deviations 2, 0, -1, -1, squares sum 6,
    variance 6/3 = 2, SD sqrt(2) = 1.41421.

    q1: x = 1,1,0,1 (mean .75, facility .75); rest = total - x = 3,1,1,0 (mean 1.25).
      dx = .25,.25,-.75,.25 -> sum dx^2 = .75, var .25, SD .5.
      dy = 1.75,-.25,-.25,-1.25 -> sum dy^2 = 4.75, var 1.583333.
      sum dx*dy = .4375-.0625+.1875-.3125 = .25 -> cov .083333.
      DI = .083333 / sqrt(.25 * 1.583333) = .083333 / .629153 = 0.132453 -> low_discrimination.
      covmax: sorted x 0,1,1,1 with sorted rest 0,1,1,3: dx -.75,.25,.25,.25, dy -1.25,-.25,-.25,1.75,
      products .9375-.0625-.0625+.4375 = 1.25 -> covmax .416667; DE = .083333/.416667 = 0.2.
    q2: x = 1,0,1,0 (mean .5); rest = 3,2,0,1. dx = ±.5 -> var 1/3, SD .57735;
      sum dx*dy = .75-.25-.75+.25 = 0 -> DI 0, DE 0 -> flagged low_discrimination.
    q3: x = 2,1,0,0 (mean .75, facility .375); rest = 2,1,1,1 (mean 1.25).
      dx = 1.25,.25,-.75,-.75 -> sum 2.75, var .916667, SD .957427.
      dy = .75,-.25,-.25,-.25 -> sum .75, var .25.
      sum dx*dy = .9375-.0625+.1875+.1875 = 1.25 -> cov .416667.
      DI = .416667 / sqrt(.916667 * .25) = 0.870388.
      covmax: sorted x 0,0,1,2, sorted rest 1,1,1,2: .1875+.1875-.0625+.9375 = 1.25 = cov -> DE 1.
    """
    stats = item_analysis(ITEMS, MARKS)
    assert stats.count == 4 and stats.max_total == 4 and stats.enough_data
    assert stats.mean == 2 and stats.median == 1.5
    assert stats.sd == pytest.approx(math.sqrt(2))
    q1, q2, q3 = stats.items
    assert (q1.mean, q1.facility, q1.sd) == (0.75, 0.75, pytest.approx(0.5))
    assert q1.discrimination == pytest.approx(0.132453, abs=1e-6)
    assert q1.efficiency == pytest.approx(0.2)
    assert q1.flags == ("low_discrimination",)
    assert q2.facility == 0.5 and q2.sd == pytest.approx(0.57735, abs=1e-5)
    assert q2.discrimination == pytest.approx(0) and q2.efficiency == pytest.approx(0)
    assert q2.flags == ("low_discrimination",)
    assert q3.facility == 0.375 and q3.sd == pytest.approx(0.957427, abs=1e-6)
    assert q3.discrimination == pytest.approx(0.870388, abs=1e-6)
    assert q3.efficiency == pytest.approx(1.0)
    assert q3.flags == ()


def test_nobody_took_it():
    stats = item_analysis(ITEMS, [])
    assert (stats.count, stats.mean, stats.median, stats.sd) == (0, None, None, None)
    assert not stats.enough_data
    assert all(i.facility is None and i.discrimination is None and i.flags == ("not_enough_data",) for i in stats.items)


def test_one_attempt_has_means_but_no_spread():
    stats = item_analysis(ITEMS, [[1, 0, 2]])
    assert (stats.count, stats.mean, stats.median, stats.sd) == (1, 3, 3, None)
    assert [i.facility for i in stats.items] == [1.0, 0.0, 1.0]
    assert all(i.sd is None and i.discrimination is None and i.efficiency is None for i in stats.items)
    assert stats.items[0].flags == ("not_enough_data",)


def test_everyone_the_same_score_is_flagged_without_dividing_by_zero():
    stats = item_analysis(ITEMS, [[1, 1, 2]] * 5)
    assert stats.sd == 0
    for item in stats.items:
        assert item.facility == 1.0 and item.sd == 0
        assert item.discrimination is None and item.efficiency is None
        assert item.flags == ("easy", "low_discrimination")


def test_missing_marks_count_as_zero_and_a_hard_item_is_flagged():
    stats = item_analysis(
        [ItemSpec("a", "A", 1), ItemSpec("b", "B", 1)], [[None, 1], [0, 0], [0, 1], [1, 1], [0, 0], [0, 1]]
    )
    assert stats.items[0].facility == pytest.approx(1 / 6)
    assert "hard" in stats.items[0].flags


def test_zero_max_mark_has_no_facility():
    stats = item_analysis([ItemSpec("a", "A", 0), ItemSpec("b", "B", 1)], [[0, 1], [0, 0]])
    assert stats.items[0].facility is None


def test_rows_of_the_wrong_length_are_refused():
    with pytest.raises(ValueError, match="2 marks for 3 items"):
        item_analysis(ITEMS, [[1, 1]])


def test_choice_distribution_finds_the_popular_wrong_answer():
    dist = choice_distribution(["run", "start", "exec"], [0], [0, 1, 1, 2, None, 1])
    assert [(c.text, c.count, c.correct) for c in dist] == [("run", 1, True), ("start", 3, False), ("exec", 1, False)]
    assert dist[1].share == pytest.approx(3 / 5)  # of the five who answered
    assert popular_wrong_choice(dist).text == "start"


def test_multiple_choice_counts_each_ticked_option_and_nobody_answering_is_none():
    dist = choice_distribution(["a", "b", "c"], [0, 2], [[0, 2], [0, 1], [1, 1]])
    assert [c.count for c in dist] == [2, 2, 1]
    empty = choice_distribution(["a", "b"], [0], [None])
    assert [c.share for c in empty] == [None, None] and popular_wrong_choice(empty) is None


def test_check_failure_rates_per_check_in_lab_order():
    rates = check_failure_rates(
        ["container_running", "port_published", "never_checked"],
        [{"container_running": True, "port_published": False}, {"container_running": False, "port_published": False}],
    )
    assert [(r.name, r.attempts, r.failures, r.rate) for r in rates] == [
        ("container_running", 2, 1, 0.5),
        ("port_published", 2, 2, 1.0),
        ("never_checked", 0, 0, None),
    ]


def test_item_tables_read_back_from_csv_and_xlsx():
    stats = item_analysis(ITEMS, MARKS)
    summary, items = item_analysis_tables(stats, {"facility": "정답률"}, {"items": "문항"})
    rows = list(csv.DictReader(io.StringIO(table_csv(items).removeprefix("\ufeff"))))
    assert [(r["item_id"], r["정답률"], r["discrimination"], r["flags"]) for r in rows] == [
        ("q1", "0.75", "0.1325", "low_discrimination"),
        ("q2", "0.5", "0", "low_discrimination"),
        ("q3", "0.375", "0.8704", ""),
    ]
    book = openpyxl.load_workbook(
        io.BytesIO(tables_xlsx([summary, items, histogram_table(histogram([4, 2, 1, 1], 4), {}, "분포")]))
    )
    assert book.sheetnames == ["summary", "문항", "분포"]
    assert [c.value for c in book["summary"][2]] == [4, 4, 2, 1.5, 1.4142]
    assert [r for r in book["분포"].iter_rows(min_row=2, values_only=True)] == [
        ("0–1", 0, 1, 0), ("1–2", 1, 2, 2), ("2–3", 2, 3, 1), ("3–4", 3, 4, 1),
    ]  # fmt: skip
    empty = item_analysis_tables(item_analysis(ITEMS, []), {}, {})
    assert list(csv.reader(io.StringIO(table_csv(empty[0]).removeprefix("\ufeff"))))[1] == ["0", "4", "", "", ""]


def test_500_attempts_of_20_items_take_well_under_a_second():
    rng = random.Random(7)
    items = [ItemSpec(f"q{i}", f"문항 {i}", 1 + i % 3) for i in range(20)]
    attempts = [[rng.randint(0, int(spec.max_mark)) for spec in items] for _ in range(500)]
    started = time.perf_counter()
    stats = item_analysis(items, attempts)
    assert time.perf_counter() - started < 0.5
    assert stats.count == 500 and all(i.discrimination is not None for i in stats.items)
