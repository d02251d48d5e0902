"""Where a form may send the learner back to: only paths on this site, checked in one function."""

from __future__ import annotations

from urllib.parse import urlsplit

# Longest `next` followed; anything longer is not a link this site makes.
MAX_NEXT_LENGTH = 512


def safe_target(target: str | None, default: str) -> str:
    """`target` when it is a plain path on this site, else `default`.

    Browsers drop tabs and newlines inside URLs and read `\\` as `/`, so `/<TAB>/evil.example`
    would become `//evil.example` (another site): any whitespace, control character or
    backslash makes the target unsafe, as does anything `urlsplit` reads as a scheme or host.
    """
    if not target or len(target) > MAX_NEXT_LENGTH or not target.startswith("/"):
        return default
    if target.startswith("//") or "\\" in target:
        return default
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 or not char.isprintable() for char in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
