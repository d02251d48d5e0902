"""Question graders: every kind, near misses, malformed answers, Hangul NFC."""

import json
import unicodedata

import pytest

from app.dockersim import Message
from app.grading import (
    QUESTION_KINDS,
    ContentError,
    UnknownKindError,
    Verdict,
    grade_question,
    validate_answer,
    validate_key,
)
from tests.catalogue import english, korean

SINGLE = {"choices": ("docker ps", "docker ps -a", "docker images"), "correct": 1}
MULTI = {"choices": ("-d", "-p", "--rm", "-a", "-it"), "correct": (0, 1, 2)}
TF = {"correct": False}
SHORT = {"accept": ("바인드 마운트", "bind mount"), "pattern": None}
SHORT_RE = {"accept": (), "pattern": r"docker (container )?ps -a"}
ORDER = {"items": ("Dockerfile 작성", "docker build", "docker run", "docker stop")}
MATCH = {"pairs": (("-d", "분리 모드"), ("-p", "포트 게시"), ("-v", "볼륨"))}
CLOZE = {"text": "이미지를 만들려면 docker [[1]] -t 이름 [[2]] 을 실행합니다.", "blanks": (("build",), (".", "./"))}


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "kind,key,answer,score",
    [
        ("single", SINGLE, 1, 1.0),
        ("single", SINGLE, 0, 0.0),
        ("single", SINGLE, 2, 0.0),
        ("true_false", TF, False, 1.0),
        ("true_false", TF, True, 0.0),
        # multiple: max(0, (right - wrong) / correct count)
        ("multiple", MULTI, [0, 1, 2], 1.0),
        ("multiple", MULTI, [2, 0, 1], 1.0),
        ("multiple", MULTI, [0, 1], 0.6667),
        ("multiple", MULTI, [0, 1, 2, 3], 0.6667),
        ("multiple", MULTI, [0, 3], 0.0),
        ("multiple", MULTI, [3, 4], 0.0),
        ("multiple", MULTI, [], 0.0),
        # short answer normalisation
        ("short", SHORT, "바인드 마운트", 1.0),
        ("short", SHORT, "  바인드   마운트 ", 1.0),
        ("short", SHORT, decomposed("바인드 마운트"), 1.0),
        ("short", SHORT, "Bind  Mount", 1.0),
        ("short", SHORT, "ＢＩＮＤ　ｍｏｕｎｔ", 1.0),  # full-width IME input
        ("short", SHORT, "바인드마운트", 0.0),
        ("short", SHORT, "볼륨", 0.0),
        ("short", SHORT_RE, "docker ps -a", 1.0),
        ("short", SHORT_RE, "Docker  Container PS -a", 1.0),
        ("short", SHORT_RE, "docker ps -a; rm -rf /", 0.0),  # fullmatch, not search
        ("short", SHORT_RE, "docker ps", 0.0),
        # ordering: (L - 1) / (n - 1), L = longest run in correct relative order
        ("ordering", ORDER, [0, 1, 2, 3], 1.0),
        ("ordering", ORDER, [1, 0, 2, 3], 0.6667),
        ("ordering", ORDER, [3, 0, 1, 2], 0.6667),
        ("ordering", ORDER, [3, 2, 1, 0], 0.0),
        # matching: right pairs / pairs
        ("matching", MATCH, [0, 1, 2], 1.0),
        ("matching", MATCH, [1, 0, 2], 0.3333),
        ("matching", MATCH, [0, 0, 0], 0.3333),
        ("matching", MATCH, [2, 0, 1], 0.0),
        # cloze: right blanks / blanks
        ("cloze", CLOZE, ["build", "."], 1.0),
        ("cloze", CLOZE, [" BUILD ", "./"], 1.0),
        ("cloze", CLOZE, ["run", "."], 0.5),
        ("cloze", CLOZE, ["", ""], 0.0),
    ],
)
def test_scores(kind, key, answer, score):
    verdict = grade_question(kind, key, answer)
    assert isinstance(verdict, Verdict)
    assert verdict.score == score
    assert verdict.max_score == 1.0
    assert verdict.passed is (score == 1.0)
    # the page says "Right!" / "Not yet." itself: the feedback never repeats it (issue 14: "정답입니다! 정답입니다.")
    feedback_ko = korean(verdict.feedback) if verdict.feedback else ""
    feedback_en = english(verdict.feedback) if verdict.feedback else ""
    assert not {"정답입니다.", "오답입니다."} & {feedback_ko.split(" ")[0]}
    assert not {"Correct.", "Not correct."} & {feedback_en.split(" ")[0]}
    assert verdict.checks
    if 0 < score < 1:
        assert "0." in english(verdict.feedback) or "of" in english(verdict.feedback)  # partial credit is explained


