"""The class report's gradebook as fixed-width text: one line of marks per learner (pure).

WeasyPrint lays out each table cell as its own box with its own line; a gradebook of 500 learners
× 20 assignments is 10,000 of them. Printed as one monospaced line of marks per learner (ASCII
only, so every character has the same width), a row is three boxes whatever the number of
assignments, and the report prints in a fraction of the time (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_LINE_CHARS = (
    120  # marks per landscape A4 line at 7 pt DejaVu Sans Mono (0.602 em a character: 178 mm; reports/print.css)
)
NO_GRADE = "-"


@dataclass(frozen=True)
class GridBlock:
    """Assignments `first`..`first + count - 1` (numbered from 1): the header line and a line per learner."""

    first: int
    count: int
    header: str
    lines: tuple[str, ...]


def mark(grade: float | None, code: str) -> str:
    """One cell: the grade (at most two decimals, no trailing zeros) and the state's letter, e.g. `7.5S`."""
    return (NO_GRADE if grade is None else f"{round(grade, 2):g}") + code


def grid_blocks(marks: Sequence[Sequence[str]], columns: int, max_chars: int = MAX_LINE_CHARS) -> list[GridBlock]:
    """The marks (a row per learner, a mark per assignment) cut into blocks of as many assignments as
    fit `max_chars` (20 marks such as `7.25S`), each column right-aligned to its block's widest mark."""
    widest = max([len(str(columns))] + [len(m) for row in marks for m in row])
    per_block = max(1, (max_chars + 1) // (widest + 1))
    blocks = []
    for start in range(0, columns, per_block):
        end = min(start + per_block, columns)
        width = max([len(str(end))] + [len(m) for row in marks for m in row[start:end]])
        header = " ".join(str(n).rjust(width) for n in range(start + 1, end + 1))
        lines = tuple(" ".join(m.rjust(width) for m in row[start:end]) for row in marks)
        blocks.append(GridBlock(start + 1, end - start, header, lines))
    return blocks
