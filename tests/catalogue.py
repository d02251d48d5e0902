"""The Korean catalogue read straight from messages.po (no compiled .mo needed) for tests of pure code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from app.dockersim.core.message import Message
from app.services.particles import attach_particles

PO = Path(__file__).resolve().parents[1] / "app" / "translations" / "ko" / "LC_MESSAGES" / "messages.po"


@cache
def korean_catalogue() -> dict[str, str]:
    """msgid -> Korean msgstr for every translated entry."""
    with PO.open("rb") as f:
        catalog = read_po(f)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string}


def korean(message: Message) -> str:
    """The message as the Korean UI shows it (nested messages translated too, particles resolved)."""
    params = {k: korean(v) if isinstance(v, Message) else v for k, v in message.params}
    text = korean_catalogue().get(message.id, message.id)
    return attach_particles(text, params) % params if params else text


def english(message: Message) -> str:
    """The message as the English UI shows it (the catalogue id is English)."""
    return message.english()
