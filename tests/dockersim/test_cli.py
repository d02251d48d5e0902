"""`python -m app.dockersim --json`: one JSON object per input line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(stdin: str, *args: str) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "app.dockersim", "--json", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_json_protocol_with_ctrl_c(tmp_path):
    rows = _run("docker run --name web nginx\n^C\ndocker ps -a -q\ndocker rm nope\n", "--seed", "3", "--no-hints")
    assert [r["command"] for r in rows] == ["docker run --name web nginx", "^C", "docker ps -a -q", "docker rm nope"]
    assert set(rows[0]) == {"command", "stdout", "stderr", "exit_code"}
    assert "signal 2 (SIGINT) received" in rows[1]["stdout"]
    assert rows[3] == {"command": "docker rm nope", "stdout": "", "stderr": "Error response from daemon: No such container: nope\n",
                       "exit_code": 1}


def test_snapshot_option(tmp_path):
    from app.dockersim import DockerHost
    host = DockerHost(seed=5)
    host.run("docker volume create kept")
    snap = tmp_path / "snap.json"
    snap.write_text(json.dumps(host.snapshot()), encoding="utf-8")
    rows = _run("docker volume ls -q\n", "--snapshot", str(snap))
    assert rows[0]["stdout"] == "kept\n"
