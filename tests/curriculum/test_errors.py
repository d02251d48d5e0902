"""Broken lesson files: every problem reported once, as ``file:line: message``, all collected."""

from __future__ import annotations

import pytest

from app.curriculum import ContentError, CourseInvalid, command_is_disabled, load_course, parse_course, parse_lesson

from .conftest import FAKE_FIXTURES, fake_check_validator, read_fixture

CASES = [
    (
        "bad-yaml.md",
        # the YAML parser's line is mapped to the file line; the good card next to it still parses
        ["bad-yaml.md:17: question: bad YAML: mapping values are not allowed here"],
    ),
    (
        "no-front-matter.md",
        ["no-front-matter.md:1: missing front matter (the file must start with a line '---')"],
    ),
    (
        "bad-front-matter.md",
        [
            "bad-front-matter.md:2: front matter: bad id 'Bad_Id' (use lowercase letters, digits and '-')",
            "bad-front-matter.md:2: front matter: missing 'title'",
            "bad-front-matter.md:3: front matter: 'order' must be a whole number of at least 1",
            "bad-front-matter.md:5: front matter: unknown key 'author'",
        ],
    ),
    (
        "unknown-kinds.md",
        [
            "unknown-kinds.md:8: unknown block kind 'quiz' (expected flashcard, question, lab, or a code language)",
            "unknown-kinds.md:14: question 'q-essay': unknown question kind 'essay' (expected one of: "
            "single, multiple, true_false, short, command, ordering, matching, cloze)",
            "unknown-kinds.md:23: flashcard 'fc-typo': unknown key 'tag'",
        ],
    ),
    (
        "choices.md",
        [
            "choices.md:12: question 'q-none': no correct choice (mark one with '(x) ' or give 'answer')",
            "choices.md:23: question 'q-range': answer 4 is out of range (choices are numbered 1 to 3)",
            "choices.md:31: question 'q-two': 2 correct choices; a single choice question needs exactly one"
            " (or use kind: multiple)",
            "choices.md:38: question 'q-no-explanation': missing 'explanation'",
        ],
    ),
    (
        "duplicate-id.md",
        ["duplicate-id.md:14: duplicate id 'fc-same' (first defined at duplicate-id.md:8)"],
    ),
    (
        "labs.md",
        [
            "labs.md:9: lab 'lab-no-solution': no solution (give 'solution': the command lines that solve the lab)",
            "labs.md:26: lab 'lab-no-checks': no checks (list them under 'goal: checks:')",
            "labs.md:33: lab 'lab-bad-check': unknown fixture folder 'no-such-folder' (no content/fixtures/no-such-folder/)",
            "labs.md:35: lab 'lab-bad-check': hint 1 gives away the solution command 'docker run -d -p 8000:80 nginx'",
            "labs.md:37: lab 'lab-bad-check': solution line '[9] docker ps': bad terminal prefix '[9]' (use [1] to [4])",
            "labs.md:41: lab 'lab-bad-check': unknown policy 'lenient' (expected checks or strict)",
            "labs.md:43: lab 'lab-bad-check': check 'container_runing': unknown check",
            "labs.md:45: lab 'lab-bad-check': check 'port_published': 'host_port' must be a whole number",
            "labs.md:48: lab 'lab-bad-check': check 'port_published': 'weight' must be a whole number of at least 1",
        ],
    ),
    (
        "unclosed.md",
        ["unclosed.md:8: flashcard block is not closed (add a closing ``` line)"],
    ),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_reports_exact_messages(name: str, expected: list[str]) -> None:
    _, errors = parse_course(
        [read_fixture(f"broken/{name}")], check_validator=fake_check_validator, fixtures=FAKE_FIXTURES
    )
    assert [str(e) for e in errors] == expected


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_gives_no_lesson(name: str, expected: list[str]) -> None:
    lesson, errors = parse_lesson(
        *read_fixture(f"broken/{name}"), check_validator=fake_check_validator, fixtures=FAKE_FIXTURES
    )
    assert lesson is None and len(errors) == len(expected)


def test_checks_and_fixtures_are_not_validated_without_a_validator() -> None:
    _, errors = parse_course([read_fixture("broken/labs.md")])
    messages = [e.message for e in errors]
    assert not any("unknown check" in m or "fixture" in m or "host_port" in m for m in messages)
    assert "lab 'lab-bad-check': unknown policy 'lenient' (expected checks or strict)" in messages


def test_ids_and_orders_are_unique_across_files(good_source: tuple[str, str]) -> None:
    _, errors = parse_course(
        [good_source, read_fixture("broken/other-lesson.md")],
        check_validator=fake_check_validator,
        fixtures=FAKE_FIXTURES,
    )
    assert [str(e) for e in errors] == [
        "other-lesson.md:4: duplicate lesson order 1 (also used by good.md)",
        "other-lesson.md:8: duplicate id 'fc-sample' (first defined at good.md:22)",
    ]


def test_problems_in_several_files_are_all_collected() -> None:
    sources = [read_fixture(f"broken/{name}") for name, _ in CASES]
    course, errors = parse_course(sources, check_validator=fake_check_validator, fixtures=FAKE_FIXTURES)
    messages = [str(e) for e in errors]
    expected = [m for _, case in CASES for m in case]
    assert sorted(m for m in messages if "duplicate lesson order" not in m) == sorted(expected)
    # every broken file with a readable front matter says order 1: five of six repeat it
    assert sum("duplicate lesson order 1" in m for m in messages) == 5
    assert course.lessons == ()


def test_load_course_raises_with_all_errors() -> None:
    with pytest.raises(CourseInvalid) as info:
        load_course([read_fixture("broken/choices.md")])
    assert len(info.value.errors) == 4
    assert (
        str(info.value).splitlines()[0]
        == "choices.md:12: question 'q-none': no correct choice (mark one with '(x) ' or give 'answer')"
    )


def test_content_error_str() -> None:
    assert str(ContentError("content/lessons/01-a.md", 7, "bad")) == "content/lessons/01-a.md:7: bad"


def _lesson(block: str) -> tuple[str, str]:
    return "t.md", f"---\nid: t\ntitle: t\norder: 1\nsummary: s\n---\n\n{block}\n"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("```flashcard\nfront: 앞\nback: 뒤\n```", "t.md:9: flashcard: missing 'id'"),
        (
            "```flashcard\nid: Card_1\nfront: 앞\nback: 뒤\n```",
            "t.md:9: flashcard: bad id 'Card_1' (use lowercase letters, digits and '-')",
        ),
        ("```flashcard\nid: c\nfront: 앞\n```", "t.md:9: flashcard 'c': missing 'back'"),
        ("```flashcard\n- 목록\n```", "t.md:8: flashcard: the block must be a YAML mapping (id: ..., ...)"),
        (
            "```question\nid: q\nkind: true_false\nprompt: p\nanswer: yes please\nexplanation: e\n```",
            "t.md:12: question 'q': 'answer' must be true or false",
        ),
        (
            "```question\nid: q\nkind: short\nprompt: p\naccept: no\nexplanation: e\n```",
            "t.md:12: question 'q': 'accept' items must be text (quote values such as yes, no, on, off, true, false)",
        ),
        # `- 힌트: 설명` unquoted is a YAML mapping, not text: say so
        (
            "```question\nid: q\nkind: short\nprompt: p\naccept:\n  - 정답: 바인드 마운트\nexplanation: e\n```",
            "t.md:12: question 'q': 'accept' items must be text (a ': ' inside an unquoted value makes YAML read it"
            " as 'key: value'; put the whole value in quotes or use a '|' block)",
        ),
        (
            "```question\nid: q\nkind: short\nprompt: p\npattern: '[a'\nexplanation: e\n```",
            "t.md:12: question 'q': 'pattern' is not a valid regular expression: unterminated character set at position 0",
        ),
        (
            "```question\nid: q\nkind: ordering\nprompt: p\nitems: [하나]\nexplanation: e\n```",
            "t.md:12: question 'q': 'items' needs at least 2 entries",
        ),
        (
            "```question\nid: q\nkind: matching\nprompt: p\npairs: [[a, x], [b, x]]\nexplanation: e\n```",
            "t.md:12: question 'q': each left and each right text must be different from the others",
        ),
        (
            "```question\nid: q\nkind: cloze\nprompt: p\ntext: 빈칸 [[1]] 하나\nblanks: [가, 나]\nexplanation: e\n```",
            "t.md:12: question 'q': 'text' must contain the blanks [[1]] to [[2]] once each (found: [[1]])",
        ),
        (
            "```question\nid: q\nkind: command\nprompt: p\nexplanation: e\n```",
            "t.md:9: question 'q': missing 'reference'",
        ),
        (
            "```question\nid: q\nkind: single\nprompt: p\nchoices: [가, 나]\nanswer: 1\nmarks: 2\nexplanation: e\n```",
            "t.md:14: question 'q': unknown key 'marks'",
        ),
        (
            '```question\nid: q\nkind: single\nprompt: p\nchoices:\n  - (x) "가"\n  - ( ) 나\nexplanation: e\n```',
            "t.md:12: question 'q': choice 1: quote the whole item ('(x) text'), not only the text after the mark",
        ),
        (
            "```question\nid: q\nkind: multiple\nprompt: p\nchoices: [가, 나]\nanswer: [1, 0]\nexplanation: e\n```",
            "t.md:13: question 'q': answer 0 is out of range (choices are numbered 1 to 2)",
        ),
        (
            "```lab\nid: l\ntitle: t\ntask: t\nhints: [h]\nsolution: [docker ps]\ngoal:\n  checks:\n    - name: web\n```",
            "t.md:15: lab 'l': each check must be a mapping with 'check: <name>'",
        ),
        (
            "```lab\nid: l\ntitle: t\ntask: t\nsolution: [docker ps]\ngoal:\n  checks:\n    - check: container_running\n      name: web\n```",
            "t.md:9: lab 'l': no hints (give 'hints', from a nudge to almost the answer)",
        ),
        (
            "```lab\nid: l\ntitle: t\ntask: t\nhints: [h]\nsolution: [docker ps]\nsetup:\n  files:\n    notes.txt: hi\ngoal:\n  checks:\n    - check: container_running\n      name: web\n```",
            "t.md:15: lab 'l': file path 'notes.txt' must start with '~/' or '/'",
        ),
        (
            "```lab\nid: l\ntitle: t\ntask: t\nhints: [h]\nsolution: [docker rm -f web]\ndisabled_commands: [docker rm]\ngoal:\n  checks:\n    - check: container_running\n      name: web\n```",
            "t.md:13: lab 'l': solution line 'docker rm -f web' uses the disabled command 'docker rm'",
        ),
    ],
)
def test_single_problem_messages(block: str, message: str) -> None:
    _, errors = parse_course([_lesson(block)], check_validator=fake_check_validator)
    assert [str(e) for e in errors] == [message]


