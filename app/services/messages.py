"""The one place where the pure packages' messages (catalogue id + parameters) become the learner's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext

from app.dockersim import Message


def translate(message: Message) -> str:
    """The message in the current request's language (nested messages translated first)."""
    params = {k: translate(v) if isinstance(v, Message) else v for k, v in message.params}
    return gettext(message.id, **params) if params else gettext(message.id)


def translate_stored(data: Any) -> str:
    """A message as stored in JSON (`Message.to_json()`), or a plain string stored before messages existed."""
    if isinstance(data, Mapping) and "id" in data:
        return translate(Message.from_json(data))
    return str(data or "")
