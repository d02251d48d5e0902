"""The slowest of 10,000 random and mutated command lines (the property test's corpus, a seeded generator).

Reports the slowest lines and how many exceed the 50 ms target; timings are reported, never asserted
(tests/dockersim/test_property.py runs the same kind of lines for correctness in CI).
Run: python bench/bench_lines.py [N]"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # as the other benchmarks: run from anywhere

from app.dockersim import DockerHost
from tests.dockersim.test_property import CORPUS, LINES_PER_EXAMPLE, TOKENS, mutate

TARGET = 0.050


def _op(rng: random.Random) -> tuple:
    kind = rng.choice(["keep", "drop", "insert", "swap", "chars"])
    if kind == "drop":
        return (kind, rng.randrange(20))
    if kind == "insert":
        return (kind, rng.randrange(20), rng.choice(TOKENS))
    if kind == "swap":
        return (kind, rng.randrange(20), rng.randrange(20))
    if kind == "chars":
        return (kind, "".join(rng.choice("ab -:'\"$(){}|;&") for _ in range(rng.randrange(12))))
    return (kind,)


def main(total: int = 10_000) -> None:
    """Run `total` lines in sessions of LINES_PER_EXAMPLE on fresh hosts; print the slowest."""
    rng = random.Random(0)
    times: list[tuple[float, str]] = []
    while len(times) < total:
        host = DockerHost(seed=len(times))
        for _ in range(LINES_PER_EXAMPLE):
            line = mutate(rng.choice(CORPUS), _op(rng))
            terminal = rng.randrange(3)
            t0 = time.perf_counter()
            host.run(line, terminal)
            times.append((time.perf_counter() - t0, line))
    times.sort(reverse=True)
    over = sum(1 for t, _ in times if t > TARGET)
    print(f"{len(times)} lines; slowest {times[0][0] * 1000:.1f} ms; {over} over {TARGET * 1000:.0f} ms")
    for t, line in times[:5]:
        print(f"  {t * 1000:7.1f} ms  {line[:100]!r}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
