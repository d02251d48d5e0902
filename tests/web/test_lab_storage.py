"""How a lab attempt is stored: one read and one write per command, compressed rows, undo counted
on the row, and attempts stored by the first format (real rows in `lab_fixtures/`) upgraded lazily."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import event, func, insert, select, text

from app import create_app
from app.extensions import db
from app.models import LabAttempt, LabUndoStep, User
from app.services import lab_format

FIXTURES = Path(__file__).parent / "lab_fixtures"
PLAYGROUND = "@playground"


def run(client, lab_id: str, line: str, n: int = 0, terminal: int = 0):
    body = {"line": line, "terminal": terminal, "command_id": f"s{n}{line}"}
    response = client.post(f"/labs/{lab_id}/run", json=body)
    return response.status_code, response.get_json()


def count_statements(app):
    """Collect the SQL statements sent while the returned list is live."""
    seen: list[str] = []

    def listener(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement.split()[0].upper())

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", listener)
    return seen


def test_a_command_is_one_select_and_one_update_and_an_idle_one_adds_no_undo_step(app, client):
    run(client, PLAYGROUND, "docker volume create first")
    seen = count_statements(app)
    status, reply = run(client, PLAYGROUND, "docker volume ls")
    assert status == 200 and "first" in json.dumps(reply["output"])
    data = [s for s in seen if s in ("SELECT", "UPDATE", "INSERT", "DELETE")]
    # the user (Flask-Login), the attempt, its one UPDATE: no undo step for a command that changed nothing
    assert data.count("UPDATE") == 1 and data.count("INSERT") == 0 and data.count("SELECT") == 2, data
    seen.clear()
    run(client, PLAYGROUND, "docker volume create second")
    data = [s for s in seen if s in ("SELECT", "UPDATE", "INSERT", "DELETE")]
    assert data.count("UPDATE") == 1 and data.count("INSERT") == 1 and data.count("SELECT") == 2, data


def test_the_stored_row_is_compressed_and_counts_its_undo_steps(app, client, dbs):
    for n in range(3):
        run(client, PLAYGROUND, f"docker volume create v{n}", n)
    with dbs() as s:
        row = s.scalar(select(LabAttempt))
        steps = s.scalars(select(LabUndoStep).where(LabUndoStep.attempt_id == row.id)).all()
        assert row.storage_format == 2 and row.snapshot == "" and row.terminals == ""
        snapshot, _ = lab_format.decode_host(row.host_data)
        assert [v["name"] for v in snapshot["volumes"]] == ["v0", "v1", "v2"]
        assert len(row.host_data) * 2 < len(lab_format.dump(snapshot).encode())  # compression pays off
        assert row.undo_count == len(steps) == 3 and row.undo_bytes == sum(len(s.data) for s in steps)
        assert [s.size for s in steps] == [len(s.data) for s in steps]


def _legacy_row(session, user_id: int, fixture: dict) -> int:
    """Insert an attempt exactly as the format-1 code stored it."""
    values = {k: fixture[k] for k in ("lab_id", "scope", "status", "snapshot", "terminals", "history")}
    values |= {"recent_commands": fixture["recent_commands"], "best_score": fixture["best_score"]}
    values |= {"hints_used": fixture["hints_used"], "user_id": user_id, "version": 7, "storage_format": 1}
    values |= {"undo_count": len(fixture["undo_steps"])}
    values |= {"undo_bytes": sum(len(s["snapshot"]) for s in fixture["undo_steps"])}
    attempt_id = session.execute(insert(LabAttempt).values(**values).returning(LabAttempt.id)).scalar_one()
    for step in fixture["undo_steps"]:
        session.execute(
            insert(LabUndoStep).values(
                attempt_id=attempt_id, command=step["command"], snapshot=step["snapshot"], size=len(step["snapshot"])
            )
        )
    return attempt_id


@pytest.mark.parametrize("name", ["playground", "lab-run-detached-port"])
def test_attempts_stored_by_the_first_format_load_upgrade_and_undo(client, dbs, name):
    fixture = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    lab_id = fixture["lab_id"]
    run(client, PLAYGROUND if lab_id != PLAYGROUND else "lab-run-detached-port", "docker ps")  # makes the guest
    with dbs() as s:
        user_id = s.scalar(select(User.id))
        attempt_id = _legacy_row(s, user_id, fixture)
        s.commit()
    old = json.loads(fixture["snapshot"])
    html = client.get("/playground" if lab_id == PLAYGROUND else f"/labs/{lab_id}").get_data(as_text=True)
    initial = json.loads(re.search(r'id="lab-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert initial["history"] == json.loads(fixture["history"]) and initial["version"] == 7
    status, reply = run(client, lab_id, "docker volume create after-upgrade", terminal=1)  # 0 may be in a container
    assert status == 200 and reply["undo"] == len(fixture["undo_steps"]) + 1
    names = [c["name"] for c in reply["state"]["containers"]]
    assert names == [c["name"].lstrip("/") for c in old["containers"]]
    with dbs() as s:
        row = s.get(LabAttempt, attempt_id)
        assert row.storage_format == 2 and row.snapshot == "" and row.history == ""
        _, history, _ = lab_format.decode_terminals(row.term_data)
        assert history == [*json.loads(fixture["history"]), "docker volume create after-upgrade"]
    version = reply["version"]
    for _ in range(len(fixture["undo_steps"]) + 1):  # the new step, then the ones format 1 stored
        response = client.post(f"/labs/{lab_id}/undo", json={"version": version, "terminal": 0})
        assert response.status_code == 200 and response.get_json()["message"] != "되돌릴 단계가 없습니다."
        reply = response.get_json()
        version = reply["version"]
    assert reply["undo"] == 0
    first = json.loads(fixture["undo_steps"][0]["snapshot"])
    assert [v["name"] for v in reply["state"]["volumes"]] == [v["name"] for v in first["volumes"]]


def test_migration_0007_counts_the_undo_steps_of_existing_attempts(tmp_path):
    fixture = json.loads((FIXTURES / "playground.json").read_text(encoding="utf-8"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite3'}", "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="0004s")
        with db.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO users (id, role, is_guest, created_at) VALUES (1, 'learner', 1, '2026-01-01')")
            )
            conn.execute(
                text(
                    "INSERT INTO lab_attempts (user_id, lab_id, scope, status, snapshot, terminals, history,"
                    " recent_commands, best_score, hints_used, version, created_at, updated_at) VALUES (1, :lab,"
                    " 'practice', 'in_progress', :snap, :terms, :hist, :recent, 0, 0, 3, '2026-01-01', '2026-01-01')"
                ),
                {"lab": PLAYGROUND, "snap": fixture["snapshot"], "terms": fixture["terminals"]}
                | {"hist": fixture["history"], "recent": fixture["recent_commands"]},
            )
            for step in fixture["undo_steps"]:
                conn.execute(
                    text(
                        "INSERT INTO lab_undo_steps (attempt_id, command, snapshot, created_at) VALUES (1, :c, :s, '2026-01-01')"
                    ),
                    {"c": step["command"], "s": step["snapshot"]},
                )
        upgrade()
        row = db.session.get(LabAttempt, 1)
        assert row.storage_format == 1 and row.undo_count == len(fixture["undo_steps"])
        assert row.undo_bytes == sum(len(s["snapshot"]) for s in fixture["undo_steps"])
        assert db.session.scalar(select(func.sum(LabUndoStep.size))) == row.undo_bytes


def test_the_fast_json_writes_the_same_bytes_and_a_stored_lone_surrogate_still_round_trips():
    value = {"b": [1, 2.5, "가나다", {"z": None, "a": True}], "a": "</script>"}
    assert lab_format.dump_bytes(value) == lab_format.dump(value).encode()
    odd = {"line": "x\ud800y"}
    assert lab_format.load_bytes(lab_format.dump_bytes(odd)) == odd


def test_inflate_stops_at_its_limit():
    data = zlib.compress(b"a" * 1001)
    assert lab_format.inflate(zlib.compress(b"a" * 1000), 1000) == b"a" * 1000
    with pytest.raises(lab_format.TooLarge):
        lab_format.inflate(data, 1000)


def test_a_learner_opening_a_lab_is_told_to_start_it_and_the_page_itself_writes_nothing(client, dbs):
    client.post("/guest")
    html = client.get("/playground").get_data(as_text=True)
    initial = json.loads(re.search(r'id="lab-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert initial["start"] is True
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(LabAttempt)) == 0
    client.post(f"/labs/{PLAYGROUND}/poll", json={})
    html = client.get("/playground").get_data(as_text=True)
    assert json.loads(re.search(r'id="lab-data">(.*?)</script>', html, re.DOTALL).group(1))["start"] is False
