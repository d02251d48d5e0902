"""The one purity rule for the pure packages (dockersim, curriculum, grading, reports), checked on their AST.

Which *packages* a module may import (no flask, sqlalchemy, app.models, app.extensions, services, blueprints;
the layers) is the import-linter contract in pyproject.toml (tests/test_architecture.py runs it). This test
checks what import-linter cannot: no I/O, no running of code, no wall clock, no global randomness, no imports
hidden inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
PURE_PACKAGES = ("dockersim", "curriculum", "grading", "reports")

# Modules that do I/O, run programs, read the clock or the environment.
FORBIDDEN_MODULES = frozenset(
    {
        "asyncio",
        "glob",
        "http.client",
        "importlib",
        "multiprocessing",
        "os",
        "pathlib",
        "requests",
        "secrets",
        "shutil",
        "socket",
        "subprocess",
        "sys",
        "tempfile",
        "threading",
        "time",
        "urllib.request",
        "uuid",
    }
)
FORBIDDEN_CALLS = frozenset({"open", "eval", "exec", "compile", "__import__", "input", "print", "breakpoint"})
# module.function calls: files, processes, the wall clock, the global random generator
FORBIDDEN_ATTRIBUTE_CALLS = frozenset({("io", "open"), ("os", "system"), ("os", "popen"), ("os", "urandom")})
WALL_CLOCK = frozenset({"now", "utcnow", "today"})
FILE_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes"})
# `random.Random(seed)` is a seeded generator of its own; every other function of `random` is global state.
RANDOM_ALLOWED = frozenset({"Random"})

# Each exemption and why. Nothing else in the pure packages may read or write anything.
EXEMPT = {
    APP / "dockersim" / "__main__.py": "the command-line adapter of `python -m app.dockersim` reads stdin and files",
}
# The simulator's data loader reads the package's own JSON files (importlib.resources, fixed names, at import).
ALLOWED = {APP / "dockersim" / "data" / "__init__.py": frozenset({"importlib", "read_text"})}


def pure_files() -> list[Path]:
    """Every module of the pure packages except the exempt adapter."""
    files = [p for package in PURE_PACKAGES for p in sorted((APP / package).rglob("*.py"))]
    return [p for p in files if p not in EXEMPT]


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    return []


def _call_problem(call: ast.Call, allowed: frozenset[str]) -> str:
    func = call.func
    if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
        return f"calls {func.id}()"
    if not isinstance(func, ast.Attribute):
        return ""
    owner = func.value.id if isinstance(func.value, ast.Name) else ""
    if (owner, func.attr) in FORBIDDEN_ATTRIBUTE_CALLS:
        return f"calls {owner}.{func.attr}()"
    if func.attr in FILE_METHODS and func.attr not in allowed:
        return f"reads or writes a file (.{func.attr}())"
    if func.attr in WALL_CLOCK:
        return f"reads the wall clock ({func.attr}())"
    if owner == "random" and func.attr not in RANDOM_ALLOWED:
        return f"uses the global random generator (random.{func.attr}())"
    return ""


def _nested_imports(tree: ast.AST) -> list[int]:
    """Line numbers of imports inside function bodies (they hide dependencies and dodge cycles)."""
    return [
        node.lineno
        for fn in ast.walk(tree)
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(fn)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]


def violations(source: str, filename: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Every breach of the purity rule in one module, as `file:line: what`."""
    tree = ast.parse(source, filename)
    found = [f"{filename}:{line}: imports inside a function" for line in _nested_imports(tree)]
    for node in ast.walk(tree):
        for name in _imported(node):
            top = name.split(".")[0]
            if (name in FORBIDDEN_MODULES or top in FORBIDDEN_MODULES) and top not in allowed:
                found.append(f"{filename}:{node.lineno}: imports {name}")
        if isinstance(node, ast.Call) and (problem := _call_problem(node, allowed)):
            found.append(f"{filename}:{node.lineno}: {problem}")
    return found


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(APP)))
def test_pure_module(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert violations(source, str(path.relative_to(APP)), ALLOWED.get(path, frozenset())) == []


def test_pure_packages_have_a_readme_stating_the_rule() -> None:
    for package in PURE_PACKAGES:
        assert "pure" in (APP / package / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import subprocess", "x.py:1: imports subprocess"),
        ("from pathlib import Path", "x.py:1: imports pathlib"),
        ("import os.path", "x.py:1: imports os.path"),
        ("from urllib.request import urlopen", "x.py:1: imports urllib.request"),
        ("import time", "x.py:1: imports time"),
        ("from importlib import resources", "x.py:1: imports importlib"),
        ("import io\nio.open('f')", "x.py:2: calls io.open()"),
        ("eval('1')", "x.py:1: calls eval()"),
        ("exec('x = 1')", "x.py:1: calls exec()"),
        ("open('/etc/passwd')", "x.py:1: calls open()"),
        ("print('hi')", "x.py:1: calls print()"),
        ("from datetime import datetime\ndatetime.now()", "x.py:2: reads the wall clock (now())"),
        ("import datetime\ndatetime.date.today()", "x.py:2: reads the wall clock (today())"),
        ("import random\nrandom.choice([1])", "x.py:2: uses the global random generator (random.choice())"),
        ("def f():\n    import json\n", "x.py:2: imports inside a function"),
        ("p.read_text()", "x.py:1: reads or writes a file (.read_text())"),
    ],
)
def test_the_scanner_catches_each_rule(source: str, expected: str) -> None:
    assert expected in violations(source, "x.py")


def test_the_scanner_accepts_pure_code() -> None:
    source = (
        "import json, random, io\nfrom datetime import datetime, UTC\nx = json.dumps({})\n"
        "rng = random.Random(4)\nbuf = io.StringIO()\nt = datetime(2026, 1, 1, tzinfo=UTC)\nclock_now = t\n"
    )
    assert violations(source, "x.py") == []


def test_only_the_data_loader_may_read_package_files() -> None:
    loader = APP / "dockersim" / "data" / "__init__.py"
    assert violations(loader.read_text(encoding="utf-8"), "data/__init__.py") != []
    assert violations(loader.read_text(encoding="utf-8"), "data/__init__.py", ALLOWED[loader]) == []
