"""Moodle XML and GIFT of the question bank, read back with an XML parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from types import MappingProxyType

import pytest

from app.curriculum import Question
from app.reports.question_bank import gift, gift_escape, moodle_xml
from app.services.course import parse_content

CONTENT = Path(__file__).resolve().parents[2] / "content"


def question(qid: str, kind: str, lesson: str = "basics", **key: object) -> Question:
    return Question(qid, kind, f"{qid}의 질문: `docker`?", "설명 {중괄호}", None, MappingProxyType(key), lesson, 1)


BANK = [
    question("q-single", "single", choices=("run", "start", "exec"), correct=0),
    question("q-multi", "multiple", choices=("a", "b", "c", "d"), correct=(0, 2)),
    question("q-tf", "true_false", correct=False),
    question("q-short", "short", accept=("nginx", "NGINX"), pattern=None),
    question("q-regex-only", "short", accept=(), pattern="^ngi"),
    question("q-cmd", "command", setup=(), reference=("docker ps -a",), seed=0),
    question("q-cmd-two", "command", setup=(), reference=("docker pull x", "docker run x"), seed=0),
    question("q-order", "ordering", lesson="next", items=("build", "run", "stop")),
    question("q-match", "matching", lesson="next", pairs=(("-d", "분리"), ("-p", "포트"))),
    question(
        "q-cloze", "cloze", lesson="next", text="docker [[1]] -d [[2]]", blanks=(("run",), ("nginx", "nginx:latest"))
    ),
    question("q-cloze-one", "cloze", lesson="next", text="docker [[1]] nginx", blanks=(("run",),)),
]
TITLES = {"basics": "01 기초", "next": "02 다음: 단계"}


def by_name(root: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}


def test_moodle_xml_exports_every_kind_with_categories_by_lesson():
    bank = moodle_xml(BANK, TITLES)
    root = ET.fromstring(bank.text)
    categories = [q.findtext("category/text") for q in root.iter("question") if q.get("type") == "category"]
    assert categories == ["$course$/top/Docker Dojo/01 기초", "$course$/top/Docker Dojo/02 다음: 단계"]
    questions = by_name(root)
    assert dict(bank.skipped) == {
        "q-regex-only": "short answer with only a regular expression (Moodle short answer has none)",
        "q-cmd-two": "command answer of several command lines (Moodle has no such kind)",
    }
    assert set(questions) | set(dict(bank.skipped)) == {q.id for q in BANK}  # nothing dropped silently
    assert bank.exported == len(questions) == 9
    assert {qid for qid, _ in bank.approximated} == {"q-cmd", "q-order"}
    assert [q.get("type") for q in questions.values()] == [
        "multichoice", "multichoice", "truefalse", "shortanswer", "shortanswer", "matching", "matching", "cloze", "cloze",
    ]  # fmt: skip
    single = questions["q-single"]
    assert single.findtext("single") == "true" and single.findtext("idnumber") == "q-single"
    assert [(a.get("fraction"), a.findtext("text")) for a in single.iter("answer")] == [
        ("100", "run"), ("0", "start"), ("0", "exec"),
    ]  # fmt: skip
    assert single.find("questiontext").get("format") == "markdown"
    assert single.findtext("questiontext/text") == "q-single의 질문: `docker`?"
    multi = questions["q-multi"]
    assert [a.get("fraction") for a in multi.iter("answer")] == ["50", "-50", "50", "-50"]
    assert [a.get("fraction") for a in questions["q-tf"].iter("answer")] == ["0", "100"]
    assert [a.findtext("text") for a in questions["q-cmd"].iter("answer")] == ["docker ps -a"]
    order = questions["q-order"]
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in order.iter("subquestion")] == [
        ("build", "1"), ("run", "2"), ("stop", "3"),
    ]  # fmt: skip
    assert (
        questions["q-cloze"]
        .findtext("questiontext/text")
        .endswith("docker {1:SHORTANSWER:=run} -d {1:SHORTANSWER:=nginx~=nginx:latest}")
    )


def test_gift_escapes_and_skips_what_it_cannot_say():
    bank = gift(BANK, TITLES)
    assert "q-cloze" in dict(bank.skipped) and "q-cloze-one" not in dict(bank.skipped)
    assert bank.exported + len(bank.skipped) == len(BANK)
    text = bank.text
    assert "$CATEGORY: $course$/top/Docker Dojo/01 기초" in text
    assert "::q-single::[markdown]q-single의 질문\\: `docker`?{=run ~start ~exec ####설명 \\{중괄호\\}}" in text
    assert "{~%50%a ~%-50%b ~%50%c ~%-50%d ####" in text
    assert "::q-tf::[markdown]q-tf의 질문\\: `docker`?{FALSE ####" in text
    assert "{=build -> 1 =run -> 2 =stop -> 3 ####" in text
    assert "{=\\-d -> 분리 =\\-p -> 포트 ####" not in text and "{=-d -> 분리 =-p -> 포트 ####" in text
    assert "docker {=run ####설명 \\{중괄호\\}} nginx" in text


def test_gift_escape():
    assert gift_escape("a=b~c#d{e}f:g\\h\nline") == "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\h\\nline"


@pytest.mark.parametrize("fmt", [moodle_xml, gift])
def test_the_real_course_loses_no_question(fmt):
    course, errors = parse_content(CONTENT)
    assert not errors
    bank = fmt(course.questions, {lesson.id: lesson.title for lesson in course.lessons})
    assert bank.exported + len(bank.skipped) == len(course.questions)
    if fmt is moodle_xml:
        root = ET.fromstring(bank.text)
        assert len(by_name(root)) == bank.exported


@pytest.mark.parametrize("export", [moodle_xml, gift])
def test_a_kind_without_a_moodle_mapping_is_skipped_with_a_reason(export):
    """A new question kind needs no change here to keep exports working: it is listed as skipped."""
    bank = export([*BANK[:1], question("q-new", "hotspot", spots=((1, 2),))], TITLES)
    assert bank.exported == 1
    assert "no Moodle equivalent" in dict(bank.skipped)["q-new"]
    assert "q-new" not in bank.text
