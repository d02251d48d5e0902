"""Word expansion for Dockerfile instructions and a tiny shell tokenizer for RUN.

`process_word` follows BuildKit's `frontend/dockerfile/shell/lex.go` for what build
instructions need: quote removal, the escape token, `$VAR`, `${VAR}`, `${VAR:-x}`,
`${VAR-x}`, `${VAR:+x}`, `${VAR+x}`, `${VAR:?msg}`. `split_commands` splits a RUN shell
line into simple commands joined by `&&`, `||` and `;` with `>`/`>>` redirections.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.dockersim.build.syntax import is_space


class ExpansionError(ValueError):
    """`${VAR:?message}` on an unset variable, or a malformed `${...}`."""


def _name_char(ch: str, first: bool) -> bool:
    return ch == "_" or ch.isalpha() or (not first and ch.isdigit())


def process_word(word: str, env: Mapping[str, str], escape: str = "\\") -> str:
    """Expand variables and remove quotes in one word (BuildKit ProcessWord)."""
    return "".join(part for part, _ in _process(word, env, escape))


def process_words(word: str, env: Mapping[str, str], escape: str = "\\") -> list[str]:
    """Like process_word, then split on unquoted whitespace (BuildKit ProcessWords)."""
    words: list[str] = []
    cur, have = [], False
    for part, quoted in _process(word, env, escape):
        if quoted:
            cur.append(part)
            have = True
            continue
        for ch in part:
            if is_space(ch):
                if cur or have:
                    words.append("".join(cur))
                cur, have = [], False
            else:
                cur.append(ch)
    if cur or have:
        words.append("".join(cur))
    return words


def _process(word: str, env: Mapping[str, str], escape: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch == "'":
            end = word.find("'", i + 1)
            if end < 0:
                raise ExpansionError("unexpected end of statement while looking for matching single-quote")
            out.append((word[i + 1 : end], True))
            i = end + 1
        elif ch == '"':
            i, text = _double_quoted(word, i + 1, env, escape)
            out.append((text, True))
        elif ch == "$":
            i, text = _dollar(word, i + 1, env, escape)
            out.append((text, False))
        elif ch == escape:
            if i + 1 < n:
                out.append((word[i + 1], True))
            i += 2
        else:
            out.append((ch, False))
            i += 1
    return out


def _double_quoted(word: str, i: int, env: Mapping[str, str], escape: str) -> tuple[int, str]:
    buf: list[str] = []
    n = len(word)
    while i < n:
        ch = word[i]
        if ch == '"':
            return i + 1, "".join(buf)
        if ch == "$":
            i, text = _dollar(word, i + 1, env, escape)
            buf.append(text)
            continue
        if ch == escape and i + 1 < n and word[i + 1] in ('"', "$", escape):
            buf.append(word[i + 1])
            i += 2
            continue
        if ch == escape and i + 1 == n:
            i += 1
            continue
        buf.append(ch)
        i += 1
    raise ExpansionError("unexpected end of statement while looking for matching double-quote")


def _dollar(word: str, i: int, env: Mapping[str, str], escape: str) -> tuple[int, str]:
    n = len(word)
    if i >= n:
        return i, "$"
    if word[i] == "{":
        end = _matching_brace(word, i + 1)
        if end < 0:
            raise ExpansionError("missing '}'")
        return end + 1, _brace(word[i + 1 : end], env, escape)
    j = i
    if word[i].isdigit():  # `$1`: BuildKit reads a run of digits as the name
        while j < n and word[j].isdigit():
            j += 1
        return j, env.get(word[i:j], "")
    if not _name_char(word[i], True):
        return i, "$"
    while j < n and _name_char(word[j], j == i):
        j += 1
    return j, env.get(word[i:j], "")


def _matching_brace(word: str, i: int) -> int:
    depth = 1
    while i < len(word):
        if word[i] == "{":
            depth += 1
        elif word[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _brace(inner: str, env: Mapping[str, str], escape: str) -> str:
    j = 0
    while j < len(inner) and _name_char(inner[j], j == 0):
        j += 1
    name, rest = inner[:j], inner[j:]
    if not name:
        raise ExpansionError(f"bad substitution: ${{{inner}}}")
    if rest == "":
        return env.get(name, "")
    is_set = name in env
    value = env.get(name, "")
    colon = rest.startswith(":")
    op = rest[1:2] if colon else rest[:1]
    arg = rest[2:] if colon else rest[1:]
    present = (is_set and value != "") if colon else is_set
    if op == "-":
        return value if present else process_word(arg, env, escape)
    if op == "+":
        return process_word(arg, env, escape) if present else ""
    if op == "?":
        if present:
            return value
        raise ExpansionError(f"{name}: {process_word(arg, env, escape) or 'is not allowed to be unset'}")
    raise ExpansionError(f"unsupported modifier ({rest[:2]}) in substitution")


def display_run(text: str, env: Mapping[str, str], escape: str = "\\") -> str:
    """A RUN step's display name: BuildKit expands it with RawQuotes and SkipUnsetEnv."""
    out: list[str] = []
    i, n = 0, len(text)
    try:
        while i < n:
            ch = text[i]
            if ch == "'":
                end = text.find("'", i + 1)
                if end < 0:
                    return text
                out.append(text[i : end + 1])
                i = end + 1
            elif ch == '"':
                out.append('"')
                i += 1
                while i < n and text[i] != '"':
                    if text[i] == "$":
                        i = _dollar_kept(text, i, env, escape, out)
                        continue
                    if text[i] == escape and i + 1 < n and text[i + 1] in ('"', "$", escape):
                        i += 1
                    out.append(text[i])
                    i += 1
                if i >= n:
                    return text
                out.append('"')
                i += 1
            elif ch == "$":
                i = _dollar_kept(text, i, env, escape, out)
            elif ch == escape:
                if i + 1 < n:
                    out.append(text[i + 1])
                i += 2
            else:
                out.append(ch)
                i += 1
    except ExpansionError:
        return text
    return "".join(out)


