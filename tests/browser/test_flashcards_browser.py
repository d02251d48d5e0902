"""Flashcards in a real browser (headless Chromium), on the real course: review purely by keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


@pytest.fixture
def csp_errors(page: Page) -> list[str]:
    """Console errors about the Content Security Policy (inline script or style would show up here)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def test_review_cards_by_keyboard(page: Page, live_server: str, csp_errors: list[str]):
    page.goto(f"{live_server}/cards")
    new, due = page.get_by_test_id("count-new"), page.get_by_test_id("count-due")
    done = page.get_by_test_id("count-done")
    front, back = page.get_by_test_id("card-front"), page.get_by_test_id("card-back")
    new_before = int(new.inner_text())
    assert new_before >= 4, "the course needs at least four flashcards for this test"
    expect(due).to_have_text("0")
    expect(back).to_be_hidden()

    # Space reveals the answer (and the reminder that Hard still means "remembered"); 1 = Again.
    first = front.inner_text()
    page.keyboard.press("Space")
    expect(back).to_be_visible()
    expect(back).to_be_focused()
    expect(page.get_by_test_id("hard-hint")).to_contain_text("‘어려움’도 기억해 낸 경우입니다")
    page.keyboard.press("1")
    expect(new).to_have_text(str(new_before - 1))
    expect(due).to_have_text("1")  # Again: the card comes back in a minute
    expect(front).not_to_have_text(first)
    expect(front).to_be_focused()
    expect(page.get_by_test_id("review-status")).to_contain_text("저장했습니다: 다시")

    # Enter reveals too; Space after the reveal means Good.
    page.keyboard.press("Enter")
    expect(back).to_be_visible()
    page.keyboard.press("Space")
    expect(new).to_have_text(str(new_before - 2))
    expect(due).to_have_text("2")  # Good on a new card: back in ten minutes

    # 4 = Easy: straight to review in days, so the due count stays.
    page.keyboard.press("Space")
    page.keyboard.press("4")
    expect(new).to_have_text(str(new_before - 3))
    expect(due).to_have_text("2")

    # 2 = Hard: a few minutes.
    page.keyboard.press("Space")
    page.keyboard.press("2")
    expect(due).to_have_text("3")
    expect(done).to_have_text("4")

    # Everything was saved on the server: a reload shows the same counts, the statistics the reviews.
    page.reload()
    expect(new).to_have_text(str(new_before - 4))
    expect(due).to_have_text("3")
    page.get_by_test_id("stats-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("플래시카드 통계")
    expect(page.get_by_test_id("reviews-total")).to_have_text("4")
    expect(page.locator("svg.bar-chart rect.bar").first).to_be_visible()
    assert not [e for e in csp_errors if "Content Security Policy" in e], csp_errors


def test_keys_do_nothing_before_the_reveal_and_tab_reaches_the_buttons(page: Page, live_server: str):
    page.goto(f"{live_server}/cards")
    new = page.get_by_test_id("count-new")
    before = new.inner_text()
    page.keyboard.press("3")  # grading needs the answer shown first
    page.wait_for_timeout(300)
    expect(new).to_have_text(before)
    page.keyboard.press("Space")
    expect(page.get_by_test_id("card-back")).to_be_focused()
    page.keyboard.press("Tab")
    good = page.get_by_role("button", name=re.compile("알맞음"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(good).to_be_focused()
    outline = good.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Enter")
    expect(new).to_have_text(str(int(before) - 1))


def test_phone_width_and_english(page: Page, live_server: str):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server}/cards")
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flashcards")
    page.keyboard.press("Space")
    expect(page.get_by_test_id("hard-hint")).to_contain_text("“Hard” still means you remembered it")
    for path in ("/cards", "/cards/stats"):
        page.goto(f"{live_server}{path}")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
