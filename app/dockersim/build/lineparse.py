"""BuildKit's per-instruction argument parsers (split_command.go, line_parsers.go), pure.

Words keep their quotes here (the shell lexer removes them at build time), JSON arrays are
decoded like Go's json.Decoder (trailing text ignored, non-strings rejected), ENV/LABEL
accept both `KEY value` and `KEY=value ...`.
"""

from __future__ import annotations

import json
import re

from app.dockersim.build.text import go_quote, is_space, lstrip_space, trim_space

_WS = re.compile(r"[\t\v\f\r ]+")
NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only"


# --- splitCommand / extractBuilderFlags -------------------------------------------------


def split_command(line: str) -> tuple[str, list[str], str]:
    """Return (cmd, flags, args) as split_command.go does."""
    parts = _WS.split(trim_space(line), maxsplit=1)
    cmd = parts[0]
    flags: list[str] = []
    args = ""
    if len(parts) == 2:
        args, flags = _extract_flags(parts[1])
    return cmd, flags, trim_space(args)


def _extract_flags(line: str) -> tuple[str, list[str]]:
    """Leading `--flag[=value]` words; the rest of the line is returned unparsed."""
    words: list[str] = []
    in_spaces, in_word, in_quote = 0, 1, 2
    phase, word, quote, blank_ok = in_spaces, "", "", False
    pos, n = 0, len(line)
    while pos <= n:
        ch = line[pos] if pos != n else ""
        if phase == in_spaces:
            if pos == n:
                break
            if is_space(ch):
                pos += 1
                continue
            if ch != "-" or pos + 1 == n or line[pos + 1] != "-":
                return line[pos:], words
            phase = in_word
        if phase in (in_word, in_quote) and pos == n:
            if word != "--" and (blank_ok or word):
                words.append(word)
            break
        if phase == in_word:
            if is_space(ch):
                phase = in_spaces
                if word == "--":
                    return line[pos:], words
                if blank_ok or word:
                    words.append(word)
                word, blank_ok = "", False
                pos += 1
                continue
            if ch in "'\"":
                quote, blank_ok, phase = ch, True, in_quote
                pos += 1
                continue
            if ch == "\\":
                if pos + 1 == n:
                    pos += 1
                    continue
                pos += 1
                ch = line[pos]
            word += ch
            pos += 1
            continue
        if phase == in_quote:
            if ch == quote:
                phase = in_word
                pos += 1
                continue
            if ch == "\\":
                if pos + 1 == n:
                    phase = in_word
                    pos += 1
                    continue
                pos += 1
                ch = line[pos]
            word += ch
        pos += 1
    return "", words


# --- line parsers (line_parsers.go) ----------------------------------------------------


def parse_words(rest: str, escape: str) -> list[str]:
    """Split on whitespace keeping quotes (removed later by the shell lexer)."""
    words: list[str] = []
    in_spaces, in_word, in_quote = 0, 1, 2
    phase, word, quote, blank_ok = in_spaces, "", "", False
    pos, n = 0, len(rest)
    while pos <= n:
        ch = rest[pos] if pos != n else ""
        if phase == in_spaces:
            if pos == n:
                break
            if is_space(ch):
                pos += 1
                continue
            phase = in_word
        if phase in (in_word, in_quote) and pos == n:
            if blank_ok or word:
                words.append(word)
            break
        if phase == in_word:
            if is_space(ch):
                phase = in_spaces
                if blank_ok or word:
                    words.append(word)
                word, blank_ok = "", False
                pos += 1
                continue
            if ch in "'\"":
                quote, blank_ok, phase = ch, True, in_quote
            if ch == escape:
                if pos + 1 == n:
                    pos += 1
                    continue
                word += ch
                pos += 1
                ch = rest[pos]
            word += ch
            pos += 1
            continue
        if phase == in_quote:
            if ch == quote:
                phase = in_word
            if ch == escape and quote != "'":
                if pos + 1 == n:
                    phase = in_word
                    pos += 1
                    continue
                pos += 1
                word += ch
                ch = rest[pos]
            word += ch
        pos += 1
    return words


def whitespace_delimited(rest: str) -> list[str]:
    return [] if rest == "" else _WS.split(rest)


def parse_json_array(rest: str) -> list[str] | None:
    """Decode a JSON string array like Go's json.Decoder (trailing text ignored).

    Returns None when `rest` is not a JSON array; raises ValueError for non-string items.
    """
    rest = lstrip_space(rest)
    if not rest.startswith("["):
        return None
    try:
        value, _ = json.JSONDecoder(parse_constant=_reject).raw_decode(rest)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    if not all(isinstance(v, str) for v in value):
        raise ValueError(NOT_STRING_ARRAY)
    return value


def _reject(name: str) -> object:
    raise ValueError(name)


def maybe_json(rest: str) -> tuple[list[str], bool]:
    if rest == "":
        return [], False
    arr = parse_json_array(rest)
    if arr is not None:
        return arr, True
    return [rest], False


def maybe_json_to_list(rest: str) -> tuple[list[str], bool]:
    arr = parse_json_array(rest)
    if arr is not None:
        return arr, True
    return whitespace_delimited(rest), False


def name_val(rest: str, key: str, escape: str) -> tuple[list[str], list[str]]:
    words = parse_words(rest, escape)
    if not words:
        return [], []
    if "=" not in words[0]:
        parts = _WS.split(rest, maxsplit=1)
        if len(parts) < 2:
            raise ValueError(f"{key} must have two arguments")
        return [parts[0], parts[1]], [""]
    args, seps = [], []
    for w in words:
        if "=" not in w:
            raise ValueError(f"Syntax error - can't find = in {go_quote(w)}. Must be of the form: name=value")
        k, v = w.split("=", 1)
        args += [k, v]
        seps.append("=")
    return args, seps


def health(rest: str) -> tuple[list[str], bool]:
    sep = 0
    while sep < len(rest) and not is_space(rest[sep]):
        sep += 1
    nxt = sep
    while nxt < len(rest) and is_space(rest[nxt]):
        nxt += 1
    if sep == 0:
        return [], False
    cmd, is_json = maybe_json(rest[nxt:])
    return [rest[:sep]] + cmd, is_json