def _dollar_kept(text: str, i: int, env: Mapping[str, str], escape: str, out: list[str]) -> int:
    """Expand one `$...` at text[i], leaving a reference to an unset variable as written."""
    j, value = _dollar(text, i + 1, env, escape)
    ref = text[i:j]
    name = ref[2:-1] if ref.startswith("${") else ref[1:]
    if ref != "$" and (name in env or not all(_name_char(c, k == 0) or c.isdigit() for k, c in enumerate(name))):
        out.append(value)
    else:
        out.append(ref)
    return j


def expand_vars(text: str, env: Mapping[str, str]) -> str:
    """Replace `$NAME` and `${NAME...}` only (heredoc bodies: quotes stay as written)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "$":
            try:
                i, value = _dollar(text, i + 1, env, "\\")
            except ExpansionError:
                out.append("$")
                i += 1
                continue
            out.append(value)
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


# --- RUN: a small POSIX-ish tokenizer ----------------------------------------------------


@dataclass(frozen=True)
class SimpleCommand:
    """One command of a RUN line: words plus an optional output redirection."""

    words: tuple[str, ...]
    redirect: str = ""  # target file for > or >>
    append: bool = False
    joiner: str = ""  # operator that joins it to the previous command: "", "&&", "||", ";"


def split_commands(line: str, env: Mapping[str, str]) -> list[SimpleCommand]:
    """Split `a && b > f; c` into simple commands, expanding $VARs outside single quotes.

    Raises ExpansionError for unbalanced quotes. Pipes, subshells and other syntax are kept
    as literal words: the command is then recorded without a modelled effect.
    """
    commands: list[SimpleCommand] = []
    words: list[str] = []
    cur: list[str] = []
    have = False
    redirect, append, joiner = "", False, ""
    expect_target = False
    i, n = 0, len(line)

    def end_word() -> None:
        nonlocal cur, have, redirect, expect_target
        if cur or have:
            text = "".join(cur)
            if expect_target:
                redirect, expect_target = text, False
            else:
                words.append(text)
        cur, have = [], False

    def end_command(op: str) -> None:
        nonlocal words, redirect, append, joiner
        end_word()
        if words or redirect:
            commands.append(SimpleCommand(tuple(words), redirect, append, joiner))
        words, redirect, append, joiner = [], "", False, op

    while i < n:
        ch = line[i]
        if ch == "'":
            end = line.find("'", i + 1)
            if end < 0:
                raise ExpansionError("unterminated quoted string")
            cur.append(line[i + 1 : end])
            have, i = True, end + 1
        elif ch == '"':
            i, text = _double_quoted(line, i + 1, env, "\\")
            cur.append(text)
            have = True
        elif ch == "\\" and i + 1 < n:
            cur.append(line[i + 1])
            have, i = True, i + 2
        elif ch == "$":
            i, text = _dollar(line, i + 1, env, "\\")
            cur.append(text)
        elif line.startswith("&&", i) or line.startswith("||", i):
            end_command(line[i : i + 2])
            i += 2
        elif ch == ";":
            end_command(";")
            i += 1
        elif ch == ">":
            end_word()
            append = line.startswith(">>", i)
            expect_target = True
            i += 2 if append else 1
        elif is_space(ch):
            end_word()
            i += 1
        else:
            cur.append(ch)
            i += 1
    end_command("")
    return commands
