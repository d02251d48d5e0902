"""The one place where the pure packages' messages (catalogue id + parameters) become the learner's language.

`translate(message)` looks the id up in the request's catalogue (Flask-Babel), translates nested
messages first, resolves Korean double-form particles after parameters (`%(who)s이(가)`, see
`app.services.particles`) by the translated values, then fills the parameters in.

Grader results stored before messages existed hold a Korean and an English text side by side
(`feedback`/`feedback_en`, `message_ko`/`message_en`); the `stored_*` readers accept that shape
and the message JSON (`Message.to_json()`) alike, so old rows still render.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import get_locale, gettext

from app.dockersim import Message
from app.services.particles import attach_particles


def translate(message: Message) -> str:
    """The message in the current request's language (nested messages translated first)."""
    params = {k: translate(v) if isinstance(v, Message) else v for k, v in message.params}
    text = gettext(message.id)
    return attach_particles(text, params) % params if params else text


def translate_stored(data: Any) -> str:
    """A message as stored in JSON (`Message.to_json()`), or a plain string stored before messages existed."""
    if isinstance(data, Message):
        return translate(data)
    if isinstance(data, Mapping) and "id" in data:
        return translate(Message.from_json(data))
    return str(data or "")


def _english() -> bool:
    return str(get_locale() or "") == "en"


def stored_feedback(verdict: Mapping[str, Any] | None) -> str:
    """A stored verdict's overall line: message JSON, or the old Korean/English pair."""
    if not verdict:
        return ""
    feedback = verdict.get("feedback")
    if isinstance(feedback, Mapping):
        return translate_stored(feedback)
    if "feedback_en" in verdict:  # the old shape: {"feedback": Korean, "feedback_en": English}
        return str(verdict.get("feedback_en") if _english() else feedback or "")
    return str(feedback or "")


def stored_check_message(check: Mapping[str, Any]) -> str:
    """A stored check's words: message JSON, or the old {message_ko, message_en} pair."""
    message = check.get("message")
    if isinstance(message, Mapping):
        return translate_stored(message)
    if "message_ko" in check or "message_en" in check:
        return str(check.get("message_en" if _english() else "message_ko") or "")
    return str(message or "")


def stored_checks(verdict: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """A stored verdict's checks as the page shows them: [{"passed", "message"}] in the request's language."""
    if not verdict:
        return []
    return [{"passed": bool(c.get("passed")), "message": stored_check_message(c)} for c in verdict.get("checks", [])]


def stored_hint(details: Mapping[str, Any] | None) -> str:
    """The simulator's hint kept in a verdict's details: message JSON, or a bare catalogue id (older rows)."""
    hint = (details or {}).get("hint")
    if isinstance(hint, Mapping) and "id" in hint:
        return translate_stored(hint)
    return gettext(hint) if isinstance(hint, str) and hint else ""
