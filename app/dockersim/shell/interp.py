"""A small POSIX-like shell over any FS: parsing (quotes, &&, ;, >, $(...), ~, globs) and execution."""

from __future__ import annotations

import fnmatch
import posixpath
import re

from app.dockersim.core.errors import LEAD_MARK
from app.dockersim.core.fs import FsError, norm, parent
from app.dockersim.core.message import N_, NOTE_MARK, is_note, note_marker, only_notes, split_notes
from app.dockersim.shell.env import (
    MAX_COMMAND_TEXT,
    PATH_DIRS,
    Hook,
    LimitExceeded,
    Out,
    ShellEnv,
    ShellSyntaxError,
    resolve_exe,
)
from app.dockersim.shell.programs import BUILTINS, UNMODELLED_PROGRAMS
from app.dockersim.shell.tools import COMMANDS, copy_tree
from app.dockersim.shell.words import Part, Token, split_commands, tokenize

__all__ = [
    "COMMANDS",
    "PATH_DIRS",
    "Hook",
    "Out",
    "ShellEnv",
    "ShellSyntaxError",
    "copy_tree",
    "dispatch",
    "expand",
    "resolve_exe",
    "run_line",
    "tokenize",
]

# --- expansion ---------------------------------------------------------------

SPLIT = "\x00"  # marks word boundaries produced by unquoted command substitution
MAX_SUBST_DEPTH = 3
WORD_COST = 16  # characters charged per word an unquoted $(...) splits into
_WORD = re.compile(r"\S+")


def _substitute(inner: str, sh: ShellEnv, quoted: bool) -> str:
    if inner == "pwd":
        out = sh.cwd
    elif "$(" in sh.hooks and int(sh.env.get("__depth__", "0")) < MAX_SUBST_DEPTH:
        out = sh.hooks["$("]([inner], sh)[0].rstrip("\n")
    else:
        raise ShellSyntaxError(
            note_marker(N_("Command substitution $(%(command)s) is not supported here.", command=inner))
        )
    sh.budget.charge(len(out))
    if quoted:
        return out
    # each word becomes a Python string (~50 bytes of bookkeeping): "$(cat many-short-words)" counts it
    sh.budget.charge(WORD_COST * sum(1 for _ in _WORD.finditer(out)))
    return SPLIT.join(out.split())


def _expand_dollars(text: str, sh: ShellEnv, quoted: bool = False) -> str:
    out, i = [], 0
    while i < len(text):
        if text.startswith("\\$", i):
            out.append("$")
            i += 2
        elif text.startswith("$(", i):
            j = text.find(")", i)
            if j < 0:  # e.g. echo "$(pwd" — without this check the loop restarted at 0 forever
                raise ShellSyntaxError("unexpected EOF while looking for matching `)'")
            out.append(_substitute(text[i + 2 : j].strip(), sh, quoted))
            i = j + 1
        elif text.startswith("$", i) and i + 1 < len(text):
            j = i + 1
            if text[j] == "?":
                out.append(str(sh.status))
                i = j + 1
                continue
            braced = text[j] == "{"
            j += braced
            k = j
            while k < len(text) and (text[k].isalnum() or text[k] == "_"):
                k += 1
            name = text[j:k]
            if not name:
                out.append("$")
                i += 1
                continue
            value = {"PWD": sh.cwd, "HOME": sh.home}.get(name, sh.env.get(name, ""))
            sh.budget.charge(len(value))  # "$X $X $X ..." of a large variable
            out.append(value)
            i = k + (1 if braced and k < len(text) and text[k] == "}" else 0)
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def expand(word: list[Part], sh: ShellEnv) -> str:
    """Expand ~, $VAR and $(...) in one word (unquoted substitutions keep SPLIT markers)."""
    out = []
    for idx, (kind, text) in enumerate(word):
        if kind == "lit":
            out.append(text)
            continue
        if kind == "uq" and idx == 0 and (text == "~" or text.startswith("~/")):
            text = sh.home + text[1:]
        out.append(_expand_dollars(text, sh, quoted=kind == "dq"))
    return "".join(out)


def expand_words(word: list[Part], sh: ShellEnv) -> list[str]:
    """Expand one word into argv words (unquoted $(...) output is split; unquoted * and ? glob)."""
    text = expand(word, sh)
    if SPLIT not in text and not (text == "" and any(k == "uq" and "$(" in t for k, t in word)):
        words = [text]
    else:
        words = [w for w in text.split(SPLIT) if w]
    if any(k == "uq" and ("*" in t or "?" in t) for k, t in word):
        words = [m for w in words for m in _glob(w, sh)]
    return words


