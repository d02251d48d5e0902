"""Text normalisation for typed answers: NFC Hangul, trimmed, spaces collapsed, casefolded."""

from __future__ import annotations

import re
import unicodedata

#: Typed answers longer than this are refused (also bounds regex matching time).
MAX_ANSWER_CHARS = 2000

_SPACES = re.compile(r"\s+")
# Korean IMEs in full-width mode type Ｄｏｃｋｅｒ and the ideographic space; map them to ASCII.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# Zero-width characters sneak in from copy and paste and are invisible to the learner.
_INVISIBLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])


def nfc(text: str) -> str:
    """Hangul (and everything else) in composed form: decomposed jamo become syllables."""
    return unicodedata.normalize("NFC", text)


def normalise_answer(text: str) -> str:
    """The comparison form of a typed answer.

    NFC, full-width ASCII to ASCII, invisible characters dropped, whitespace trimmed and
    collapsed to one space, casefolded (case-insensitive Latin; Hangul has no case).
    """
    text = nfc(text).translate(_FULLWIDTH).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip().casefold()


def as_typed(text: str) -> str:
    """A typed answer as feedback quotes it: what the learner wrote (case kept), spaces tidied."""
    return _SPACES.sub(" ", nfc(text).translate(_INVISIBLE)).strip()
