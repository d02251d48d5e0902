"""Where a form may send the learner back to: only paths on this site."""

from __future__ import annotations


def safe_target(target: str | None, default: str) -> str:
    """`target` when it is a path on this site (not `//host` or a full URL), else `default`."""
    target = target or ""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else default
