"""A small POSIX-like shell over any FS: parsing (quotes, &&, ;, >, $(pwd), ~) and builtins."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from app.dockersim.format import ls_time
from app.dockersim.fs import FS, FsError, norm, parent, walk_dirs, walk_files

PATH_DIRS = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
Out = tuple[str, str, int]
Hook = Callable[[list[str], "ShellEnv"], Out]


class ShellSyntaxError(Exception):
    """A line the shell cannot parse."""


@dataclass
class ShellEnv:
    """Where a shell runs: its file system, cwd, variables and the host's hooks."""

    fs: FS
    cwd: str
    home: str
    env: dict[str, str] = field(default_factory=dict)
    flavour: str = "bash"  # bash (GNU tools) | busybox
    user: str = "learner"
    hooks: dict[str, Hook] = field(default_factory=dict)
    check_path: bool = False  # inside containers, external commands must exist in PATH
    status: int = 0


# --- parsing ---------------------------------------------------------------

Part = tuple[str, str]  # (kind, text): kind in lit (single-quoted), dq (double-quoted), uq (unquoted)


def tokenize(line: str) -> list[list[Part] | str]:
    """Split into words (lists of parts) and operator strings (&&, ||, ;, >, >>, 2>, |)."""
    out: list[list[Part] | str] = []
    word: list[Part] = []
    i, n = 0, len(line)
    in_word = False

    def flush() -> None:
        nonlocal word, in_word
        if in_word:
            out.append(word)
        word, in_word = [], False

    while i < n:
        c = line[i]
        if c in " \t\n":
            flush()
            i += 1
        elif c == "'":
            j = line.find("'", i + 1)
            if j < 0:
                raise ShellSyntaxError("unexpected EOF while looking for matching `''")
            word.append(("lit", line[i + 1:j]))
            in_word = True
            i = j + 1
        elif c == '"':
            j, buf = i + 1, []
            while j < n and line[j] != '"':
                if line[j] == "\\" and j + 1 < n and line[j + 1] in '"\\$`':
                    buf.append("\\" + line[j + 1] if line[j + 1] == "$" else line[j + 1])
                    j += 2
                    continue
                buf.append(line[j])
                j += 1
            if j >= n:
                raise ShellSyntaxError('unexpected EOF while looking for matching `"\'')
            word.append(("dq", "".join(buf)))
            in_word = True
            i = j + 1
        elif c == "\\":
            word.append(("lit", line[i + 1:i + 2]))
            in_word = True
            i += 2
        elif line.startswith("&&", i) or line.startswith("||", i) or line.startswith(">>", i):
            flush()
            out.append(line[i:i + 2])
            i += 2
        elif line.startswith("2>&1", i) and not in_word:
            out.append("2>&1")
            i += 4
        elif line.startswith("2>", i) and not in_word:
            out.append("2>")
            i += 2
        elif c in ";|><&`":
            flush()
            out.append(c)
            i += 1
        elif line.startswith("$(", i):
            j = line.find(")", i)
            if j < 0:
                raise ShellSyntaxError("unexpected EOF while looking for matching `)'")
            word.append(("uq", line[i:j + 1]))
            in_word = True
            i = j + 1
        else:
            j = i
            while j < n and line[j] not in " \t\n'\"\\;|><&`" and not line.startswith("$(", j):
                j += 1
            word.append(("uq", line[i:j]))
            in_word = True
            i = j
    flush()
    return out


def split_commands(tokens: list[list[Part] | str]) -> list[tuple[str, list[list[Part] | str]]]:
    """Group tokens into (connector, command tokens); connector is '', '&&', '||' or ';'."""
    groups: list[tuple[str, list[list[Part] | str]]] = []
    conn, cur = "", []
    for t in tokens:
        if t in ("&&", "||", ";"):
            if not cur:
                raise ShellSyntaxError(f"syntax error near unexpected token `{t}'")
            groups.append((conn, cur))
            conn, cur = str(t), []
        elif t in ("|", "`", "<", "&"):
            raise ShellSyntaxError(f"'{t}' is not supported by this simulator's shell")
        else:
            cur.append(t)
    if cur:
        groups.append((conn, cur))
    elif conn in ("&&", "||"):
        raise ShellSyntaxError("syntax error: unexpected end of file")
    return groups


SPLIT = "\x00"  # marks word boundaries produced by unquoted command substitution
MAX_SUBST_DEPTH = 3


