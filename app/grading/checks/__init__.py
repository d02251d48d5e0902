"""The registry of lab checks: `CHECKS`, `validate_check`, `describe_check`, `run_check`."""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any

from app.dockersim import Message
from app.grading.checks.activity import ACTIVITY_CHECKS
from app.grading.checks.base import CheckKind, Context, Outcome
from app.grading.checks.config import CONFIG_CHECKS
from app.grading.checks.containers import CONTAINER_CHECKS
from app.grading.checks.files import FILE_CHECKS
from app.grading.checks.history import HISTORY_CHECKS
from app.grading.checks.images import IMAGE_CHECKS
from app.grading.checks.inspection import INSPECTION_CHECKS
from app.grading.checks.storage import STORAGE_CHECKS
from app.grading.errors import ContentError, UnknownKindError
from app.grading.params import validate_params, with_defaults

CHECKS: dict[str, CheckKind] = {
    kind.name: kind
    for kind in CONTAINER_CHECKS
    + IMAGE_CHECKS
    + STORAGE_CHECKS
    + FILE_CHECKS
    + ACTIVITY_CHECKS
    + HISTORY_CHECKS
    + CONFIG_CHECKS
    + INSPECTION_CHECKS
}

__all__ = ["CHECKS", "CheckKind", "Context", "Outcome", "check_kind", "describe_check", "run_check", "validate_check"]


def _unknown(name: Any) -> str:
    close = get_close_matches(str(name), CHECKS, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; known checks: {', '.join(sorted(CHECKS))}"
    return f"unknown check {name!r}{hint}"


def check_kind(name: str) -> CheckKind:
    """The registered check, or UnknownKindError naming close matches."""
    try:
        return CHECKS[name]
    except (KeyError, TypeError):
        raise UnknownKindError(_unknown(name)) from None


def validate_check(name: str, params: Mapping[str, Any]) -> list[str]:
    """Content errors for one goal check ([] when it is usable); the curriculum loader calls this."""
    if not isinstance(name, str) or name not in CHECKS:
        return [_unknown(name)]
    kind = CHECKS[name]
    errors = validate_params(name, kind.params, params)
    try:
        # the rules too, so an author sees every problem at once (a missing selector and a bad path)
        errors += [e for e in kind.rules(params) if e not in errors]
    except (TypeError, AttributeError, ValueError, KeyError):
        # a rule may assume well-typed parameters; their type errors are already reported
        if not errors:
            raise
    # The caller names the check (the loader: "check 'mount_at': ..."), so drop our own prefix.
    return [e.removeprefix(f"{name}: ") for e in errors]


def _checked(name: str, params: Mapping[str, Any]) -> tuple[CheckKind, dict[str, Any]]:
    errors = validate_check(name, params)
    if errors:
        raise ContentError(errors)
    kind = CHECKS[name]
    return kind, with_defaults(kind.params, params)


def describe_check(name: str, params: Mapping[str, Any]) -> Message:
    """The goal in plain words, e.g. "A running container has host port 8000 published to container port 80/tcp"."""
    kind, full = _checked(name, params)
    return kind.describe({k: v for k, v in full.items() if v is not None})


def run_check(name: str, params: Mapping[str, Any], ctx: Context) -> Outcome:
    """Evaluate one check against the context's final state."""
    kind, full = _checked(name, params)
    return kind.evaluate(ctx, {k: v for k, v in full.items() if v is not None})
