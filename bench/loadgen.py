"""A small HTTP load generator for the benchmarks: loopback only, bounded in requests and time.

Each client is a thread with its own keep-alive connection and cookie (so each lab client is its
own guest with its own attempt); all clients share one budget of requests and one deadline.
"""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
from dataclasses import dataclass

WARM_UNDO_STEPS = 21  # a learner some way into a lab: the undo history (20 steps) is full


@dataclass
class Load:
    """What one run measured."""

    requests: int
    errors: int
    seconds: float
    p50: float
    p95: float

    @property
    def rate(self) -> float:
        """Successful requests per second."""
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0


def _client(port: int, kind: str, clock: dict, budget: list[int], lock: threading.Lock, out: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    session = {"cookie": "", "n": 0, "since": {}, "epoch": None}
    if kind == "lab":  # unmeasured: this client's guest and an attempt with a full undo history
        for n in range(WARM_UNDO_STEPS):
            _send(conn, kind, session, f"docker volume create warm{n}")
    clock["barrier"].wait()
    while time.monotonic() < clock["deadline"]:
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        started = time.perf_counter()
        ok = _send(conn, kind, session)
        out.append((time.perf_counter() - started, ok))
    conn.close()


def _send(conn: http.client.HTTPConnection, kind: str, session: dict, line: str = "docker ps") -> bool:
    """One request; keeps the session cookie. True when answered 200."""
    session["n"] += 1
    headers = {"Cookie": session["cookie"]} if session["cookie"] else {}
    if kind == "healthz":
        conn.request("GET", "/healthz", headers=headers)
    else:
        # As lab.js sends it: what the terminal already shows, so the reply carries only the new output.
        command_id = f"{threading.get_ident()}-{session['n']}"
        body = json.dumps(
            {
                "line": line,
                "terminal": 0,
                "command_id": command_id,
                "since": session["since"],
                "epoch": session["epoch"],
            }
        )
        conn.request(
            "POST", "/labs/@playground/run", body=body, headers={**headers, "Content-Type": "application/json"}
        )
    response = conn.getresponse()
    data = response.read()
    if kind != "healthz" and response.status == 200:
        remember_output(session, json.loads(data))
    set_cookie = response.getheader("Set-Cookie")
    if set_cookie and set_cookie.startswith("session="):
        session["cookie"] = set_cookie.split(";", 1)[0]
    return response.status == 200


def remember_output(session: dict, reply: dict) -> None:
    """Keep the last entry seen per terminal and the epoch, as lab.js does."""
    if reply.get("epoch") != session["epoch"]:
        session["since"], session["epoch"] = {}, reply.get("epoch")
    for terminal, entries in (reply.get("output") or {}).items():
        if entries:
            session["since"][terminal] = entries[-1][0]


def run_load(port: int, kind: str, clients: int, seconds: float, max_requests: int) -> Load:
    """Drive `kind` ("healthz" or "lab") with `clients` threads for at most `seconds` / `max_requests`."""
    if not 1 <= clients <= 64 or not 0 < seconds <= 60 or not 0 < max_requests <= 100_000:
        raise ValueError("load out of bounds")
    budget, lock, out = [max_requests], threading.Lock(), []
    clock: dict = {}

    def start() -> None:  # runs once, when every client is ready
        clock["started"] = time.monotonic()
        clock["deadline"] = clock["started"] + seconds

    clock["barrier"] = threading.Barrier(clients, action=start, timeout=120)
    threads = [
        threading.Thread(target=_client, args=(port, kind, clock, budget, lock, out), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    took = time.monotonic() - clock["started"]
    times = sorted(t for t, _ in out) or [0.0]
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return Load(len(out), sum(1 for _, ok in out if not ok), took, statistics.median(times), p95)
