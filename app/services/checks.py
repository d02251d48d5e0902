"""The bridge that lets the curriculum validate lab checks without depending on grading."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app import grading


def validate_check(name: str, params: Mapping[str, Any]) -> list[str]:
    """Problems with one goal check of a lab ([] when the grader can run it)."""
    return grading.validate_check(name, params)
