"""Phones (360 px, touch): Docker's columns stay lined up, tables fit, keyboard hints are hidden."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_lab_browser import open_lab, output, type_line

PHONE = {"width": 360, "height": 740}

# How many visual lines the text of one line of output takes (a Range's client rects, by distinct top).
LINES_OF_ROW = """([el, needle]) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    const at = text.split("\\n").findIndex((line) => line.includes(needle));
    if (at < 0) continue;
    const start = text.split("\\n").slice(0, at).join("\\n").length + (at ? 1 : 0);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.split("\\n")[at].length);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }
  return -1;
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="ko-KR")
    yield context.new_page()
    context.close()


def _fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_docker_ps_row_is_one_line_and_no_page_is_wider_than_a_phone(phone: Page, live_server: str):
    open_lab(phone, live_server, "@playground")
    type_line(phone, "docker run -d -p 8000:80 --name web nginx")
    type_line(phone, "docker ps")
    expect(output(phone, 1)).to_contain_text("0.0.0.0:8000->80/tcp")
    out = output(phone, 1).element_handle()
    assert phone.evaluate(LINES_OF_ROW, [out, "0.0.0.0:8000->80/tcp"]) == 1
    assert phone.evaluate(LINES_OF_ROW, [out, "CONTAINER ID"]) == 1
    assert phone.evaluate("e => e.scrollWidth > e.clientWidth", out)  # it scrolls inside the terminal
    cell = phone.get_by_test_id("state-containers").get_by_text("0.0.0.0:8000->80/tcp").first
    box = cell.bounding_box()
    assert box and box["height"] < 2 * float(cell.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert _fits(phone), "the playground is wider than the phone"
    for path in ("/", "/progress/", "/cards/", "/account/login", "/account/register"):
        phone.goto(live_server + path)
        assert _fits(phone), f"{path} is wider than the phone"
    phone.goto(live_server + "/")
    phone.locator(".lesson-card a").first.click()
    assert _fits(phone), f"{phone.url} is wider than the phone"


def test_progress_rows_are_cards_on_a_phone_and_keyboard_hints_are_hidden(phone: Page, live_server: str):
    open_lab(phone, live_server, "@playground")
    type_line(phone, "docker ps")  # a record, so the progress page has its table
    expect(phone.locator("#term-help")).to_be_hidden()
    phone.goto(live_server + "/progress/")
    row = phone.get_by_test_id("mastery").locator("tbody tr").first
    expect(row.locator("td").first).to_have_css("display", "block")
    box = row.bounding_box()
    assert box and box["height"] < 400  # a card, not one character per line
