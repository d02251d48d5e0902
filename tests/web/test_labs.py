"""Labs and the playground: the host kept in the database, commands, undo/reset/hints/solution,
disabled commands, double submits, version conflicts, guests, goal ticks, the pages in ko/en.

The labs come from a small course written into a temporary content folder, so these tests do
not depend on the course text; the browser tests use the real course.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.extensions import db
from app.models import Activity, LabAttempt, LabUndoStep, User
from app.services import lab_format, lab_store

LESSON = """---
id: t-lesson
title: 시험용 강의
order: 1
summary: 실습 테스트
---

# 시험용 강의

```lab
id: t-stop
title: 연결 모드로 실행하고 다른 터미널에서 멈추기
task: |
  `nginx`로 **web** 컨테이너를 연결 모드로 실행하고 터미널 2에서 멈추세요.
hints:
  - 연결 모드는 `docker run`의 기본입니다.
  - 멈추는 명령은 다른 터미널에서 실행하세요.
solution:
  - docker run --name web -p 8080:80 nginx
  - "[2] docker stop web"
goal:
  policy: checks
  checks:
    - check: started_attached
      name: web
    - check: container_exited
      name: web
      weight: 2
```

```lab
id: t-no-run
title: 다시 시작하기
setup:
  commands:
    - docker run -d --name web nginx
    - docker stop web
task: 멈춘 `web` 컨테이너를 다시 시작하세요. 새 컨테이너는 만들지 마세요.
hints:
  - 멈춘 컨테이너를 다시 시작하는 명령이 따로 있습니다.
solution:
  - docker start web
goal:
  policy: strict
  checks:
    - check: container_running
      name: web
disabled_commands:
  - docker run
  - docker create
```

