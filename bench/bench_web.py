"""Benchmark the web round trip of a lab command (plain script, not a test): python bench/bench_web.py

A lab command loads the attempt's snapshot from the database, runs the command on the
simulated host, and saves the new snapshot. This reports, measured in the same run:
- the median time of `GET /healthz` (the baseline: a request that touches no database),
- the median time of one lab command (`POST /labs/<id>/run`), as a ratio to the baseline,
- the same with 20 containers on the host, as a ratio to the 1-container case,
- peak memory (tracemalloc) of one command with 1 and with 20 containers.
"""

from __future__ import annotations

import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from flask_migrate import upgrade
from timing import timed

from app import create_app

LAB = "lab-run-detached-port"


def peak_kib(fn) -> float:
    """Peak memory allocated while fn runs, in KiB."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
        }
    )
    with app.app_context():
        upgrade()
    client = app.test_client()
    counter = iter(range(10**9))

    def command(line: str) -> None:
        response = client.post(
            f"/labs/{LAB}/run", json={"line": line, "terminal": 1, "command_id": f"c{next(counter)}"}
        )
        assert response.status_code == 200, response.get_data(as_text=True)[:200]

    client.get(f"/labs/{LAB}")  # creates the guest and the attempt
    baseline = timed(lambda: client.get("/healthz"), 200)
    one = timed(lambda: command("docker ps"), 60)
    mem_one = peak_kib(lambda: command("docker ps"))
    for i in range(19):
        command(f"docker create --name filler{i} busybox")
    many = timed(lambda: command("docker ps"), 60)
    mem_many = peak_kib(lambda: command("docker ps"))

    print(f"baseline GET /healthz:            {baseline * 1e3:7.2f} ms")
    print(f"lab command, 1 container:         {one * 1e3:7.2f} ms  ({one / baseline:5.1f}x baseline)")
    print(f"lab command, 20 containers:       {many * 1e3:7.2f} ms  ({many / one:5.2f}x the 1-container case)")
    print(
        f"peak memory of one command:       {mem_one:7.0f} KiB with 1, {mem_many:7.0f} KiB with 20 ({mem_many / mem_one:4.2f}x)"
    )


if __name__ == "__main__":
    main()
