"""The graders hold no language: no Hangul in any string literal of app/grading (docstrings included).

Learner-facing words are catalogue messages (`N_("English id", ...)`, translated by the web layer);
Korean lives only in app/translations/ko. Exceptions must be listed here with the reason (answer
normalisation data would be one); there are none now.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

GRADING = Path(__file__).resolve().parents[2] / "app" / "grading"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
#: path relative to app/grading -> why Korean literals are allowed there
EXCEPTIONS: dict[str, str] = {}


def hangul_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) for every string constant holding Hangul (f-string parts and docstrings too)."""
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and HANGUL.search(node.value)
    ]


def test_the_check_finds_korean_in_every_kind_of_literal():
    source = '"""도커"""\nx = "컨테이너"\ny = f"{x}가 없습니다"\n# 주석은 괜찮다\nz = "web"\n'
    assert [line for line, _ in hangul_literals(source)] == [1, 2, 3]


CHECKED = [p for p in sorted(GRADING.rglob("*.py")) if str(p.relative_to(GRADING)) not in EXCEPTIONS]


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(GRADING)))
def test_no_hangul_in_grader_string_literals(path: Path):
    found = hangul_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(GRADING)}: Korean belongs in the catalogue, not the grader: {found[:3]}"
