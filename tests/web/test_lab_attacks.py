"""Issue 11's attack through the web lab API: a file grown to about 1 MB in the simulated shell, then
`cat`-ed 1,000 times on one line. Memory stays under a named bound and the reply and the stored attempt
stay small (sizes, not timings)."""

from __future__ import annotations

import tracemalloc

from sqlalchemy import select

from app.models import LabAttempt
from app.services import lab_limits

PLAYGROUND = "@playground"
#: Peak memory of the attack request (the issue's target: 64 MB above the worker's rest).
REQUEST_PEAK_BYTES = 48 * 1024 * 1024
REPLY_BOUND = 256 * 1024


def run(client, line: str, n: int):
    body = {"line": line, "terminal": 0, "command_id": f"a{n}"}
    response = client.post(f"/labs/{PLAYGROUND}/run", json=body)
    return response.status_code, response.get_json(), len(response.get_data())


def test_a_big_file_catted_1000_times_through_the_lab_api(client, dbs):
    grow = [
        "echo " + "x" * 4000 + " > a",
        "cat" + " a" * 16 + " > b",  # 64 KB
        "cat" + " b" * 14 + " > big",  # about 900 KB
    ]
    for n, line in enumerate(grow):
        status, reply, _ = run(client, line, n)
        assert status == 200 and reply["result"]["exit_code"] == 0, reply
    tracemalloc.start()
    try:
        status, reply, size = run(client, "cat" + " big" * 1000, 9)
        used = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert status == 200 and reply["result"]["exit_code"] == 1 and "4 MiB" in str(reply)  # the note, in the UI language
    assert used < REQUEST_PEAK_BYTES, used
    assert size < REPLY_BOUND, size
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        assert len(row.host_data) <= lab_limits.MAX_STORED_BYTES
