"""Broken content files: `flask content check` names file and line (no traceback), and the site
keeps serving the good lessons while `/healthz` reports the problem (issue 15, item 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.curriculum.loader import MAX_CONTENT_FILE_BYTES, MAX_CONTENT_LINE_CHARS

COURSE = Path(__file__).parent / "course_fixture"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(COURSE, target)
    return target


@pytest.fixture
def app_config(folder: Path):
    return {"CONTENT_DIR": str(folder)}


def break_line(folder: Path, line: int, insert: bytes) -> None:
    """Put `insert` at the start of line `line` (1-based) of the second lesson."""
    path = folder / "lessons" / "02-next.md"
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = insert + lines[line - 1]
    path.write_bytes(b"\n".join(lines))


BREAKAGES = [
    (b"\xff", 7, "lessons/02-next.md:7: invalid UTF-8 (byte 0xff at column 1)"),
    (b"caf\xc3", 8, "lessons/02-next.md:8: invalid UTF-8 (byte 0xc3 at column 4)"),
    (b"a\x00", 7, "lessons/02-next.md:7: control character U+0000 at column 2"),
    (b"x" * (MAX_CONTENT_LINE_CHARS + 1), 7, f"lessons/02-next.md:7: line of {MAX_CONTENT_LINE_CHARS + 1} characters"),
    (b"x" * (5 * 1024 * 1024), 7, f"lessons/02-next.md:1: the file is larger than {MAX_CONTENT_FILE_BYTES} bytes"),
]


@pytest.mark.parametrize(("insert", "line", "message"), BREAKAGES, ids=["0xff", "cut", "NUL", "long", "5MB"])
def test_content_check_names_the_file_and_line_without_a_traceback(runner, folder, insert, line, message):
    break_line(folder, line, insert)
    result = runner.invoke(args=["content", "check", "--dir", str(folder)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert "content OK" not in result.output


@pytest.mark.parametrize(("insert", "line", "message"), BREAKAGES, ids=["0xff", "cut", "NUL", "long", "5MB"])
def test_the_site_stays_up_without_the_broken_lesson(app, client, folder, caplog, insert, line, message):
    break_line(folder, line, insert)
    assert client.get("/").status_code == 200
    assert client.get("/lessons/sample").status_code == 200
    assert client.get("/lessons/next").status_code == 404  # left out
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json() == {"status": "degraded", "content_problems": 1}
    assert message.split(": ", 1)[1].split(" (")[0] in caplog.text


def test_a_broken_fixture_file_is_reported_too(runner, folder):
    (folder / "fixtures" / "broken").mkdir(parents=True)
    (folder / "fixtures" / "broken" / "bad.txt").write_bytes(b"ok\n\xfe\n")
    result = runner.invoke(args=["content", "check", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "fixtures/broken/bad.txt:2: invalid UTF-8 (byte 0xfe at column 1)" in result.output


def test_healthz_says_ok_for_good_content(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
