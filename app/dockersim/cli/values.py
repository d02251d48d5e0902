"""Flag values the real client checks while it parses them (pflag `Value.Set`), with their messages.

Sources: docker/cli `opts/opts.go` (`MemBytes`, `MemSwapBytes`, `NanoCPUs`/`ParseCPUs`,
`ValidateIPAddress`, `FilterOpt.Set`), `opts/mount.go` (`MountOpt.Set`), `cli/command/container/opts.go`
(`validateAttach`); docker/go-units `size.go` (`RAMInBytes`); Go's `time.ParseDuration` and
`strconv.ParseBool`. A failing value is reported by pflag as
`invalid argument "<value>" for "<-x, --flag>" flag: <message>`."""

from __future__ import annotations

import csv
import ipaddress
import re
from fractions import Fraction
from typing import Any

GO_TRUE = ("1", "t", "T", "TRUE", "true", "True")
GO_FALSE = ("0", "f", "F", "FALSE", "false", "False")
_UNITS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}
_SIZE = re.compile(r"^(\d+(\.\d+)*) ?([kmgtp])?i?b?\Z", re.IGNORECASE)  # go-units sizeRegex
_DURATION_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
_DURATION_PART = re.compile(r"(\d+\.?\d*|\.\d+)([^\d.]*)")
MOUNT_KEYS = [
    "type",
    "source",
    "src",
    "target",
    "dst",
    "destination",
    "readonly",
    "ro",
    "consistency",
    "bind-propagation",
    "bind-nonrecursive",
    "bind-recursive",
    "volume-subpath",
    "volume-nocopy",
    "volume-label",
    "volume-driver",
    "volume-opt",
    "image-subpath",
    "tmpfs-size",
    "tmpfs-mode",
]


def ram_in_bytes(size: str) -> int:
    """go-units RAMInBytes (binary multipliers, case-insensitive, optional i/b); ValueError with its message."""
    m = _SIZE.match(size)
    if m is None:
        raise ValueError(f"invalid size: '{size}'")
    if m.group(1).count(".") > 1:  # the pattern allows 1.2.3; strconv.ParseFloat does not
        raise ValueError(f'strconv.ParseFloat: parsing "{m.group(1)}": invalid syntax')
    return int(float(m.group(1)) * _UNITS.get((m.group(3) or "").lower(), 1))


def nano_cpus(value: str) -> int:
    """opts.ParseCPUs: a rational number of CPUs -> NanoCPUs."""
    try:
        if not value or re.search(r"[\s_]", value):
            raise ValueError
        cpus = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"failed to parse {value} as a rational number") from None
    nano = cpus * 1_000_000_000
    if nano.denominator != 1:
        raise ValueError("value is too precise")
    return int(nano)


def parse_duration(text: str) -> float:
    """time.ParseDuration -> seconds; ValueError with Go's message."""
    quoted = '"' + text + '"'
    body = text.lstrip("+-")
    if body == "0":
        return 0.0
    if not body:
        raise ValueError(f"time: invalid duration {quoted}")
    total, pos = 0.0, 0
    while pos < len(body):
        m = _DURATION_PART.match(body, pos)
        if m is None:
            raise ValueError(f"time: invalid duration {quoted}")
        unit = m.group(2)
        if not unit:
            raise ValueError(f"time: missing unit in duration {quoted}")
        known = next((u for u in sorted(_DURATION_UNITS, key=len, reverse=True) if unit.startswith(u)), None)
        if known is None:
            raise ValueError(f'time: unknown unit "{unit}" in duration {quoted}')
        total += float(m.group(1)) * _DURATION_UNITS[known]
        pos = m.start(2) + len(known)
    return -total if text.startswith("-") else total


def go_bool(key: str, value: str) -> bool:
    """strconv.ParseBool for a --mount field."""
    if value in GO_TRUE:
        return True
    if value in GO_FALSE:
        return False
    raise ValueError(f"invalid value for {key}: {value}")


