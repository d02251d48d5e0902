"""The optional `shortcuts:` list of a lab block: parsed into Shortcut items, problems reported with lines."""

from __future__ import annotations

import pytest

from app.curriculum import Shortcut, parse_course

LAB = """```lab
id: l
title: t
task: t
hints: [h]
solution:
  - docker run --name web nginx
  - ^C
disabled_commands: [docker kill]
goal:
  checks:
    - check: container_exited
      name: web
{shortcuts}```"""


def _parse(shortcuts: str):
    text = "---\nid: t\ntitle: t\norder: 1\nsummary: s\n---\n\n" + LAB.format(shortcuts=shortcuts) + "\n"
    return parse_course([("t.md", text)])


def test_a_lab_without_shortcuts_has_none() -> None:
    course, errors = _parse("")
    assert errors == []
    assert course.labs[0].shortcuts == ()


def test_shortcuts_are_read_with_their_terminals() -> None:
    course, errors = _parse(
        'shortcuts:\n  - skips: Ctrl+C\n    solution:\n      - docker run --name web nginx\n      - "[2] docker stop web"\n'
    )
    assert errors == []
    (shortcut,) = course.labs[0].shortcuts
    assert isinstance(shortcut, Shortcut)
    assert shortcut.skips == "Ctrl+C"
    assert [(s.terminal, s.command) for s in shortcut.steps()] == [
        (0, "docker run --name web nginx"),
        (1, "docker stop web"),
    ]
    assert shortcut.line == 22


@pytest.mark.parametrize(
    ("shortcuts", "message"),
    [
        (
            "shortcuts: docker stop web\n",
            "t.md:21: lab 'l': 'shortcuts' must be a list of {skips: ..., solution: [...]}",
        ),
        (
            "shortcuts:\n  - docker stop web\n",
            "t.md:21: lab 'l': shortcut 1 must be a mapping with 'skips' and 'solution'",
        ),
        (
            "shortcuts:\n  - skips: x\n",
            "t.md:22: lab 'l': shortcut 1: no 'solution' (the command lines of the shortcut)",
        ),
        ("shortcuts:\n  - solution: [docker ps]\n", "t.md:22: lab 'l': shortcut 1: missing 'skips'"),
        (
            "shortcuts:\n  - skips: x\n    solution: [docker ps]\n    why: y\n",
            "t.md:24: lab 'l': shortcut 1: unknown key 'why'",
        ),
        (
            "shortcuts:\n  - skips: x\n    solution: ['[9] docker ps']\n",
            "t.md:23: lab 'l': shortcut 1: solution line '[9] docker ps': bad terminal prefix '[9]' (use [1] to [4])",
        ),
        (
            "shortcuts:\n  - skips: x\n    solution: [docker kill web]\n",
            "t.md:23: lab 'l': shortcut 1: line 'docker kill web' uses the disabled command 'docker kill' "
            "(the lab refuses it anyway)",
        ),
    ],
)
def test_shortcut_problems(shortcuts: str, message: str) -> None:
    course, errors = _parse(shortcuts)
    assert [str(e) for e in errors] == [message]
    assert course.labs == ()
