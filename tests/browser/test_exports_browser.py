"""A learner downloads their PDF report from the progress page in a real browser, in both languages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_lessons_browser import first_lesson_with


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install Debian's poppler-utils (.ci/run does)")
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


def test_learner_downloads_the_pdf_report_in_korean_and_english(page: Page, live_server: str):
    lesson, question = first_lesson_with("single")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    widget.locator(f"input[name=answer][value='{question.key['correct']}']").check()
    widget.get_by_role("button", name="답 확인").click()
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")

    page.goto(f"{live_server}/progress/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF 보고서 내려받기").click()
    download = download_info.value
    assert download.suggested_filename == "docker-dojo-progress.pdf"
    text = pdf_text(Path(download.path()))
    assert "학습 보고서" in text and "게스트" in text and lesson.title in text

    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF report").click()
    text = pdf_text(Path(download_info.value.path()))
    assert "Progress report" in text and "Mastery per lesson" in text and lesson.title in text
