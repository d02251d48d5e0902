"""Injected clock and id generator: a seed reproduces every id, name and time."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime

from app.dockersim.core.names import LEFT, RIGHT

EPOCH = 1780401600.0  # 2026-06-02T12:00:00Z; simulated time starts here
#: Simulated time between two typed lines, and between a container's create and its start in `docker run`:
#: the docker/cli run docs example (`docker run --name test -d nginx:alpine`, then `docker ps`) shows
#: CREATED "1 second ago" and STATUS "Up Less than a second" (go-units HumanDuration: under 1 s is
#: "Less than a second"), which these two reproduce on the next line.
STEP_SECONDS = 0.5
START_SECONDS = 0.5


@dataclass
class Clock:
    """Simulated wall clock in seconds since the Unix epoch."""

    now: float = EPOCH

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += max(0.0, seconds)

    def iso(self, t: float | None = None) -> str:
        """RFC 3339 timestamp with nanoseconds, as `docker inspect` prints."""
        t = self.now if t is None else t
        whole = int(t)
        nanos = round((t - whole) * 1e9)
        return datetime.fromtimestamp(whole, UTC).strftime("%Y-%m-%dT%H:%M:%S") + f".{nanos:09d}Z"


@dataclass
class IdGenerator:
    """Deterministic ids and random names from a seed and a draw counter."""

    seed: int = 0
    counter: int = 0

    def _rng(self) -> random.Random:
        self.counter += 1
        return random.Random(f"{self.seed}:{self.counter}")

    def hex64(self) -> str:
        """A 64-hex id whose first 12 chars are not all digits (moby GenerateRandomID)."""
        while True:
            self.counter += 1
            value = hashlib.sha256(f"{self.seed}:{self.counter}".encode()).hexdigest()
            if not value[:12].isdigit():
                return value

    def name(self, retry: int = 0) -> str:
        """An adjective_surname name as moby's namesgenerator draws it."""
        rng = self._rng()
        while True:
            candidate = f"{rng.choice(LEFT)}_{rng.choice(RIGHT)}"
            if candidate != "boring_wozniak":
                break
        return candidate + (str(rng.randrange(10)) if retry > 0 else "")

    def randint(self, low: int, high: int) -> int:
        """A deterministic integer in [low, high]."""
        return self._rng().randint(low, high)
