"""The class report's gradebook as monospaced lines: aligned columns, blocks that fit a printed line."""

from __future__ import annotations

from app.reports import print_grid as g


def test_marks_keep_at_most_two_decimals_and_the_state_letter():
    assert [g.mark(7.5, "S"), g.mark(10.0, "L"), g.mark(3.875, "S"), g.mark(None, "N")] == [
        "7.5S",
        "10L",
        "3.88S",
        "-N",
    ]


def test_columns_are_right_aligned_under_their_numbers():
    (block,) = g.grid_blocks([["7.5S", "-N"], ["10L", "0S"]], 2)
    assert (block.first, block.count) == (1, 2)
    assert block.header == "   1    2"
    assert block.lines == ("7.5S   -N", " 10L   0S")
    assert all(len(line) == len(block.header) for line in block.lines)  # widest mark: 4 characters


def test_blocks_hold_as_many_assignments_as_fit_a_line():
    marks = [["100.25S"] * 45]  # 7 characters and a space: 15 per 120-character line
    blocks = g.grid_blocks(marks, 45)
    assert [(b.first, b.count) for b in blocks] == [(1, 15), (16, 15), (31, 15)]
    assert all(len(line) <= g.MAX_LINE_CHARS for b in blocks for line in b.lines)
    assert [b.count for b in g.grid_blocks([["5S"] * 20], 20)] == [20]  # the usual class fits one block
    assert g.grid_blocks([], 0) == []
    assert g.grid_blocks([], 3)[0].lines == ()  # an empty class still prints the header
