"""The daemon's restart manager, as a pure decision on a container that just exited.

Sources: moby `restartmanager/restartmanager.go` (`ShouldRestart`: the back-off starts at 100 ms and
doubles up to one minute, and is reset when the container ran for 10 s or more; `always` restarts,
`unless-stopped` unless it was stopped by hand, `on-failure[:N]` on a non-zero exit code while fewer than
N restarts were made), `daemon/monitor.go` (`handleContainerExit`: RestartCount++ and state
"restarting", or stopped; --rm only when not restarting) and `daemon/kill.go` (`killWithSignal`: any
signal marks the container as manually stopped; SIGKILL, the container's StopSignal, or any signal when
it has none, cancels the restart manager until the next `docker start`).
"""

from __future__ import annotations

from app.dockersim.engine.models import Container

#: The restart manager's first back-off, its cap, and the run time after which it starts again from the first.
FIRST_DELAY = 0.1
MAX_DELAY = 60.0
RESET_AFTER = 10.0


def signal_name(raw: str) -> str:
    """SIGQUIT / QUIT / quit -> SIGQUIT (a number stays as it is)."""
    name = raw.upper()
    return name if name.isdigit() or name.startswith("SIG") else "SIG" + name


def note_signal(c: Container, sig: str) -> None:
    """killWithSignal: the container counts as stopped by hand; SIGKILL or its stop signal cancels restarts."""
    stop_signal = signal_name(str(c.config.get("StopSignal") or ""))
    if stop_signal == "SIG" or sig in ("SIGKILL", stop_signal):
        c.restart_canceled = True
    c.manually_stopped = True


def reset(c: Container) -> None:
    """A user's start (run, start, restart) makes a new restart manager: count, back-off and flags reset."""
    c.restart_count, c.restart_delay, c.restart_at = 0, 0.0, None
    c.manually_stopped = c.restart_canceled = False


def next_restart(c: Container, exit_code: int, now: float) -> float | None:
    """Seconds until the restart manager starts the container again, or None when it stays stopped."""
    policy = c.host_config.get("RestartPolicy") or {}
    name = str(policy.get("Name") or "no")
    if name == "no" or c.restart_canceled:
        return None
    if now - (c.started_at if c.started_at is not None else now) >= RESET_AFTER:
        c.restart_delay = 0.0
    if c.restart_delay == 0:
        c.restart_delay = FIRST_DELAY
    elif c.restart_delay < MAX_DELAY:
        c.restart_delay = min(c.restart_delay * 2, MAX_DELAY)
    most = int(policy.get("MaximumRetryCount") or 0)
    restart = (
        name == "always"
        or (name == "unless-stopped" and not c.manually_stopped)
        or (name == "on-failure" and (most == 0 or c.restart_count < most) and exit_code != 0)
    )
    return c.restart_delay if restart else None
