"""Every main page in a real browser: no console error (CSP violations, script errors, missing
files), every form control labelled, no sideways scrolling at 360 px, and in English no Korean
left outside the course's own text (which carries lang="ko")."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

# Text nodes and labels with Hangul outside an element marked lang="ko" (the course's own text).
KOREAN_OUTSIDE_CONTENT = """() => {
  const hangul = /[\\uac00-\\ud7a3]/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!hangul.test(node.textContent) || el.closest('[lang="ko"], script')) continue;
    found.push(el.tagName + ": " + node.textContent.trim().slice(0, 60));
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = el.getAttribute(name);
      if (value && hangul.test(value) && !el.closest('[lang="ko"]')) found.push("@" + name + ": " + value);
    }
  }
  return found;
}"""

# Visible form controls and buttons without an accessible name.
UNLABELLED = """() => {
  const named = (el) => (el.labels && el.labels.length) || el.getAttribute("aria-label")
    || el.getAttribute("aria-labelledby") || el.closest("label") || (el.tagName === "BUTTON" && el.textContent.trim());
  return [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button")]
    .filter((el) => el.offsetParent !== null && !named(el))
    .map((el) => el.outerHTML.slice(0, 80));
}"""


def main_pages(page: Page, base: str) -> list[str]:
    """The learner's pages, found by following the course map (first lesson, its first lab)."""
    page.goto(base + "/")
    lesson = page.locator(".lesson-list a").first.get_attribute("href")
    page.goto(base + lesson)
    lab = page.locator("[data-testid^=open-lab-]").first.get_attribute("href")
    return [
        "/",
        lesson,
        lab,
        "/playground",
        "/cards",
        "/cards/stats",
        "/progress/",
        "/account/login",
        "/account/register",
    ]


def watch_console(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    return problems


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_main_pages_have_no_console_errors_and_labelled_controls(page: Page, live_server: str, lang: str):
    problems = watch_console(page)
    page.goto(live_server + "/")
    page.get_by_test_id("start-guest").click()
    if lang == "en":
        page.get_by_test_id("lang-switch").click()
    for path in main_pages(page, live_server):
        page.goto(live_server + path)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        if page.get_by_test_id("lab-page").count():
            expect(page.get_by_test_id("lab-page")).to_have_attribute("data-ready", "true")
        assert page.evaluate(UNLABELLED) == [], path
        headings = page.evaluate(
            "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => h.tagName)"
        )
        assert headings[:1] == ["H1"] and headings.count("H1") == 1, (path, headings)
    assert problems == []


def test_english_pages_leave_no_korean_outside_the_course_text(page: Page, live_server: str):
    page.goto(live_server + "/")
    page.get_by_test_id("start-guest").click()
    page.get_by_test_id("lang-switch").click()
    for path in main_pages(page, live_server):
        page.goto(live_server + path)
        if page.get_by_test_id("lab-page").count():
            expect(page.get_by_test_id("lab-page")).to_have_attribute("data-ready", "true")
        assert page.evaluate(KOREAN_OUTSIDE_CONTENT) == [], path


def test_phone_width_in_dark_mode_has_no_sideways_scrolling_and_no_errors(page: Page, live_server: str):
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme="dark")
    problems = watch_console(page)
    page.goto(live_server + "/")
    page.get_by_test_id("start-guest").click()
    for path in main_pages(page, live_server):
        page.goto(live_server + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
    assert problems == []
