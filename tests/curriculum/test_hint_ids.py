"""Lab hints have ids: `id:` on a hint written as a mapping, else `hint-N` from its place; duplicates are errors."""

from __future__ import annotations

from app.curriculum import Lab, parse_course

from .conftest import fake_check_validator

GOAL = "goal:\n  checks:\n    - check: container_running\n      name: web\n"


def _parse(hints: str) -> tuple[Lab | None, list[str]]:
    block = f"```lab\nid: lab-x\ntitle: t\ntask: t\nhints:\n{hints}solution: [docker ps]\n{GOAL}```"
    text = f"---\nid: t\ntitle: t\norder: 1\nsummary: s\n---\n\n{block}\n"
    course, errors = parse_course([("t.md", text)], check_validator=fake_check_validator)
    lab = next((i for lesson in course.lessons for i in lesson.items() if isinstance(i, Lab)), None)
    return lab, [str(e) for e in errors]


def test_plain_hints_get_their_place_and_named_ones_keep_their_id():
    lab, errors = _parse("  - 첫 힌트\n  - id: ctrl-c-stops\n    text: 둘째 힌트\n  - 셋째 힌트\n")
    assert errors == []
    assert lab is not None
    assert lab.hints == ("첫 힌트", "둘째 힌트", "셋째 힌트")
    assert lab.hint_ids == ("hint-1", "ctrl-c-stops", "hint-3")
    assert lab.hint_refs(2) == ("lab-x/hint-1", "lab-x/ctrl-c-stops")
    assert lab.hint_refs(0) == () and len(lab.hint_refs(9)) == 3


def test_a_duplicate_hint_id_names_both_lines():
    lab, errors = _parse("  - id: same\n    text: 하나\n  - id: same\n    text: 둘\n")
    assert lab is None
    assert errors == ["t.md:15: lab 'lab-x': duplicate hint id 'same' (first defined at t.md:13)"]


def test_bad_reserved_and_incomplete_hint_ids_are_reported_at_their_lines():
    _, errors = _parse(
        "  - id: Bad_Id\n    text: 하나\n  - id: hint-2\n    text: 둘\n  - id: no-text\n  - id: extra\n    text: 넷\n    see: x\n"
    )
    assert errors == [
        "t.md:13: lab 'lab-x': hint 1: bad id 'Bad_Id' (use lowercase letters, digits and '-')",
        "t.md:15: lab 'lab-x': hint 2: hint id 'hint-2' is kept for hints without an id (choose a name)",
        "t.md:17: lab 'lab-x': hint 3: missing 'text'",
        "t.md:20: lab 'lab-x': hint 4: unknown key 'see'",
    ]


def test_a_hint_misread_as_a_mapping_still_gets_the_quoting_advice():
    _, errors = _parse("  - 힌트: 설명\n")
    assert errors[-1].startswith("t.md:12: lab 'lab-x': 'hints' items must be text") and "in quotes" in errors[-1]
