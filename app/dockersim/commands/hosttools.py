"""Host-only tools: curl against published ports, and bash's history."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.core.errors import ConnectionRefused, ConnectionReset
from app.dockersim.core.hints import hint_text
from app.dockersim.core.message import N_, note_marker
from app.dockersim.engine import runtime

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
REASONS = {
    200: "OK",
    302: "Found",
    304: "Not Modified",
    404: "Not Found",
    405: "Not Allowed",
    500: "Internal Server Error",
}


_CURL_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n"


class _CurlUsage(Exception):
    """curl refuses its command line (exit 2)."""


def _curl_options(args: list[str]) -> tuple[str, str | None, bool, str]:
    """curl's options -> (method, data, include headers, url); _CurlUsage for a bad option."""
    method, data, include, url = "", None, False, ""
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-i", "--include"):
            include = True
        elif a in ("-X", "--request", "-d", "--data", "--data-raw", "--data-urlencode", "-H", "--header"):
            if i + 1 >= len(args):
                raise _CurlUsage(f"curl: option {a}: requires parameter\n{_CURL_HELP}")
            val = args[i + 1]
            if a in ("-X", "--request"):
                method = val.upper()
            elif a in ("-d", "--data", "--data-raw", "--data-urlencode"):
                data = val if data is None else data + "&" + val
            i += 1
        elif a.startswith("-") and a not in ("-s", "--silent", "-S", "-L", "-sS"):
            note = note_marker(N_("This simulator's curl models only the options -i -s -X -d -H."))
            raise _CurlUsage(f"curl: option {a}: is unknown\n{_CURL_HELP}{note}")
        elif not a.startswith("-"):
            url = a
        i += 1
    return method, data, include, url


def curl(host: Host, args: list[str]) -> Out:
    """curl [-i] [-s] [-X METHOD] [-d DATA] URL, answered by the process behind a published port."""
    try:
        method, data, include, url = _curl_options(args)
    except _CurlUsage as e:
        return "", str(e), 2
    if not url:
        return "", _CURL_HELP, 2
    m = re.fullmatch(r"(?:(https?)://)?([^/:]+)(?::(\d+))?(/.*)?", url)
    if not m:
        return "", "curl: (3) URL rejected: Malformed input to a URL function\n", 3
    scheme, hostname, port_s, path = m.group(1) or "http", m.group(2), m.group(3), m.group(4) or "/"
    port = int(port_s) if port_s else (443 if scheme == "https" else 80)
    if port > 65535:
        return "", "curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n", 3
    if hostname not in ("localhost", "127.0.0.1", "0.0.0.0"):
        return "", f"curl: (6) Could not resolve host: {hostname}\n", 6
    method = method or ("POST" if data is not None else "GET")
    try:
        status, headers, body = runtime.http_request(host, method, port, path, data)
    except ConnectionRefused:
        tip = hint_text("curl_refused") if host.hints else ""
        return (
            "",
            f"curl: (7) Failed to connect to {hostname} port {port} after 0 ms: Couldn't connect to server\n{tip}",
            7,
        )
    except ConnectionReset:
        return "", "curl: (56) Recv failure: Connection reset by peer\n", 56
    head = ""
    if include:
        head = f"HTTP/1.1 {status} {REASONS.get(status, '')}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += "\r\n"
    return head + body, "", 0


def history(host: Host, terminal: int) -> Out:
    """bash `history`: numbered lines typed on this terminal."""
    lines = [h.line for h in host.history if h.terminal == terminal]
    return "".join(f"{i:>5}  {line}\n" for i, line in enumerate(lines, 1)), "", 0