def _substitute(inner: str, sh: ShellEnv, quoted: bool) -> str:
    if inner == "pwd":
        out = sh.cwd
    elif "$(" in sh.hooks and int(sh.env.get("__depth__", "0")) < MAX_SUBST_DEPTH:
        out = sh.hooks["$("]([inner], sh)[0].rstrip("\n")
    else:
        raise ShellSyntaxError(f"command substitution $({inner}) is not supported here")
    return out if quoted else SPLIT.join(out.split())


def _expand_dollars(text: str, sh: ShellEnv, quoted: bool = False) -> str:
    out, i = [], 0
    while i < len(text):
        if text.startswith("\\$", i):
            out.append("$")
            i += 2
        elif text.startswith("$(", i):
            j = text.find(")", i)
            out.append(_substitute(text[i + 2:j].strip(), sh, quoted))
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
            out.append({"PWD": sh.cwd, "HOME": sh.home}.get(name, sh.env.get(name, "")))
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
    """Expand one word into argv words (unquoted $(...) output is split on whitespace)."""
    text = expand(word, sh)
    if SPLIT not in text and not (text == "" and any(k == "uq" and "$(" in t for k, t in word)):
        return [text]
    return [w for w in text.split(SPLIT) if w]


# --- execution ------------------------------------------------------------


def run_line(line: str, sh: ShellEnv) -> Out:
    """Run a whole command line; returns concatenated stdout, stderr and the last status."""
    try:
        groups = split_commands(tokenize(line))
    except ShellSyntaxError as e:
        name = "sh" if sh.flavour == "busybox" else "bash"
        return "", f"{name}: {e}\n", 2
    stdout, stderr, status = [], [], 0
    for conn, toks in groups:
        if (conn == "&&" and status != 0) or (conn == "||" and status == 0):
            continue
        try:
            o, e, status = run_simple(toks, sh)
        except ShellSyntaxError as exc:
            o, e, status = "", f"{'sh' if sh.flavour == 'busybox' else 'bash'}: {exc}\n", 2
        stdout.append(o)
        stderr.append(e)
        sh.status = status
        if "exit" in sh.env.get("__exit__", ""):
            break
    return "".join(stdout), "".join(stderr), status


def run_simple(toks: list[list[Part] | str], sh: ShellEnv) -> Out:
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
    if not argv:
        return "", "", 0
    out, err, code = dispatch(argv, sh)
    if err_redirect == "&1":
        out, err = out + err, ""
    elif err_redirect:
        if err_redirect != "/dev/null":
            _write(sh, err_redirect, err, False)
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


def _write(sh: ShellEnv, target: str, text: str, append: bool) -> None:
    sh.fs.write(norm(target, sh.cwd), text, append)


def _shname(sh: ShellEnv) -> str:
    return "sh" if sh.flavour == "busybox" else "bash"


BUILTINS = {"cd", "pwd", "echo", "true", "false", "exit", "history", "clear", "export"}


def resolve_exe(fs: FS, name: str) -> str | None:
    """Path of an executable in PATH (or the given path), if it exists."""
    if "/" in name:
        return name if fs.kind(name) == "file" else None
    for d in PATH_DIRS:
        if fs.kind(f"{d}/{name}") == "file":
            return f"{d}/{name}"
    return None


def dispatch(argv: list[str], sh: ShellEnv) -> Out:
    """Run one command: hooks first (docker, curl, sleep...), then builtins and file tools."""
    name = argv[0]
    if name in sh.hooks:
        return sh.hooks[name](argv, sh)
    if sh.check_path and name not in BUILTINS and resolve_exe(sh.fs, name) is None:
        return "", (f"sh: {name}: not found\n" if sh.flavour == "busybox" else f"bash: {name}: command not found\n"), 127
    fn = COMMANDS.get(posixpath.basename(name) if sh.check_path else name)
    if fn is None:
        if sh.check_path:
            return "", f"{name}: this program is not modelled by the simulator\n", 126
        return "", f"bash: {name}: command not found\n", 127
    return fn(argv[1:], sh)


def _opts(args: list[str], allowed: str) -> tuple[set[str], list[str], str]:
    flags: set[str] = set()
    rest: list[str] = []
    for a in args:
        if a.startswith("-") and len(a) > 1 and not rest and a != "--":
            for ch in a[1:]:
                if ch not in allowed:
                    return flags, rest, ch
                flags.add(ch)
        else:
            rest.append(a)
    return flags, rest, ""


def _bad_opt(tool: str, ch: str, sh: ShellEnv) -> Out:
    if sh.flavour == "busybox":
        return "", f"{tool}: unrecognized option: {ch}\n", 1
    return "", f"{tool}: invalid option -- '{ch}'\nTry '{tool} --help' for more information.\n", 2 if tool == "ls" else 1


