"""The pure packages stay pure: no web framework, no database, no I/O, no running of code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
PURE_PACKAGES = ("dockersim", "curriculum", "grading", "reports")
FORBIDDEN_IMPORTS = (
    "flask",
    "sqlalchemy",
    "app.models",
    "app.extensions",
    "subprocess",
    "app.services",
    "app.blueprints",
)
FORBIDDEN_CALLS = {"eval", "exec", "open", "compile", "__import__"}
FORBIDDEN_ATTRIBUTE_CALLS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "remove"),
    ("os", "unlink"),
    ("shutil", "rmtree"),
}
# The adapter that reads standard input and files for `python -m app.dockersim`; the simulator core stays pure.
EXEMPT = {APP / "dockersim" / "__main__.py"}


def pure_files() -> list[Path]:
    files = []
    for package in PURE_PACKAGES:
        files.extend(sorted((APP / package).rglob("*.py")))
    return [path for path in files if path not in EXEMPT]


def violations(source: str, filename: str) -> list[str]:
    """Every forbidden import or call in one module, as `file:line: what`."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            for bad in FORBIDDEN_IMPORTS:
                if name == bad or name.startswith(bad + "."):
                    found.append(f"{filename}:{node.lineno}: imports {name}")
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{filename}:{node.lineno}: calls {func.id}()")
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (func.value.id, func.attr) in FORBIDDEN_ATTRIBUTE_CALLS
            ):
                found.append(f"{filename}:{node.lineno}: calls {func.value.id}.{func.attr}()")
    return found


def test_pure_packages_have_a_readme_stating_the_rule():
    for package in PURE_PACKAGES:
        assert "pure" in (APP / package / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(APP)))
def test_pure_module(path: Path):
    assert violations(path.read_text(encoding="utf-8"), str(path.relative_to(APP))) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import flask", "x.py:1: imports flask"),
        ("from sqlalchemy.orm import Session", "x.py:1: imports sqlalchemy.orm"),
        ("from app import models", "x.py:1: imports app.models"),
        ("from app.extensions import db", "x.py:1: imports app.extensions"),
        ("import subprocess", "x.py:1: imports subprocess"),
        ("import os\nos.system('ls')", "x.py:2: calls os.system()"),
        ("eval('1')", "x.py:1: calls eval()"),
        ("exec('x = 1')", "x.py:1: calls exec()"),
        ("open('/etc/passwd')", "x.py:1: calls open()"),
    ],
)
def test_the_scanner_catches_each_rule(source, expected):
    assert expected in violations(source, "x.py")


def test_the_scanner_accepts_pure_code():
    assert violations("import json\nfrom dataclasses import dataclass\nx = json.dumps({})", "x.py") == []
