"""Reading a lesson and answering its questions in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from app.config import BASE_DIR
from app.services.course import parse_content


def first_lesson_with(kind: str):
    course, _ = parse_content(BASE_DIR / "content")
    for lesson in course.lessons:
        for question in lesson.questions:
            if question.kind == kind:
                return lesson, question
    raise AssertionError(f"the course has no {kind} question")


def test_read_a_lesson_from_the_course_map(page: Page, live_server: str):
    page.goto(live_server)
    page.get_by_role("link", name=re.compile("Dockerfile")).first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    toc = page.get_by_role("navigation", name="이 레슨의 내용")
    expect(toc).to_be_visible()
    toc.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile("#"))
    expect(page.get_by_role("link", name=re.compile("→"))).to_be_visible()


def test_answer_right_and_wrong(page: Page, live_server: str):
    lesson, question = first_lesson_with("single")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    expect(page.get_by_test_id(f"last-answer-{question.id}")).to_be_hidden()  # nothing answered yet
    correct = question.key["correct"]
    wrong = 0 if correct != 0 else 1
    widget.locator(f"input[name=answer][value='{wrong}']").check()
    widget.get_by_role("button", name="답 확인").click()
    feedback = page.get_by_test_id(f"feedback-{question.id}")
    expect(feedback).to_contain_text("아직 아닙니다.")
    widget.locator(f"input[name=answer][value='{correct}']").check()
    widget.get_by_role("button", name="답 확인").click()
    expect(feedback).to_contain_text("정답입니다!")
    expect(feedback.locator(".explanation")).not_to_be_empty()
    expect(page.get_by_test_id(f"last-answer-{question.id}")).to_have_text("지난 답: 정답")  # without a reload
    page.reload()
    expect(page.get_by_test_id(f"question-{question.id}")).to_contain_text("지난 답: 정답")


def test_answer_by_keyboard_only(page: Page, live_server: str):
    lesson, question = first_lesson_with("true_false")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    value = "true" if question.key["correct"] else "false"
    widget.locator(f"input[value={value}]").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")


def test_matching_ordering_and_cloze_by_keyboard_only(page: Page, live_server: str):
    from app.grading import display_order

    lesson, question = first_lesson_with("matching")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    shown = display_order(question, len(question.key["pairs"]))
    for i in range(len(shown)):
        widget.locator(f"select[name=match-{i}]").focus()
        for _ in range(shown.index(i) + 1):  # option 0 is "Choose…"
            page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to "Check answer"
    page.keyboard.press("Enter")
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")

    lesson, question = first_lesson_with("ordering")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    shown = display_order(question, len(question.key["items"]))
    for d in range(len(shown)):
        select = widget.locator(f"select[name=pos-{d}]")
        select.focus()
        page.keyboard.press("Home")
        for _ in range(shown[d]):
            page.keyboard.press("ArrowDown")
        expect(select).to_have_value(str(shown[d] + 1))
    widget.get_by_role("button", name="답 확인").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")

    lesson, question = first_lesson_with("cloze")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    widget.locator("input[name=blank-0]").focus()
    for _number, accepted in enumerate(question.key["blanks"]):
        page.keyboard.type(accepted[0])
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # focus is on "Check answer" after the last blank
    expect(page.get_by_test_id(f"feedback-{question.id}")).to_contain_text("정답입니다!")


def test_feedback_says_right_once_and_a_multi_line_docker_error_keeps_its_lines(page: Page, live_server: str):
    lesson, question = first_lesson_with("single")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    widget.locator(f"input[name=answer][value='{question.key['correct']}']").check()
    widget.get_by_role("button", name="답 확인").click()
    verdict = page.get_by_test_id(f"feedback-{question.id}").locator(".verdict")
    expect(verdict).to_contain_text("정답입니다!")
    assert verdict.inner_text().count("정답") == 1  # not "정답입니다! 정답입니다."

    lesson, question = first_lesson_with("command")
    page.goto(f"{live_server}/lessons/{lesson.id}")
    widget = page.get_by_test_id(f"question-{question.id}")
    widget.locator("[name=answer]").fill("docker run --no-such-flag nginx")
    widget.get_by_role("button", name="답 확인").click()
    failed = page.get_by_test_id(f"feedback-{question.id}").locator("li").first
    expect(failed).to_contain_text("unknown flag: --no-such-flag")
    # innerText is the text as rendered: Docker's lines stay lines, not one run-on line
    assert "unknown flag: --no-such-flag\n" in failed.inner_text()
