"""Docker's text formats: tabwriter tables, human durations and sizes, port lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Render like Go's tabwriter(minwidth=10, tabwidth=1, padding=3): last column unpadded."""
    allrows = [list(headers)] + [list(r) for r in rows]
    widths = [max(max(len(r[i]) for r in allrows) + 3, 10) for i in range(len(headers) - 1)]
    lines = []
    for r in allrows:
        cells = [c.ljust(widths[i]) for i, c in enumerate(r[:-1])] + [r[-1]]
        lines.append("".join(cells))  # Go pads a cell that a tab ends, even when the last cell is empty
    return "\n".join(lines) + "\n"


def human_duration(seconds: float) -> str:
    """go-units HumanDuration."""
    s = int(seconds)
    if s < 1:
        return "Less than a second"
    if s == 1:
        return "1 second"
    if s < 60:
        return f"{s} seconds"
    minutes = int(seconds / 60)
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = int(seconds / 3600 + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(seconds / 3600) // 24 // 365} years"


def human_size(size: float, precision: int = 3) -> str:
    """go-units HumanSizeWithPrecision: decimal units, no space."""
    units = ["B", "kB", "MB", "GB", "TB", "PB"]
    i = 0
    while size >= 1000 and i < len(units) - 1:
        size /= 1000.0
        i += 1
    return f"{size:.{precision}g}{units[i]}"


def short_id(full: str) -> str:
    """stringid.TruncateID: drop any 'sha256:' prefix, keep 12 chars."""
    return full.split(":", 1)[-1][:12]


def ellipsis(text: str, width: int) -> str:
    """Truncate to width cells with a trailing U+2026."""
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def go_quote(text: str) -> str:
    """strconv.Quote for the plain text commands contain."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def log_time(t: float) -> str:
    """nginx error-log style time: 2026/06/02 12:00:00."""
    return datetime.fromtimestamp(int(t), UTC).strftime("%Y/%m/%d %H:%M:%S")


def access_time(t: float) -> str:
    """nginx access-log time: 02/Jun/2026:12:00:00 +0000."""
    return datetime.fromtimestamp(int(t), UTC).strftime("%d/%b/%Y:%H:%M:%S +0000")


def ls_time(t: float) -> str:
    """ls -l time column: Jun  2 12:00."""
    d = datetime.fromtimestamp(int(t), UTC)
    return d.strftime("%b ") + f"{d.day:>2} " + d.strftime("%H:%M")
