"""The web layer's lab limits (app/services/lab_limits.py), each at the limit and just past it;
an attempt over a limit stays resettable; crafted lab requests get a 400 and change nothing."""

from __future__ import annotations

import json
import os
import re
import zlib

import pytest
from sqlalchemy import func, select

from app.dockersim import N_
from app.models import Activity, LabAttempt, LabUndoStep, User
from app.services import lab_format
from app.services import lab_limits as limits
from app.services.lab_scrollback import Scrollback, shown_text, stored_size

PLAYGROUND = "@playground"


def run(client, line: str, n: int, terminal: int = 0):
    body = {"line": line, "terminal": terminal, "command_id": f"l{n}"}
    response = client.post(f"/labs/{PLAYGROUND}/run", json=body)
    return response.status_code, response.get_json()


def counts(dbs) -> tuple[int, int, int, int]:
    with dbs() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) for m in (User, LabAttempt, LabUndoStep, Activity)
        )


def fresh() -> Scrollback:
    return Scrollback({"epoch": 0, "terms": {"0": {"seq": 0, "lines": []}}}, [], [])


# --- scrollback and history ------------------------------------------------------------------


def test_scrollback_keeps_exactly_max_bytes_and_drops_the_oldest_past_it():
    screen = fresh()
    piece = "a" * 1024
    for _ in range(limits.MAX_SCROLLBACK_BYTES // 1024):
        screen.write(0, "out", piece)
    lines = screen.screens["terms"]["0"]["lines"]
    assert len(lines) == limits.MAX_SCROLLBACK_BYTES // 1024 and lines[0][0] == 1  # at the limit: all kept
    screen.write(0, "out", "b")
    assert lines[0][0] == 2 and lines[-1][2] == "b"  # one byte past: the oldest entry went
    assert sum(limits.utf8_size(e[2]) for e in lines) <= limits.MAX_SCROLLBACK_BYTES


def test_scrollback_keeps_max_lines():
    screen = fresh()
    for n in range(limits.MAX_SCROLLBACK_LINES + 1):
        screen.write(0, "out", f"{n}\n")
    lines = screen.screens["terms"]["0"]["lines"]
    assert len(lines) == limits.MAX_SCROLLBACK_LINES and lines[0][2] == "1\n"


def test_one_output_over_the_entry_limit_keeps_its_end_after_a_note(app):
    screen = fresh()
    screen.write(0, "out", "x" * limits.MAX_OUTPUT_ENTRY_BYTES)
    assert [e[1] for e in screen.screens["terms"]["0"]["lines"]] == ["out"]  # at the limit: whole
    with app.test_request_context("/"):
        screen.write(0, "out", "가" + "y" * limits.MAX_OUTPUT_ENTRY_BYTES)  # 3 bytes past it
    note, out = screen.screens["terms"]["0"]["lines"][-2:]
    assert note[1] == "note" and note[2]["params"]["size"] == "3 B"  # kept as a message, shown in each language
    with app.test_request_context("/", headers={"Accept-Language": "ko"}):
        assert "3 B" in shown_text(note[2]) and "잘렸" in shown_text(note[2])
    with app.test_request_context("/?lang=en"):
        assert shown_text(note[2]) == "[3 B of output cut; the last 64 KiB follow]\n"
    assert out[2] == "y" * limits.MAX_OUTPUT_ENTRY_BYTES


def test_a_note_counts_its_stored_form_in_the_scrollback_bytes():
    screen = fresh()
    note = N_("Undone: %(command)s", command="docker volume create v")
    size = stored_size(note.to_json())
    assert size == len(lab_format.dump_bytes(note.to_json())) > len("docker volume create v")
    screen.note(0, note)
    filler = limits.MAX_SCROLLBACK_BYTES - size
    for _ in range(filler // 1024):
        screen.write(0, "out", "a" * 1024)
    screen.write(0, "out", "a" * (filler % 1024))
    lines = screen.screens["terms"]["0"]["lines"]
    assert lines[0][1] == "note" and screen.screens["terms"]["0"]["bytes"] == limits.MAX_SCROLLBACK_BYTES  # at it
    screen.write(0, "out", "b")
    assert lines[0][1] == "out" and sum(stored_size(e[2]) for e in lines) <= limits.MAX_SCROLLBACK_BYTES  # past it


def test_a_note_whose_stored_form_is_over_the_entry_limit_is_kept_as_text_cut_to_it(app):
    overhead = stored_size(N_("Undone: %(command)s", command="").to_json())
    screen = fresh()
    screen.note(0, N_("Undone: %(command)s", command="x" * (limits.MAX_OUTPUT_ENTRY_BYTES - overhead)))
    at_limit = screen.screens["terms"]["0"]["lines"][-1][2]
    assert isinstance(at_limit, dict) and stored_size(at_limit) == limits.MAX_OUTPUT_ENTRY_BYTES  # at it: a message
    with app.test_request_context("/?lang=en"):
        screen.note(0, N_("Undone: %(command)s", command="x" * (limits.MAX_OUTPUT_ENTRY_BYTES - overhead + 1)))
    past = screen.screens["terms"]["0"]["lines"][-1][2]
    assert past == "Undone: " + "x" * (limits.MAX_OUTPUT_ENTRY_BYTES - overhead + 1) + "\n"  # one byte past: text
    with app.test_request_context("/?lang=en"):
        screen.note(0, N_("Undone: %(command)s", command="x" * limits.MAX_OUTPUT_ENTRY_BYTES))
    cut, tail = screen.screens["terms"]["0"]["lines"][-2:]
    assert cut[2]["id"].startswith("[%(size)s of output cut") and cut[2]["params"]["size"] == "9 B"
    assert tail[1] == "note" and tail[2] == "x" * (limits.MAX_OUTPUT_ENTRY_BYTES - 1) + "\n"  # cut like output


def test_history_is_bounded_by_count_and_bytes():
    screen = fresh()
    for n in range(limits.MAX_HISTORY + 1):
        screen.remember_history(f"echo {n}")
    assert len(screen.history) == limits.MAX_HISTORY and screen.history[0] == "echo 1"
    screen = fresh()
    line = "x" * 4000
    fits = limits.MAX_HISTORY_BYTES // 4000
    for n in range(fits):
        screen.remember_history(line + str(n % 10))
    assert len(screen.history) == fits  # 4001 bytes each: at most MAX_HISTORY_BYTES
    screen.remember_history(line + "z")
    assert len(screen.history) == fits and screen.history[-1].endswith("z")


# --- undo by bytes ---------------------------------------------------------------------------


def test_undo_steps_are_bounded_by_bytes(client, dbs, monkeypatch):
    for n in range(3):
        run(client, f"docker volume create v{n}", n)
    with dbs() as s:
        sizes = [step.size for step in s.scalars(select(LabUndoStep).order_by(LabUndoStep.id))]
    assert len(sizes) == 3
    # the next step is about as large as the last one: allow exactly the three newest
    monkeypatch.setattr(limits, "MAX_UNDO_BYTES", sizes[1] + sizes[2] + sizes[2] + 40)
    run(client, "docker volume create v3", 3)
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        kept = s.scalars(select(LabUndoStep.size).where(LabUndoStep.attempt_id == row.id)).all()
        assert row.undo_count == len(kept) == 3 and row.undo_bytes == sum(kept) <= limits.MAX_UNDO_BYTES
    monkeypatch.setattr(limits, "MAX_UNDO_BYTES", 10)  # a step larger than the whole budget
    status, reply = run(client, "docker volume create v4", 4)
    assert status == 200 and reply["undo"] == 0
    assert counts(dbs)[2] == 0


# --- the stored attempt -------------------------------------------------------------------------


def stored(dbs) -> tuple[int, int]:
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        return len(row.host_data) + len(row.term_data), row.version


def test_a_change_that_would_store_too_much_is_refused_and_nothing_changes(client, dbs, monkeypatch):
    run(client, "docker volume create small", 0)
    size, _ = stored(dbs)
    monkeypatch.setattr(limits, "MAX_STORED_BYTES", size + 2000)
    assert run(client, "echo " + "ab" * 400 + " > small.txt", 1)[0] == 200  # still under the limit: kept
    size, version = stored(dbs)
    monkeypatch.setattr(limits, "MAX_STORED_BYTES", size)  # exactly what is stored: it still opens
    status, reply = run(client, "echo " + os.urandom(1500).hex() + " > noise.txt", 2)
    assert status == 400 and reply["too_large"] is True and "너무 커지므로" in reply["error"]
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        assert row.version == version  # the refused command saved nothing
        snapshot, _ = lab_format.decode_host(row.host_data)
        assert "/home/learner/noise.txt" not in snapshot["fs"]["files"]
        assert "/home/learner/small.txt" in snapshot["fs"]["files"]


def _store_huge(dbs, host_data: bytes | None = None, legacy: str | None = None) -> None:
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        if legacy is not None:
            row.storage_format, row.snapshot = 1, legacy
        else:
            row.host_data = host_data
        s.commit()


@pytest.mark.parametrize(
    "kind",
    ["incompressible", "zip-bomb", "legacy"],
)
def test_an_attempt_stored_over_a_limit_opens_with_a_note_and_can_always_be_reset(client, dbs, kind):
    run(client, "docker volume create before", 0)
    if kind == "incompressible":
        _store_huge(dbs, host_data=os.urandom(limits.MAX_STORED_BYTES + 1))
    elif kind == "zip-bomb":  # small stored, but far over the limit once decompressed
        _store_huge(dbs, host_data=zlib.compress(b" " * (limits.MAX_HOST_JSON_BYTES + 1), 9))
    else:
        _store_huge(dbs, legacy=json.dumps({"pad": "x" * (limits.MAX_LEGACY_CHARS + 1)}))
    page = client.get("/playground").get_data(as_text=True)
    initial = json.loads(re.search(r'id="lab-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert "너무 커서 열 수 없습니다" in initial["output"]["0"][0][2] and "처음부터" in page
    status, reply = run(client, "docker ps", 1)
    assert status == 400 and reply["too_large"] is True and "처음부터" in reply["error"]
    response = client.post(f"/labs/{PLAYGROUND}/reset", json={})
    assert response.status_code == 200 and response.get_json()["undo"] == 0
    status, reply = run(client, "docker volume create after", 2)
    assert status == 200 and [v["name"] for v in reply["state"]["volumes"]] == ["after"]


def test_a_reply_over_the_limit_is_sent_without_its_output(client, monkeypatch):
    run(client, "echo hello", 0)
    monkeypatch.setattr(limits, "MAX_REPLY_BYTES", 10_000_000)
    full = client.post(f"/labs/{PLAYGROUND}/poll", json={})
    size = len(full.get_data())
    monkeypatch.setattr(limits, "MAX_REPLY_BYTES", size)  # at the limit: sent whole
    assert client.post(f"/labs/{PLAYGROUND}/poll", json={}).get_json()["output"]
    monkeypatch.setattr(limits, "MAX_REPLY_BYTES", size - 1)
    slim = client.post(f"/labs/{PLAYGROUND}/poll", json={}).get_json()
    assert "output" not in slim and "너무 커서" in slim["error"] and slim["version"] == full.get_json()["version"]


# --- crafted requests (issue 15, the lab endpoints) --------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"line": "\\ud800", "terminal": 0}',
        '{"line": "docker ps", "command_id": "\\udfff"}',
        '{"line": "docker ps", "terminal": Infinity}',
        '{"line": "docker ps", "terminal": NaN}',
        '{"\\ud800": 1, "line": "docker ps"}',
        "[" * 100_000 + "]" * 100_000,
        '{"":' * 100_000 + "1" + "}" * 100_000,  # 500 kB: under MAX_CONTENT_LENGTH
        '{"line": "docker ps", "since": ' + "[" * 30 + "]" * 30 + "}",
        "not json",
    ],
)
def test_crafted_lab_bodies_get_a_400_and_change_nothing(client, dbs, body):
    response = client.post(f"/labs/{PLAYGROUND}/run", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["ok"] is False
    assert counts(dbs) == (0, 0, 0, 0)


def test_a_lone_surrogate_in_file_text_is_refused(client, dbs):
    run(client, "docker ps", 0)
    before = counts(dbs)
    body = '{"path": "~/a.txt", "text": "ok\\ud800", "version": 2}'
    response = client.post(f"/labs/{PLAYGROUND}/file", data=body, content_type="application/json")
    assert response.status_code == 400 and counts(dbs) == before


def test_reading_a_lab_file_writes_nothing(client, dbs):
    response = client.get(f"/labs/{PLAYGROUND}/file?path=~/feedback-app/app.py")
    assert response.status_code in (200, 400)
    assert counts(dbs) == (0, 0, 0, 0)
    run(client, "docker ps", 0)
    before = counts(dbs)
    with dbs() as s:
        version = s.scalar(select(LabAttempt.version))
    client.get("/labs/t-none-such/file?path=~/x")
    client.get(f"/labs/{PLAYGROUND}/file?path=~/nothing")
    assert counts(dbs) == before
    with dbs() as s:
        assert s.scalar(select(LabAttempt.version)) == version


def test_lab_file_reads_are_rate_limited(app, client):
    app.config["LAB_RATE_LIMIT"] = "2 per minute"
    codes = [client.get(f"/labs/{PLAYGROUND}/file?path=~/x").status_code for _ in range(3)]
    assert codes[:2] != [429, 429] and codes[2] == 429