def test_cloze_blank_accepts_decomposed_hangul():
    key = {"text": "데이터를 유지하려면 [[1]]을 씁니다.", "blanks": (("볼륨", "volume"),)}
    assert grade_question("cloze", key, [decomposed("볼륨")]).passed


def test_matching_same_right_text_counts_as_same():
    key = {"pairs": (("-d", "옵션"), ("-p", "옵션"), ("ps", "명령"))}
    assert grade_question("matching", key, [1, 0, 2]).passed


def test_ordering_items_with_the_same_text_are_interchangeable():
    key = {"items": ("docker build", "docker run", "docker run", "docker ps")}
    assert grade_question("ordering", key, [0, 2, 1, 3]).passed
    assert grade_question("ordering", key, [3, 2, 1, 0]).score == 0.3333


def test_ordering_feedback_names_the_item_to_move():
    verdict = grade_question("ordering", ORDER, [1, 0, 2, 3])
    moved = [c for c in verdict.checks if not c.passed]
    assert len(moved) == 1 and "옮겨야" in korean(moved[0].message)


def test_multiple_feedback_states_penalty():
    verdict = grade_question("multiple", MULTI, [0, 1, 2, 3])
    wrong = [c for c in verdict.checks if not c.passed]
    assert [c.name for c in wrong] == ["choice 3"] and "감점" in korean(wrong[0].message)
    assert "부분 점수" in korean(verdict.feedback)
    # the penalty rule itself is stated, with the learner's own numbers
    assert "점수 = (맞게 고른 3개 − 잘못 고른 1개) ÷ 정답 3개이고, 0점 아래로는 내려가지 않습니다." in korean(
        verdict.feedback
    )


def test_single_wrong_names_the_right_choice():
    verdict = grade_question("single", SINGLE, 0)
    assert "docker ps -a" in korean(verdict.checks[0].message)


@pytest.mark.parametrize(
    "kind,key,answer",
    [
        ("single", SINGLE, "1"),
        ("single", SINGLE, True),
        ("single", SINGLE, 3),
        ("single", SINGLE, -1),
        ("single", SINGLE, None),
        ("single", SINGLE, 1.0),
        ("multiple", MULTI, 1),
        ("multiple", MULTI, [0, 9]),
        ("multiple", MULTI, [0, 0]),
        ("multiple", MULTI, ["0"]),
        ("multiple", MULTI, [True]),
        ("true_false", TF, "false"),
        ("true_false", TF, 0),
        ("short", SHORT, 42),
        ("short", SHORT, "   "),
        ("short", SHORT, "x" * 5000),
        ("ordering", ORDER, [0, 1, 2]),
        ("ordering", ORDER, [0, 1, 2, 2]),
        ("ordering", ORDER, [0, 1, 2, 4]),
        ("ordering", ORDER, {"0": 1}),
        ("matching", MATCH, [0, 1]),
        ("matching", MATCH, [0, 1, 3]),
        ("matching", MATCH, "012"),
        ("cloze", CLOZE, ["build"]),
        ("cloze", CLOZE, "build ."),
        ("cloze", CLOZE, ["build", 1]),
        ("command", {"setup": (), "reference": ("docker ps",), "seed": 0}, ""),
        ("command", {"setup": (), "reference": ("docker ps",), "seed": 0}, ["docker ps"]),
        ("command", {"setup": (), "reference": ("docker ps",), "seed": 0}, "\n".join(["docker ps"] * 21)),
    ],
)
def test_malformed_answers_are_values_not_exceptions(kind, key, answer):
    message = validate_answer(kind, key, answer)
    assert isinstance(message, Message) and korean(message) != english(message)
    verdict = grade_question(kind, key, answer)
    assert verdict.score == 0.0 and not verdict.passed
    assert korean(message) in korean(verdict.feedback) and english(message) in english(verdict.feedback)


