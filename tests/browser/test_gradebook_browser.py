"""An instructor opens the gradebook from the class page and downloads it (CSV and PDF) in a real browser."""

from __future__ import annotations

import csv
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from app.services import demo, gradebook
from app.services.classes import utc_now
from tests.browser.test_exports_browser import pdf_text
from tests.conftest import _free_port, base_config


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    """A live server (CSRF on) with `flask demo`'s class of six learners."""
    folder = tmp_path_factory.mktemp("gradebook-live")
    path = folder / "live.sqlite3"
    shutil.copyfile(sqlite_template, path)
    app = create_app({**base_config(f"sqlite:///{path}", folder), "WTF_CSRF_ENABLED": True, "TESTING": False})
    with app.app_context():
        made = demo.create_demo(6, 7, utc_now())
        db.session.remove()
    http = make_server("127.0.0.1", _free_port(), app, threaded=True)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{http.server_port}", made
    http.shutdown()


def test_instructor_downloads_the_gradebook(page: Page, server: tuple[str, dict]) -> None:
    base, made = server
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base}/account/login")
    page.fill("#username", made["instructor"])
    page.fill("#password", made["instructor_password"])
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/classes/{made['class_id']}")
    page.get_by_test_id("gradebook-link").click()
    expect(page.get_by_role("heading", name="성적부")).to_be_visible()
    expect(page.get_by_test_id("gradebook-row")).to_have_count(made["learners"])

    with page.expect_download() as info:
        page.get_by_test_id("export-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8-sig"))))
    assert len(rows) == made["learners"] and all(r["이름"] for r in rows)

    with page.expect_download() as info:
        page.get_by_test_id("export-pdf").click()
    text = pdf_text(Path(info.value.path()))
    assert "반 보고서" in text and "성적부" in text and "1주차 퀴즈" in text

    page.get_by_test_id("statistics-link").first.click()
    expect(page.get_by_test_id("items")).to_be_visible()
    assert problems == []


def test_instructor_pages_through_a_sorted_gradebook(
    page: Page, server: tuple[str, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, made = server
    monkeypatch.setattr(gradebook, "PAGE_SIZE", 4)  # the live server runs in this process
    page.goto(f"{base}/account/login")
    page.fill("#username", made["instructor"])
    page.fill("#password", made["instructor_password"])
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/classes/{made['class_id']}/gradebook")
    page.get_by_test_id("sort-total").click()
    page.get_by_test_id("sort-total").click()  # descending
    expect(page.get_by_test_id("gradebook-row")).to_have_count(4)
    expect(page.get_by_test_id("page-number")).to_contain_text("1")
    first_page = page.get_by_test_id("total").all_inner_texts()
    page.get_by_test_id("page-next").click()
    expect(page.get_by_test_id("gradebook-row")).to_have_count(made["learners"] - 4)
    assert "sort=-total" in page.url and "page=2" in page.url
    second_page = page.get_by_test_id("total").all_inner_texts()

    def percent(text: str) -> float:
        return float(text.rsplit("(", 1)[1].rstrip("%)")) if "(" in text else -1.0

    assert min(percent(t) for t in first_page) >= max(percent(t) for t in second_page)  # the order runs on
    page.get_by_test_id("page-previous").click()
    expect(page.get_by_test_id("gradebook-row")).to_have_count(4)
