"""pflag-compatible parsing of docker command lines, driven by the real client's flag tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.cli import values
from app.dockersim.cli.table import COMMANDS
from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.message import N_

LIST_TYPES = {"list", "filter", "strings", "stringArray", "map", "mount", "ulimit"}
INT_TYPES = {"int", "uint", "uint16", "int64"}


@dataclass
class Parsed:
    """Flags by long name (lists for repeatable types) and positional arguments."""

    path: str
    values: dict[str, Any] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    help: bool = False
    notice: str = ""  # pflag deprecation notice, printed first on stdout

    def get(self, name: str, default: Any = None) -> Any:
        """Value of a flag by long name."""
        return self.values.get(name, default)

    def flag(self, name: str) -> bool:
        """A boolean flag."""
        return bool(self.values.get(name, False))


def usage(path: str) -> str:
    """The usage block of the real help (may span lines, e.g. docker cp)."""
    return str(COMMANDS[path]["help"]).split("\n\n", 1)[0][len("Usage:  ") :]


def usage_error(path: str, message: str) -> DockerError:
    """pflag error framing: message, usage line, help hint; exit 125."""
    usage_text = usage(path)
    return DockerError(
        f"{message}\n\nUsage:  {usage_text}\n\nRun '{path_of(path)} --help' for more information\n", 125, "flag"
    )


def path_of(path: str) -> str:
    """'docker ' + command path."""
    return "docker " + path


def _bounds(spec: dict[str, Any]) -> tuple[int, int | None]:
    low, high = 0, None
    for key in ("too_few", "too_many"):
        text = spec.get(key, {}).get("text", "")
        if m := re.search(r"requires at least (\d+) and at most (\d+)", text):
            low, high = int(m.group(1)), int(m.group(2))
        elif m := re.search(r"requires at least (\d+)", text):
            low = int(m.group(1))
        elif m := re.search(r"requires at most (\d+)", text):
            high = int(m.group(1))
        elif m := re.search(r"requires (\d+) argument", text):
            low = high = int(m.group(1))
        elif "accepts no arguments" in text:
            high = 0
    return low, high


def _arg_error(path: str, key: str) -> DockerError:
    spec = COMMANDS[path][key]
    text = f"docker: {spec['text']}\n\nUsage:  {usage(path)}\n\n{spec['tail']} '{path_of(path)} --help' for more information\n"
    return DockerError(text, spec["rc"], "args")


def _convert(path: str, spec: dict[str, Any], raw: str) -> Any:
    typ = spec["type"]
    label = (f"-{spec['short']}, " if spec["short"] else "") + "--" + spec["long"]
    if typ == "bool":
        low = raw.lower()
        if low in ("1", "t", "true"):
            return True
        if low in ("0", "f", "false"):
            return False
        raise usage_error(
            path, f'invalid argument "{raw}" for "{label}" flag: strconv.ParseBool: parsing "{raw}": invalid syntax'
        )
    if typ in INT_TYPES:
        return _go_int(path, label, typ, raw)
    if spec["long"] == "env" and path in ENV_VALIDATED and (raw == "" or raw.startswith("=")):
        # opts.ValidateEnv runs while the flag is parsed (run/create/exec)
        raise usage_error(path, f'invalid argument "{raw}" for "{label}" flag: invalid environment variable: {raw}')
    try:
        return values.convert(typ, spec["long"], raw)
    except ValueError as err:
        raise usage_error(path, f'invalid argument "{raw}" for "{label}" flag: {err}') from None


def _go_int(path: str, label: str, typ: str, raw: str) -> int:
    """pflag's int/uint values: strconv.ParseInt / ParseUint with base 0 and the type's bit size."""
    unsigned = typ.startswith("uint")
    func = "strconv.ParseUint" if unsigned else "strconv.ParseInt"
    text = raw.replace("_", "") if re.fullmatch(r"[+-]?0[xXbBoO]?[0-9a-fA-F]+(_[0-9a-fA-F]+)*", raw) else raw
    pattern = (
        r"\d+|0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+"
        if unsigned
        else r"[+-]?(\d+|0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+)"
    )
    if not re.fullmatch(pattern, text):
        raise usage_error(path, f'invalid argument "{raw}" for "{label}" flag: {func}: parsing "{raw}": invalid syntax')
    body = text.lstrip("+-")
    base = (
        16
        if body[:2] in ("0x", "0X")
        else 2
        if body[:2] in ("0b", "0B")
        else 8
        if body[:1] == "0" and len(body) > 1
        else 10
    )
    digits = body[2:] if base in (16, 2) or body[:2] in ("0o", "0O") else body
    value = int(digits, base) * (-1 if text.startswith("-") else 1)
    bits = 16 if typ == "uint16" else 64
    low, high = (0, (1 << bits) - 1) if unsigned else (-(1 << 63), (1 << 63) - 1)
    if not low <= value <= high:
        raise usage_error(
            path, f'invalid argument "{raw}" for "{label}" flag: {func}: parsing "{raw}": value out of range'
        )
    return value


BUILDX_PROGRESS = {"long": "progress", "short": None, "type": "string"}
ENV_VALIDATED = frozenset({"run", "container run", "create", "container create", "exec", "container exec"})


class _Parser:
    """One pass of pflag over argv: long flags, shorthand clusters, positionals, in the client's order."""

    def __init__(self, path: str, argv: list[str]) -> None:
        self.path, self.argv, self.i = path, argv, 0
        self.table = {f["long"]: f for f in COMMANDS[path]["flags"]}
        self.shorts = {f["short"]: f for f in COMMANDS[path]["flags"] if f["short"]}
        self.result = Parsed(path)
        self.used: list[str] = []

    def store(self, spec: dict[str, Any], raw: str) -> None:
        """Convert and keep one flag value (lists for repeatable types)."""
        value = _convert(self.path, spec, raw)
        self.used.append(spec["long"])
        if spec["type"] in LIST_TYPES:
            self.result.values.setdefault(spec["long"], []).append(value)
        else:
            self.result.values[spec["long"]] = value

    def _next_value(self) -> str | None:
        """The next argv word as a flag's value (None when argv is used up)."""
        if self.i >= len(self.argv):
            return None
        self.i += 1
        return self.argv[self.i - 1]

    def long(self, arg: str) -> None:
        """`--name`, `--name=value` or `--name value`."""
        path, result = self.path, self.result
        name, eq, raw = arg[2:].partition("=")
        if name == "help":
            result.help = _convert(path, {"type": "bool", "short": None, "long": "help"}, raw if eq else "true")
            return
        spec = self.table.get(name)
        if spec is None and name == "time" and "timeout" in self.table:  # hidden, deprecated alias (stop/restart)
            spec = self.table["timeout"]
            result.notice = "Flag --time has been deprecated, use --timeout instead\n"
        if spec is None and name == "name" and path == "volume create":  # hidden flag kept for old scripts
            value = raw if eq else self._next_value()
            if value is None:
                raise usage_error(path, "flag needs an argument: --name")
            result.args.append(value)
            return
        if spec is None and name == "progress" and path in ("build", "image build"):
            spec = BUILDX_PROGRESS  # docker build is buildx on Docker 28, which has --progress
        if spec is None:
            raise usage_error(path, f"unknown flag: --{name}")
        value = (raw if eq else "true") if spec["type"] == "bool" else (raw if eq else self._next_value())
        if value is None:
            raise usage_error(path, f"flag needs an argument: --{name}")
        self.store(spec, value)

    def shorthand(self, arg: str) -> None:
        """A cluster such as `-it`, `-p8080:80` or `-p 8080:80`."""
        j = 1
        while j < len(arg):
            ch = arg[j]
            spec = self.shorts.get(ch)
            if spec is None:
                if ch != "h":
                    raise usage_error(self.path, f"unknown shorthand flag: '{ch}' in {arg}")
                self.result.help = True
                j += 1
                continue
            rest = arg[j + 1 :]
            if spec["type"] == "bool" and not rest.startswith("="):
                self.store(spec, "true")
                j += 1
                continue
            value = (rest[1:] if rest.startswith("=") else rest) or (self._next_value() if not rest else "")
            if value is None:
                raise usage_error(self.path, f"flag needs an argument: '{ch}' in -{ch}")
            self.store(spec, value)
            return

    def words(self, interspersed: bool) -> None:
        """Walk argv; without interspersed flags everything after the first positional is positional."""
        argv, result = self.argv, self.result
        while self.i < len(argv):
            arg = argv[self.i]
            self.i += 1
            if arg == "--":
                result.args.extend(argv[self.i :])
                return
            if arg.startswith("--") and len(arg) > 2:
                self.long(arg)
            elif arg.startswith("-") and len(arg) > 1:
                self.shorthand(arg)
            else:
                result.args.append(arg)
                if not interspersed:
                    result.args.extend(argv[self.i :])
                    return


def parse(path: str, argv: list[str], interspersed: bool = True, modelled: frozenset[str] | None = None) -> Parsed:
    """Parse argv for a command path; raises DockerError with the real client's wording."""
    parser = _Parser(path, argv)
    parser.words(interspersed)
    result = parser.result
    if result.help:
        return result
    unsupported = [name for name in parser.used if modelled is not None and name not in modelled]
    if unsupported:
        note = N_(
            "The flag --%(flag)s of '%(command)s' is real but not supported by this simulator.",
            flag=unsupported[0],
            command=path_of(path),
        )
        raise sim_error(note, 125, "unsupported")
    low, high = _bounds(COMMANDS[path])
    if len(result.args) < low:
        raise _arg_error(path, "too_few")
    if high is not None and len(result.args) > high:
        raise _arg_error(path, "too_many")
    return result


def help_text(path: str) -> str:
    """The real `docker X --help` text."""
    return str(COMMANDS[path]["help"])