@pytest.mark.parametrize(
    "kind,key,answer",
    [
        ("single", SINGLE, 1),
        ("multiple", MULTI, []),
        ("true_false", TF, True),
        ("short", SHORT, "x"),
        ("ordering", ORDER, [3, 2, 1, 0]),
        ("matching", MATCH, [0, 0, 0]),
        ("cloze", CLOZE, ["", ""]),
    ],
)
def test_well_formed_answers_validate(kind, key, answer):
    assert validate_answer(kind, key, answer) is None


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(UnknownKindError, match="did you mean single"):
        grade_question("singel", SINGLE, 1)
    assert "unknown question kind" in validate_key("essay", {})[0]


@pytest.mark.parametrize(
    "kind,key,fragment",
    [
        ("single", {"choices": ("a", "b"), "correct": 2}, "out of range"),
        ("single", {"choices": ("a",), "correct": 0}, "at least 2"),
        ("single", {"choices": ("a", "b"), "correct": True}, "0-based"),
        ("multiple", {"choices": ("a", "b"), "correct": ()}, "non-empty"),
        ("multiple", {"choices": ("a", "b"), "correct": (0, 0)}, "twice"),
        ("true_false", {"correct": "yes"}, "true or false"),
        ("short", {"accept": (), "pattern": None}, "at least one"),
        ("short", {"accept": ("a",), "pattern": "("}, "regular expression"),
        ("short", {"accept": (" ",)}, "empty"),
        ("ordering", {"items": ("a",)}, "at least 2"),
        ("matching", {"pairs": (("a", "b"), ("a", "c"))}, "same left"),
        ("matching", {"pairs": (("a", "b", "c"), ("d", "e"))}, "pairs"),
        ("cloze", {"text": "a [[1]] b", "blanks": (("x",), ("y",))}, "[[1]]..[[2]]"),
        ("cloze", {"text": "a [[2]] b [[1]]", "blanks": (("x",), ("y",))}, "in order"),
        ("cloze", {"text": "a [[1]]", "blanks": ((),)}, "non-empty"),
        ("command", {"setup": (), "reference": (), "seed": 0}, "reference"),
        ("command", {"setup": "docker pull nginx", "reference": ("docker ps",), "seed": 0}, "setup"),
        ("command", {"reference": ("docker ps",), "seed": "0"}, "seed"),
    ],
)
def test_bad_keys_are_content_errors(kind, key, fragment):
    problems = validate_key(kind, key)
    assert problems and any(fragment in p for p in problems), problems
    with pytest.raises(ContentError):
        grade_question(kind, key, None)


@pytest.mark.parametrize(
    "kind,key",
    [
        ("single", SINGLE),
        ("multiple", MULTI),
        ("true_false", TF),
        ("short", SHORT),
        ("short", SHORT_RE),
        ("ordering", ORDER),
        ("matching", MATCH),
        ("cloze", CLOZE),
        ("command", {"setup": (), "reference": ("docker ps",), "seed": 0}),
    ],
)
def test_good_keys_validate(kind, key):
    assert validate_key(kind, key) == []


def test_every_kind_is_registered_with_an_answer_shape():
    assert set(QUESTION_KINDS) == {
        "single",
        "multiple",
        "true_false",
        "short",
        "command",
        "ordering",
        "matching",
        "cloze",
    }
    assert all(k.answer_shape for k in QUESTION_KINDS.values())


def test_verdict_is_frozen_and_serialisable():
    verdict = grade_question("cloze", CLOZE, ["run", "."])
    with pytest.raises(AttributeError):
        verdict.score = 1.0  # type: ignore[misc]
    data = verdict.to_dict()
    assert data["score"] == 0.5 and len(data["checks"]) == 2
    assert korean(Message.from_json(data["checks"][0]["message"])).startswith("빈칸 1")
    assert data == json.loads(json.dumps(data))  # JSON as stored, nested messages included


def test_cloze_and_short_feedback_quote_what_the_learner_typed_case_kept():
    cloze = grade_question("cloze", {"text": "[[1]] 이미지", "blanks": (("nginx",),)}, ["  NGINX  Latest"])
    assert "‘NGINX Latest’" in korean(cloze.checks[0].message) and "‘NGINX Latest’" in english(cloze.checks[0].message)
    short = grade_question("short", {"accept": ("docker ps",)}, "Docker PS")
    assert short.passed and "‘Docker PS’" in english(short.checks[0].message)
    empty = grade_question("cloze", {"text": "[[1]]", "blanks": (("a",),)}, [""])
    assert "(empty)" in english(empty.checks[0].message) and "빈칸" not in english(empty.checks[0].message)
