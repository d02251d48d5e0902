"""Browser tests share one live server; each test makes its own user names."""

from __future__ import annotations

import itertools

import pytest

_names = itertools.count(1)


@pytest.fixture
def unique_name() -> str:
    """A user name no other browser test uses."""
    return f"learner{next(_names)}"
