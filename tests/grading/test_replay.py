"""Replaying a lab for `flask content check`: an author learns exactly which line went wrong and why."""

import pytest

from app.curriculum import parse_course
from app.grading import validate_check
from app.grading.replay import lab_problems


def _lab(solution: list[str], setup: list[str] | None = None):
    lines = "\n".join(f"  - {line!r}" if line.startswith("[") else f"  - {line}" for line in solution)
    setup_block = ("setup:\n  commands:\n" + "\n".join(f"    - {line}" for line in setup) + "\n") if setup else ""
    block = (
        f"```lab\nid: lab-x\ntitle: t\ntask: t\nhints: [h]\n{setup_block}solution:\n{lines}\n"
        "goal:\n  checks:\n    - check: container_exited\n      name: web\n```"
    )
    source = ("x.md", f"---\nid: x\ntitle: x\norder: 1\nsummary: s\n---\n\n{block}\n")
    course, errors = parse_course([source], check_validator=validate_check)
    assert errors == []
    return course.labs[0]


def test_a_good_two_terminal_solution_has_no_problems():
    assert lab_problems(_lab(["docker run --name web nginx", "[2] docker stop web"]), {}) == []


def test_a_line_typed_into_a_held_terminal_is_named():
    problems = lab_problems(_lab(["docker run --name web nginx", "docker stop web"]), {})
    assert problems[0] == (
        "solution command 'docker stop web' did not run: terminal 1 is still held by an attached command "
        "(type it in another terminal with a '[2] ' prefix, or end the held command with '^C' first)"
    )
    assert problems[1].startswith("the solution does not pass the goal")


@pytest.mark.parametrize(
    "solution",
    [["docker run --name web nginx", "^C"], ["docker run --name web nginx", "[2] docker stop web", "docker ps -a"]],
)
def test_ctrl_c_and_a_released_terminal_are_fine(solution):
    assert lab_problems(_lab(solution), {}) == []


def test_a_failing_solution_line_quotes_dockers_error():
    problems = lab_problems(
        _lab(["docker run -d --name web nginx", "docker start -p 8000:80 web", "docker stop web"]), {}
    )
    assert problems == ["solution command 'docker start -p 8000:80 web' failed: unknown shorthand flag: 'p' in -p"]
