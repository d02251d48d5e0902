"""Production start-up: gunicorn with several workers serves the app the way the README says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import _free_port

ROOT = Path(__file__).resolve().parents[2]


def test_gunicorn_serves_the_app_with_two_workers(sqlite_template, tmp_path):
    database = tmp_path / "prod.sqlite3"
    shutil.copyfile(sqlite_template, database)
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "gunicorn-test-key"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.2)
        assert "도커 도장" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
