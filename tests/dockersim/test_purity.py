"""The pure-package rule for app/dockersim: stdlib + dockerfile-parse only, no I/O, no global randomness or clock."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "dockersim"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")
ALLOWED_THIRD_PARTY = {"dockerfile_parse"}
FORBIDDEN_CALLS = {"open", "eval", "exec", "compile", "__import__", "input", "print"}
FORBIDDEN_ATTRS = {
    ("os", "system"),
    ("os", "popen"),
    ("time", "time"),
    ("time", "monotonic"),
    ("time", "sleep"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("random", "random"),
    ("random", "randint"),
    ("random", "choice"),
    ("random", "seed"),
    ("random", "shuffle"),
    ("random", "randrange"),
    ("os", "urandom"),
    ("os", "listdir"),
    ("os", "walk"),
    ("uuid", "uuid4"),
}
FORBIDDEN_MODULES = {
    "subprocess",
    "socket",
    "shutil",
    "pathlib",
    "tempfile",
    "flask",
    "sqlalchemy",
    "requests",
    "urllib.request",
    "http.client",
    "threading",
    "multiprocessing",
    "asyncio",
    "sys",
    "io",
}


def _imports(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_pure(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in _imports(tree):
        top = name.split(".")[0]
        assert name not in FORBIDDEN_MODULES and top not in FORBIDDEN_MODULES, f"{path.name} imports {name}"
        assert not name.startswith(("app.models", "app.extensions")), f"{path.name} imports {name}"
        if top != "app":
            assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY, f"{path.name} imports {name}"
        else:
            assert name.startswith("app.dockersim"), f"{path.name} imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            if isinstance(fn, ast.Name):
                assert fn.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {fn.id}()"
            if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name):
                assert (fn.value.id, fn.attr) not in FORBIDDEN_ATTRS, (
                    f"{path.name}:{node.lineno} calls {fn.value.id}.{fn.attr}()"
                )


def test_modules_stay_small() -> None:
    for path in MODULES:
        if path.name.startswith("_") and path.name not in ("__init__.py",):
            continue  # generated data modules
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 600, f"{path.name} has {lines} lines; split it"
