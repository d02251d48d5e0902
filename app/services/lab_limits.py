"""The web layer's hard limits on a lab attempt: one place, each a named constant.

The simulator bounds what one command may do (its own limits live in `app/dockersim`); these
bound what the web app keeps and sends: the scrollback, the up/down history, the undo steps,
the stored attempt and one reply. `docs/simulator.md` ("Limits") lists them all.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

# Scrollback, per terminal: the newest entries are kept.
MAX_SCROLLBACK_LINES = 500
MAX_SCROLLBACK_BYTES = 128 * KIB
# One piece of output larger than this keeps only its end, after a note that the rest was cut.
MAX_OUTPUT_ENTRY_BYTES = 64 * KIB

# The up/down command history.
MAX_HISTORY = 200
MAX_HISTORY_BYTES = 64 * KIB

# Command ids remembered so that a resent command is answered without running twice.
MAX_RECENT_IDS = 30

# Undo: the newest steps are kept, by count and by their stored (compressed) bytes together.
MAX_UNDO = 20
MAX_UNDO_BYTES = 4 * MIB

# The stored attempt: the host as JSON before compression, and everything stored (compressed).
MAX_HOST_JSON_BYTES = 8 * MIB
MAX_STORED_BYTES = 2 * MIB
# An attempt stored by the first format (plain JSON text) larger than this is not loaded.
MAX_LEGACY_CHARS = 16 * MIB

# One JSON reply of a lab endpoint.
MAX_REPLY_BYTES = 1 * MIB

# A lab request's JSON body: how deep it may nest (the body's size is capped by MAX_CONTENT_LENGTH).
MAX_JSON_DEPTH = 20


def utf8_size(text: str) -> int:
    """Bytes of a text in UTF-8 (a lone surrogate counts as three), measured without copying a huge text."""
    if text.isascii():
        return len(text)
    step = 1 << 20
    return sum(len(text[i : i + step].encode("utf-8", "surrogatepass")) for i in range(0, len(text), step))


def keep_tail(text: str, limit: int) -> tuple[str, int]:
    """The last `limit` UTF-8 bytes of a text (never half a character) and how many bytes were cut."""
    if len(text) <= limit // 4 or (len(text) <= limit and text.isascii()):
        return text, 0  # short enough whatever its characters
    size = utf8_size(text)
    if size <= limit:
        return text, 0
    data = text[-limit:].encode("utf-8", "surrogatepass")  # a character is at least one byte
    tail = data[len(data) - limit :].decode("utf-8", "ignore")
    return tail, size - utf8_size(tail)


def human(size: int) -> str:
    """A size for a message: bytes, KiB or MiB."""
    if size >= MIB:
        return f"{size / MIB:.1f} MiB"
    if size >= KIB:
        return f"{size / KIB:.0f} KiB"
    return f"{size} B"
