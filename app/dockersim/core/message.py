"""Learner-facing sentences as catalogue ids with parameters: the pure packages say *what* to tell the
learner, the web layer translates it (gettext; Korean and English). No language lives down here."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Separates a note from Docker's own text while both travel through the shell as one stderr string.
NOTE_MARK = "\x1f"
#: One note inside text, with the line breaks note_marker() puts around it (json.dumps escapes \x1f, and
#: sort_keys puts "id" first); a stray \x1f in a learner's text is no note and stays as it is.
_NOTE = re.compile(f'\n?{NOTE_MARK}(\\{{"id": [^{NOTE_MARK}]*\\}}){NOTE_MARK}\n?')


@dataclass(frozen=True)
class Message:
    """One sentence: its catalogue id (the English text, with %(name)s fields) and its parameters."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()

    def kwargs(self) -> dict[str, Any]:
        """The parameters as keyword arguments."""
        return dict(self.params)

    def english(self) -> str:
        """The untranslated text (the catalogue id is English) with its parameters filled in."""
        params = {k: v.english() if isinstance(v, Message) else v for k, v in self.params}
        return self.id % params if params else self.id

    def to_json(self) -> dict[str, Any]:
        """A JSON-able form (nested messages included) for storage and the browser."""
        return {"id": self.id, "params": {k: _param_json(v) for k, v in self.params}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """The message to_json() wrote."""
        params = data.get("params") or {}
        return cls(str(data["id"]), tuple((k, _param_back(v)) for k, v in sorted(params.items())))


def N_(msgid: str, **params: Any) -> Message:
    """A message; the name marks `msgid` for `pybabel extract` (a default keyword)."""
    return Message(msgid, tuple(sorted(params.items())))


def note_marker(message: Message) -> str:
    """A note as a line of stderr text; `split_notes` takes it out again before anyone sees it."""
    return f"\n{NOTE_MARK}{json.dumps(message.to_json(), ensure_ascii=False, sort_keys=True)}{NOTE_MARK}\n"


def split_notes(stderr: str) -> tuple[str, tuple[Message, ...]]:
    """Docker's own stderr text without the notes, and the notes in order."""
    if NOTE_MARK not in stderr:
        return stderr, ()
    notes: list[Message] = []

    def take(match: re.Match[str]) -> str:
        try:
            data = json.loads(match.group(1))
            if not isinstance(data.get("id"), str) or not isinstance(data.get("params", {}), dict):
                raise TypeError(data)
            notes.append(Message.from_json(data))
        except (ValueError, TypeError, AttributeError):
            return match.group(0)  # looks like a note but is not one: text as it was
        return ""

    text = _NOTE.sub(take, stderr)
    return text, tuple(notes)


def is_note(text: str) -> bool:
    """Whether the text is nothing but the simulator's notes (no word of Docker's own)."""
    return NOTE_MARK in text and not split_notes(text)[0].strip()


def only_notes(text: str) -> str:
    """The notes in a text, as note lines (what stays when the rest is redirected away)."""
    return "".join(note_marker(m) for m in split_notes(text)[1])


def join_notes(messages: Iterable[Message]) -> tuple[Message, ...]:
    """Notes without repeats, in first-seen order."""
    return tuple(dict.fromkeys(messages))


def _param_json(value: Any) -> Any:
    return value.to_json() if isinstance(value, Message) else value


def _param_back(value: Any) -> Any:
    return Message.from_json(value) if isinstance(value, dict) and "id" in value else value
