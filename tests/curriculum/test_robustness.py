"""Whatever text an instructor saves, the parser reports problems instead of crashing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.curriculum import ContentError, parse_course
from app.grading import validate_check

from .conftest import read_fixture

PIECES = [
    "---\n",
    "id: a\n",
    "title: t\n",
    "order: 1\n",
    "summary: s\n",
    "```flashcard\n",
    "```question\n",
    "```lab\n",
    "```\n",
    "````\n",
    "id: q-1\n",
    "kind: single\n",
    "choices:\n",
    "  - (x) 가\n",
    "  - ( ) 나\n",
    "answer: 7\n",
    "goal:\n",
    "  checks:\n",
    "    - check: mount_at\n",
    "solution: ['[2] ^C']\n",
    "hints: [h]\n",
    "text: '[[1]]'\n",
    "blanks: [[a]]\n",
    "pairs: {a: b}\n",
    ": :\n",
    "\t\n",
    "- [\n",
    "한글 문단\n",
    "# 제목\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40))
def test_random_lessons_never_raise(parts: list[str]) -> None:
    course, errors = parse_course([("r.md", "".join(parts))], check_validator=validate_check, fixtures={})
    assert all(isinstance(e, ContentError) and e.line >= 1 for e in errors)
    assert len(course.lessons) == (0 if errors else 1)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_good_lesson_never_raises(data: st.DataObject) -> None:
    path, text = read_fixture("good.md")
    lines = text.split("\n")
    i = data.draw(st.integers(0, len(lines) - 1))
    lines[i] = data.draw(
        st.sampled_from(["", "  - (x)", "```", "id: q-single", "kind: cloze", "weight: -1", "]]", lines[i][:3]])
    )
    _, errors = parse_course([(path, "\n".join(lines))], check_validator=validate_check, fixtures={"site": {}})
    assert all(1 <= e.line <= len(lines) + 1 for e in errors)
