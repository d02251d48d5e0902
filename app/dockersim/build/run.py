"""What a RUN step does to the image filesystem: modelled, never executed.

Modelled: `npm install`/`npm i`/`npm ci` (node_modules from package.json and
package-lock.json, npm's ENOENT failure), `mkdir [-p]`, `touch`, `echo ... > file`/`>>`,
`cd`, `rm [-r] [-f]`, `true`, `false`, `exit N`, joined by `&&`, `||`, `;`. Any other
command is recorded with no filesystem effect (a `> file` redirection still creates the
file, as the shell would).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.dockersim.build.context import Tree
from app.dockersim.build.shell import ExpansionError, SimpleCommand, split_commands

_NODE_HINTS = ("/usr/local/bin/npm", "/usr/bin/npm")


@dataclass
class RunResult:
    """Exit status and the lines the step printed (shown by BuildKit only on failure)."""

    exit_code: int = 0
    logs: list[str] = field(default_factory=list)


@dataclass
class _Shell:
    tree: Tree
    cwd: str
    env: Mapping[str, str]
    now: float
    shell_name: str
    logs: list[str] = field(default_factory=list)

    def path(self, p: str) -> str:
        return posixpath.normpath(posixpath.join(self.cwd, p)) if p else self.cwd

    def fail(self, code: int, *lines: str) -> int:
        self.logs.extend(lines)
        return code


def run_step(
    tree: Tree,
    command: tuple[str, ...],
    shell_form: bool,
    shell: tuple[str, ...],
    workdir: str,
    env: Mapping[str, str],
    now: float,
) -> RunResult:
    """Apply one RUN to `tree`; return its exit code and output lines."""
    sh = _Shell(tree, workdir or "/", env, now, shell[0] if shell else "/bin/sh")
    if not shell_form:
        if not command:
            return RunResult(0, [])
        code = _simple(sh, SimpleCommand(tuple(command)))
        return RunResult(code, sh.logs)
    script = command[0] if command else ""
    status = 0
    for line in script.split("\n"):
        try:
            cmds = split_commands(line, env)
        except ExpansionError:
            sh.logs.append(f"{sh.shell_name}: 1: Syntax error: Unterminated quoted string")
            return RunResult(2, sh.logs)
        status = _chain(sh, cmds, status)
        if status < 0:  # `exit N`
            return RunResult(-status - 1, sh.logs)
    return RunResult(status, sh.logs)


def _chain(sh: _Shell, cmds: list[SimpleCommand], status: int) -> int:
    for cmd in cmds:
        if cmd.joiner == "&&" and status != 0:
            continue
        if cmd.joiner == "||" and status == 0:
            continue
        status = _simple(sh, cmd)
        if status < 0:
            return status
    return status


def _simple(sh: _Shell, cmd: SimpleCommand) -> int:
    """Run one command; a negative result -N-1 means the shell exits with N."""
    if cmd.redirect:
        target = sh.path(cmd.redirect)
        if not sh.tree.is_dir(posixpath.dirname(target)):
            return sh.fail(2, f"{sh.shell_name}: 1: cannot create {cmd.redirect}: Directory nonexistent")
        if not cmd.append or target not in sh.tree.files:
            sh.tree.write(target, "")
    if not cmd.words:
        return 0
    name, args = cmd.words[0], list(cmd.words[1:])
    handler = _COMMANDS.get(name)
    if handler is None:
        return 0
    return handler(sh, args, cmd)


def _out(sh: _Shell, cmd: SimpleCommand, text: str) -> None:
    if cmd.redirect:
        target = sh.path(cmd.redirect)
        sh.tree.write(target, sh.tree.files.get(target, "") + text)
    else:
        sh.logs.extend(text.rstrip("\n").split("\n"))


def _echo(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    newline = "\n"
    if args[:1] == ["-n"]:
        args, newline = args[1:], ""
    _out(sh, cmd, " ".join(args) + newline)
    return 0


def _mkdir(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    parents = False
    paths: list[str] = []
    for a in args:
        if a.startswith("-") and len(a) > 1 and not paths:
            parents = parents or "p" in a
        else:
            paths.append(a)
    if not paths:
        return sh.fail(1, "mkdir: missing operand", "Try 'mkdir --help' for more information.")
    status = 0
    for p in paths:
        full = sh.path(p)
        if sh.tree.exists(full):
            if not (parents and sh.tree.is_dir(full)):
                status = sh.fail(1, f"mkdir: cannot create directory '{p}': File exists")
            continue
        if not parents and not sh.tree.is_dir(posixpath.dirname(full)):
            status = sh.fail(1, f"mkdir: cannot create directory '{p}': No such file or directory")
            continue
        sh.tree.mkdir_p(full)
    return status


def _touch(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    status = 0
    for p in (a for a in args if not a.startswith("-")):
        full = sh.path(p)
        if not sh.tree.is_dir(posixpath.dirname(full)):
            status = sh.fail(1, f"touch: cannot touch '{p}': No such file or directory")
        elif full not in sh.tree.files and not sh.tree.is_dir(full):
            sh.tree.write(full, "")
    return status


def _rm(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    flags = "".join(a[1:] for a in args if a.startswith("-"))
    status = 0
    for p in (a for a in args if not a.startswith("-")):
        full = sh.path(p)
        if not sh.tree.exists(full):
            if "f" not in flags:
                status = sh.fail(1, f"rm: cannot remove '{p}': No such file or directory")
        elif sh.tree.is_dir(full) and not ({"r", "R"} & set(flags)):
            status = sh.fail(1, f"rm: cannot remove '{p}': Is a directory")
        else:
            sh.tree.remove(full)
    return status


def _cd(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    target = sh.path(args[0]) if args else sh.env.get("HOME", "/root")
    if not sh.tree.is_dir(target):
        return sh.fail(2, f"{sh.shell_name}: 1: cd: can't cd to {args[0] if args else target}")
    sh.cwd = target
    return 0


def _exit(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    code = int(args[0]) % 256 if args and args[0].isdigit() else 0
    return -code - 1


def _npm_modules(sh: _Shell, wanted: dict[str, Any], lock: dict[str, Any], prod: bool) -> dict[str, str]:
    """name -> version of what `npm install` puts in node_modules (the lock file's, then package.json's)."""
    packages = dict(lock.get("packages") or {}) if isinstance(lock.get("packages"), dict) else {}
    modules: dict[str, str] = {}
    for key, info in packages.items():
        if key.startswith("node_modules/") and isinstance(info, dict):
            if prod and info.get("dev"):
                continue
            modules[key[len("node_modules/") :]] = str(info.get("version", "1.0.0"))
    for dep, spec in wanted.items():
        modules.setdefault(dep, str(spec).lstrip("^~>=<") or "1.0.0")
    return modules


def _npm_write(sh: _Shell, pkg: dict[str, Any], modules: dict[str, str], lock_path: str) -> None:
    """node_modules/*/package.json, and a package-lock.json when there was none."""
    for mod, version in sorted(modules.items()):
        sh.tree.write(
            posixpath.join(sh.cwd, "node_modules", mod, "package.json"),
            json.dumps({"name": mod, "version": version}, indent=2) + "\n",
        )
    sh.tree.mkdir_p(posixpath.join(sh.cwd, "node_modules"))
    if lock_path not in sh.tree.files:
        new_lock = {
            "name": pkg.get("name", posixpath.basename(sh.cwd) or "app"),
            "lockfileVersion": 3,
            "requires": True,
            "packages": {
                "": {k: v for k, v in pkg.items() if k in ("name", "version", "dependencies")},
                **{f"node_modules/{m}": {"version": v} for m, v in sorted(modules.items())},
            },
        }
        sh.tree.write(lock_path, json.dumps(new_lock, indent=2) + "\n")


def _npm_read(sh: _Shell, pkg_path: str, lock_path: str) -> tuple[Any, Any] | int:
    """package.json and the lock file as JSON, or npm's EJSONPARSE exit code."""
    pkg_text = sh.tree.files.get(pkg_path)
    try:
        pkg = json.loads(pkg_text) if pkg_text is not None else {}
        lock = json.loads(sh.tree.files.get(lock_path, "{}"))
    except ValueError as exc:
        return sh.fail(
            1,
            "npm error code EJSONPARSE",
            f"npm error path {pkg_path}",
            f"npm error JSON.parse Invalid package.json: {exc}",
            _npm_log_line(sh.now),
        )
    if not isinstance(pkg, dict) or not isinstance(lock, dict):
        return sh.fail(1, "npm error code EJSONPARSE", f"npm error path {pkg_path}", _npm_log_line(sh.now))
    return pkg, lock


def _npm(sh: _Shell, args: list[str], cmd: SimpleCommand) -> int:
    if not _has_node(sh):
        return sh.fail(127, f"{sh.shell_name}: 1: npm: not found")
    sub = args[0] if args else ""
    if sub not in ("install", "i", "ci", "add"):
        return 0
    opts = [a for a in args[1:] if a.startswith("-")]
    names = [a for a in args[1:] if not a.startswith("-")]
    prod = "--production" in opts or "--omit=dev" in opts or sh.env.get("NODE_ENV") == "production"
    pkg_path = posixpath.join(sh.cwd, "package.json")
    lock_path = posixpath.join(sh.cwd, "package-lock.json")
    if sub == "ci" and lock_path not in sh.tree.files:
        return sh.fail(1, *_npm_ci_usage(sh.now))
    if pkg_path not in sh.tree.files and not names:
        return sh.fail(254, *_npm_enoent(pkg_path, sh.now))
    read = _npm_read(sh, pkg_path, lock_path)
    if isinstance(read, int):
        return read
    pkg, lock = read
    deps = dict(pkg.get("dependencies") or {})
    for n in names:
        deps.setdefault(n, "^1.0.0")
    if names:
        pkg["dependencies"] = dict(sorted(deps.items()))
        sh.tree.write(pkg_path, json.dumps(pkg, indent=2) + "\n")
    wanted = dict(deps)
    if not prod:
        wanted.update(pkg.get("devDependencies") or {})
    modules = _npm_modules(sh, wanted, lock, prod)
    _npm_write(sh, pkg, modules, lock_path)
    count = len(modules)
    sh.logs.extend(
        [
            f"added {count} package{'s' if count != 1 else ''}, and audited {count + 1} packages in 3s",
            "",
            "found 0 vulnerabilities",
        ]
    )
    return 0


def _has_node(sh: _Shell) -> bool:
    if "NODE_VERSION" in sh.env:
        return True
    return any(p in sh.tree.files for p in _NODE_HINTS)


def _npm_log_line(now: float) -> str:
    moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=now)
    stamp = moment.strftime("%Y-%m-%dT%H_%M_%S_") + f"{moment.microsecond // 1000:03d}Z"
    return f"npm error A complete log of this run can be found in: /root/.npm/_logs/{stamp}-debug-0.log"


def _npm_enoent(pkg_path: str, now: float) -> list[str]:
    return [
        "npm error code ENOENT",
        "npm error syscall open",
        f"npm error path {pkg_path}",
        "npm error errno -2",
        f"npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{pkg_path}'",
        "npm error enoent This is related to npm not being able to find a file.",
        "npm error enoent",
        _npm_log_line(now),
    ]


def _npm_ci_usage(now: float) -> list[str]:
    return [
        "npm error code EUSAGE",
        "npm error",
        "npm error The `npm ci` command can only install with an existing package-lock.json or",
        "npm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or",
        "npm error later to generate a package-lock.json file, then try again.",
        "npm error",
        "npm error Clean install a project",
        "npm error",
        "npm error Usage:",
        "npm error npm ci",
        "npm error",
        "npm error Options:",
        "npm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]",
        "npm error",
        "npm error aliases: clean-install, ic, install-clean, isntall-clean",
        "npm error",
        'npm error Run "npm help ci" for more info',
        _npm_log_line(now),
    ]


_COMMANDS = {
    "echo": _echo,
    "mkdir": _mkdir,
    "touch": _touch,
    "rm": _rm,
    "cd": _cd,
    "exit": _exit,
    "true": lambda sh, a, c: 0,
    ":": lambda sh, a, c: 0,
    "false": lambda sh, a, c: 1,
    "npm": _npm,
}