def _cd(args: list[str], sh: ShellEnv) -> Out:
    target = norm(args[0] if args else sh.home, sh.cwd)
    kind = sh.fs.kind(target)
    if kind == "dir":
        sh.cwd = target
        return "", "", 0
    why = "Not a directory" if kind == "file" else "No such file or directory"
    if sh.flavour == "busybox":
        return "", f"sh: cd: can't cd to {args[0]}: {why}\n", 2
    return "", f"bash: cd: {args[0]}: {why}\n", 1


def _pwd(args: list[str], sh: ShellEnv) -> Out:
    return sh.cwd + "\n", "", 0


def _echo(args: list[str], sh: ShellEnv) -> Out:
    if args and args[0] == "-n":
        return " ".join(args[1:]), "", 0
    return " ".join(args) + "\n", "", 0


def _ls_line(sh: ShellEnv, path: str, name: str) -> str:
    kind = sh.fs.kind(path)
    if kind == "dir":
        mode, size, links = "drwxr-xr-x", 4096, 2
    else:
        mode, size, links = "-rw-r--r--", len(sh.fs.read(path).encode()), 1
        if sh.fs.read(path).startswith("\x7fELF"):
            mode = "-rwxr-xr-x"
    owner = sh.user
    return f"{mode} {links} {owner} {owner} {size:>5} {ls_time(float(sh.env.get('__now__', '0')))} {name}"


def _ls(args: list[str], sh: ShellEnv) -> Out:
    flags, paths, bad = _opts(args, "laA1h")
    if bad:
        return _bad_opt("ls", bad, sh)
    out, err, code = [], [], 0
    targets = paths or ["."]
    for idx, p in enumerate(targets):
        full = norm(p, sh.cwd)
        kind = sh.fs.kind(full)
        if kind is None:
            err.append(f"ls: {p}: No such file or directory\n" if sh.flavour == "busybox"
                       else f"ls: cannot access '{p}': No such file or directory\n")
            code = 1 if sh.flavour == "busybox" else 2
            continue
        if kind == "file":
            out.append((_ls_line(sh, full, p) if "l" in flags else p) + "\n")
            continue
        names = [n for n in sh.fs.listdir(full) if "a" in flags or "A" in flags or not n.startswith(".")]
        if "a" in flags:
            names = [".", ".."] + names
        if len(targets) > 1:
            out.append(("\n" if idx else "") + f"{p}:\n")
        if "l" in flags:
            out.append(f"total {len(names) * 4}\n")
            out.extend(_ls_line(sh, norm(n, full) if n not in (".", "..") else full, n) + "\n" for n in names)
        elif names:
            out.append("  ".join(names) + "\n")
    return "".join(out), "".join(err), code


def _cat(args: list[str], sh: ShellEnv) -> Out:
    out, err, code = [], [], 0
    for p in args:
        try:
            out.append(sh.fs.read(norm(p, sh.cwd)))
        except FsError as e:
            err.append(f"cat: can't open '{p}': {e.message}\n" if sh.flavour == "busybox" and e.code == "ENOENT"
                       else f"cat: {p}: {e.message}\n")
            code = 1
    return "".join(out), "".join(err), code


def _mkdir(args: list[str], sh: ShellEnv) -> Out:
    flags, paths, bad = _opts(args, "p")
    if bad:
        return _bad_opt("mkdir", bad, sh)
    if not paths:
        return "", "mkdir: missing operand\n", 1
    err, code = [], 0
    for p in paths:
        full = norm(p, sh.cwd)
        try:
            if "p" in flags:
                for a in [x for x in _chain(full) if sh.fs.kind(x) is None]:
                    sh.fs.mkdir(a)
                if sh.fs.kind(full) == "file":
                    raise FsError("EEXIST", full)
            else:
                sh.fs.mkdir(full)
        except FsError as e:
            q = f"'{p}'" if sh.flavour == "busybox" else f"\u2018{p}\u2019"
            verb = "can't" if sh.flavour == "busybox" else "cannot"
            err.append(f"mkdir: {verb} create directory {q}: {e.message}\n")
            code = 1
    return "", "".join(err), code


def _chain(path: str) -> list[str]:
    parts, p = [], path
    while p != "/":
        parts.append(p)
        p = parent(p)
    return parts[::-1]


def _touch(args: list[str], sh: ShellEnv) -> Out:
    err, code = [], 0
    for p in args:
        full = norm(p, sh.cwd)
        try:
            if sh.fs.kind(full) is None:
                sh.fs.write(full, "")
        except FsError as e:
            err.append(f"touch: cannot touch '{p}': {e.message}\n")
            code = 1
    return "", "".join(err), code