```lab
id: t-fixture
title: 파일 준비
setup:
  fixture: tiny
  files:
    ~/notes.txt: hello
task: 폴더를 확인하세요.
hints:
  - ls를 써 보세요.
solution:
  - ls ~/tiny
goal:
  policy: checks
  checks:
    - check: file_exists
      where: host
      path: ~/tiny/app.txt
      contains: tiny app
```
"""


@pytest.fixture
def content(app, tmp_path: Path) -> Path:
    """A one-lesson course with three labs and a fixture folder."""
    root = tmp_path / "content"
    (root / "lessons").mkdir(parents=True)
    (root / "lessons" / "01-test.md").write_text(LESSON, encoding="utf-8")
    (root / "fixtures" / "tiny" / "tiny").mkdir(parents=True)
    (root / "fixtures" / "tiny" / "tiny" / "app.txt").write_text("tiny app\n", encoding="utf-8")
    app.config["CONTENT_DIR"] = str(root)
    return root


def post(client, lab_id: str, action: str, **body):
    response = client.post(f"/labs/{lab_id}/{action}", json=body)
    return response.status_code, response.get_json()


def visit(client, lab_id: str) -> None:
    """Open the lab page and start the attempt (a page view alone writes nothing)."""
    assert client.get(f"/labs/{lab_id}").status_code == 200
    status, _ = post(client, lab_id, "poll")
    assert status == 200


def run(client, lab_id: str, line: str, terminal: int = 0, command_id: str | None = None):
    body = {"line": line, "terminal": terminal}
    if command_id:
        body["command_id"] = command_id
    return post(client, lab_id, "run", **body)


def texts(reply, terminal: int = 0) -> str:
    return "".join(entry[2] for entry in reply["output"].get(str(terminal), []))


def attempt(dbs, lab_id: str) -> dict:
    with dbs() as s:
        row = s.scalar(select(LabAttempt).where(LabAttempt.lab_id == lab_id))
        assert row is not None
        snapshot, _hash = lab_format.decode_host(row.host_data)
        _screens, history, _recent = lab_format.decode_terminals(row.term_data)
        undo = s.scalar(select(func.count()).select_from(LabUndoStep).where(LabUndoStep.attempt_id == row.id))
        assert row.storage_format == lab_format.FORMAT and row.undo_count == undo
        return {
            "id": row.id,
            "user_id": row.user_id,
            "version": row.version,
            "status": row.status,
            "snapshot": snapshot,
            "history": history,
            "hints_used": row.hints_used,
            "best_score": row.best_score,
            "undo": undo,
        }


def host_lines(snapshot: dict) -> list[str]:
    return [h["line"] for h in snapshot["history"]]


# --- pages -----------------------------------------------------------------------------------


def test_lab_page_in_korean_shows_a_fresh_host(client, dbs, content):
    response = client.get("/labs/t-stop")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "연결 모드로 실행하고 다른 터미널에서 멈추기" in html
    assert "채점" in html and "힌트" in html and "되돌리기" in html and "풀이 보기" in html
    assert 'aria-live="polite"' in html and '<meta name="csrf-token"' in html
    assert "web" in html  # the goal panel describes the checks in plain words
    run(client, "t-stop", "docker ps")  # the first command makes the guest and the attempt
    with dbs() as s:
        users = s.scalars(select(User)).all()
        assert len(users) == 1 and users[0].is_guest
    row = attempt(dbs, "t-stop")
    assert row["status"] == "in_progress" and row["snapshot"]["containers"] == []


def test_lab_page_in_english(client, content):
    with client.session_transaction() as sess:
        sess["lang"] = "en"
    html = client.get("/labs/t-stop").get_data(as_text=True)
    assert ">Grade<" in html and "Show solution" in html and "The host now" in html
    assert "채점" not in html


def test_unknown_lab_is_404(client, content):
    assert client.get("/labs/no-such-lab").status_code == 404
    assert client.get("/labs/@playground").status_code == 404  # the playground has its own page
    assert client.post("/labs/no-such-lab/run", json={"line": "docker ps"}).status_code == 404


def test_playground_page_links_home_and_works_for_a_guest(client, dbs):
    html = client.get("/playground").get_data(as_text=True)
    assert 'data-testid="home-link"' in html and "놀이터" in html
    status, reply = run(client, lab_store.PLAYGROUND_ID, "docker volume create data")
    assert status == 200 and texts(reply).endswith("data\n")
    assert reply["state"]["volumes"][0]["name"] == "data"
    assert "goal" not in reply


def test_setup_writes_fixture_and_inline_files_and_runs_setup_commands(client, dbs, content):
    visit(client, "t-fixture")
    files = attempt(dbs, "t-fixture")["snapshot"]["fs"]
    assert "tiny app" in json.dumps(files) and "hello" in json.dumps(files)
    _, reply = post(client, "t-fixture", "poll")
    assert reply["goal"] == [True]
    visit(client, "t-no-run")  # a page view alone writes nothing; the first request makes the attempt
    snap = attempt(dbs, "t-no-run")["snapshot"]
    assert [c["state"] for c in snap["containers"]] == ["exited"]


def test_the_same_lab_gets_the_same_seed_on_every_worker(content, app):
    # crc32 is stable across processes (unlike hash()): pin one value.
    assert lab_store.lab_seed("abc") == 891568578


# --- commands ----------------------------------------------------------------------------------


def test_a_command_updates_the_stored_snapshot_and_history(client, dbs, content):
    visit(client, "t-stop")
    before = attempt(dbs, "t-stop")
    status, reply = run(client, "t-stop", "docker run -d --name web nginx", command_id="c1")
    assert status == 200 and reply["result"]["exit_code"] == 0
    after = attempt(dbs, "t-stop")
    assert after["version"] == before["version"] + 1
    assert [c["name"] for c in after["snapshot"]["containers"]] == ["web"]
    assert after["history"] == ["docker run -d --name web nginx"]
    assert reply["state"]["containers"][0]["name"] == "web"
    assert reply["state"]["containers"][0]["status"].startswith("Up")


def test_a_reload_continues_with_scrollback_history_and_busy_terminal(client, content):
    run(client, "t-stop", "docker run --name web -p 8080:80 nginx", 0, "c1")
    html = client.get("/labs/t-stop").get_data(as_text=True)
    initial = json.loads(
        re.search(r'<script type="application/json" id="lab-data">(.*?)</script>', html, re.DOTALL).group(1)
    )
    assert initial["busy"]["0"] is True and initial["busy"]["1"] is False
    assert "docker run --name web -p 8080:80 nginx" in "".join(e[2] for e in initial["output"]["0"])
    assert initial["history"] == ["docker run --name web -p 8080:80 nginx"]


def test_attached_run_in_terminal_1_stopped_from_terminal_2_solves_the_lab(client, dbs, content):
    _, reply = run(client, "t-stop", "docker run --name web -p 8080:80 nginx", 0, "c1")
    assert reply["busy"]["0"] is True and reply["result"]["busy"] is True
    assert reply["goal"] == [True, False] and reply["status"] == "in_progress"
    _, reply = run(client, "t-stop", "docker ps", 0, "c2")
    assert "busy" in texts(reply) or "Ctrl+C" in texts(reply)  # the held terminal refuses a new command
    _, reply = run(client, "t-stop", "docker stop web", 1, "c3")
    assert texts(reply, 1).endswith("web\n")
    assert reply["busy"]["0"] is False and reply["goal"] == [True, True]
    assert reply["status"] == "solved" and reply["best_score"] == 1.0
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(Activity).where(Activity.kind == "lab_solved")) == 1
    _, verdict = post(client, "t-stop", "grade")
    assert verdict["verdict"]["passed"] is True and all(c["message"] for c in verdict["verdict"]["checks"])


def test_ctrl_c_stops_an_attached_run(client, content):
    run(client, "t-stop", "docker run --name web nginx", 0, "c1")
    status, reply = post(client, "t-stop", "interrupt", terminal=0)
    assert status == 200 and reply["busy"]["0"] is False
    assert "^C" in texts(reply)
    assert reply["state"]["containers"][0]["status"].startswith("Exited")


def test_ctrl_c_stops_following_logs_but_not_the_container(client):
    run(client, "@playground", "docker run -d --name web nginx")
    status, reply = run(client, "@playground", "docker logs -f web", 1)
    assert status == 200 and reply["busy"]["1"] is True
    status, reply = post(client, "@playground", "interrupt", terminal=1)
    assert status == 200 and reply["busy"]["1"] is False
    web = next(c for c in reply["state"]["containers"] if c["name"] == "web")
    assert web["running"] is True  # Ctrl+C on `logs -f` stops following, not the container


def test_a_double_submit_runs_the_command_once(client, dbs, content):
    first = run(client, "t-stop", "docker run -d --name web nginx", 0, "same-id")[1]
    second = run(client, "t-stop", "docker run -d --name web nginx", 0, "same-id")[1]
    assert second["repeat"] is True and second["result"] == first["result"]
    row = attempt(dbs, "t-stop")
    assert host_lines(row["snapshot"]).count("docker run -d --name web nginx") == 1
    assert len(row["snapshot"]["containers"]) == 1
    assert row["version"] == first["version"]


def test_a_disabled_command_is_refused_in_korean_and_not_run(client, dbs, content):
    visit(client, "t-no-run")
    before = attempt(dbs, "t-no-run")
    for line in ("docker run -d --name web2 nginx", "docker container create nginx", "ls && docker run nginx"):
        status, reply = run(client, "t-no-run", line)
        assert status == 200 and reply["result"]["exit_code"] == 1
        assert "이 실습에서는 ‘docker" in texts(reply)
    after = attempt(dbs, "t-no-run")
    assert len(after["snapshot"]["containers"]) == 1
    assert host_lines(after["snapshot"]) == host_lines(before["snapshot"])
    status, reply = run(client, "t-no-run", "docker start web")
    # policy "strict" adds no_extra_containers and no_extra_volumes: the goal panel lists them too
    assert reply["goal"] == [True, True, True] and reply["status"] == "solved"
    assert client.get("/labs/t-no-run").get_data(as_text=True).count('data-testid="goal-item"') == 3


def test_an_overlong_command_is_refused_and_a_huge_body_is_rejected(client, dbs, content):
    status, reply = run(client, "t-stop", "echo " + "x" * 5000)
    assert status == 200 and reply["result"]["exit_code"] == 1
    assert "너무 깁니다" in texts(reply)
    assert host_lines(attempt(dbs, "t-stop")["snapshot"]) == []
    big = client.post(
        "/labs/t-stop/run", data=json.dumps({"line": "x" * (600 * 1024)}), content_type="application/json"
    )
    assert big.status_code == 413


def test_bad_requests_get_clear_errors(client, content):
    assert post(client, "t-stop", "run", line="docker ps", terminal=9)[0] == 400
    assert post(client, "t-stop", "run", terminal=0)[0] == 400
    assert client.post("/labs/t-stop/run", data="not json", content_type="application/json").status_code == 400
    assert client.post("/labs/t-stop/explode", json={}).status_code == 404


# --- undo, reset, hints, solution ------------------------------------------------------------


def test_undo_restores_the_previous_snapshot_and_skips_failed_or_idle_commands(client, dbs, content):
    run(client, "t-stop", "docker run -d --name web nginx", 0, "c1")
    run(client, "t-stop", "docker ps", 0, "c2")  # changed nothing
    run(client, "t-stop", "docker rm nothing-here", 0, "c3")  # failed
    run(client, "t-stop", "docker stop web", 0, "c4")
    assert attempt(dbs, "t-stop")["undo"] == 2
    version = attempt(dbs, "t-stop")["version"]
    status, reply = post(client, "t-stop", "undo", version=version, terminal=0)
    assert status == 200 and "docker stop web" in reply["message"]
    assert reply["state"]["containers"][0]["status"].startswith("Up")
    status, reply = post(client, "t-stop", "undo", version=reply["version"], terminal=0)
    assert reply["state"]["containers"] == []
    status, reply = post(client, "t-stop", "undo", version=reply["version"], terminal=0)
    assert reply["message"] == "되돌릴 단계가 없습니다."


def test_undo_history_is_bounded(client, dbs, content):
    for n in range(lab_store.MAX_UNDO + 3):
        run(client, lab_store.PLAYGROUND_ID, f"docker volume create v{n}", 0, f"c{n}")
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(LabUndoStep)) == lab_store.MAX_UNDO


def test_undo_from_a_stale_tab_is_a_409_conflict(client, dbs, content):
    run(client, "t-stop", "docker run -d --name web nginx", 0, "c1")
    stale = attempt(dbs, "t-stop")["version"]
    run(client, "t-stop", "docker stop web", 1, "c2")  # "another tab"
    status, reply = post(client, "t-stop", "undo", version=stale, terminal=0)
    assert status == 409 and reply["conflict"] is True and "다른 탭" in reply["error"]
    assert attempt(dbs, "t-stop")["undo"] == 2


def test_undo_restores_from_a_step_decoded_for_it_alone(client, dbs, content, monkeypatch):
    """Undo gives the popped step to the host (from_snapshot(owned=True)): safe only while each undo decodes
    its own copy that nothing else keeps. Changes made in place later (the hub's login, a name) must not
    reach a step restored afterwards, and no step object is handed out twice."""
    given: list[object] = []
    real = lab_store.pop_undo

    def spy(ws):  # type: ignore[no-untyped-def]
        step = real(ws)
        given.append(step[1] if step else None)
        return step

    monkeypatch.setattr(lab_store, "pop_undo", spy)
    lab = lab_store.PLAYGROUND_ID
    stable = lambda snap: {k: v for k, v in snap.items() if k not in lab_format.VOLATILE}  # noqa: E731
    run(client, lab, "docker run -d --name web nginx", 0, "c1")
    first = stable(attempt(dbs, lab)["snapshot"])
    run(client, lab, "docker rename web web1", 0, "c2")
    status, _reply = post(client, lab, "undo", version=attempt(dbs, lab)["version"], terminal=0)
    assert status == 200 and stable(attempt(dbs, lab)["snapshot"]) == first
    for n, line in enumerate(("docker login -u alice -p pw", "docker rename web web2")):
        run(client, lab, line, 0, f"d{n}")
    for _ in range(2):
        status, _reply = post(client, lab, "undo", version=attempt(dbs, lab)["version"], terminal=0)
        assert status == 200
    assert stable(attempt(dbs, lab)["snapshot"]) == first
    assert len(given) == 3 and len({id(step) for step in given}) == 3 and None not in given


def test_reset_gives_a_fresh_setup_and_keeps_progress(client, dbs, content):
    run(client, "t-no-run", "docker start web", 0, "c1")
    assert attempt(dbs, "t-no-run")["status"] == "solved"
    status, reply = post(client, "t-no-run", "reset")
    assert status == 200 and reply["message"] == "실습을 처음 상태로 되돌렸습니다."
    assert reply["state"]["containers"][0]["status"].startswith("Exited")
    assert reply["output"] == {} and reply["epoch"] == 1 and reply["undo"] == 0
    row = attempt(dbs, "t-no-run")
    assert row["status"] == "solved" and row["history"] == ["docker start web"]


def test_hints_come_one_at_a_time_and_are_counted(client, dbs, content):
    replies = [post(client, "t-stop", "hint")[1] for _ in range(3)]
    assert [r["hints_used"] for r in replies] == [1, 2, 2]
    assert "<code>docker run</code>" in replies[0]["hints_html"][0]
    assert attempt(dbs, "t-stop")["hints_used"] == 2
    html = client.get("/labs/t-stop").get_data(as_text=True)
    assert "다른 터미널에서 실행하세요" in html


def test_the_solution_needs_a_confirmation_and_marks_solution_seen(client, dbs, content):
    visit(client, "t-stop")
    status, reply = post(client, "t-stop", "solution")
    assert status == 400 and attempt(dbs, "t-stop")["status"] == "in_progress"
    status, reply = post(client, "t-stop", "solution", confirm=True)
    assert status == 200 and reply["status"] == "solution_seen"
    assert reply["solution"] == [
        {"terminal": 1, "command": "docker run --name web -p 8080:80 nginx"},
        {"terminal": 2, "command": "docker stop web"},
    ]
    run(client, "t-stop", "docker run --name web -p 8080:80 nginx", 0, "c1")
    status, reply = run(client, "t-stop", "docker stop web", 1, "c2")
    assert reply["goal"] == [True, True] and reply["status"] == "solution_seen"
    row = attempt(dbs, "t-stop")
    assert row["status"] == "solution_seen" and row["best_score"] == 1.0
    assert "docker stop web" in client.get("/labs/t-stop").get_data(as_text=True)


def test_the_playground_has_no_hints_or_grading(client):
    assert post(client, lab_store.PLAYGROUND_ID, "hint")[0] == 400
    assert post(client, lab_store.PLAYGROUND_ID, "grade")[0] == 400


# --- files ----------------------------------------------------------------------------------------


def test_the_file_editor_reads_and_saves_home_files_only(client, dbs, content):
    client.get("/labs/t-fixture")
    response = client.get("/labs/t-fixture/file?path=~/tiny/app.txt")
    assert response.get_json()["text"] == "tiny app\n"
    version = response.get_json()["version"]
    status, reply = post(client, "t-fixture", "file", path="~/tiny/app.txt", text="changed\n", version=version)
    assert status == 200 and reply["goal"] == [False] and reply["undo"] == 1
    current = reply["version"]
    assert client.get("/labs/t-fixture/file?path=~/tiny/app.txt").get_json()["text"] == "changed\n"
    status, reply = post(client, "t-fixture", "file", path="~/tiny/app.txt", text="again", version=version)
    assert status == 409
    for bad in ("/etc/passwd", "~/../../etc/passwd", ""):
        assert client.get(f"/labs/t-fixture/file?path={bad}").status_code == 400
    assert post(client, "t-fixture", "file", path="~/x.txt", text="x" * (70 * 1024), version=current)[0] == 400


# --- concurrency --------------------------------------------------------------------------------


def _race_once(monkeypatch, times: int) -> list[int]:
    """Make `times` saves find that another worker saved the attempt first."""
    original = lab_store.save
    raced: list[int] = []

    def racing_save(ws):
        if len(raced) < times:
            raced.append(ws.attempt.id)
            with db.engine.begin() as conn:
                conn.execute(
                    update(LabAttempt).where(LabAttempt.id == ws.attempt.id).values(version=LabAttempt.version + 1)
                )
        original(ws)

    monkeypatch.setattr(lab_store, "save", racing_save)
    return raced


def test_a_concurrent_save_is_detected_and_the_command_retried_on_the_new_state(client, dbs, content, monkeypatch):
    visit(client, "t-stop")
    start = attempt(dbs, "t-stop")["version"]
    raced = _race_once(monkeypatch, 1)
    status, _ = run(client, "t-stop", "docker volume create once", 0, "c1")
    assert status == 200 and raced
    row = attempt(dbs, "t-stop")
    assert row["version"] == start + 2  # the other worker's save, then ours
    assert [v["name"] for v in row["snapshot"]["volumes"]] == ["once"]
    assert host_lines(row["snapshot"]).count("docker volume create once") == 1


def test_a_save_that_keeps_conflicting_is_a_409_and_nothing_is_overwritten(client, dbs, content, monkeypatch):
    client.get("/labs/t-stop")
    _race_once(monkeypatch, lab_store.SAVE_ATTEMPTS)
    status, reply = run(client, "t-stop", "docker volume create lost", 0, "c1")
    assert status == 409 and reply["conflict"] is True
    assert attempt(dbs, "t-stop")["snapshot"]["volumes"] == []


# --- CSRF and guests ----------------------------------------------------------------------------


def test_json_posts_need_the_csrf_header(client, app, content):
    app.config["WTF_CSRF_ENABLED"] = True
    html = client.get("/labs/t-stop").get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)
    assert client.post("/labs/t-stop/run", json={"line": "docker ps"}).status_code == 400
    ok = client.post("/labs/t-stop/run", json={"line": "docker ps"}, headers={"X-CSRFToken": token})
    assert ok.status_code == 200


def test_each_learner_has_their_own_host(app, content, dbs):
    first, second = app.test_client(), app.test_client()
    run(first, "t-stop", "docker volume create mine", 0, "c1")
    reply = post(second, "t-stop", "poll")[1]
    assert reply["state"]["volumes"] == []
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 2


def test_the_initial_json_cannot_break_out_of_its_script_tag(client, content):
    run(client, lab_store.PLAYGROUND_ID, 'echo "</script><img src=x onerror=alert(1)>"', 0, "c1")
    html = client.get("/playground").get_data(as_text=True)
    assert "<img src=x onerror" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html


def test_an_unreadable_stored_host_starts_afresh_instead_of_failing(client, dbs, content):
    run(client, "t-stop", "docker volume create old", 0, "c1")
    with dbs() as s:
        row = s.scalar(select(LabAttempt).where(LabAttempt.lab_id == "t-stop"))
        snap, _hash = lab_format.decode_host(row.host_data)
        snap["version"] = 999  # as if a simulator update changed the format
        row.host_data = lab_format.encode_host(snap).data
        s.commit()
    assert client.get("/labs/t-stop").status_code == 200
    status, reply = run(client, "t-stop", "docker volume create new", 0, "c2")
    assert status == 200 and [v["name"] for v in reply["state"]["volumes"]] == ["new"]
    row = attempt(dbs, "t-stop")
    assert [v["name"] for v in row["snapshot"]["volumes"]] == ["new"] and row["undo"] == 0


def test_a_guest_who_logs_in_and_merges_keeps_the_lab_host(client, dbs, content):
    register = {"username": "sora", "password": "correct-horse", "confirm": "correct-horse"}
    client.post("/account/register", data=register)
    run(client, "t-stop", "docker volume create from-account", 0, "a1")  # the account's own attempt
    client.post("/account/logout")
    run(client, "t-stop", "docker volume create from-guest", 0, "g1")  # a new guest, same lab
    assert (
        client.post("/account/login", data={"username": "sora", "password": "correct-horse"})
        .headers["Location"]
        .endswith("/account/merge")
    )
    client.post("/account/merge", data={"choice": "merge"})
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(LabAttempt)) == 2  # both kept, no clash
    reply = post(client, "t-stop", "poll")[1]
    assert [v["name"] for v in reply["state"]["volumes"]] == ["from-guest"]  # the latest one continues


@pytest.mark.parametrize(
    ("disabled", "line", "blocked"),
    [
        ("docker container prune", "docker container prune -f", "docker container prune"),
        ("docker container prune", "docker prune", None),
        ("docker rmi", "docker image rm nginx", "docker rmi"),
        ("docker rm", "docker container rm web", "docker rm"),
        ("docker run", "ls; docker container run nginx", "docker run"),
        ("docker run", "docker ps", None),
    ],
)
def test_disabled_commands_follow_dockers_aliases(disabled, line, blocked):
    from types import SimpleNamespace

    from app.services.labs import disabled_reason

    assert disabled_reason(SimpleNamespace(disabled_commands=(disabled,)), line) == blocked


def test_lab_commands_are_rate_limited_per_learner_with_a_json_answer(app, client, content):
    app.config["LAB_RATE_LIMIT"] = "3 per minute"
    visit(client, "t-stop")
    codes = [
        client.post("/labs/t-stop/run", json={"line": "docker ps", "command_id": f"c{i}"}).status_code for i in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    reply = client.post("/labs/t-stop/run", json={"line": "docker ps", "command_id": "c9"})
    assert reply.get_json() == {
        "ok": False,
        "error": "짧은 시간에 명령을 너무 많이 보냈습니다. 잠시 기다렸다가 다시 시도하세요.",
    }


def test_looking_at_a_lab_writes_nothing_until_the_first_command(client, dbs, content):
    from sqlalchemy import func, select

    from app.models import LabAttempt, User

    assert client.get("/labs/t-stop").status_code == 200
    assert client.get("/playground").status_code == 200
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0
        assert s.scalar(select(func.count()).select_from(LabAttempt)) == 0
    status, reply = run(client, "t-stop", "docker ps")
    assert status == 200 and reply["result"]["exit_code"] == 0
    with dbs() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1
        assert s.scalar(select(func.count()).select_from(LabAttempt)) == 1


def test_the_score_line_explains_the_points_and_an_untouched_host_scores_0(client, content):
    visit(client, "t-no-run")  # setup: web is stopped; strict adds two leftover checks, which hold
    _, reply = post(client, "t-no-run", "grade")
    verdict = reply["verdict"]
    assert (verdict["score"], verdict["passed"]) == (0, False)
    assert verdict["feedback"] == (
        "아직 명령을 하나도 실행하지 않았습니다. 시작 상태는 점수가 없습니다 (검사 3개 중 2개 통과, 3점 중 0점)."
    )
    run(client, "t-no-run", "docker ps -a", 0, "c1")
    _, reply = post(client, "t-no-run", "grade")
    assert reply["verdict"]["feedback"] == "검사 3개 중 2개 통과, 3점 중 2점."
    with client.session_transaction() as sess:
        sess["lang"] = "en"
    run(client, "t-no-run", "docker start web", 0, "c2")
    _, reply = post(client, "t-no-run", "grade")
    assert reply["verdict"]["feedback"] == "Every goal of the lab is met (3 of 3 checks, 3 of 3 points)."
