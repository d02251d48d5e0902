"""One rule for user names, shared by accounts and rate limits."""

from __future__ import annotations

import unicodedata


def normalise_username(raw: str) -> str:
    """NFKC-normalise and casefold: `Kim`, `kim` and `ｋｉｍ` are one name, as are composed and decomposed Hangul."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", raw.strip()).casefold())