def _rm(args: list[str], sh: ShellEnv) -> Out:
    flags, paths, bad = _opts(args, "rRfv")
    if bad:
        return _bad_opt("rm", bad, sh)
    err, code = [], 0
    verb = "can't" if sh.flavour == "busybox" else "cannot"
    for p in paths:
        full = norm(p, sh.cwd)
        kind = sh.fs.kind(full)
        if kind is None:
            if "f" not in flags:
                err.append(f"rm: {verb} remove '{p}': No such file or directory\n")
                code = 1
            continue
        if kind == "dir" and not flags & {"r", "R"}:
            err.append(f"rm: '{p}' is a directory\n" if sh.flavour == "busybox" else f"rm: cannot remove '{p}': Is a directory\n")
            code = 1
            continue
        try:
            if kind == "dir":
                for f in walk_files(sh.fs, full):
                    sh.fs.remove(f)
                for d in sorted(walk_dirs(sh.fs, full), key=len, reverse=True):
                    sh.fs.remove(d)
            else:
                sh.fs.remove(full)
        except FsError as e:
            err.append(f"rm: {verb} remove '{p}': {e.message}\n")
            code = 1
    return "", "".join(err), code


def _copy(args: list[str], sh: ShellEnv, move: bool) -> Out:
    tool = "mv" if move else "cp"
    flags, paths, bad = _opts(args, "rRaf")
    if bad:
        return _bad_opt(tool, bad, sh)
    if len(paths) < 2:
        return "", f"{tool}: missing destination file operand after '{paths[0] if paths else ''}'\n", 1
    *sources, dest = paths
    dest_full = norm(dest, sh.cwd)
    err, code = [], 0
    for s in sources:
        src = norm(s, sh.cwd)
        kind = sh.fs.kind(src)
        target = norm(posixpath.basename(src), dest_full) if sh.fs.kind(dest_full) == "dir" else dest_full
        try:
            if kind is None:
                raise FsError("ENOENT", s)
            if kind == "dir" and not move and not flags & {"r", "R", "a"}:
                err.append(f"cp: -r not specified; omitting directory '{s}'\n")
                code = 1
                continue
            copy_tree(sh.fs, src, sh.fs, target)
            if move:
                _rm(["-rf", src], sh)
        except FsError as e:
            err.append(f"{tool}: cannot stat '{s}': {e.message}\n")
            code = 1
    return "", "".join(err), code


def copy_tree(src_fs: FS, src: str, dst_fs: FS, dst: str) -> None:
    """Copy a file or directory tree between any two file systems."""
    if src_fs.kind(src) == "file":
        dst_fs.write(dst, src_fs.read(src))
        return
    for d in walk_dirs(src_fs, src):
        target = dst + d[len(src):] if d != src else dst
        if dst_fs.kind(target) is None:
            dst_fs.mkdir(target)
    for f, text in walk_files(src_fs, src).items():
        dst_fs.write(dst + f[len(src):], text)


def _true(args: list[str], sh: ShellEnv) -> Out:
    return "", "", 0


def _false(args: list[str], sh: ShellEnv) -> Out:
    return "", "", 1


def _env(args: list[str], sh: ShellEnv) -> Out:
    return "".join(f"{k}={v}\n" for k, v in sh.env.items() if not k.startswith("__")), "", 0


def _export(args: list[str], sh: ShellEnv) -> Out:
    for a in args:
        k, _, v = a.partition("=")
        sh.env[k] = v
    return "", "", 0


def _clear(args: list[str], sh: ShellEnv) -> Out:
    return "\x1b[H\x1b[2J", "", 0


def _hostname(args: list[str], sh: ShellEnv) -> Out:
    return sh.env.get("HOSTNAME", "docker-dojo") + "\n", "", 0


def _whoami(args: list[str], sh: ShellEnv) -> Out:
    return sh.user + "\n", "", 0


COMMANDS: dict[str, Callable[[list[str], ShellEnv], Out]] = {
    "cd": _cd, "pwd": _pwd, "echo": _echo, "ls": _ls, "cat": _cat, "mkdir": _mkdir, "touch": _touch, "rm": _rm,
    "cp": lambda a, s: _copy(a, s, False), "mv": lambda a, s: _copy(a, s, True), "true": _true, "false": _false,
    "env": _env, "export": _export, "clear": _clear, "hostname": _hostname, "whoami": _whoami,
}
