"""app.grading stays pure: the project-wide scanner, plus no clock, randomness, files or OS."""

import ast
from pathlib import Path

import pytest

from tests.test_boundaries import violations

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "grading"
FILES = sorted(PACKAGE.rglob("*.py"))
# Stricter than the shared scanner: graders need none of these.
NOT_IN_GRADING = ("random", "time", "os", "io", "pathlib", "shutil", "socket", "secrets", "tempfile")


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_pure(path):
    source = path.read_text(encoding="utf-8")
    assert violations(source, path.name) == []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in NOT_IN_GRADING, f"{path.name}:{node.lineno} imports {name}"
        if isinstance(node, ast.Attribute) and node.attr in ("now", "utcnow", "today"):
            pytest.fail(f"{path.name}:{node.lineno}: reads the wall clock ({node.attr})")


def test_grading_imports_only_allowed_app_packages():
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app."):
                assert node.module.split(".")[1] in ("grading", "dockersim", "curriculum"), (
                    f"{path.name}:{node.lineno} imports {node.module}"
                )
