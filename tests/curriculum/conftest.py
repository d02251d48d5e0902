"""Helpers for the curriculum tests: fixture files and a small stand-in check validator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def read_fixture(name: str) -> tuple[str, str]:
    """A fixture file as the ``(path, text)`` pair the CLI would pass in (path = file name)."""
    return Path(name).name, (FIXTURES / name).read_text(encoding="utf-8")


def fake_check_validator(name: str, params: Mapping[str, Any]) -> list[str]:
    """Knows three checks; stands in for the grading registry."""
    if name not in ("container_running", "container_exited", "port_published"):
        return ["unknown check"]
    if name == "port_published" and not isinstance(params.get("host_port"), int):
        return ["'host_port' must be a whole number"]
    return []


FAKE_FIXTURES = {"site": {"site/index.html": "<h1>hi</h1>"}}


@pytest.fixture
def good_source() -> tuple[str, str]:
    """The good sample lesson that uses every block and question kind."""
    return read_fixture("good.md")
