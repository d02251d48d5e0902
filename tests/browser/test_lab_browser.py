"""The lab terminal in a real browser (headless Chromium) against the real course content.

The lab is chosen by reading the course with the curriculum API: the first lab whose solution
runs something in terminal 2 and whose solution, replayed on a fresh host, meets its goal.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import create_app
from app.curriculum import Lab
from app.grading import replay
from app.services import course as course_service
from app.services import lab_store, lab_view

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _solvable_labs() -> list[Lab]:
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://", "CONTENT_DIR": str(CONTENT)}
    )
    found = []
    with app.app_context():
        for lab in course_service.get_course().labs:
            host = lab_store.fresh_host(lab)
            replay.play_solution(host, lab)
            if replay.grade(lab, host).passed:
                found.append(lab)
    return found


@pytest.fixture(scope="module")
def two_terminal_lab() -> Lab:
    """A lab solved with an attached run in terminal 1 and a command in terminal 2 (no Ctrl+C)."""
    for lab in _solvable_labs():
        steps = lab.solution_steps()
        if (
            steps
            and steps[0].terminal == 0
            and any(s.terminal == 1 for s in steps)
            and not any(s.is_interrupt for s in steps)
            and len(lab.hints) >= 2
        ):
            return lab
    pytest.skip("no solvable lab in content/ stops an attached run from terminal 2 yet")


def open_lab(page: Page, base: str, lab_id: str) -> None:
    page.goto(f"{base}/playground" if lab_id == "@playground" else f"{base}/labs/{lab_id}")
    expect(page.get_by_test_id("lab-page")).to_have_attribute("data-ready", "true")


def output(page: Page, terminal: int):
    return page.get_by_test_id(f"term-output-{terminal}")


def type_line(page: Page, line: str, terminal: int = 1) -> None:
    """Type a command on a terminal tab and press Enter; wait until the server echoed it."""
    page.get_by_test_id(f"term-tab-{terminal}").click()
    box = page.get_by_test_id("term-input")
    box.fill(line)
    count = output(page, terminal).locator(".t-in").count()
    box.press("Enter")
    expect(output(page, terminal).locator(".t-in")).to_have_count(count + 1)


def test_solve_a_lab_attached_run_in_terminal_1_stopped_from_terminal_2(
    page: Page, live_server: str, two_terminal_lab: Lab
):
    open_lab(page, live_server, two_terminal_lab.id)
    goal_items = page.get_by_test_id("goal-item")
    expect(goal_items).to_have_count(len(lab_view.goal_checks(two_terminal_lab)))
    expect(page.get_by_test_id("lab-status")).to_have_text("진행 중")
    steps = two_terminal_lab.solution_steps()
    type_line(page, steps[0].command, steps[0].terminal + 1)
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    expect(page.get_by_test_id("term-prompt")).to_have_text("")  # the attached run holds terminal 1
    for step in steps[1:]:
        type_line(page, step.command, step.terminal + 1)
    expect(page.get_by_test_id("term-tab-1")).not_to_have_class(re.compile(r"\bis-busy\b"))
    expect(page.locator(".goal-item.passed")).to_have_count(goal_items.count())
    expect(page.get_by_test_id("term-message")).to_contain_text("목표 달성:")  # ticks are announced
    expect(page.get_by_test_id("lab-status")).to_have_text("해결")
    page.get_by_test_id("grade").click()
    verdict = page.get_by_test_id("verdict")
    expect(verdict).to_contain_text("실습 목표를 모두 이루었습니다")
    expect(verdict.locator("li.passed")).to_have_count(goal_items.count())
    state = page.get_by_test_id("state-containers")
    expect(state.locator("tbody tr").first).to_contain_text("Exited")


def test_hint_undo_reset_and_show_solution(page: Page, live_server: str, two_terminal_lab: Lab):
    open_lab(page, live_server, two_terminal_lab.id)
    page.get_by_test_id("hint").click()
    expect(page.get_by_test_id("hint-list").locator("li")).to_have_count(1)
    expect(page.get_by_test_id("hint-count")).to_have_text("1")
    page.get_by_test_id("hint").click()
    expect(page.get_by_test_id("hint-list").locator("li")).to_have_count(2)

    volumes = page.get_by_test_id("state-volumes")
    type_line(page, "docker volume create scratch")
    expect(volumes).to_contain_text("scratch")
    type_line(page, "docker volume ls")  # changes nothing: not an undo step
    expect(page.get_by_test_id("undo-count")).to_have_text("1")
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("undo-count")).to_have_text("0")
    expect(volumes).not_to_contain_text("scratch")
    expect(page.get_by_test_id("term-message")).to_contain_text("docker volume create scratch")

    type_line(page, "docker volume create again")
    expect(volumes).to_contain_text("again")
    page.get_by_test_id("reset").click()
    page.get_by_test_id("confirm-reset").click()
    expect(volumes).not_to_contain_text("again")
    expect(output(page, 1)).to_have_text("")
    expect(page.get_by_test_id("term-message")).to_have_text("실습을 처음 상태로 되돌렸습니다.")

    expect(page.get_by_test_id("solution")).to_be_hidden()
    page.get_by_test_id("show-solution").click()
    expect(page.get_by_test_id("confirm-solution")).to_be_focused()
    page.get_by_role("button", name="취소").locator("visible=true").click()  # cancel: focus goes back to the asker
    expect(page.get_by_test_id("show-solution")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("solution")).to_be_hidden()  # not before the confirmation
    page.keyboard.press("Enter")  # on the focused "Yes, show the solution"
    solution = page.get_by_test_id("solution")
    expect(solution).to_be_visible()
    expect(solution).to_be_focused()
    expect(solution).to_contain_text(two_terminal_lab.solution_steps()[0].command)
    expect(solution).to_contain_text("터미널 2")
    expect(page.get_by_test_id("lab-status")).to_have_text("풀이 봄")
    page.reload()
    expect(page.get_by_test_id("lab-status")).to_have_text("풀이 봄")
    expect(page.get_by_test_id("hint-list").locator("li")).to_have_count(2)


def test_tab_completion_of_commands_flags_and_names(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    box = page.get_by_test_id("term-input")
    box.fill("docker vol")
    box.press("Tab")
    expect(box).to_have_value("docker volume ")
    box.press_sequentially("cr")
    box.press("Tab")
    expect(box).to_have_value("docker volume create ")
    box.press_sequentially("mydata")
    box.press("Enter")
    expect(page.get_by_test_id("state-volumes")).to_contain_text("mydata")
    box.fill("docker volume rm my")
    box.press("Tab")
    expect(box).to_have_value("docker volume rm mydata ")
    box.fill("docker run --na")
    box.press("Tab")
    expect(box).to_have_value("docker run --name ")
    box.fill("docker run -d --name web ngi")
    box.press("Enter")  # an unknown image prefix is not completed; just run something that exists
    box.fill("docker run -d --name web nginx")
    box.press("Enter")
    expect(page.get_by_test_id("state-containers")).to_contain_text("web")
    box.fill("docker stop w")
    box.press("Tab")
    expect(box).to_have_value("docker stop web ")
    box.fill("")
    box.press("Tab")  # an empty line lets Tab move focus on (keyboard users can leave)
    expect(box).not_to_be_focused()


def test_reload_mid_lab_continues_where_the_learner_was(page: Page, live_server: str, two_terminal_lab: Lab):
    open_lab(page, live_server, two_terminal_lab.id)
    first = two_terminal_lab.solution_steps()[0]
    type_line(page, first.command, 1)
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    page.reload()
    expect(page.get_by_test_id("lab-page")).to_have_attribute("data-ready", "true")
    expect(output(page, 1)).to_contain_text(first.command)
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    expect(page.locator(".goal-item.passed")).not_to_have_count(0)
    page.get_by_test_id("term-tab-2").click()
    box = page.get_by_test_id("term-input")
    box.press("ArrowUp")
    expect(box).to_have_value(first.command)  # history came back from the server
    for step in two_terminal_lab.solution_steps()[1:]:
        type_line(page, step.command, step.terminal + 1)
    expect(page.get_by_test_id("lab-status")).to_have_text("해결")


def test_ctrl_c_stops_an_attached_run_and_ctrl_l_clears(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    type_line(page, "docker run --name web nginx")
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    page.get_by_test_id("term-input").press("Control+c")
    expect(page.get_by_test_id("term-tab-1")).not_to_have_class(re.compile(r"\bis-busy\b"))
    expect(output(page, 1)).to_contain_text("^C")
    expect(page.get_by_test_id("state-containers")).to_contain_text("Exited")
    with page.expect_response(lambda r: r.url.endswith("/clear") and r.ok):
        page.get_by_test_id("term-input").press("Control+l")
    expect(output(page, 1)).to_have_text("")
    page.reload()
    expect(page.get_by_test_id("lab-page")).to_have_attribute("data-ready", "true")
    expect(output(page, 1)).to_have_text("")  # the cleared screen stays clear


def test_a_container_named_like_html_prints_as_text(page: Page, live_server: str):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_lab(page, live_server, "@playground")
    evil = "<img src=x onerror=alert(1)>"
    type_line(page, f'docker run -d --name "{evil}" nginx')
    type_line(page, f"echo '{evil}'")
    expect(output(page, 1)).to_contain_text(evil)
    expect(page.locator(".term-output img")).to_have_count(0)
    expect(page.locator("img[src=x]")).to_have_count(0)
    page.reload()
    expect(output(page, 1)).to_contain_text(evil)
    expect(page.locator("img[src=x]")).to_have_count(0)
    assert dialogs == []


def test_korean_ime_enter_during_composition_does_not_submit(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    box = page.get_by_test_id("term-input")
    box.fill("echo 안녕")
    box.dispatch_event("compositionstart", {"data": ""})
    box.press("Enter")  # confirms the syllable in the IME: must not send
    page.wait_for_timeout(300)
    expect(output(page, 1).locator(".t-in")).to_have_count(0)
    box.dispatch_event("compositionend", {"data": "녕"})
    box.press("Enter")
    expect(output(page, 1)).to_contain_text("안녕\n")


def test_phone_width_chips_and_no_sideways_scrolling(page: Page, live_server: str):
    page.set_viewport_size({"width": 360, "height": 740})
    open_lab(page, live_server, "@playground")
    page.get_by_role("button", name="docker ps -a", exact=True).click()
    box = page.get_by_test_id("term-input")
    expect(box).to_have_value("docker ps -a")
    box.press("Enter")
    expect(output(page, 1)).to_contain_text("CONTAINER ID")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # No arrow keys on a phone keyboard: the ↑/↓ buttons walk the history.
    page.get_by_test_id("history-back").click()
    expect(box).to_have_value("docker ps -a")
    expect(box).to_be_focused()
    page.get_by_test_id("history-forward").click()
    expect(box).to_have_value("")


def _edit(page: Page, path: str, line: str) -> None:
    page.get_by_test_id("editor-path").fill(path)
    page.get_by_test_id("editor-open").click()
    editor = page.get_by_test_id("editor-text")
    expect(editor).not_to_have_value("")
    editor.fill(editor.input_value() + line)
    page.get_by_test_id("editor-save").click()
    expect(page.get_by_test_id("term-message")).to_contain_text(path)


def test_file_editor_image_is_read_only_until_rebuild_and_a_bind_mount_is_live(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    last = output(page, 1).locator(".t-out").last
    type_line(page, "docker build -t feedback-app ~/feedback-app")
    type_line(page, "docker run -d -p 8000:80 --name baked feedback-app")
    type_line(page, "docker run -d -p 8080:80 --name site -v ~/site:/usr/share/nginx/html nginx")
    expect(page.get_by_test_id("state-containers")).to_contain_text("bind ~/site → /usr/share/nginx/html")
    _edit(page, "~/feedback-app/server.js", "\n// edited in the browser\n")
    _edit(page, "~/site/index.html", "\n<p>edited-live</p>\n")
    type_line(page, "docker exec baked cat /app/server.js")
    expect(last).to_contain_text("express")  # the image's copy ...
    expect(last).not_to_contain_text("edited in the browser")  # ... did not change
    type_line(page, "curl localhost:8080")
    expect(last).to_contain_text("edited-live")  # the bind mount shows the edit at once
    type_line(page, "docker build -t feedback-app ~/feedback-app")
    type_line(page, "docker run -d -p 8001:80 --name rebuilt feedback-app")
    type_line(page, "docker exec rebuilt cat /app/server.js")
    expect(last).to_contain_text("edited in the browser")  # a rebuilt image and a new container have it


def test_lab_page_in_english(page: Page, live_server: str, two_terminal_lab: Lab):
    open_lab(page, live_server, two_terminal_lab.id)
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("grade")).to_have_text("Grade")
    expect(page.get_by_test_id("term-tab-1")).to_contain_text("Terminal 1")
    expect(page.get_by_role("table", name="Containers")).to_be_visible()
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_test_id("grade")).to_have_text("채점")


def _paste(page: Page, text: str) -> None:
    page.get_by_test_id("term-input").evaluate(
        """(input, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        text,
    )


