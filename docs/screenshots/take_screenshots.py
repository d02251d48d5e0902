"""Take the README's screenshots: the real app on a throwaway SQLite database, driven by Chromium.

Run from the repository root after `make setup`:  .venv/bin/python -m docs.screenshots.take_screenshots
(or `PYTHONPATH=. .venv/bin/python docs/screenshots/take_screenshots.py`).
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
from pathlib import Path

from flask_migrate import upgrade
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app

OUT = Path(__file__).resolve().parent
LAB = "lab-run-attached-stop"


def serve() -> tuple[str, object]:
    folder = Path(tempfile.mkdtemp())
    app = create_app({"SECRET_KEY": "screenshots", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'shots.sqlite3'}"})
    with app.app_context():
        upgrade()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", server


def type_line(page, line: str, terminal: int = 1) -> None:
    page.get_by_test_id(f"term-tab-{terminal}").click()
    box = page.get_by_test_id("term-input")
    count = page.get_by_test_id(f"term-output-{terminal}").locator(".t-in").count()
    box.fill(line)
    box.press("Enter")
    page.get_by_test_id(f"term-output-{terminal}").locator(".t-in").nth(count).wait_for()


def english(page, base: str) -> None:
    """The same learner in the English UI: a lab with a hint under an error, and the account page."""
    page.request.post(f"{base}/lang/en", headers={"X-CSRFToken": csrf(page)})
    page.goto(f"{base}/labs/{LAB}")
    page.get_by_test_id("lab-page").wait_for()
    type_line(page, "docker rm nope", 2)
    page.wait_for_timeout(500)
    page.screenshot(path=OUT / "lab-english.png")
    page.goto(f"{base}/account/register")
    page.get_by_label("User name").fill("minji")
    page.get_by_label("Password", exact=True).fill("correct-horse")
    page.get_by_label("Password again").fill("correct-horse")
    page.get_by_role("button", name="Register").click()
    page.goto(f"{base}/account")
    page.screenshot(path=OUT / "account-english.png", full_page=True)


def csrf(page) -> str:
    """The page's CSRF token (the language switch is a POST form)."""
    return page.locator("input[name=csrf_token]").first.get_attribute("value") or ""


def main() -> None:
    base, server = serve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="ko-KR")
        page.goto(base)
        page.get_by_test_id("start-guest").click()
        page.wait_for_load_state("networkidle")  # the logo too
        page.screenshot(path=OUT / "home.png")

        page.goto(f"{base}/lessons/attached-detached")
        page.screenshot(path=OUT / "lesson.png")

        page.goto(f"{base}/labs/{LAB}")
        page.get_by_test_id("lab-page").wait_for()
        type_line(page, "docker run --name feedback -p 8000:80 feedback-app", 1)
        page.wait_for_timeout(500)
        type_line(page, "docker ps", 2)
        page.wait_for_timeout(300)
        page.wait_for_timeout(1800)
        page.screenshot(path=OUT / "lab.png")

        page.goto(f"{base}/cards")
        page.keyboard.press("Space")
        page.wait_for_timeout(300)
        page.screenshot(path=OUT / "flashcards.png")
        for key in ("3", "Space", "1"):
            page.keyboard.press(key)
            page.wait_for_timeout(400)

        page.goto(f"{base}/progress/")
        page.screenshot(path=OUT / "progress.png")

        phone = browser.new_page(
            viewport={"width": 360, "height": 740},
            locale="ko-KR",
            color_scheme="dark",
            storage_state=page.context.storage_state(),
        )
        phone.goto(f"{base}/labs/{LAB}")
        phone.get_by_test_id("lab-page").wait_for()
        phone.get_by_role("button", name="docker ps -a", exact=True).click()  # a tap-to-insert chip
        phone.evaluate("document.getElementById('terminal-title').scrollIntoView()")
        phone.wait_for_timeout(300)
        phone.screenshot(path=OUT / "lab-phone.png")
        type_line(phone, "docker ps", 2)  # Docker's columns stay lined up: the terminal scrolls sideways
        phone.wait_for_timeout(300)
        phone.get_by_test_id("term-output-2").evaluate("e => e.scrollIntoView({block: 'center'})")
        phone.screenshot(path=OUT / "lab-phone-docker-ps.png")
        phone.goto(f"{base}/progress/")
        phone.wait_for_timeout(300)
        phone.screenshot(path=OUT / "progress-phone.png", full_page=True)
        phone.close()

        english(page, base)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
