"""The pure packages stay readable: no module over 400 lines and no function over 60 (data lives in JSON)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
PURE_PACKAGES = ("dockersim", "curriculum", "grading", "reports")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MODULES = [p for package in PURE_PACKAGES for p in sorted((APP / package).rglob("*.py"))]


def long_functions(source: str) -> list[tuple[str, int]]:
    """(qualified name, lines) of every function longer than MAX_FUNCTION_LINES, decorators excluded."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    lines = (child.end_lineno or child.lineno) - child.lineno + 1
                    if lines > MAX_FUNCTION_LINES:
                        found.append((name, lines))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(APP)))
def test_module_and_function_size(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{len(source.splitlines())} lines; split the module"
    assert long_functions(source) == []


def test_the_measure_counts_nested_functions() -> None:
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    source = f"class A:\n    def f(self):\n        def g():\n            pass\n{body}\n"
    assert long_functions(source) == [("A.f", MAX_FUNCTION_LINES + 3)]
    assert long_functions("def short():\n    return 1\n") == []