def _glob(pattern: str, sh: ShellEnv) -> list[str]:
    """Pathname expansion of the last path component (no match: the word stays as typed)."""
    head, _, tail = pattern.rpartition("/")
    if not any(ch in tail for ch in "*?[") or any(ch in head for ch in "*?["):
        return [pattern]
    base = norm(head or ".", sh.cwd) if head or not pattern.startswith("/") else "/"
    try:
        names = sh.fs.listdir(base)
    except FsError:
        return [pattern]
    hits = [n for n in names if fnmatch.fnmatchcase(n, tail) and (tail.startswith(".") or not n.startswith("."))]
    prefix = head + "/" if head or pattern.startswith("/") else ""
    sh.budget.charge(sum(len(prefix) + len(n) + 1 for n in hits))  # "* * * ..." in a folder of many files
    return [prefix + n for n in hits] or [pattern]


# --- execution ------------------------------------------------------------


TRACE_MAX_COMMANDS = 64  # per history entry
TRACE_MAX_CHARS = 4096  # per recorded argv: expansion ($(...), globs) can make it far longer than the line
TRACE_MAX_LINE_CHARS = 16 * 1024  # per history entry (all its recorded argv together)


def _bounded_argv(argv: list[str]) -> list[str]:
    """argv as recorded in the history, cut to TRACE_MAX_CHARS characters (a final "…" marks a cut)."""
    kept, total = [], 0
    for word in argv:
        if total + len(word) > TRACE_MAX_CHARS:
            kept.append(word[: max(0, TRACE_MAX_CHARS - total)] + "…")
            break
        kept.append(word)
        total += len(word)
    return kept


LIMIT_STATUS = 1


def limit_message(limit: int = MAX_COMMAND_TEXT) -> str:
    """The error (a note) a command line stopped at the text limit ends with."""
    return note_marker(
        N_(
            "This command line would produce more than %(limit)s MiB of text; it was stopped (a limit of this simulator).",
            limit=limit // (1024 * 1024),
        )
    )


def run_line(line: str, sh: ShellEnv) -> Out:
    """Run a whole command line; returns concatenated stdout, stderr and the last status."""
    try:
        return _run_groups(line, sh)
    except LimitExceeded as exc:  # raised before the text was built; what ran before it stays done
        sh.status = LIMIT_STATUS
        sh.screen = [] if sh.screen is not None else None
        return "", limit_message(int(exc.args[0])), LIMIT_STATUS


def _run_groups(line: str, sh: ShellEnv) -> Out:
    try:
        groups = split_commands(tokenize(line))
    except ShellSyntaxError as e:
        return "", _syntax_text(sh, e), 2
    stdout, stderr, status, traced = [], [], 0, 0
    held = sh.hooks.get("__held__")
    for index, (conn, toks) in enumerate(groups):
        if held is not None and held([], sh)[2]:
            # an attached command now holds the terminal; bash would run the rest only after it ends
            stderr.append(
                held_note := note_marker(
                    N_(
                        "Commands on this line not run because the terminal is now attached to a container: %(count)s.",
                        count=len(groups) - index,
                    )
                )
            )
            if sh.screen is not None:
                sh.screen.append(("stderr", held_note))
            break
        if (conn == "&&" and status != 0) or (conn == "||" and status == 0):
            continue
        sh.last_argv, sh.lead = [], 0
        try:
            o, err, status = run_simple(toks, sh)
        except ShellSyntaxError as exc:
            o, err, status = "", _syntax_text(sh, exc), 2
        if sh.trace is not None and sh.last_argv and len(sh.trace) < TRACE_MAX_COMMANDS:
            argv = _bounded_argv(sh.last_argv)
            traced += sum(len(w) for w in argv)
            if traced <= TRACE_MAX_LINE_CHARS:  # what one history entry may hold in all
                sh.trace.append({"argv": argv, "exit_code": status})
        sh.budget.charge(len(o) + len(err))
        stdout.append(o)
        stderr.append(err)
        if sh.screen is not None:
            sh.screen.extend(p for p in (("stderr", err[: sh.lead]), ("stdout", o), ("stderr", err[sh.lead :])) if p[1])
        sh.status = status
        if "exit" in sh.env.get("__exit__", ""):
            break
    return "".join(stdout), "".join(stderr), status


def _syntax_text(sh: ShellEnv, exc: ShellSyntaxError) -> str:
    """bash's (or busybox sh's) syntax error line, or the simulator's note as it is."""
    text = str(exc)
    return text if is_note(text) else f"{_shname(sh)}: {text}\n"


