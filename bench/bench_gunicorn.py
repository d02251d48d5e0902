"""Throughput of lab commands under gunicorn (2 workers) against a bare endpoint, SQLite and PostgreSQL.

    python bench/bench_gunicorn.py [--seconds 3] [--no-postgres]

For each database a fresh one is made and migrated, gunicorn serves `bench/wsgi_bench.py` on a
free loopback port, and `loadgen.py` drives it with 1, 8 and 32 clients (each its own guest),
each run bounded in requests and seconds: first `GET /healthz` (the bare endpoint), then
`POST /labs/@playground/run` ("docker ps"). Printed: requests/second of each and the ratio
[target: a lab command reaches >= 20% of the bare endpoint; PostgreSQL within 1.5x of SQLite].
PostgreSQL is used when `BENCH_POSTGRES_URL` (default postgresql://postgres@127.0.0.1:5432/postgres)
answers; a temporary database is created there and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from loadgen import run_load  # noqa: E402

CLIENTS = (1, 8, 32)
MAX_REQUESTS = 3000


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def migrate(url: str) -> None:
    """Create the schema in a fresh database."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "FLASK_APP": "app:create_app"}
    flask = Path(sys.executable).parent / "flask"
    subprocess.run([str(flask), "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    """gunicorn with 2 sync workers on the loopback interface; returns when it answers."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": f"{ROOT}:{HERE}"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi_bench:app"]
    process = subprocess.Popen(command, cwd=HERE, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn we started (its own process group)."""
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def measure(name: str, url: str, seconds: float) -> dict[int, tuple[float, float]]:
    """Requests/second of the bare endpoint and of a lab command, per client count."""
    migrate(url)
    port = free_port()
    process = serve(url, port)
    results: dict[int, tuple[float, float]] = {}
    try:
        run_load(port, "healthz", 4, 1.0, 200)  # warm both workers
        run_load(port, "lab", 4, 1.0, 100)
        for clients in CLIENTS:
            bare = run_load(port, "healthz", clients, seconds, MAX_REQUESTS)
            lab = run_load(port, "lab", clients, seconds, MAX_REQUESTS)
            results[clients] = (bare.rate, lab.rate)
            print(
                f"  {name:10s} {clients:2d} clients: /healthz {bare.rate:7.0f}/s, lab command {lab.rate:6.0f}/s"
                f" = {lab.rate / bare.rate:5.1%} [>= 20%]  (errors {bare.errors + lab.errors},"
                f" lab p50 {lab.p50 * 1e3:.0f} ms, p95 {lab.p95 * 1e3:.0f} ms)",
                flush=True,
            )
    finally:
        stop(process)
    return results


def postgres_database(base: str) -> tuple[str, str] | None:
    """A fresh database on the PostgreSQL server at `base` (its URL and name), or None if none answers."""
    try:
        import psycopg
    except ImportError:
        return None
    name = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return base.rsplit("/", 1)[0] + "/" + name, name


def drop_database(base: str, name: str) -> None:
    """Drop the temporary PostgreSQL database."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"bench_gunicorn: 2 workers, each run at most {args.seconds:.0f} s / {MAX_REQUESTS} requests")
    folder = Path(tempfile.mkdtemp())
    sqlite = measure("SQLite", f"sqlite:///{folder / 'bench.sqlite3'}", args.seconds)
    if args.no_postgres:
        return
    base = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    made = postgres_database(base)
    if made is None:
        print("  PostgreSQL: no server answered; skipped")
        return
    try:
        postgres = measure("PostgreSQL", made[0], args.seconds)
    finally:
        drop_database(base, made[1])
    for clients in CLIENTS:
        slower = sqlite[clients][1] / postgres[clients][1]
        print(f"  {clients:2d} clients: a lab command on PostgreSQL is {slower:4.2f}x slower than on SQLite [<= 1.5x]")


if __name__ == "__main__":
    main()
