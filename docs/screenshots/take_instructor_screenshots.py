"""Take docs/instructors.md's screenshots: `flask demo` data on a throwaway SQLite database, Chromium.

Run from the repository root after `make setup`:
    PYTHONPATH=. .venv/bin/python docs/screenshots/take_instructor_screenshots.py
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

from flask_migrate import upgrade
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from app.models import SchoolClass
from app.services import class_accounts, demo
from app.services.classes import utc_now

OUT = Path(__file__).resolve().parent


def serve() -> tuple[str, dict, list]:
    """The app with a demo class of 24 learners, plus two fresh accounts with their slips."""
    folder = Path(tempfile.mkdtemp())
    app = create_app({"SECRET_KEY": "screenshots", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'shots.sqlite3'}"})
    with app.app_context():
        upgrade()
        made = demo.create_demo(24, 2026, utc_now())
        slips = class_accounts.create_accounts(
            db.session.get(SchoolClass, made["class_id"]), ["정하늘"], demo.DEMO_HASH
        )
        db.session.remove()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", made, slips


def log_in(page, base: str, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/account/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def main() -> None:
    base, made, slips = serve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"])
        teacher = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        log_in(teacher, base, made["instructor"], made["instructor_password"])
        teacher.goto(f"{base}/classes/{made['class_id']}")
        teacher.wait_for_load_state("networkidle")
        teacher.screenshot(path=OUT / "instructor-class.png")
        teacher.goto(f"{base}/classes/{made['class_id']}/accounts")
        teacher.fill("#names", "김하나\n이두리\n박세나\n최네온")
        teacher.get_by_test_id("create-accounts").click()
        teacher.screenshot(path=OUT / "instructor-slips.png")
        teacher.goto(f"{base}/classes/{made['class_id']}/assignments/new")
        teacher.screenshot(path=OUT / "instructor-new-assignment.png")
        second = made["assignments"][1]
        teacher.goto(f"{base}/assignments/{second}/report")
        teacher.screenshot(path=OUT / "instructor-report.png")
        teacher.get_by_test_id("attempt-link").first.click()
        teacher.screenshot(path=OUT / "instructor-attempt.png", full_page=True)
        gradebook_shots(teacher, base, made)

        learner = browser.new_page(viewport={"width": 390, "height": 844}, locale="ko-KR", device_scale_factor=2)
        log_in(learner, base, slips[0].username, slips[0].password)
        learner.fill("#password", "my-own-pass-1")
        learner.fill("#confirm", "my-own-pass-1")
        learner.get_by_test_id("save-password").click()
        learner.goto(f"{base}/assignments/{second}")
        learner.get_by_test_id("start-attempt").click()
        learner.locator(".autosave-form input[type=radio]").first.check()
        learner.wait_for_timeout(800)
        learner.screenshot(path=OUT / "learner-attempt-phone.png")
        learner.goto(f"{base}/progress/")
        with learner.expect_download() as info:
            learner.get_by_role("link", name="PDF 보고서 내려받기").click()
        pdf_page(Path(info.value.path()), "learner-report-pdf")
        browser.close()


def pdf_page(pdf: Path, name: str) -> None:
    """The PDF's first page as a PNG (poppler's pdftoppm), for the documentation."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUT / name)], check=True
    )


def gradebook_shots(teacher, base: str, made: dict) -> None:  # type: ignore[no-untyped-def]
    """The gradebook, one assignment's statistics and the class report's first page (demo learners type no wrong command, so the misconceptions page would be empty)."""
    teacher.goto(f"{base}/classes/{made['class_id']}/gradebook")
    teacher.screenshot(path=OUT / "instructor-gradebook.png")
    teacher.goto(f"{base}/assignments/{made['assignments'][1]}/statistics")
    teacher.screenshot(path=OUT / "instructor-statistics.png", full_page=True)
    teacher.goto(f"{base}/classes/{made['class_id']}/gradebook")
    with teacher.expect_download() as info:
        teacher.get_by_test_id("export-pdf").click()
    pdf_page(Path(info.value.path()), "class-report-pdf")


if __name__ == "__main__":
    main()
