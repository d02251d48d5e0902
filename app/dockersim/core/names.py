"""Random container names: moby's pkg/namesgenerator word lists, from data/names.json (transcribed from
moby/moby v28.2.2 pkg/namesgenerator/names-generator.go; the file's _meta names the source)."""

from __future__ import annotations

from app.dockersim import data

_WORDS = data.load("names.json")

LEFT: tuple[str, ...] = tuple(_WORDS["left_adjectives"])
RIGHT: tuple[str, ...] = tuple(_WORDS["right_surnames"])
_LEFT_SET, _RIGHT_SET = frozenset(LEFT), frozenset(RIGHT)


def is_generated_name(name: str) -> bool:
    """True for a name Docker makes up: adjective_surname (optionally with a retry digit)."""
    left, _, right = name.rstrip("0123456789").partition("_")
    return left in _LEFT_SET and right in _RIGHT_SET
