"""The shell's words: the one tokenizer of command lines (the simulated shells run what it makes; the
grader and the lab rules read lines with `split_line`, so everything agrees on what a word is)."""

from __future__ import annotations

from app.dockersim.core.message import N_, note_marker
from app.dockersim.shell.env import ShellSyntaxError

Part = tuple[str, str]  # (kind, text): kind in lit (single-quoted), dq (double-quoted), uq (unquoted)
Token = list[Part] | str  # a word (its parts) or an operator

_BLANK = " \t\n"
_PLAIN_STOP = " \t\n'\"\\;|><&`"
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&"})
_NO_TARGET = frozenset({"2>&1", "`"})


def _operator(line: str, i: int, in_word: bool) -> str:
    """The operator starting at i ('' when none); `2>` only starts one outside a word."""
    for op in ("&&", "||", ">>"):
        if line.startswith(op, i):
            return op
    if not in_word:
        for op in ("2>&1", "2>"):
            if line.startswith(op, i):
                return op
    return line[i] if line[i] in ";|><&`" else ""


def _double_quoted(line: str, i: int) -> tuple[Part, int]:
    """The "..." starting at i; `\\$` stays escaped so expansion leaves that dollar alone."""
    j, buf, n = i + 1, [], len(line)
    while j < n and line[j] != '"':
        if line[j] == "\\" and j + 1 < n and line[j + 1] in '"\\$`':
            buf.append("\\" + line[j + 1] if line[j + 1] == "$" else line[j + 1])
            j += 2
            continue
        buf.append(line[j])
        j += 1
    if j >= n:
        raise ShellSyntaxError("unexpected EOF while looking for matching `\"'")
    return ("dq", "".join(buf)), j + 1


def _part(line: str, i: int) -> tuple[Part, int]:
    """One part of a word starting at i: quoted text, an escaped character, $(...) or plain text."""
    c = line[i]
    if c == "'":
        j = line.find("'", i + 1)
        if j < 0:
            raise ShellSyntaxError("unexpected EOF while looking for matching `''")
        return ("lit", line[i + 1 : j]), j + 1
    if c == '"':
        return _double_quoted(line, i)
    if c == "\\":
        return ("lit", line[i + 1 : i + 2]), i + 2
    if line.startswith("$(", i):
        j = line.find(")", i)
        if j < 0:
            raise ShellSyntaxError("unexpected EOF while looking for matching `)'")
        return ("uq", line[i : j + 1]), j + 1
    j = i
    while j < len(line) and line[j] not in _PLAIN_STOP and not line.startswith("$(", j):
        j += 1
    return ("uq", line[i:j]), j


def tokenize(line: str) -> list[Token]:
    """Split into words (lists of parts) and operator strings (&&, ||, ;, >, >>, 2>, 2>&1, |, <, &, `)."""
    out: list[Token] = []
    word: list[Part] = []
    in_word, i = False, 0
    while i < len(line):
        c = line[i]
        op = "" if c in "'\"\\" + _BLANK or c == "#" else _operator(line, i, in_word)
        if c in _BLANK or (c == "#" and not in_word) or op:
            if in_word:
                out.append(word)
            word, in_word = [], False
            if c == "#" and not op:
                break  # a comment runs to the end of the line
            if op:
                out.append(op)
            i += len(op) or 1
            continue
        part, i = _part(line, i)
        word.append(part)
        in_word = True
    if in_word:
        out.append(word)
    return out


def split_commands(tokens: list[Token]) -> list[tuple[str, list[Token]]]:
    """Group tokens into (connector, command tokens); connector is '', '&&', '||' or ';'."""
    groups: list[tuple[str, list[Token]]] = []
    conn, cur = "", list[Token]()
    for t in tokens:
        if t in ("&&", "||", ";"):
            if not cur:
                raise ShellSyntaxError(f"syntax error near unexpected token `{t}'")
            groups.append((conn, cur))
            conn, cur = str(t), []
        elif t in ("|", "`", "<", "&"):
            raise ShellSyntaxError(note_marker(N_("'%(token)s' is not supported by this simulator's shell.", token=t)))
        else:
            cur.append(t)
    if cur:
        groups.append((conn, cur))
    elif conn in ("&&", "||"):
        raise ShellSyntaxError("syntax error: unexpected end of file")
    return groups


def literal(word: list[Part]) -> str:
    """A word as typed minus its quoting, nothing expanded (`$HOME` and `$(...)` stay text)."""
    return "".join(text.replace("\\$", "$") if kind == "dq" else text for kind, text in word)


def split_line(line: str) -> list[tuple[str, list[str]]]:
    """A line read, not run: (operator before, literal words) per command, split on &&, ||, ;, | and &;
    redirections and their targets left out. Raises ShellSyntaxError for an unbalanced quote."""
    segments: list[tuple[str, list[str]]] = []
    sep, words, skip = "", [], False
    for t in tokenize(line):
        if isinstance(t, list):
            if not skip:
                words.append(literal(t))
            skip = False
        elif t in _SEPARATORS:
            segments.append((sep, words))
            sep, words, skip = t, [], False
        else:
            skip = t not in _NO_TARGET  # >, >>, 2>, < take the next word as their target
    segments.append((sep, words))
    return [(s, w) for s, w in segments if w]