def _mount_field(fields: dict[str, str], field: str) -> None:
    """One csv field of --mount into fields (MountOpt.Set's switch)."""
    key, eq, val = field.partition("=")
    key = key.lower()
    if not eq:
        if key not in ("readonly", "ro", "volume-nocopy", "bind-nonrecursive"):
            raise ValueError(f"invalid field '{field}' must be a key=value pair")
        val = "true"
    if key not in MOUNT_KEYS:
        raise ValueError(f"unexpected key '{key}' in '{field}'")
    if key in ("readonly", "ro", "bind-nonrecursive"):
        fields["readonly" if key == "ro" else key] = str(go_bool(key, val)).lower()
    elif key == "volume-nocopy":
        if val not in GO_TRUE + GO_FALSE:
            raise ValueError(f"invalid value for volume-nocopy: {val}")
        fields[key] = str(val in GO_TRUE).lower()
    elif key == "bind-recursive" and val not in ("enabled", "disabled", "writable", "readonly"):
        raise ValueError(f'invalid value for {key}: {val} (must be "enabled", "disabled", "writable", or "readonly")')
    elif key in ("tmpfs-size",):
        fields[key] = str(_checked(ram_in_bytes, key, val))
    elif key == "tmpfs-mode":
        if not re.fullmatch(r"[0-7]+", val) or int(val, 8) >= 1 << 32:
            raise ValueError(f"invalid value for {key}: {val}")
        fields[key] = val
    else:
        canonical = {"src": "source", "dst": "target", "destination": "target"}.get(key, key)
        fields[canonical] = val.lower() if key in ("type", "consistency", "bind-propagation") else val


def _checked(fn: Any, key: str, val: str) -> Any:
    """fn(val), with MountOpt's `invalid value for KEY: VAL` on failure."""
    try:
        return fn(val)
    except ValueError:
        raise ValueError(f"invalid value for {key}: {val}") from None


def mount_fields(value: str) -> dict[str, str]:
    """MountOpt.Set: one --mount value -> its fields (type defaults to volume); ValueError with its message."""
    rows = list(csv.reader([value])) if value else []
    if not rows:
        raise ValueError("EOF")
    fields: dict[str, str] = {"type": "volume"}
    for field in rows[0]:
        _mount_field(fields, field)
    typ = fields["type"]
    if typ == "":
        raise ValueError("type is required")
    if not fields.get("target"):
        raise ValueError("target is required")
    for prefix, kind in (("volume-", "volume"), ("image-", "image"), ("bind-", "bind"), ("tmpfs-", "tmpfs")):
        if typ != kind and any(k.startswith(prefix) for k in fields):
            raise ValueError(f"cannot mix '{prefix}*' options with mount type '{typ}'")
    if fields.get("bind-recursive") in ("writable", "readonly") and fields.get("readonly") != "true":
        raise ValueError(
            f"option 'bind-recursive={fields['bind-recursive']}' requires 'readonly' to be specified in conjunction"
        )
    return fields


def _attach(value: str) -> Any:
    """validateAttach."""
    if value.lower() not in ("stdin", "stdout", "stderr"):
        raise ValueError("valid streams are STDIN, STDOUT and STDERR")
    return value.lower()


def _ip(value: str) -> Any:
    """opts.ValidateIPAddress (--dns)."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        raise ValueError(f"IP address is not correctly formatted: {value}") from None


def _swap(value: str) -> int:
    """MemSwapBytes.Set: -1 means unlimited."""
    return -1 if value == "-1" else ram_in_bytes(value)


def _filter(value: str) -> str:
    """opts.FilterOpt.Set: NAME=VALUE, the name lower-cased and both trimmed."""
    if value and "=" not in value:
        raise ValueError("bad format of filter (expected name=value)")
    name, _, val = value.partition("=")
    return f"{name.strip().lower()}={val.strip()}" if value else value


BY_TYPE = {
    "bytes": ram_in_bytes,
    "decimal": nano_cpus,
    "duration": parse_duration,
    "mount": mount_fields,
    "filter": _filter,
}
BY_NAME = {"attach": _attach, "dns": _ip, "memory-swap": _swap}


def convert(typ: str, long: str, raw: str) -> Any:
    """The value a flag holds after pflag's Set, or ValueError with the client's message; raw when unchecked."""
    fn = BY_NAME.get(long) or BY_TYPE.get(typ)
    return raw if fn is None else fn(raw)
