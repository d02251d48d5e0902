"""BuildKit's tty progress display, final frame only, as plain text.

Port of moby/buildkit `util/progress/progressui/display.go` (ttyDisplay.print and
printErrorLogs) at a fixed terminal width: header `[+] Building 3.5s (9/9) FINISHED`
padded to the builder name, one line per step with the time right-aligned (the visible
line is width-1 characters), ` => => ` lines for statuses, `CACHED `/`ERROR ` prefixes,
names cut to fit. ANSI colours and cursor movement are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Status:
    """A sub-line of a step (`=> => transferring context: 2B`)."""

    label: str
    value: str = ""
    seconds: float = 0.0


@dataclass
class Vertex:
    """One build step as the progress display sees it."""

    name: str
    seconds: float = 0.0
    cached: bool = False
    error: bool = False
    started: bool = True
    statuses: list[Status] = field(default_factory=list)
    logs: list[tuple[float, str]] = field(default_factory=list)


def _align(left: str, right: str, width: int) -> str:
    return f"{left:<{width - len(right) - 1}} {right}"


def _timer(seconds: float) -> str:
    if seconds < 0.05:
        seconds = 0.0
    return f" {seconds:3.1f}s\n"


def _job_line(name: str, value: str, seconds: float, width: int) -> str | None:
    pfx = " => "
    timer = _timer(seconds)
    left = width - len(pfx) - len(timer) - 1
    show_value = False
    if value and left + len(value) > 20:
        show_value = True
        left -= len(value) + 1
    if left < 12:
        return None
    out = pfx + name[:left]
    if show_value:
        out += " " + value
    return _align(out, timer, width)


def total_seconds(vertices: list[Vertex]) -> float:
    """Wall time of a sequential build: the sum of the started steps' times."""
    return sum(v.seconds for v in vertices if v.started)


def render(vertices: list[Vertex], width: int, desc: str, phase: str = "Building") -> str:
    """The last frame BuildKit leaves on the terminal after the build."""
    started = [v for v in vertices if v.started]
    done, total = len(started), len(vertices)
    status = "FINISHED" if done > 0 and done == total else ""
    head = f"[+] {phase} {total_seconds(vertices):.1f}s ({done}/{total}) {status}"
    head = _align(head, desc, width - 1) if desc else _align(head, "", width)
    lines = [head[:width] + "\n"]
    for v in started:
        name = v.name
        if v.error:
            name = "ERROR " + name
        if v.cached:
            name = "CACHED " + name
        line = _job_line(name, "", v.seconds, width)
        if line:
            lines.append(line)
        for s in v.statuses:
            line = _job_line("=> " + s.label, s.value, s.seconds, width)
            if line:
                lines.append(line)
    return "".join(lines)


def render_plain(vertices: list[Vertex], desc: str) -> str:
    """`--progress=plain` (progressui's plain printer): `#N name`, its statuses and logs, then DONE/CACHED."""
    name, _, driver = (desc.split(":", 1)[::-1] + [""])[:3] if ":" in desc else (desc, "", "docker")
    lines = [f'#0 building with "{name}" instance using {driver or "docker"} driver\n']
    for n, v in enumerate((v for v in vertices if v.started), start=1):
        lines.append(f"\n#{n} {v.name}\n")
        for s in v.statuses:
            took = f" {s.seconds:.1f}s" if s.seconds >= 0.05 else ""
            lines.append(f"#{n} {s.label}{' ' + s.value if s.value else ''}{took} done\n")
        lines += [f"#{n} {t:.3f} {text}\n" for t, text in v.logs]
        lines.append(f"#{n} {'CACHED' if v.cached else 'ERROR' if v.error else f'DONE {v.seconds:.1f}s'}\n")
    return "".join(lines)


def render_error_logs(vertices: list[Vertex]) -> str:
    """The `------ > step: ... ------` blocks printed for failed steps."""
    out = []
    for v in vertices:
        if v.started and v.error:
            out.append("------\n")
            out.append(f" > {v.name}:\n")
            for ts, text in v.logs:
                prec = 3 if ts < 10 else 2 if ts < 100 else 1
                out.append(f"{ts:.{prec}f} {text}\n")
            out.append("------\n")
    return "".join(out)


def render_source(filename: str, lines: list[str], start: int, end: int) -> str:
    """BuildKit's errdefs Source.Print: the failing lines with context."""
    if start < 1 or start > len(lines):
        return ""
    end = min(max(end, start), len(lines))
    pad = 4 if end == start else 2
    first, last, p = start, end, 0
    while p < pad:
        if first > 1:
            first -= 1
            p += 1
        if last != len(lines):
            last += 1
            p += 1
        p += 1
    out = [f"{filename}:{start}\n--------------------\n"]
    for i in range(first, last + 1):
        pfx = ">>>" if start <= i <= end else "   "
        out.append(f" {i:3d} | {pfx} {lines[i - 1]}\n")
    out.append("--------------------\n")
    return "".join(out)
