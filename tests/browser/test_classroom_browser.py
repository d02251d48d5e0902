"""The instructor's flow in a real browser: class → bulk accounts → assignment with a time limit →
a learner takes it → the server submits at the deadline → the instructor sees the attempt.
Then the same pages in English and at 360 px (no sideways scrolling, no console errors)."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from app.models import AssignmentAttempt
from app.services import accounts
from tests.conftest import _free_port, base_config

PASSWORD = "teacher-pass-1"


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """A live server of its own (CSRF on) with an instructor account, and its app for the clock."""
    folder = tmp_path_factory.mktemp("classroom-live")
    path = folder / "live.sqlite3"
    shutil.copyfile(sqlite_template, path)
    config = {**base_config(f"sqlite:///{path}", folder), "WTF_CSRF_ENABLED": True, "TESTING": False}
    app = create_app(config)
    with app.app_context():
        accounts.create_instructor("ssam", PASSWORD, "김선생")
        db.session.remove()
    http = make_server("127.0.0.1", _free_port(), app, threaded=True)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{http.server_port}", app
    http.shutdown()


def watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    return problems


def log_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/account/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.locator("main form button[type=submit]").click()


def local(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%dT%H:%M")


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_instructor_flow_with_auto_submit(browser: Browser, server):  # type: ignore[no-untyped-def]
    base, app = server
    teacher = browser.new_page(locale="ko-KR")
    problems = watch(teacher)
    log_in(teacher, base, "ssam", PASSWORD)
    teacher.get_by_test_id("nav-classes").click()
    teacher.fill("#name", "브라우저반")
    teacher.get_by_test_id("create-class").click()
    expect(teacher.get_by_test_id("class-name")).to_contain_text("브라우저반")
    expect(teacher.get_by_test_id("qr")).to_be_visible()
    class_url = teacher.url

    teacher.get_by_test_id("bulk-accounts").click()
    teacher.fill("#names", "김하나\n이두리")
    teacher.get_by_test_id("create-accounts").click()
    expect(teacher.get_by_test_id("slip")).to_have_count(2)
    username = teacher.get_by_test_id("slip-username").first.inner_text()
    one_time = teacher.get_by_test_id("slip-password").first.inner_text()

    teacher.goto(class_url)
    teacher.get_by_test_id("new-assignment").click()
    teacher.fill("#title", "쪽지 시험")
    now = datetime.now(UTC)
    teacher.fill("#open_at", local(now - timedelta(hours=1)))
    teacher.fill("#due_at", local(now + timedelta(days=1)))
    teacher.fill("#time_limit", "1")
    teacher.locator("[data-testid=question-picker] input[type=checkbox]").nth(0).check()
    teacher.locator("[data-testid=question-picker] input[type=checkbox]").nth(2).check()
    teacher.get_by_test_id("save-assignment").click()
    expect(teacher.get_by_test_id("count-not_started")).to_have_text("2")

    learner = browser.new_page(locale="ko-KR")
    learner_problems = watch(learner)
    log_in(learner, base, username, one_time)
    expect(learner).to_have_url(re.compile(r"/account/new-password$"))
    learner.fill("#password", "my-own-pass-1")
    learner.fill("#confirm", "my-own-pass-1")
    learner.get_by_test_id("save-password").click()
    expect(learner.get_by_test_id("home-assignments")).to_contain_text("쪽지 시험")
    learner.get_by_test_id("home-assignments").get_by_role("link", name="쪽지 시험").click()
    learner.get_by_test_id("start-attempt").click()
    expect(learner.get_by_test_id("attempt-page")).to_be_visible()
    first = learner.get_by_test_id("slot-0")
    first.locator("input[type=radio], input[type=checkbox]").first.check()
    expect(learner.get_by_test_id("saved-0")).to_have_text("저장했습니다.")
    expect(learner.get_by_test_id("unanswered")).to_contain_text("2")
    learner.reload()  # the saved answer comes back from the server, drawn by the kind's own partial
    expect(learner.get_by_test_id("slot-0").locator("input[type=radio], input[type=checkbox]").first).to_be_checked()

    # Bring the deadline close (instead of waiting the whole minute); the page's count reaches zero,
    # reloads, and the server submits what was saved.
    with app.app_context():
        attempt = db.session.scalars(db.select(AssignmentAttempt)).one()
        attempt.deadline_at = datetime.now(UTC) + timedelta(seconds=3)
        db.session.commit()
        attempt_id = attempt.id
        db.session.remove()
    learner.reload()
    expect(learner.get_by_test_id("auto-submitted")).to_be_visible(timeout=15000)
    with app.app_context():
        attempt = db.session.get(AssignmentAttempt, attempt_id)
        assert attempt.auto_submitted and attempt.state.value == "finished"
        db.session.remove()

    teacher.reload()
    expect(teacher.get_by_test_id("count-submitted")).to_have_text("1")
    teacher.get_by_test_id("attempt-link").first.click()
    expect(teacher.get_by_test_id("attempt-state")).to_contain_text("자동 제출")
    expect(teacher.get_by_test_id("detail-slot-0").get_by_test_id("answer")).to_be_visible()

    # English and 360 px: the same pages read in English and never scroll sideways.
    for page in (teacher, learner):
        page.set_viewport_size({"width": 360, "height": 740})
        page.get_by_test_id("lang-switch").click()
    expect(teacher.get_by_test_id("attempt-state")).to_contain_text("automatically")
    for url in (class_url, teacher.url.replace("/detail", "/detail")):
        teacher.goto(url)
        no_sideways_scroll(teacher)
    teacher.goto(class_url.rstrip("/") + "/accounts")
    no_sideways_scroll(teacher)
    learner.goto(f"{base}/assignments")
    expect(learner.get_by_role("heading", level=1)).to_have_text("My assignments")
    no_sideways_scroll(learner)
    learner.goto(f"{base}/attempts/{attempt_id}/review")
    no_sideways_scroll(learner)
    assert problems == [] and learner_problems == []
