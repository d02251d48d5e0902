"""The shell's file tools and builtins (GNU flavour on the host, busybox flavour in alpine)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from app.dockersim.core.format import ls_time
from app.dockersim.core.fs import FS, FsError, norm, parent, walk_dirs, walk_files
from app.dockersim.core.message import N_, note_marker
from app.dockersim.shell.env import Out, ShellEnv


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


# Short options the real tools (GNU coreutils / busybox) have but this shell does not model: they say so
# instead of claiming the option does not exist.
REAL_SHORT_OPTIONS = {
    "ls": set("1ABCDFGHILNQRSTUXZbcdfghiklmnopqrstuvwx"),
    "rm": set("Iidv"),
    "mkdir": set("Zmv"),
    "cp": set("HLPRSTabdfilnprstuvx"),
    "mv": set("STbfintuv"),
}


def _bad_opt(tool: str, ch: str, sh: ShellEnv) -> Out:
    if ch in REAL_SHORT_OPTIONS.get(tool, ()):
        note = N_("'%(option)s' is a real option, but this simulator does not model it.", option=f"{tool} -{ch}")
        return "", note_marker(note), 2
    if sh.flavour == "busybox":
        return "", f"{tool}: unrecognized option: {ch}\n", 1
    return (
        "",
        f"{tool}: invalid option -- '{ch}'\nTry '{tool} --help' for more information.\n",
        2 if tool == "ls" else 1,
    )


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
    sh.budget.check(sum(len(a) + 1 for a in args))
    if args and args[0] == "-n":
        return " ".join(args[1:]), "", 0
    return " ".join(args) + "\n", "", 0


_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "a": "\a", "r": "\r", "e": "\x1b", "0": "\0"}


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def _printf(args: list[str], sh: ShellEnv) -> Out:
    """printf FORMAT [ARG]...: backslash escapes and %s %d %b %%; the format is reused while arguments remain."""
    name = "printf" if sh.flavour == "busybox" else "bash: printf"
    if not args:
        return "", f"{name}: usage: printf [-v var] format [arguments]\n", 2
    fmt, rest = args[0], list(args[1:])
    out, err, code, size = [], [], 0, 0
    while True:
        used = 0

        def conv(m: re.Match[str]) -> str:
            nonlocal used, code
            spec = m.group(1)
            if spec == "%":
                return "%"
            value = rest[used] if used < len(rest) else ""  # noqa: B023 - called at once, inside the loop
            used += 1
            if spec == "d":
                if value and not re.fullmatch(r"[+-]?\d+", value):
                    err.append(f"{name}: {value}: invalid number\n")
                    code = 1
                    return "0"
                return str(int(value or "0"))
            return _unescape(value) if spec == "b" else value

        piece = re.sub(r"%([sdb%])", conv, _unescape(fmt))
        size += len(piece)
        sh.budget.check(size)  # the format is repeated once per group of arguments
        out.append(piece)
        rest = rest[used:]
        if not rest or not used:
            break
    return "".join(out), "".join(err), code


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
    # like GNU ls: missing operands first (errors), then files, then directories
    targets = sorted(targets, key=lambda t: {None: 0, "file": 1, "dir": 2}[sh.fs.kind(norm(t, sh.cwd))])
    for idx, p in enumerate(targets):
        full = norm(p, sh.cwd)
        kind = sh.fs.kind(full)
        if kind is None:
            err.append(
                f"ls: {p}: No such file or directory\n"
                if sh.flavour == "busybox"
                else f"ls: cannot access '{p}': No such file or directory\n"
            )
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
    out, err, code, size = [], [], 0, 0
    for p in args:
        try:
            text = sh.fs.read(norm(p, sh.cwd))
            size += len(text)
            sh.budget.check(size)  # before joining: `cat big big big ...` stops here, not at 100 MB
            out.append(text)
        except FsError as e:
            err.append(
                f"cat: can't open '{p}': {e.message}\n"
                if sh.flavour == "busybox" and e.code == "ENOENT"
                else f"cat: {p}: {e.message}\n"
            )
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
        if full == "/" and flags & {"r", "R"} and sh.flavour != "busybox":  # GNU rm's --preserve-root default
            err.append(
                "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"
            )
            code = 1
            continue
        if kind == "dir" and not flags & {"r", "R"}:
            err.append(
                f"rm: '{p}' is a directory\n"
                if sh.flavour == "busybox"
                else f"rm: cannot remove '{p}': Is a directory\n"
            )
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
        target = dst + d[len(src) :] if d != src else dst
        if dst_fs.kind(target) is None:
            dst_fs.mkdir(target)
    for f, text in walk_files(src_fs, src).items():
        dst_fs.write(dst + f[len(src) :], text)


def _true(args: list[str], sh: ShellEnv) -> Out:
    return "", "", 0


def _false(args: list[str], sh: ShellEnv) -> Out:
    return "", "", 1


def _env(args: list[str], sh: ShellEnv) -> Out:
    sh.budget.check(sum(len(k) + len(v) + 2 for k, v in sh.env.items()))
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
    "cd": _cd,
    "pwd": _pwd,
    "echo": _echo,
    "ls": _ls,
    "cat": _cat,
    "mkdir": _mkdir,
    "touch": _touch,
    "rm": _rm,
    "cp": lambda a, s: _copy(a, s, False),
    "mv": lambda a, s: _copy(a, s, True),
    "true": _true,
    "false": _false,
    "env": _env,
    "export": _export,
    "printf": _printf,
    "clear": _clear,
    "hostname": _hostname,
    "whoami": _whoami,
}