def run_simple(toks: list[Token], sh: ShellEnv) -> Out:
    """One simple command with optional > / >> / 2> redirections."""
    argv: list[str] = []
    redirect: tuple[str, str] | None = None
    err_redirect = ""
    i = 0
    while i < len(toks):
        t = toks[i]
        if isinstance(t, str):
            if t == "2>&1":
                err_redirect = "&1"
                i += 1
                continue
            if i + 1 >= len(toks) or isinstance(toks[i + 1], str):
                raise ShellSyntaxError("syntax error near unexpected token `newline'")
            target = expand(toks[i + 1], sh).replace(SPLIT, " ")  # type: ignore[arg-type]
            if t == "2>":
                err_redirect = target
            else:
                redirect = (t, target)
            i += 2
            continue
        argv.extend(expand_words(t, sh))
        i += 1
    for target in (redirect[1] if redirect else "", err_redirect):
        problem = _redirect_problem(sh, target)
        if problem:  # bash opens redirections first: the command does not run
            return "", f"{_shname(sh)}: {target}: {problem}\n", 1
    if not argv:
        return "", "", 0
    sh.last_argv = argv
    out, err, code = dispatch(argv, sh)
    notes = ""
    if NOTE_MARK in out or NOTE_MARK in err:  # the simulator's notes are for the learner: never redirected
        notes = only_notes(out) + only_notes(err)
        out, err = split_notes(out)[0], split_notes(err)[0]
    lead, _, rest = err.rpartition(LEAD_MARK)
    err = lead + rest
    if err_redirect == "&1":
        out, err, lead = lead + out + rest, "", ""  # one stream: the order a terminal shows
    out, err, code = _redirect(sh, out, err, code, redirect, err_redirect)
    sh.lead = len(lead) if err.startswith(lead) else 0
    return out, err + notes, code


def _redirect(sh: ShellEnv, out: str, err: str, code: int, redirect: tuple[str, str] | None, err_redirect: str) -> Out:
    """Apply 2>&1, 2> FILE and > / >> FILE to a command's output."""
    if err_redirect == "&1":
        out, err = out + err, ""
    elif err_redirect:
        if err_redirect != "/dev/null":
            try:
                _write(sh, err_redirect, err, False)
            except FsError as e:
                return out, f"{_shname(sh)}: {err_redirect}: {e.message}\n", 1
        err = ""
    if redirect:
        op, target = redirect
        if target == "/dev/null":
            return "", err, code
        try:
            _write(sh, target, out, op == ">>")
        except FsError as e:
            return "", err + f"{_shname(sh)}: {target}: {e.message}\n", 1
        out = ""
    return out, err, code


def _redirect_problem(sh: ShellEnv, target: str) -> str:
    """Why a redirection target cannot be opened for writing ('' if it can, or if there is none)."""
    if not target or target in ("&1", "/dev/null"):
        return ""
    full = norm(target, sh.cwd)
    if sh.fs.kind(full) == "dir":
        return "Is a directory"
    if sh.fs.kind(parent(full)) != "dir":
        return "No such file or directory" if sh.fs.kind(parent(full)) is None else "Not a directory"
    return ""


def _write(sh: ShellEnv, target: str, text: str, append: bool) -> None:
    sh.fs.write(norm(target, sh.cwd), text, append)


def _shname(sh: ShellEnv) -> str:
    return "sh" if sh.flavour == "busybox" else "bash"


UNMODELLED_STATUS = 126


def dispatch(argv: list[str], sh: ShellEnv) -> Out:
    """Run one command: hooks first (docker, curl, sleep...), then builtins and file tools."""
    name = argv[0]
    if name in sh.hooks:
        return sh.hooks[name](argv, sh)
    if sh.check_path and name not in BUILTINS and resolve_exe(sh.fs, name) is None:
        return (
            "",
            (f"sh: {name}: not found\n" if sh.flavour == "busybox" else f"bash: {name}: command not found\n"),
            127,
        )
    fn = COMMANDS.get(posixpath.basename(name) if sh.check_path else name)
    if fn is None:
        if sh.check_path:
            note = N_(
                "'%(program)s' exists in this container, but this simulator does not model the program.", program=name
            )
            return "", note_marker(note), UNMODELLED_STATUS
        if name in UNMODELLED_PROGRAMS:
            note = N_(
                "'%(program)s' is a real program on a normal machine, but this simulator's shell does not model it.",
                program=name,
            )
            return "", note_marker(note), UNMODELLED_STATUS
        return "", f"bash: {name}: command not found\n", 127
    return fn(argv[1:], sh)
