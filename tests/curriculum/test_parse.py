"""Parsing a good lesson into the canonical frozen shapes."""

from __future__ import annotations

import dataclasses
import unicodedata
from types import MappingProxyType

import pytest

from app.curriculum import (
    Course,
    Flashcard,
    Lab,
    Question,
    SolutionStep,
    fixture_files,
    load_course,
    parse_solution_line,
    render_markdown,
)

from .conftest import FAKE_FIXTURES, fake_check_validator


@pytest.fixture
def course(good_source: tuple[str, str]) -> Course:
    return load_course([good_source], check_validator=fake_check_validator, fixtures=FAKE_FIXTURES)


def test_lesson_front_matter_and_items(course: Course) -> None:
    (lesson,) = course.lessons
    assert (lesson.id, lesson.title, lesson.order, lesson.summary) == (
        "sample",
        "견본 레슨",
        1,
        "모든 블록 종류를 담은 견본",
    )
    assert lesson.path == "good.md"
    assert [c.id for c in lesson.flashcards] == ["fc-sample"]
    assert [q.id for q in lesson.questions] == [
        "q-single",
        "q-single-answer",
        "q-multiple",
        "q-tf",
        "q-short",
        "q-command",
        "q-ordering",
        "q-matching",
        "q-cloze",
    ]
    assert [lab.id for lab in lesson.labs] == ["lab-sample"]
    assert course.lesson("sample") is lesson
    assert course.item("q-tf") is lesson.questions[3]
    assert set(course.by_id) == {i.id for i in lesson.items()}


def test_flashcard(course: Course) -> None:
    card = course.item("fc-sample")
    assert card == Flashcard("fc-sample", "앞면", "뒷면", ("태그1", "태그2"), "sample", 22)


@pytest.mark.parametrize(
    ("qid", "kind", "key"),
    [
        ("q-single", "single", {"choices": ("오답", "정답", "또 오답"), "correct": 1}),
        ("q-single-answer", "single", {"choices": ("가", "나", "다"), "correct": 2}),
        ("q-multiple", "multiple", {"choices": ("가", "나", "다"), "correct": (0, 2)}),
        ("q-tf", "true_false", {"correct": False}),
        (
            "q-short",
            "short",
            {"accept": ("docker ps -a", "docker ps --all"), "pattern": "^docker (container )?(ps|ls) (-a|--all)$"},
        ),
        (
            "q-command",
            "command",
            {"setup": ("docker build -t app ~/app",), "reference": ("docker run -d -p 8000:80 app",), "seed": 0},
        ),
        ("q-ordering", "ordering", {"items": ("첫째", "둘째", "셋째")}),
        ("q-matching", "matching", {"pairs": (("-d", "분리 모드"), ("-a", "연결 모드"))}),
        (
            "q-cloze",
            "cloze",
            {
                "text": "이미지는 [[1]] 전용이고, 컨테이너는 [[2]] 레이어를 가집니다.",
                "blanks": (("읽기",), ("읽기 쓰기", "read-write")),
            },
        ),
    ],
)
def test_question_keys_have_the_canonical_shape(course: Course, qid: str, kind: str, key: dict) -> None:
    q = course.item(qid)
    assert isinstance(q, Question)
    assert q.kind == kind
    assert dict(q.key) == key
    assert isinstance(q.key, MappingProxyType)
    assert q.explanation == "설명"
    assert q.lesson_id == "sample"


def test_question_hint_and_line(course: Course) -> None:
    q = course.item("q-single")
    assert (q.hint, q.line, q.prompt) == ("힌트", 29, "하나 고르기")
    assert course.item("q-tf").hint is None


def test_lab(course: Course) -> None:
    lab = course.item("lab-sample")
    assert isinstance(lab, Lab)
    assert (lab.title, lab.line, lab.lesson_id) == ("견본 실습", 119, "sample")
    assert lab.task == "앱을 **분리 모드**로 실행하세요."
    assert lab.setup.commands == ("docker build -t app ~/app",)
    assert dict(lab.setup.files) == {"~/notes.txt": "메모\n"}
    assert lab.setup.fixture == "site"
    assert lab.hints == ("첫 힌트", "둘째 힌트")
    assert lab.solution == ("docker run --name web app", "[2] docker stop web", "^C")
    assert lab.solution_steps() == (
        SolutionStep(0, "docker run --name web app"),
        SolutionStep(1, "docker stop web"),
        SolutionStep(0, "^C"),
    )
    assert lab.solution_steps()[2].is_interrupt
    assert lab.goal.policy == "strict"
    first, second = lab.goal.checks
    assert (first.name, dict(first.params), first.weight, first.line) == ("container_exited", {"name": "web"}, 2, 141)
    assert (second.name, dict(second.params), second.weight) == (
        "port_published",
        {"host_port": 8000, "container_port": 80},
        1,
    )
    assert lab.disabled_commands == ("docker rm",)