@pytest.mark.parametrize(
    ("command", "blocked"),
    [
        ("docker rm -f web", "docker rm"),
        ("docker rmi nginx", None),
        ("docker  run -d nginx", "docker run"),
        ("docker container rm web", "docker rm"),  # the first entry that blocks it
        ("docker ps", None),
        # docker's aliases are the same command, and every part of a joined line counts
        ("docker container remove web", "docker rm"),
        ("docker container run -d nginx", "docker run"),
        ("docker ps -a && docker rm -f web", "docker rm"),
        ("docker ps; docker container rm web", "docker rm"),
        ("docker image rm nginx", None),
    ],
)
def test_command_is_disabled(command: str, blocked: str | None) -> None:
    assert command_is_disabled(command, ("docker rm", "docker run", "docker container rm")) == blocked


def test_a_disabled_entry_written_as_an_alias_blocks_the_short_form_too() -> None:
    assert command_is_disabled("docker rmi nginx", ("docker image rm",)) == "docker image rm"
    assert command_is_disabled("docker container prune -f", ("docker container prune",)) == "docker container prune"


def test_check_problems_with_the_real_grading_registry() -> None:
    """The fake validator stands in elsewhere; here the grader's own messages reach the author."""
    from app.grading import validate_check

    block = (
        "```lab\nid: l\ntitle: t\ntask: t\nhints: [h]\nsolution: [docker run -d -p 8000:80 --name web nginx]\n"
        "goal:\n  checks:\n"
        "    - check: container_runing\n      name: web\n"
        "    - check: port_published\n      hostport: 8000\n      container_port: 80\n"
        "    - check: mount_at\n      path: data\n      type: volume\n```"
    )
    _, errors = parse_course([_lesson(block)], check_validator=validate_check)
    assert [str(e) for e in errors] == [
        "t.md:16: lab 'l': check 'container_runing': unknown check 'container_runing'; "
        "did you mean container_running, container_config, container_exited?",
        "t.md:18: lab 'l': check 'port_published': unknown parameter 'hostport'; did you mean 'host_port'?",
        "t.md:18: lab 'l': check 'port_published': missing required parameter 'host_port' (a port number 1-65535)",
        "t.md:21: lab 'l': check 'mount_at': parameter 'path' must be an absolute path starting with / "
        "(or ~/ on the host), got 'data'",
        # every problem at once: the missing selector is reported beside the bad path
        "t.md:21: lab 'l': check 'mount_at': give 'container' (a name) or 'image' to select the container",
    ]
