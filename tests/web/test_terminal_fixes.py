"""Terminal defects of issue 14: detach keys, prompts kept in `-it` shells, colour by meaning."""

from __future__ import annotations

import pytest

from tests.web.test_labs import content, post, run, visit  # noqa: F401 - the fixture is reused

pytestmark = pytest.mark.usefixtures("content")


def _entries(reply, terminal: int = 0) -> list[tuple[str, str]]:
    return [(kind, chunk) for _, kind, chunk in reply["output"].get(str(terminal), [])]


def test_ctrl_p_ctrl_q_detaches_and_leaves_the_container_running(client):
    visit(client, "t-stop")
    status, reply = run(client, "t-stop", "docker run -it --name box ubuntu bash")
    assert status == 200 and reply["busy"]["0"]
    status, reply = post(client, "t-stop", "detach", terminal=0)
    assert status == 200 and reply["result"]["busy"] is False and reply["busy"]["0"] is False
    assert reply["prompts"]["0"].startswith("learner@")
    _, reply = run(client, "t-stop", "docker ps")
    row = [line for line in _entries(reply)[-1][1].splitlines() if line.endswith("box")]
    assert row and " Up " in row[0], _entries(reply)


def test_lines_typed_in_an_it_shell_keep_their_prompt(client):
    visit(client, "t-stop")
    run(client, "t-stop", "docker run -it --name box ubuntu bash")
    run(client, "t-stop", "cd /tmp")
    _, reply = run(client, "t-stop", "ls")
    typed = [chunk for kind, chunk in _entries(reply) if kind == "in"]
    assert typed[-2].startswith("root@") and typed[-2].endswith(":/# cd /tmp"), typed
    assert typed[-1].startswith("root@") and typed[-1].endswith(":/tmp# ls"), typed


def test_stderr_of_a_command_that_succeeded_is_not_shown_as_an_error(client):
    visit(client, "t-stop")
    _, reply = run(client, "t-stop", "docker run -d --name fresh redis")
    assert reply["result"]["exit_code"] == 0
    entries = _entries(reply)
    assert any("Unable to find image" in chunk for kind, chunk in entries if kind == "out"), entries
    assert not [chunk for kind, chunk in entries if kind == "err" and chunk.strip()], entries
    _, reply = run(client, "t-stop", "docker rm nope")
    assert any("No such container" in chunk for kind, chunk in _entries(reply) if kind == "err")
