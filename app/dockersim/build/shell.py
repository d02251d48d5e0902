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


class _RunSplitter:
    """State of split_commands: the command being built and the word being built."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.commands: list[SimpleCommand] = []
        self.words: list[str] = []
        self.cur: list[str] = []
        self.have = False  # a quoted empty string is still a word
        self.redirect, self.append, self.joiner = "", False, ""
        self.expect_target = False

    def end_word(self) -> None:
        """Finish the current word (as an argument, or as the target after > / >>)."""
        if self.cur or self.have:
            text = "".join(self.cur)
            if self.expect_target:
                self.redirect, self.expect_target = text, False
            else:
                self.words.append(text)
        self.cur, self.have = [], False

    def end_command(self, op: str) -> None:
        """Finish the current command; op joins the next one to it."""
        self.end_word()
        if self.words or self.redirect:
            self.commands.append(SimpleCommand(tuple(self.words), self.redirect, self.append, self.joiner))
        self.words, self.redirect, self.append, self.joiner = [], "", False, op

    def quoted_or_dollar(self, line: str, i: int) -> int:
        """Quotes, a backslash escape or a $ expansion at i; returns the index after it."""
        ch = line[i]
        if ch == "'":
            end = line.find("'", i + 1)
            if end < 0:
                raise ExpansionError("unterminated quoted string")
            self.cur.append(line[i + 1 : end])
            self.have = True
            return end + 1
        if ch == '"':
            i, text = _double_quoted(line, i + 1, self.env, "\\")
            self.cur.append(text)
            self.have = True
            return i
        if ch == "\\":
            self.cur.append(line[i + 1])
            self.have = True
            return i + 2
        i, text = _dollar(line, i + 1, self.env, "\\")
        self.cur.append(text)
        return i

    def operator(self, line: str, i: int) -> int:
        """&&, ||, ;, > or >> at i (0 when none); returns the index after it."""
        if line.startswith("&&", i) or line.startswith("||", i):
            self.end_command(line[i : i + 2])
            return i + 2
        if line[i] == ";":
            self.end_command(";")
            return i + 1
        if line[i] == ">":
            self.end_word()
            self.append = line.startswith(">>", i)
            self.expect_target = True
            return i + (2 if self.append else 1)
        return 0


def split_commands(line: str, env: Mapping[str, str]) -> list[SimpleCommand]:
    """Split `a && b > f; c` into simple commands, expanding $VARs outside single quotes.

    Raises ExpansionError for unbalanced quotes. Pipes, subshells and other syntax are kept
    as literal words: the command is then recorded without a modelled effect.
    """
    sp = _RunSplitter(env)
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in "'\"$" or (ch == "\\" and i + 1 < len(line)):
            i = sp.quoted_or_dollar(line, i)
        elif nxt := sp.operator(line, i):
            i = nxt
        elif is_space(ch):
            sp.end_word()
            i += 1
        else:
            sp.cur.append(ch)
            i += 1
    sp.end_command("")
    return sp.commands