def test_fixture_files_merge_fixture_then_inline_files(course: Course) -> None:
    lab = course.item("lab-sample")
    assert fixture_files(lab, FAKE_FIXTURES) == {"~/site/index.html": "<h1>hi</h1>", "~/notes.txt": "메모\n"}


def test_items_are_frozen(course: Course) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        course.item("fc-sample").front = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        course.item("q-single").key["correct"] = 0  # type: ignore[index]


def test_html_has_placeholders_instead_of_blocks(course: Course) -> None:
    html = course.lessons[0].html
    assert '<div class="dojo-item" data-kind="flashcard" data-id="fc-sample"></div>' in html
    assert '<div class="dojo-item" data-kind="question" data-id="q-cloze"></div>' in html
    assert '<div class="dojo-item" data-kind="lab" data-id="lab-sample"></div>' in html
    assert "front:" not in html and "explanation" not in html


def test_html_headings_code_and_tables(course: Course) -> None:
    lesson = course.lessons[0]
    assert '<h2 id="명령-예시">명령 예시</h2>' in lesson.html
    assert '<div class="highlight"><pre>' in lesson.html
    assert '<span class="w">' in lesson.html  # Pygments token classes, not inline styles
    assert "<table>" in lesson.html
    assert [(t.level, t.id, t.title) for t in lesson.toc] == [
        (1, "견본-레슨", "견본 레슨"),
        (2, "명령-예시", "명령 예시"),
        (2, "실습", "실습"),
    ]


def test_body_markdown_keeps_the_blocks(course: Course) -> None:
    body = course.lessons[0].body_markdown
    assert body.startswith("\n# 견본 레슨")
    assert "```lab\nid: lab-sample" in body


def test_render_markdown_for_item_text() -> None:
    assert render_markdown("**굵게** `docker ps`") == "<p><strong>굵게</strong> <code>docker ps</code></p>"


def test_a_typed_block_inside_a_longer_fence_is_just_code() -> None:
    text = (
        "---\nid: doc\ntitle: 문서\norder: 1\nsummary: 요약\n---\n\n````markdown\n```question\nid: q-shown\n```\n````\n"
    )
    course = load_course([("doc.md", text)])
    assert course.by_id == {}
    assert "q-shown" in course.lessons[0].html and "dojo-item" not in course.lessons[0].html


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker ps", SolutionStep(0, "docker ps")),
        ("[1] docker ps", SolutionStep(0, "docker ps")),
        ("[2]   docker stop web", SolutionStep(1, "docker stop web")),
        ("[2] ^C", SolutionStep(1, "^C")),
        ("[0] docker ps", "bad terminal prefix '[0]' (use [1] to [4])"),
        ("[x] docker ps", "bad terminal prefix '[x]' (use [1] to [4])"),
        ("[2]", "empty solution line"),
    ],
)
def test_parse_solution_line(line: str, expected: object) -> None:
    assert parse_solution_line(line) == expected


def test_lessons_are_sorted_by_order() -> None:
    def lesson(i: str, order: int) -> tuple[str, str]:
        return f"{i}.md", f"---\nid: {i}\ntitle: t\norder: {order}\nsummary: s\n---\n본문\n"

    course = load_course([lesson("b", 2), lesson("c", 10), lesson("a", 1)])
    assert [les.id for les in course.lessons] == ["a", "b", "c"]


def test_crlf_and_nfd_text_is_normalised() -> None:
    text = "---\r\nid: nfd\r\ntitle: " + unicodedata.normalize("NFD", "한글") + "\r\norder: 1\r\nsummary: s\r\n---\r\n"
    course = load_course([("nfd.md", text)])
    assert course.lessons[0].title == "한글"
