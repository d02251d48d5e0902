"""Building blocks for grader messages: lists of fragments that each translate on their own.

A `Message` parameter is one value, so a list whose items carry words (`web (nginx, running (Up))`)
is a chain of two-part messages. Their ids are pure format ("%(head)s, %(tail)s"): the same in
every language, so the catalogue copies them unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.dockersim import N_, Message

#: How many items a list in a message names before it says "and N more".
LIST_LIMIT = 5


def joined(items: Sequence[Message | str]) -> Message | str:
    """The items separated by commas (plain strings are joined directly)."""
    if all(isinstance(item, str) for item in items):
        return ", ".join(str(item) for item in items)
    result: Message | str = items[-1]
    for item in reversed(items[:-1]):
        result = N_("%(head)s, %(tail)s", head=item, tail=result)
    return result


def sentences(items: Sequence[Message | str]) -> Message:
    """Whole sentences (at least one) one after another, separated by a space."""
    last = items[-1]
    result = last if isinstance(last, Message) else N_("%(text)s", text=last)
    for item in reversed(items[:-1]):
        result = N_("%(first)s %(then)s", first=item, then=result)
    return result


def limited(items: Sequence[Message | str], limit: int = LIST_LIMIT) -> Message | str:
    """The first `limit` items joined, then "and N more" when there are more."""
    shown: list[Message | str] = list(items[:limit])
    if len(items) > limit:
        shown.append(N_("and %(count)s more", count=len(items) - limit))
    return joined(shown)
