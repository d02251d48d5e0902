"""Helpers for grading tests: play a script of terminal lines on a real simulated host."""

from __future__ import annotations

import re

from app.dockersim import DockerHost

_TERMINAL = re.compile(r"^\[(\d+)\]\s*")


def play(lines, seed: int = 0) -> DockerHost:
    """Run lines on a fresh host; `[1] cmd` runs on terminal 1, `^C` is Ctrl+C on that terminal."""
    host = DockerHost(seed=seed, hints=False)
    for raw in lines:
        m = _TERMINAL.match(raw)
        terminal, line = (int(m.group(1)), raw[m.end() :]) if m else (0, raw)
        if line == "^C":
            host.interrupt(terminal)
        else:
            host.run(line, terminal=terminal)
    return host
