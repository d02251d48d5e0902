"""Rate limits counted in Redis, so several workers share them (RATELIMIT_STORAGE_URI)."""

from __future__ import annotations

import os
import socket
import uuid

import pytest

from app import create_app
from tests.conftest import base_config

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    host_port = REDIS_URL.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.partition(":")
    try:
        with socket.create_connection((host, int(port or 6379)), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="Redis not reachable at TEST_REDIS_URL")
@pytest.mark.parametrize("database_uri", ["sqlite"], indirect=True)
def test_limit_is_counted_in_redis(database_uri, tmp_path):
    """The counter lives in Redis (where every worker process sees it), not in this process."""
    import redis

    prefix = uuid.uuid4().hex
    config = base_config(database_uri, tmp_path)
    config.update(RATELIMIT_STORAGE_URI=REDIS_URL, LOGIN_FREE_FAILURES=3, RATELIMIT_KEY_PREFIX=prefix)
    client = create_app(config).test_client()
    codes = [
        client.post("/account/login", data={"username": "x", "password": "wrong-password"}).status_code
        for _ in range(5)
    ]
    assert codes == [401, 401, 401, 401, 429]
    store = redis.Redis.from_url(REDIS_URL)
    keys = store.keys(f"*{prefix}*")
    failures = [key for key in keys if b"login-fail/x" in key]
    assert failures, "no failure counter was written to Redis"
    assert int(store.get(failures[0])) == 4
    store.delete(*keys)
