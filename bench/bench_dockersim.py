"""Benchmark the simulated Docker host (plain script, not a test): python bench/bench_dockersim.py

Reports commands/second over a 30-command lab script, snapshot+restore time with 1 and 50
containers (and, as the lab store does it, restore from an owned dict and snapshot without copies), and the cost of one command on a host with 50 containers relative to a host with 1
(measured in the same run; the target is at most 2x).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import timed

from app.dockersim import DockerHost

LAB = [
    "cd ~/feedback-app",
    "ls",
    "cat Dockerfile",
    "docker build -t feedback-app .",
    "docker images",
    "docker run -d -p 8000:80 --name feedback feedback-app",
    "docker ps",
    "curl localhost:8000",
    "curl -d title=Hello -d text=World localhost:8000/create",
    "curl localhost:8000/feedback/hello.txt",
    "docker logs feedback",
    "docker stop feedback",
    "docker ps -a",
    "docker start feedback",
    "docker exec feedback ls /app",
    "docker rm -f feedback",
    "docker volume create feedback",
    "docker run -d -p 8000:80 --name feedback -v feedback:/app/feedback feedback-app",
    "curl -d title=Kept -d text=Yes localhost:8000/create",
    "docker rm -f feedback",
    "docker run -d -p 8000:80 --name feedback -v feedback:/app/feedback feedback-app",
    "curl localhost:8000/feedback/kept.txt",
    "docker volume ls",
    "docker inspect feedback",
    "docker run --rm busybox echo hi",
    "docker run -d -p 8080:80 nginx",
    "curl localhost:8080",
    "docker ps -a",
    "docker container prune -f",
    "docker volume prune -f",
]
PROBES = [
    "docker logs web",
    "docker inspect web",
    "curl localhost:8000",
    "docker exec web ls /",
    "docker stop web",
    "docker start web",
    "docker port web",
    "docker rename web web2",
    "docker rename web2 web",
    "echo hi > f.txt",
]


def host_with(n: int) -> DockerHost:
    """A host with n containers: one nginx 'web' on port 8000 plus n-1 others, half of them running
    (nginx with published ports and logs), half created (busybox)."""
    host = DockerHost(seed=1)
    host.run("docker run -d -p 8000:80 --name web nginx")
    for i in range(n - 1):
        line = (
            f"docker run -d -p {9000 + i}:80 --name filler{i} nginx"
            if i % 2 == 0
            else f"docker create --name filler{i} busybox"
        )
        r = host.run(line)
        assert r.exit_code == 0, (line, r.stderr)
    assert len(host.containers) == n
    return host


def _owned(snap: dict) -> None:
    """What the lab store does per request: restore from a dict decoded for it alone (owned=True, no
    copies) and snapshot for serialising at once (copy=False), against the copying calls."""
    text = json.dumps(snap)
    decoded = [json.loads(text) for _ in range(60)]
    copying = timed(lambda: DockerHost.from_snapshot(decoded.pop()), 30)
    owned = timed(lambda: DockerHost.from_snapshot(decoded.pop(), owned=True), 30)
    host = DockerHost.from_snapshot(snap)
    dump_copy = timed(host.snapshot, 30)
    dump_shared = timed(lambda: host.snapshot(copy=False), 30)
    print(
        f"   restore from a decoded dict: copying {copying * 1000:.2f} ms, owned {owned * 1000:.2f} ms "
        f"({owned / copying:.2f}x); snapshot copying {dump_copy * 1000:.2f} ms, copy=False "
        f"{dump_shared * 1000:.2f} ms ({dump_shared / dump_copy:.2f}x)"
    )


def main() -> None:
    """Run all benchmarks and print a report."""

    def lab() -> None:
        host = DockerHost()
        for line in LAB:
            host.run(line)

    check = DockerHost()
    for line in LAB:  # the lab must really work, or the benchmark would time error paths
        r = check.run(line)
        assert r.exit_code == 0, (line, r.stderr)
    lab_s = timed(lab, 15)
    print(f"lab script: {len(LAB)} commands in {lab_s * 1000:.1f} ms -> {len(LAB) / lab_s:,.0f} commands/s")

    base_snap = None
    for n in (1, 50):
        host = host_with(n)
        snap_s = timed(host.snapshot, 30)
        snap = host.snapshot()
        restore_s = timed(lambda: DockerHost.from_snapshot(snap), 30)  # noqa: B023 - called at once, inside the loop
        size = len(json.dumps(snap))
        print(
            f"{n:>2} containers: snapshot {snap_s * 1000:.2f} ms, restore {restore_s * 1000:.2f} ms, json {size / 1000:.0f} kB"
        )
        _owned(snap)
        if n == 1:
            base_snap = snap_s + restore_s
        else:
            print(
                f"   snapshot+restore ratio 50/1: {(snap_s + restore_s) / base_snap:.1f}x (grows with the data, as expected)"
            )

    costs = {}
    for n in (1, 50):
        host = host_with(n)

        def probe() -> None:
            for line in PROBES:
                host.run(line)  # noqa: B023 - called at once, inside the loop

        costs[n] = timed(probe, 40) / len(PROBES)
        print(f"one command with {n:>2} containers: {costs[n] * 1e6:.0f} us")
    ratio = costs[50] / costs[1]
    print(f"ratio 50/1 per command: {ratio:.2f}x (target <= 2x) -> {'OK' if ratio <= 2 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
