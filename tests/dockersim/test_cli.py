"""`python -m app.dockersim --json`: one JSON object per input line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(stdin: str, *args: str) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "app.dockersim", "--json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_json_protocol_with_ctrl_c(tmp_path):
    rows = _run("docker run --name web nginx\n^C\ndocker ps -a -q\ndocker rm nope\n", "--seed", "3", "--no-hints")
    assert [r["command"] for r in rows] == ["docker run --name web nginx", "^C", "docker ps -a -q", "docker rm nope"]
    assert set(rows[0]) == {"command", "stdout", "stderr", "exit_code"}
    assert "signal 2 (SIGINT) received" in rows[1]["stdout"]
    assert rows[3] == {
        "command": "docker rm nope",
        "stdout": "",
        "stderr": "Error response from daemon: No such container: nope\n",
        "exit_code": 1,
    }


def test_snapshot_option(tmp_path):
    from app.dockersim import DockerHost

    host = DockerHost(seed=5)
    host.run("docker volume create kept")
    snap = tmp_path / "snap.json"
    snap.write_text(json.dumps(host.snapshot()), encoding="utf-8")
    rows = _run("docker volume ls -q\n", "--snapshot", str(snap))
    assert rows[0]["stdout"] == "kept\n"


def _run_bytes(stdin: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.dockersim", "--json", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=60
    )


def test_crlf_and_undecodable_input_are_handled():
    proc = _run_bytes(b"docker ps -q\r\n\xff\xfe\nls\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["command"] for r in rows] == ["docker ps -q", "\ufffd\ufffd", "ls"]
    assert rows[0] == {"command": "docker ps -q", "stdout": "", "stderr": "", "exit_code": 0}
    assert rows[1]["exit_code"] == 127 and "internal simulator error" not in rows[1]["stderr"]
    assert rows[2]["stdout"] == "feedback-app  site\n"


def test_bad_snapshot_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    for path in (bad, tmp_path / "missing.json"):
        proc = _run_bytes(b"ls\n", "--snapshot", str(path))
        assert proc.returncode == 2 and proc.stdout == b""
        assert proc.stderr.decode().startswith(f"python -m app.dockersim: cannot load snapshot {path}: ")
        assert b"Traceback" not in proc.stderr


def test_lone_surrogates_never_reach_the_simulator():
    from app.dockersim import DockerHost

    r = DockerHost(hints=False).run("echo \ud800 ok")
    assert r.exit_code == 0 and r.stdout.endswith(" ok\n") and "\ud800" not in r.stdout
