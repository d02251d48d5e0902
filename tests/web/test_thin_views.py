"""The HTTP layer stays thin: no SQL or models in blueprints, and every view is short."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BLUEPRINTS = sorted((Path(__file__).resolve().parents[2] / "app" / "blueprints").glob("*.py"))
MAX_VIEW_LINES = 25


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda p: p.name)
def test_blueprints_do_not_touch_the_database(path: Path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {alias.name for alias in node.names}
            assert not module.startswith("sqlalchemy"), f"{path.name} imports {module}"
            assert module != "app.models", f"{path.name} imports app.models"
            assert not (module == "app.extensions" and "db" in names), f"{path.name} imports db"
        if isinstance(node, ast.Import):
            assert not any(alias.name.startswith("sqlalchemy") for alias in node.names), path.name


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda p: p.name)
def test_views_are_short(path: Path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Call) and getattr(d.func, "attr", "") == "route" for d in node.decorator_list
        ):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= MAX_VIEW_LINES, f"{path.name}:{node.lineno} {node.name} has {length} lines"
