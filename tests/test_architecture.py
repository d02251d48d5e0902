"""The dependency rule holds: `lint-imports` keeps every import-linter contract in pyproject.toml, and each
kind of contract really fails when the rule is broken (checked on a copy of the code with one bad import)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_contract_is_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# (module to edit, line to add, a contract expected to break; a layer breach may also close a cycle)
BREAKS = [
    ("app/dockersim/engine/host.py", "from app.dockersim.commands import base", "Simulator layers"),
    ("app/dockersim/shell/tools.py", "from app.dockersim import host", "Simulator layers"),
    ("app/grading/verdict.py", "from app.services import course", "App layers"),
    ("app/curriculum/model.py", "import flask", "Pure packages import no web"),
    ("app/grading/verdict.py", "from app.dockersim.core import _hidden", "Private modules"),
    ("app/services/labs.py", "from app.dockersim.engine.host import MAX_LINE", "The simulator is used through"),
    ("app/dockersim/commands/base.py", "from app.dockersim.commands import dispatch", "No import cycles"),
]


@pytest.mark.parametrize(("module", "line", "contract"), BREAKS, ids=[b[2] + ":" + b[0] for b in BREAKS])
def test_a_bad_import_breaks_its_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "static"))
    (tmp_path / "app" / "dockersim" / "core" / "_hidden.py").write_text('"""A private module."""\n')
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), result.stdout
