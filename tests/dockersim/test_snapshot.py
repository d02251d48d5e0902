"""Snapshots: versioned, JSON-able, stable key order, lossless, and behaviour continues identically."""

from __future__ import annotations

import json

import pytest

from app.dockersim import DockerHost
from tests.dockersim.invariants import check_invariants

SCRIPT = [
    "cd feedback-app",
    "docker build -t feedback .",
    "docker run -d -p 8000:80 --name web -v fb:/app/feedback feedback",
    "curl -d title=A -d text=b localhost:8000/create",
    "docker run -d nginx",
    "docker volume create v1",
    "docker run -d alpine sleep 30",
    "echo hi > note.txt",
    "docker stop web",
]
AFTER = [
    "docker ps -a",
    "docker run -d nginx",
    "docker volume create",
    "sleep 40",
    "docker ps -a",
    "docker images",
    "docker start web",
    "curl localhost:8000/feedback/a.txt",
    "docker logs web",
]


def _host_after(lines: list[str], seed: int = 7) -> DockerHost:
    host = DockerHost(seed=seed)
    for line in lines:
        host.run(line)
    return host


def test_snapshot_is_versioned_json_and_round_trips():
    host = _host_after(SCRIPT)
    snap = host.snapshot()
    assert snap["version"] == 1 and list(snap) == sorted(snap, key=lambda k: (k != "version", k))
    assert json.dumps(snap, sort_keys=False) == json.dumps(DockerHost.from_snapshot(snap).snapshot(), sort_keys=False)
    check_invariants(host)


def test_restored_host_behaves_identically():
    a = _host_after(SCRIPT)
    b = DockerHost.from_snapshot(json.loads(json.dumps(a.snapshot())))
    for line in AFTER:
        ra, rb = a.run(line), b.run(line)
        assert ra == rb, line
    assert a.snapshot() == b.snapshot()


def test_same_seed_same_everything_other_seed_other_ids():
    assert _host_after(SCRIPT).snapshot() == _host_after(SCRIPT).snapshot()
    a, b = _host_after(SCRIPT, 1), _host_after(SCRIPT, 2)
    assert a.containers[0].id != b.containers[0].id


def test_busy_terminal_survives_snapshot():
    host = DockerHost()
    host.run("docker run -p 8000:80 --name web nginx")
    copy = DockerHost.from_snapshot(host.snapshot())
    assert copy.terminal_busy(0)
    copy.run("curl localhost:8000", 1)
    assert '"GET / HTTP/1.1" 200' in copy.drain_output(0)
    assert "signal 2 (SIGINT)" in copy.interrupt(0).stdout


def test_unknown_version_rejected():
    snap = DockerHost().snapshot()
    snap["version"] = 99
    with pytest.raises(ValueError, match="unsupported snapshot version"):
        DockerHost.from_snapshot(snap)


def test_snapshot_is_detached_from_the_live_host():
    host = DockerHost()
    host.run("docker run -d -p 8000:80 --name web nginx")
    snap = host.snapshot()
    frozen = json.dumps(snap)
    host.run("docker stop web")
    host.run("docker rename web other")
    host.run("docker exec other true")
    snap["containers"][0]["config"]["Env"].append("X=1")
    assert host.containers[0].config["Env"] == snap["containers"][0]["config"]["Env"][:-1]
    snap["containers"][0]["config"]["Env"].pop()
    assert json.dumps(snap) == frozen
