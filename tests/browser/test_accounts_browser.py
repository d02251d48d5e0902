"""Accounts in a real browser (headless Chromium): register, log in/out, guests, languages, 404."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def register(page: Page, base: str, username: str, password: str = "correct-horse") -> None:
    page.goto(f"{base}/account/register")
    page.get_by_label("아이디").fill(username)
    page.get_by_label("비밀번호", exact=True).fill(password)
    page.get_by_label("비밀번호 확인").fill(password)
    page.get_by_role("main").get_by_role("button", name="회원가입").click()


def log_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/account/login")
    page.get_by_label("아이디").fill(username)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("main").get_by_role("button", name="로그인").click()


def test_register_log_out_and_log_in(page: Page, live_server: str, unique_name: str):
    register(page, live_server, unique_name)
    expect(page.get_by_test_id("who")).to_have_text(unique_name)
    expect(page.get_by_role("status")).to_contain_text("환영합니다")
    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("status")).to_contain_text("로그아웃했습니다.")
    expect(page.get_by_test_id("who")).to_have_count(0)
    log_in(page, live_server, unique_name, "correct-horse")
    expect(page.get_by_test_id("who")).to_have_text(unique_name)


def test_wrong_password_shows_a_clear_korean_message(page: Page, live_server: str, unique_name: str):
    register(page, live_server, unique_name)
    page.get_by_role("button", name="로그아웃").click()
    log_in(page, live_server, unique_name, "not-the-password")
    expect(page.get_by_test_id("login-error")).to_have_text("아이디 또는 비밀번호가 올바르지 않습니다.")
    expect(page.get_by_label("아이디")).to_have_value(unique_name)


def test_guest_registers_and_keeps_the_same_user_row(page: Page, live_server: str, unique_name: str):
    page.goto(live_server)
    page.get_by_test_id("start-guest").click()
    expect(page.get_by_test_id("who")).to_have_text("게스트")
    guest_cookie = page.context.cookies()
    assert any(cookie["name"] == "session" for cookie in guest_cookie)
    guest_id = page.evaluate("() => fetch('/account/me').then(r => r.json())")["id"]
    register(page, live_server, unique_name)
    me = page.evaluate("() => fetch('/account/me').then(r => r.json())")
    assert me == {"id": guest_id, "guest": False, "username": unique_name}


def test_switch_between_korean_and_english(page: Page, live_server: str):
    page.goto(live_server)
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("도커 도장")
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Docker Dojo")
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("도커 도장")


def test_404_page(page: Page, live_server: str):
    response = page.goto(f"{live_server}/no/such/page")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("페이지를 찾을 수 없습니다")
    page.get_by_role("link", name="코스로 돌아가기").click()
    expect(page).to_have_url(re.compile(r"/$"))


def test_skip_link_and_labelled_inputs(page: Page, live_server: str):
    page.goto(f"{live_server}/account/login")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="본문으로 건너뛰기")).to_be_focused()
    for label in ("아이디", "비밀번호"):
        expect(page.get_by_label(label)).to_be_visible()


def test_phone_width_has_no_horizontal_scroll(page: Page, live_server: str):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server}/account/register")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
