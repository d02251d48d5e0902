"""Resource limits: clear errors, never a crash or unbounded growth."""

from __future__ import annotations

from app.dockersim import DockerHost
from app.dockersim.engine.history import COMPACT_EVERY, HISTORY_RECENT
from app.dockersim.engine.models import MAX_LOG_LINES
from tests.dockersim.conftest import said


def test_long_line_rejected(s):
    r = s("echo " + "x" * 5000)
    assert r.exit_code == 1 and "Command line too long (5005 bytes; the limit is 4096)" in said(r)


def test_container_limit(s):
    for i in range(50):
        s.ok(f"docker create --name c{i:02d} busybox")
    r = s("docker create --name c99 busybox")
    assert r.exit_code == 1 and "Container limit reached (50" in said(r) and len(s.host.containers) == 50
    r = s("docker run -d nginx")
    assert r.exit_code != 0 and len(s.host.containers) == 50
    s.ok("docker container prune -f")
    assert s.host.containers == []


def test_volume_limit(s):
    for i in range(50):
        s.ok(f"docker volume create vol{i}")
    r = s("docker volume create one-more")
    assert r.exit_code == 1 and "Volume limit reached (50" in said(r)


def test_image_limit(s):
    s.ok("docker pull busybox")
    for i in range(29):
        s.ok(f"docker tag busybox t{i}:1")  # tags share one image: fine
    host = s.host
    for i in range(30):
        host.write_file(f"p{i}/Dockerfile", f"FROM busybox\nLABEL n={i}\n")
        r = s(f"docker build -q -t img{i} p{i}")
        if r.exit_code:
            break
    assert i == 29 and len(host.images) == 30
    assert "Image limit reached (30" in said(r)


def test_byte_limit_on_host_files(s):
    big = "y" * 600_000
    s.host.write_file("big1.txt", big)
    r = s("cat big1.txt > big2.txt")
    assert r.exit_code == 1 and "No space left on device" in r.stderr
    assert s.host.bytes_used() <= 1024 * 1024


def test_log_lines_capped_at_1000():
    host = DockerHost()
    host.run("docker run -d -p 8000:80 --name web nginx")
    for _ in range(1100):
        host.http_request("GET", 8000, "/")
    c = host.container("web")
    assert len(c.logs) == MAX_LOG_LINES and c.logs_dropped > 0
    out = host.run("docker logs --tail 700 web")  # all 1000 lines are over MAX_OUTPUT_BYTES (see test_output_*)
    assert out.stdout.count("\n") + out.stderr.count("\n") == 700


def test_history_and_terminals_are_bounded():
    host = DockerHost()
    host.run("docker run -p 8000:80 --name web nginx", 0)
    for _i in range(1100):
        host.run("true", 1)
    # read-only repeats are compacted away (engine/history.py); the held run's entry stays
    assert len(host.history) <= HISTORY_RECENT + COMPACT_EVERY + 1
    assert host.history[0].line.startswith("docker run")
    host.run("docker kill web", 1)
    assert not host.terminal_busy(0)
    assert host.history[0].exit_code == 137  # the held entry, moved by compaction, got its exit code
    for t in range(2, 64):
        host.run("pwd", t)
    r = host.run("pwd", 99)
    assert (
        r.exit_code == 1 and "Too many terminals (the limit is 64 per host)." in said(r) and not host.terminal_busy(99)
    )
    assert DockerHost.from_snapshot(host.snapshot()).snapshot() == host.snapshot()
