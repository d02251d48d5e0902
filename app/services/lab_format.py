"""How a lab attempt is stored: two compressed JSON blobs, with a format number on the row.

Format 1 (the first release) kept plain JSON text in `snapshot`, `terminals`, `history` and
`recent_commands`, and each undo step's host as JSON text. Format 2 keeps
- `host_data`: the host snapshot, zlib-compressed, as two JSON documents on two lines: first
  the part that decides "the state changed" (containers, images, volumes, files...), then the
  part that changes with every command (clock, shell history, terminals, ids, deadlines). The
  hash of the first line tells whether a command changed the state without decoding anything;
- `term_data`: scrollback per terminal, the up/down history and recent command ids, compressed.
An undo step is the `host_data` the attempt had before the change, byte for byte.
A format 1 row is read as it is and written back as format 2 (a lazy upgrade).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

import orjson

from app.services.lab_limits import MAX_HOST_JSON_BYTES, MAX_STORED_BYTES

FORMAT = 2
LEGACY = 1
# The parts of a snapshot that change without the learner changing anything worth undoing.
VOLATILE = frozenset({"clock", "history", "terminals", "ids", "deadlines"})
# zlib level 1: measured on real attempts (bench/bench_storage.py) it stores 3-8x smaller
# than the JSON, within 15 per cent of level 6's size at a quarter to a half of its time.
LEVEL = 1


class TooLarge(Exception):
    """Stored data over a limit: `size` bytes (at least), `limit` allowed."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size, self.limit = size, limit


@dataclass(frozen=True)
class HostBlob:
    """A host as stored: the compressed bytes and the hash of its state part."""

    data: bytes
    state_hash: bytes


def dump(value: Any) -> str:
    """Compact, stable JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def dump_bytes(value: Any) -> bytes:
    """Compact, stable JSON as UTF-8: orjson (4x faster here, the same bytes as `dump`), else json."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a lone surrogate (refused at the door, but older rows may hold one)
        return _utf8(dump(value))


def load_bytes(data: bytes) -> Any:
    """JSON from UTF-8 bytes (with json's leniency for a stored lone surrogate)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8", "surrogatepass"))


def _digest(state_json: bytes) -> bytes:
    return hashlib.blake2b(state_json, digest_size=16).digest()


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def inflate(data: bytes, limit: int) -> bytes:
    """Decompress, refusing to produce more than `limit` bytes (a stored blob is never trusted)."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise TooLarge(len(out), limit)
    return out


def encode_host(snapshot: dict[str, Any]) -> HostBlob:
    """A host snapshot as stored; TooLarge past MAX_HOST_JSON_BYTES."""
    state = dump_bytes({k: v for k, v in snapshot.items() if k not in VOLATILE})
    rest = dump_bytes({k: v for k, v in snapshot.items() if k in VOLATILE})
    size = len(state) + 1 + len(rest)
    if size > MAX_HOST_JSON_BYTES:
        raise TooLarge(size, MAX_HOST_JSON_BYTES)
    return HostBlob(zlib.compress(state + b"\n" + rest, LEVEL), _digest(state))


def decode_host(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The snapshot and its state hash from stored bytes."""
    text = inflate(data, MAX_HOST_JSON_BYTES)
    state, _, rest = text.partition(b"\n")
    return {**load_bytes(state), **load_bytes(rest)}, _digest(state)


def legacy_host(text: str) -> HostBlob:
    """A format 1 snapshot (JSON text) as format 2 bytes."""
    return encode_host(json.loads(text))


def encode_terminals(screens: dict[str, Any], history: list[str], recent: list[list[Any]]) -> bytes:
    """Scrollback, up/down history and recent command ids as stored."""
    return zlib.compress(dump_bytes({"screens": screens, "history": history, "recent": recent}), LEVEL)


def decode_terminals(data: bytes) -> tuple[dict[str, Any], list[str], list[list[Any]]]:
    """Scrollback, history and recent ids from stored bytes."""
    value = load_bytes(inflate(data, MAX_STORED_BYTES * 8))
    return value["screens"], value["history"], value["recent"]
