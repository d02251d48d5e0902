"""`-p/--publish` and `--expose` as the docker 28 client reads them.

Sources: docker/cli `cli/command/container/opts.go` (`convertToStandardNotation`, the `--expose` loop)
and docker/go-connections `nat/nat.go` + `nat/parse.go` (`ParsePortSpec`, `splitParts`,
`SplitProtoPort`, `ParsePortRange`); Go's `net.SplitHostPort` for bracketed IPv6 host addresses.
The checks run in the client's order (go-connections v0.5.0, which docker 28 vendors): host IP,
empty container port, container range, host range, range sizes, protocol."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from app.dockersim.core.errors import DockerError, run_error

PROTOCOLS = ("tcp", "udp", "sctp")
_UINT = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class PortRequest:
    """One container port to publish; host_end > host_start: allocate into that host range."""

    host_ip: str
    host_start: int  # 0: any free ephemeral port
    host_end: int
    container_port: int
    proto: str


def _fail(message: str) -> DockerError:
    """The client's port errors, framed as `docker run` frames them (exit 125)."""
    return run_error(message, "port_spec")


def _uint16(text: str) -> int:
    """strconv.ParseUint(text, 10, 16); raises ValueError with Go's message."""
    if not _UINT.fullmatch(text):
        raise ValueError(f'strconv.ParseUint: parsing "{text}": invalid syntax')
    value = int(text)
    if value > 65535:
        raise ValueError(f'strconv.ParseUint: parsing "{text}": value out of range')
    return value


def parse_port_range(ports: str) -> tuple[int, int]:
    """nat.ParsePortRange: `80` or `8000-9000` (only the first two dash parts are read, as in Go)."""
    if ports == "":
        raise ValueError("empty string specified for ports")
    if "-" not in ports:
        value = _uint16(ports)
        return value, value
    parts = ports.split("-")
    start, end = _uint16(parts[0]), _uint16(parts[1])
    if end < start:
        raise ValueError("invalid range specified for port: " + ports)
    return start, end


def _split_parts(raw: str) -> tuple[str, str, str]:
    """nat.splitParts: [ip:][host:]container, where the IP may itself contain colons."""
    parts = raw.split(":")
    if len(parts) == 1:
        return "", "", parts[0]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return ":".join(parts[:-2]), parts[-2], parts[-1]


def _strip_brackets(ip: str) -> str:
    """net.SplitHostPort(ip + ":") for a `[…]` host address; raises with Go's wording."""
    hostport = ip + ":"
    end = hostport.find("]")
    problem = ""
    if end < 0:
        problem = "missing ']' in address"
    elif end + 1 != len(hostport) - 1:
        problem = "too many colons in address" if hostport[end + 1] == ":" else "missing port in address"
    elif "[" in hostport[1:] or "]" in hostport[end + 1 :]:
        problem = "unexpected '[' in address" if "[" in hostport[1:] else "unexpected ']' in address"
    if problem:
        raise _fail(f"invalid IP address {ip}: address {hostport}: {problem}")
    return hostport[1:end]


def valid_ip(ip: str) -> bool:
    """net.ParseIP: dotted IPv4 (no leading zeros) or IPv6, no zone."""
    if "%" in ip:
        return False
    try:
        ipaddress.ip_address(ip)
    except ValueError:
        return False
    return True


def _long_syntax(spec: str) -> str:
    """convertToStandardNotation: `target=80,published=8080,protocol=tcp` -> `8080:80/tcp`."""
    params = {"protocol": "tcp"}
    for param in spec.split(","):
        key, eq, value = param.partition("=")
        if not eq or not key:
            raise _fail(f"invalid publish opts format (should be name=value but got '{param}')")
        params[key] = value
    return f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}"


def _split_proto_port(raw: str) -> tuple[str, str]:
    """nat.SplitProtoPort (v0.5.0): (proto, port); ("", "") when the port part is empty."""
    parts = raw.split("/")
    if not raw or not parts[0]:
        return "", ""
    if len(parts) == 1 or not parts[1]:
        return "tcp", parts[0]
    return parts[1], parts[0]


def parse_port_spec(raw: str) -> list[PortRequest]:
    """nat.ParsePortSpec (go-connections v0.5.0, vendored by docker 28): one request per container port."""
    ip, host_port, container_port = _split_parts(raw)
    proto, container_port = _split_proto_port(container_port)
    if ip.startswith("["):
        ip = _strip_brackets(ip)
    if ip and not valid_ip(ip):
        raise _fail("invalid IP address: " + ip)
    if container_port == "":
        raise _fail(f"no port specified: {raw}<empty>")
    try:
        start, end = parse_port_range(container_port)
    except ValueError:
        raise _fail("invalid containerPort: " + container_port) from None
    host_start = host_end = 0
    if host_port:
        try:
            host_start, host_end = parse_port_range(host_port)
        except ValueError:
            raise _fail("invalid hostPort: " + host_port) from None
        if end - start != host_end - host_start and end != start:
            raise _fail(f"invalid ranges specified for container and host Ports: {container_port} and {host_port}")
    if proto.lower() not in PROTOCOLS:  # checked last, and shown as typed
        raise _fail("invalid proto: " + proto)
    proto = proto.lower()
    if end == start:  # a single container port may take a host range to allocate into
        return [PortRequest(ip, host_start, host_end, start, proto)]
    return [
        PortRequest(ip, host_start + i if host_port else 0, host_start + i if host_port else 0, start + i, proto)
        for i in range(end - start + 1)
    ]


def parse_publish(specs: list[str]) -> list[PortRequest]:
    """Every -p value in order (long syntax converted first, as the client does)."""
    converted = [_long_syntax(s) if "=" in s else s for s in specs]
    out: list[PortRequest] = []
    for spec in converted:
        out.extend(parse_port_spec(spec))
    return out


def parse_expose(specs: list[str]) -> list[str]:
    """--expose values -> `port/proto` keys (docker/cli opts.go, 28.x)."""
    out: list[str] = []
    for e in specs:
        if ":" in e:
            raise _fail(f"invalid port format for --expose: {e}")
        port, _, proto = e.partition("/")
        proto = proto or "tcp"
        try:
            start, end = parse_port_range(port)
        except ValueError as err:
            raise _fail(f"invalid range format for --expose: {e}, error: {err}") from None
        out.extend(f"{p}/{proto}" for p in range(start, end + 1) if f"{p}/{proto}" not in out)
    return out