def test_pasting_several_lines_runs_each_and_a_huge_paste_is_refused(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    _paste(page, "docker volume create p1\ndocker volume create p2\n")
    volumes = page.get_by_test_id("state-volumes")
    expect(volumes).to_contain_text("p1")
    expect(volumes).to_contain_text("p2")
    _paste(page, "echo " + "x" * 5000)
    expect(page.get_by_test_id("term-message")).to_contain_text("너무 큽니다")
    expect(page.get_by_test_id("term-input")).to_have_value("")


def test_output_arriving_later_reaches_a_busy_terminal_and_another_tab_by_polling(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    type_line(page, "docker run --name web -p 8080:80 nginx", 1)
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    other = page.context.new_page()  # the same learner in a second tab
    open_lab(other, live_server, "@playground")
    expect(other.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    type_line(page, "curl localhost:8080", 2)
    expect(output(page, 2)).to_contain_text("Welcome to nginx")
    expect(output(page, 1)).to_contain_text('"GET / HTTP/1.1" 200')  # the access log on terminal 1
    with other.expect_response(lambda r: r.url.endswith("/poll")):
        pass
    expect(output(other, 1)).to_contain_text('"GET / HTTP/1.1" 200', timeout=5000)
    expect(output(other, 2)).to_contain_text("Welcome to nginx")


def test_a_broken_reply_does_not_stop_later_commands(page: Page, live_server: str):
    open_lab(page, live_server, "@playground")
    broken = {"done": False}

    def once(route):
        if broken["done"]:
            route.continue_()
            return
        broken["done"] = True
        route.fulfill(status=200, content_type="application/json", body="{not json")

    page.route("**/labs/@playground/run", once)
    box = page.get_by_test_id("term-input")
    box.fill("docker volume ls")
    box.press("Enter")
    expect(page.get_by_test_id("term-message")).to_contain_text("요청을 처리하지 못했습니다")
    type_line(page, "docker volume create after-failure")
    expect(page.get_by_test_id("state-volumes")).to_contain_text("after-failure")


def test_ctrl_c_works_with_the_korean_ime_in_hangul_mode(page: Page, live_server: str):
    """In Hangul mode Ctrl+C can arrive as key "ㅊ" with code "KeyC": it must still stop the run."""
    open_lab(page, live_server, "@playground")
    type_line(page, "docker run --name hangul nginx")
    expect(page.get_by_test_id("term-tab-1")).to_have_class(re.compile(r"\bis-busy\b"))
    page.get_by_test_id("term-input").dispatch_event(
        "keydown", {"key": "ㅊ", "code": "KeyC", "ctrlKey": True, "bubbles": True, "cancelable": True}
    )
    expect(page.get_by_test_id("term-tab-1")).not_to_have_class(re.compile(r"\bis-busy\b"))


def test_a_lost_hint_request_is_not_sent_twice_but_a_lost_command_is(
    page: Page, live_server: str, two_terminal_lab: Lab
):
    open_lab(page, live_server, two_terminal_lab.id)
    sent: list[str] = []

    def lose(route):
        sent.append(route.request.url.rsplit("/", 1)[-1])
        if sent.count(sent[-1]) == 1:
            route.abort()  # the first try of each action is lost on the network
        else:
            route.continue_()

    page.route("**/labs/*/hint", lose)
    page.route("**/labs/*/run", lose)
    page.get_by_test_id("hint").click()
    expect(page.get_by_test_id("term-message")).to_contain_text("서버에 연결하지 못했습니다")
    assert sent == ["hint"]  # a hint sent twice would use up two hints
    expect(page.get_by_test_id("hint-count")).to_have_text("0")
    type_line(page, "docker volume create retried")  # the run is retried with the same command id
    expect(page.get_by_test_id("state-volumes")).to_contain_text("retried")
    assert sent == ["hint", "run", "run"]


def test_phone_layout_puts_the_goal_right_after_the_terminal(page: Page, live_server: str, two_terminal_lab: Lab):
    page.set_viewport_size({"width": 360, "height": 740})
    open_lab(page, live_server, two_terminal_lab.id)

    def top(selector: str) -> float:
        return page.locator(selector).first.bounding_box()["y"]

    assert top(".task") < top(".terminal-area") < top(".goal") < top(".state-area") < top(".editor-area")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
