"""`flask content check` and `flask content stats`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

COURSE = Path(__file__).parent / "course_fixture"


def test_content_check_passes_on_a_good_course(runner):
    result = runner.invoke(args=["content", "check", "--dir", str(COURSE)])
    assert result.exit_code == 0, result.output
    assert "content OK: 2 lessons, 1 flashcards, 8 questions, 1 labs" in result.output


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(COURSE, target)
    return target


def test_content_check_reports_a_broken_file_with_its_line(runner, tmp_path):
    folder = _copy(tmp_path)
    lesson = folder / "lessons" / "02-next.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("answer: true", "answer: maybe"), encoding="utf-8")
    result = runner.invoke(args=["content", "check", "--dir", str(folder)])
    assert result.exit_code != 0
    assert "lessons/02-next.md:" in result.output
    assert "problem(s) in the content" in result.output


def test_content_check_fails_when_the_solution_does_not_reach_the_goal(runner, tmp_path):
    folder = _copy(tmp_path)
    lesson = folder / "lessons" / "02-next.md"
    text = lesson.read_text(encoding="utf-8").replace(
        "docker run -d --name web -p 8080:80 nginx", "docker run -d --name web -p 9090:80 nginx"
    )
    lesson.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["content", "check", "--dir", str(folder)])
    assert result.exit_code != 0
    assert "lab 'lab-sample-detached': the solution does not pass the goal" in result.output


def test_content_check_fails_when_the_setup_already_passes(runner, tmp_path):
    folder = _copy(tmp_path)
    lesson = folder / "lessons" / "02-next.md"
    text = (
        lesson.read_text(encoding="utf-8")
        .replace(
            'task: "`nginx`', 'setup:\n  commands:\n    - docker run -d --name web -p 8080:80 nginx\ntask: "`nginx`'
        )
        .replace("  - docker run -d --name web -p 8080:80 nginx\ngoal", "  - docker ps\ngoal")
    )
    lesson.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["content", "check", "--dir", str(folder)])
    assert result.exit_code != 0
    assert "the untouched setup already passes the goal" in result.output


def test_content_stats_json(runner):
    result = runner.invoke(args=["content", "stats", "--json", "--dir", str(COURSE)])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["lessons"] == 2 and stats["labs"] == 1 and stats["flashcards"] == 1
    assert stats["questions"] == {
        "single": 1,
        "multiple": 1,
        "true_false": 2,
        "short": 1,
        "command": 0,
        "ordering": 1,
        "matching": 1,
        "cloze": 1,
    }
    assert [row["id"] for row in stats["per_lesson"]] == ["sample", "next"]
