"""Terminal keys and colours of issue 14 in a real browser: Ctrl+P Ctrl+Q, its button, colour by meaning."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.test_lab_browser import open_lab, output, type_line


def test_ctrl_p_ctrl_q_chord_and_button_detach(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    type_line(page, "docker run -it --name box ubuntu bash")
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    type_line(page, "ls")
    expect(output(page, 1)).to_contain_text(re.compile(r"root@\w+:/# ls"))  # the prompt stays on the line
    box = page.get_by_test_id("term-input")
    with page.expect_response(lambda r: r.url.endswith("/detach") and r.ok):
        box.press("Control+p")
        box.press("Control+q")
    expect(page.get_by_test_id("term-tab-1")).not_to_have_class(re.compile(r"\bis-busy\b"))
    expect(page.get_by_test_id("state-containers")).to_contain_text("box")
    type_line(page, "docker attach box")
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    with page.expect_response(lambda r: r.url.endswith("/detach") and r.ok):
        page.get_by_test_id("ctrl-p-q").click()
    expect(page.get_by_test_id("term-tab-1")).not_to_have_class(re.compile(r"\bis-busy\b"))


def test_a_successful_pull_is_not_red(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    type_line(page, "docker run -d --name fresh redis")
    expect(output(page, 1)).to_contain_text("Unable to find image")
    assert output(page, 1).locator(".t-err").count() == 0
    type_line(page, "docker rm nope")
    expect(output(page, 1).locator(".t-err")).to_contain_text("No such container")
