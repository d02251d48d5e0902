"""How a lab attempt is stored (plain script, not a test): python bench/bench_storage.py

For the format-1 rows saved in tests/web/lab_fixtures and for hosts with 1 and 45 containers:
the host's JSON size, zlib level 1 and 6 sizes and times, and the time to decode and restore
a host against the time to snapshot and encode it (what a per-worker host cache could save).
"""

from __future__ import annotations

import json
import logging
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import timed

from app.dockersim import DockerHost
from app.services import lab_format

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "web" / "lab_fixtures"


def hosts() -> dict[str, DockerHost]:
    """The saved format-1 attempts' hosts, and a fresh host with 1 and with 45 containers."""
    out = {}
    for path in sorted(FIXTURES.glob("*.json")):
        out[f"fixture {path.stem}"] = DockerHost.from_snapshot(json.loads(json.loads(path.read_text())["snapshot"]))
    for count in (1, 45):
        host = DockerHost(seed=1)
        for i in range(count):
            host.run(f"docker create --name c{i} busybox")
        out[f"{count} containers"] = host
    return out


def measure(name: str, host: DockerHost) -> None:
    """One host's line."""
    blob = lab_format.encode_host(host.snapshot())
    raw = zlib.decompress(blob.data)
    size1, time1 = len(zlib.compress(raw, 1)), timed(lambda: zlib.compress(raw, 1), 50)
    size6, time6 = len(zlib.compress(raw, 6)), timed(lambda: zlib.compress(raw, 6), 50)
    decode = timed(lambda: DockerHost.from_snapshot(lab_format.decode_host(blob.data)[0]), 50)
    encode = timed(lambda: lab_format.encode_host(host.snapshot()), 50)
    print(
        f"  {name:30s} JSON {len(raw) / 1024:5.1f} KiB; zlib 1: {size1 / 1024:4.1f} KiB {time1 * 1e3:4.2f} ms;"
        f" zlib 6: {size6 / 1024:4.1f} KiB {time6 * 1e3:4.2f} ms;"
        f" decode+restore {decode * 1e3:4.2f} ms; snapshot+encode {encode * 1e3:4.2f} ms"
    )


def main() -> None:
    logging.disable(logging.INFO)
    print("bench_storage: the stored host (format 2)")
    for name, host in hosts().items():
        measure(name, host)


if __name__ == "__main__":
    main()
