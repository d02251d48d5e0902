"""Benchmark a lab command through the web stack (Flask test client; plain script, not a test).

    python bench/bench_web.py

Ratios measured in the same run (targets from issue 11 in brackets):
- one lab command (`POST /labs/@playground/run`, "docker ps") against `GET /healthz`   [<= 8x]
- the same command on a host with 45 containers against one with 1                    [<= 1.5x]
- the same command after 600 typed commands against after 10                          [<= 1.3x]
Every learner first runs 21 state-changing commands, so its undo history (20 steps) is full.
- stored bytes of each of those attempts, and peak memory (tracemalloc) of one command.
"""

from __future__ import annotations

import logging
import statistics
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_app import fresh_app
from loadgen import remember_output
from sqlalchemy import event, select
from timing import timed

from app.extensions import db
from app.models import LabAttempt, LabUndoStep

LAB = "@playground"
REPEAT = 80


def make_app(sync_full: bool = False):
    """An app on a fresh SQLite file, CSRF off, no rate limit in the way.

    The app runs SQLite with `synchronous=NORMAL` (app/database.py); `sync_full` switches back to
    SQLite's default FULL to show how much of a command an fsync per commit would be.
    """
    app = fresh_app(LAB_RATE_LIMIT="1000000 per minute")
    if sync_full:
        with app.app_context():
            event.listen(db.engine, "connect", _sync_full)
            db.engine.dispose()
    return app


def _sync_full(connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = connection.cursor()
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def learner(app) -> Callable[[str], None]:
    """A fresh guest's command function (its own cookie jar, its own attempt)."""
    client = app.test_client()
    counter = iter(range(10**9))
    session: dict = {"since": {}, "epoch": None}

    def command(line: str) -> None:
        # As lab.js sends it: what the terminal already shows, so the reply carries only the new output.
        body = {"line": line, "terminal": 0, "command_id": f"c{next(counter)}", **session}
        response = client.post(f"/labs/{LAB}/run", json=body)
        assert response.status_code == 200, response.get_data(as_text=True)[:200]
        remember_output(session, response.get_json())

    return command


def stored_bytes(app) -> dict[int, int]:
    """Per attempt id: bytes of the row's data and of its undo steps (either storage format)."""
    with app.app_context():
        out = {}
        for row in db.session.scalars(select(LabAttempt)):
            texts = (row.snapshot, row.terminals, row.history, row.recent_commands)
            data = len(getattr(row, "host_data", None) or b"") + len(getattr(row, "term_data", None) or b"")
            data += sum(len(t.encode()) for t in texts if t)
            steps = db.session.scalars(select(LabUndoStep).where(LabUndoStep.attempt_id == row.id))
            data += sum(len(getattr(s, "data", None) or b"") + len((s.snapshot or "").encode()) for s in steps)
            out[row.id] = data
        return out


def peak_kib(fn: Callable[[], object]) -> float:
    """Peak memory allocated while fn runs, in KiB."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def measure(sync_full: bool) -> None:
    """One full set of ratios on one app."""
    app = make_app(sync_full)
    healthz = app.test_client()
    one, many, short, long = (learner(app) for _ in range(4))
    for learner_command in (one, many, short, long):  # some way into a lab: a full undo history
        for i in range(21):
            learner_command(f"docker volume create warm{i}")
    one("docker create --name only busybox")
    for i in range(45):
        many(f"docker create --name filler{i} busybox")
    for i in range(10):
        short(f"echo typed {i}")
    for i in range(600):
        long(f"echo typed {i}")
    timed(lambda: healthz.get("/healthz"), 50)  # warm up
    # Round robin: on a shared, busy machine every case sees the same load.
    cases: dict[str, Callable[[], object]] = {
        "healthz": lambda: healthz.get("/healthz"),
        "one": lambda: one("docker ps"),
        "many": lambda: many("docker ps"),
        "short": lambda: short("docker ps"),
        "long": lambda: long("docker ps"),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(REPEAT):
        for name, fn in cases.items():
            samples[name].append(timed(fn, 1))
    baseline, t_one, t_many, t_short, t_long = (statistics.median(samples[name]) for name in cases)
    sizes = [s / 1024 for s in stored_bytes(app).values()]
    mem_one, mem_many = peak_kib(lambda: one("docker ps")), peak_kib(lambda: many("docker ps"))

    print(f"bench_web: Flask test client, SQLite, synchronous={'FULL' if sync_full else 'NORMAL (as the app)'}")
    print(f"  GET /healthz                    {baseline * 1e3:7.2f} ms")
    print(f"  lab command, 1 container        {t_one * 1e3:7.2f} ms  {t_one / baseline:5.1f}x /healthz     [<= 8x]")
    print(f"  lab command, 45 containers      {t_many * 1e3:7.2f} ms  {t_many / t_one:5.2f}x 1 container  [<= 1.5x]")
    print(f"  lab command after 10 typed      {t_short * 1e3:7.2f} ms")
    print(f"  lab command after 600 typed     {t_long * 1e3:7.2f} ms  {t_long / t_short:5.2f}x 10 typed     [<= 1.3x]")
    print(
        f"  stored KiB (row + undo steps)   1 ctr {sizes[0]:.0f}, 45 ctrs {sizes[1]:.0f}, "
        f"10 typed {sizes[2]:.0f}, 600 typed {sizes[3]:.0f}"
    )
    print(f"  peak memory of one command      {mem_one:7.0f} KiB with 1 container, {mem_many:7.0f} KiB with 45")


def main() -> None:
    logging.disable(logging.INFO)
    measure(sync_full=False)
    measure(sync_full=True)


if __name__ == "__main__":
    main()
