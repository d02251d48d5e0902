"""Progress in a real browser: a guest answers, registers, and keeps it; the progress page and export."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_lessons_browser import first_lesson_with


def test_guest_answers_registers_and_keeps_progress(page: Page, live_server: str, unique_name: str):
    lesson, question = first_lesson_with("single")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    widget.locator(f"input[name=answer][value='{question.key['correct']}']").check()
    widget.get_by_role("button", name="답 확인").click()
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")
    expect(page.get_by_test_id("who")).to_have_count(0)  # header not re-rendered yet; reload shows the guest
    page.reload()
    expect(page.get_by_test_id("who")).to_have_text("게스트")

    page.goto(f"{live_server}/account/register")
    page.get_by_label("아이디").fill(unique_name)
    page.get_by_label("비밀번호", exact=True).fill("correct-horse")
    page.get_by_label("비밀번호 확인").fill("correct-horse")
    page.get_by_role("main").get_by_role("button", name="회원가입").click()
    expect(page.get_by_test_id("who")).to_have_text(unique_name)

    page.goto(f"{live_server}/progress/")
    row = page.get_by_role("row", name=lesson.title)
    expect(row).to_contain_text(f"1/{len(lesson.questions)}")
    expect(page.get_by_test_id("streak")).to_have_text("1일 연속")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV 내려받기").click()
    path = download_info.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    assert question.id in text and "right" in text
