"""The pure-package rule for app/curriculum: no web, DB, I/O, processes, eval or wall clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "curriculum"
FORBIDDEN_MODULES = (
    "flask",
    "sqlalchemy",
    "app.models",
    "app.extensions",
    "app.grading",
    "app.dockersim",
    "subprocess",
    "os",
    "pathlib",
    "shutil",
    "socket",
    "io",
    "time",
    "datetime",
    "random",
    "tempfile",
)
FORBIDDEN_CALLS = {"open", "eval", "exec", "compile", "__import__", "input"}
SOURCES = sorted(PACKAGE.glob("*.py"))


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_package_has_sources() -> None:
    assert len(SOURCES) >= 5


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_forbidden_imports(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [n for n in _imports(tree) if any(n == m or n.startswith(m + ".") for m in FORBIDDEN_MODULES)]
    assert bad == []


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_forbidden_calls(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert calls & FORBIDDEN_CALLS == set()


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_imports_inside_functions(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = [
        node.lineno
        for fn in ast.walk(tree)
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(fn)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    assert inner == []
