"""The real course in content/: it parses cleanly, meets the course's minimums, every lab is
solved by its own solution and not by its untouched setup, and every command answer's
reference grades as right (the same replay `flask content check` does)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from app.curriculum import (
    QUESTION_KINDS,
    Course,
    Lab,
    course_stats,
    parse_course,
)
from app.grading import grade_question, replay, validate_check
from tests.catalogue import english

CONTENT = Path(__file__).resolve().parents[1] / "content"


def _sources() -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(CONTENT.parent)), p.read_text(encoding="utf-8"))
        for p in sorted((CONTENT / "lessons").glob("*.md"))
    ]


def _fixtures() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for folder in sorted(p for p in (CONTENT / "fixtures").iterdir() if p.is_dir()):
        out[folder.name] = {
            str(f.relative_to(folder)): f.read_text(encoding="utf-8") for f in sorted(folder.rglob("*")) if f.is_file()
        }
    return out


@pytest.fixture(scope="module")
def parsed() -> tuple[Course, list]:
    return parse_course(_sources(), check_validator=validate_check, fixtures=_fixtures())


@pytest.fixture(scope="module")
def course(parsed: tuple[Course, list]) -> Course:
    return parsed[0]


def test_everything_parses_without_errors(parsed: tuple[Course, list]) -> None:
    _, errors = parsed
    assert [str(e) for e in errors] == []


def test_every_lesson_file_became_a_lesson(course: Course) -> None:
    assert len(course.lessons) == len(_sources())


def test_lesson_files_are_named_by_order(course: Course) -> None:
    for lesson in course.lessons:
        name = Path(lesson.path).name
        assert re.fullmatch(r"\d{2}-[a-z0-9-]+\.md", name), name
        assert int(name[:2]) == lesson.order, name
    assert [les.order for les in course.lessons] == list(range(1, len(course.lessons) + 1))


def test_ids_are_unique_across_the_course(course: Course) -> None:
    ids = [item.id for lesson in course.lessons for item in lesson.items()]
    assert len(ids) == len(set(ids)) == len(course.by_id)
    assert len({les.id for les in course.lessons}) == len(course.lessons)


def test_course_minimums(course: Course) -> None:
    """The counts issue 13 asks for, as minimums (a lesson added later keeps them true)."""
    stats = course_stats(course)
    assert stats["lessons"] >= 14
    assert stats["flashcards"] >= 110
    assert sum(stats["questions"].values()) >= 100
    assert stats["labs"] >= 30
    assert all(stats["questions"][kind] > 0 for kind in QUESTION_KINDS), stats["questions"]


def test_every_lesson_is_checked_for_minimums(course: Course) -> None:
    """A lesson an instructor adds is held to the same minimums as the others."""
    assert len(course.lessons) >= 14
    assert len(_sources()) == len(course.lessons)


@pytest.mark.parametrize("order", range(1, len(_sources()) + 1))
def test_each_lesson_minimums(course: Course, order: int) -> None:
    lesson = course.lessons[order - 1]
    assert len(lesson.flashcards) >= 6
    assert len(lesson.questions) >= 6
    assert len({q.kind for q in lesson.questions}) >= 3
    assert lesson.labs, "every lesson has hands-on practice"
    assert len(lesson.body_markdown) > 1500, "real explanatory prose, not a bullet dump"


def test_every_question_has_an_explanation(course: Course) -> None:
    assert all(q.explanation.strip() for q in course.questions)


def test_every_lab_is_complete(course: Course) -> None:
    for lab in course.labs:
        assert isinstance(lab, Lab)
        assert len(lab.hints) >= 2, lab.id
        assert lab.solution and lab.goal.checks, lab.id
        assert lab.goal.policy in ("checks", "strict"), lab.id


def test_command_answers_are_docker_commands(course: Course) -> None:
    commands = [q for q in course.questions if q.kind == "command"]
    assert commands
    for q in commands:
        assert all(line.startswith("docker ") for line in q.key["reference"]), q.id


def test_labs_use_multiple_terminals_and_ctrl_c(course: Course) -> None:
    steps = [s for lab in course.labs for s in lab.solution_steps()]
    assert any(s.terminal == 1 for s in steps)
    assert any(s.is_interrupt for s in steps)


def test_no_em_dash_options_in_commands(course: Course) -> None:
    lines = [s.command for lab in course.labs for s in lab.solution_steps()]
    lines += [line for q in course.questions if q.kind == "command" for line in q.key["reference"]]
    assert not [line for line in lines if "—" in line or "–" in line]


def test_the_notes_mistakes_are_corrected(course: Course) -> None:
    lesson = course.lesson("attached-detached")
    assert "unknown shorthand flag: 'p' in -p" in lesson.body_markdown
    # 065a38b6 is an *image* id in the notes' `docker run` line: start needs a container
    assert "docker start -a feedback" in lesson.body_markdown
    assert "No such container: 065a38b6" in lesson.body_markdown
    assert "컨네이너" in lesson.body_markdown  # named as the notes' typo, and corrected
    assert "`--rm`" in course.lesson("remove-and-data-loss").body_markdown
    assert "docker: invalid reference format" in course.lesson("remove-and-data-loss").body_markdown  # "—rm"


def test_every_item_has_its_placeholder(course: Course) -> None:
    for lesson in course.lessons:
        for item in lesson.items():
            assert f'data-id="{item.id}"' in lesson.html, item.id


def test_text_is_nfc() -> None:
    for path, text in _sources():
        assert unicodedata.is_normalized("NFC", text), path


def test_question_kinds_spread(course: Course) -> None:
    kinds = Counter(q.kind for q in course.questions)
    assert kinds["command"] >= 5


def test_the_readme_worked_example_is_a_valid_lesson() -> None:
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    start = readme.index("````markdown\n---\nid: docker-exec")
    body = readme[start + len("````markdown\n") : readme.index("\n````\n", start)]
    course, errors = parse_course([("17-docker-exec.md", body)], check_validator=validate_check)
    assert [str(e) for e in errors] == []
    lesson = course.lesson("docker-exec")
    assert [lab.id for lab in lesson.labs] == ["lab-exec-touch"]
    assert {q.kind for q in lesson.questions} == {"command", "true_false"}


def test_the_readme_itself_renders_its_examples_as_code() -> None:
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    course, errors = parse_course([("README.md", "---\nid: readme\ntitle: r\norder: 1\nsummary: s\n---\n" + readme)])
    assert [str(e) for e in errors] == []
    assert course.by_id == {}  # blocks inside ```` fences are examples, not items


def _real_course() -> Course:
    course, errors = parse_course(_sources(), check_validator=validate_check, fixtures=_fixtures())
    assert errors == []
    return course


REAL_COURSE = _real_course()


@pytest.mark.parametrize("lab", REAL_COURSE.labs, ids=lambda lab: lab.id)
def test_every_lab_is_solved_by_its_solution_and_not_by_its_setup(lab) -> None:
    """Also replays each declared shortcut: every one must fail the goal."""
    assert replay.lab_problems(lab, _fixtures()) == []


def test_every_lab_declares_the_shortcuts_its_goal_rejects(course: Course) -> None:
    assert [lab.id for lab in course.labs if not lab.shortcuts] == []


@pytest.mark.parametrize("lab", REAL_COURSE.labs, ids=lambda lab: lab.id)
def test_the_untouched_setup_scores_zero(lab) -> None:
    host, _ = replay.lab_host(lab, _fixtures())
    verdict = replay.grade(lab, host)
    assert (verdict.score, verdict.passed) == (0, False)
    assert verdict.max_score > 0


@pytest.mark.parametrize("question", [q for q in REAL_COURSE.questions if q.kind == "command"], ids=lambda q: q.id)
def test_every_command_answers_reference_grades_right(question) -> None:
    verdict = grade_question("command", question.key, "\n".join(question.key["reference"]))
    assert verdict.passed, english(verdict.feedback)


def test_the_readme_broken_example_reports_what_the_readme_shows() -> None:
    """README §6 breaks the worked example in three ways and quotes the messages: keep them true."""
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    start = readme.index("````markdown\n---\nid: docker-exec")
    body = readme[start + len("````markdown\n") : readme.index("\n````\n", start)] + "\n"
    hint = "  - 빈 파일은 `touch`로 만듭니다. `docker exec` 뒤에 컨테이너 이름, 그다음에 실행할 명령을 씁니다.\n"
    explanation = next(
        line for line in body.splitlines(keepends=True) if line.startswith('explanation: "`docker exec 컨테이너 명령`')
    )
    assert hint in body and "id: q-exec-new-container\n" in body
    broken = (
        body.replace(hint, "  - 정답은 docker exec feedback touch /app/hello.txt 입니다.\n")
        .replace(explanation, "")
        .replace("id: q-exec-new-container\n", "id: fc-exec-vs-run\n")
    )
    path = "content/lessons/17-docker-exec.md"
    _, errors = parse_course([(path, broken)], check_validator=validate_check)
    shown = re.search(r"세 군데 망가뜨려.*?```text\n(.*?)```", readme, re.S).group(1).splitlines()
    assert [str(e) for e in errors] == [line for line in shown if not line.startswith("Error:")]


@pytest.mark.parametrize(
    ("question_id", "answer", "right"),
    [
        ("q-logs-follow-command", "docker logs -f feedback", True),
        ("q-logs-follow-command", "docker logs -f -t feedback", True),
        ("q-logs-follow-command", "docker logs -n 20 -f feedback", True),
        ("q-logs-follow-command", "docker logs --tail=20 -f feedback", True),
        ("q-logs-follow-command", "docker container logs feedback --follow", True),
        ("q-logs-follow-command", "docker logs -t feedback", False),
        ("q-logs-follow-command", "docker logs -f feedback; docker rm -f feedback", False),
        ("q-detach-keys", "Ctrl+P 다음 Ctrl+Q", True),
        ("q-detach-keys", "ctrl-p, ctrl-q", True),
        ("q-detach-keys", "Ctrl+Q Ctrl+P", False),
        ("q-ps-all-short", "docker ps -aq", True),
        ("q-ps-all-short", "docker ps -q", False),
        ("q-rm-force-command", "docker container rm --force feedback", True),
        ("q-rm-force-command", "docker stop feedback", False),
        ("q-full-start-attached-command", "docker start feedback -a", True),
        ("q-full-start-attached-command", "docker start feedback", False),
    ],
)
def test_answers_are_graded_by_meaning_not_one_spelling(question_id: str, answer: str, right: bool) -> None:
    question = REAL_COURSE.by_id[question_id]
    assert grade_question(question.kind, question.key, answer).passed is right


@pytest.mark.parametrize("question", [q for q in REAL_COURSE.questions if q.kind == "ordering"], ids=lambda q: q.id)
def test_no_ordering_question_arrives_in_its_answer_order(question) -> None:
    from app.grading import display_order

    items = question.key["items"]
    shown = display_order(question, len(items))
    # the form pre-selects positions in display order: that must not be the right answer
    assert grade_question("ordering", question.key, list(range(len(items)))).passed
    assert not grade_question("ordering", question.key, list(shown)).passed
    assert sum(1 for pos, original in enumerate(shown) if pos == original) <= len(items) // 2, shown


_BOLD_SPACE_PARTICLE = re.compile(
    r"(?<=\S)\*\* (이라는|라는|이라고|라고|으로|로|을|를|이|가|은|는|인|에|의|와|과|에서|만|도|까지|부터|처럼)(?=[\s.,)])"
)


def test_no_space_between_closing_bold_and_its_particle() -> None:
    found = [(path, m.group(0)) for path, text in _sources() for m in _BOLD_SPACE_PARTICLE.finditer(text)]
    assert found == []


@pytest.mark.parametrize(
    "wrong", ["포트 연결", "포트를 연결", "포트가 연결", "볼륨을 연결", "볼륨**을 연결", "연결(마운트)"]
)
def test_one_word_for_each_idea_publish_and_mount_are_not_connect(wrong: str) -> None:
    """연결 is attached mode only: ports are 게시(publish)ed, volumes and folders 마운트(mount)ed."""
    assert [path for path, text in _sources() if wrong in text] == []
