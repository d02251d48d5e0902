"""course_stats and the provisional check vocabulary."""

from __future__ import annotations

import pytest

from app.curriculum import QUESTION_KINDS, course_stats, load_course, provisional_check_validator

from .conftest import FAKE_FIXTURES, fake_check_validator


def test_course_stats(good_source: tuple[str, str]) -> None:
    course = load_course([good_source], check_validator=fake_check_validator, fixtures=FAKE_FIXTURES)
    assert course_stats(course) == {
        "lessons": 1,
        "flashcards": 1,
        "questions": {"single": 2, "multiple": 1, "true_false": 1, "short": 1, "command": 1, "ordering": 1, "matching": 1, "cloze": 1},
        "labs": 1,
        "per_lesson": [{"id": "sample", "flashcards": 1, "questions": 9, "labs": 1}],
    }


def test_course_stats_lists_every_kind_even_when_empty() -> None:
    course = load_course([])
    assert course_stats(course) == {
        "lessons": 0, "flashcards": 0, "questions": {k: 0 for k in QUESTION_KINDS}, "labs": 0, "per_lesson": [],
    }


@pytest.mark.parametrize(
    ("name", "params", "messages"),
    [
        ("container_running", {"name": "web"}, []),
        ("container_running", {"image": "nginx"}, []),
        ("container_running", {}, ["give exactly one of 'name' or 'image'"]),
        ("container_running", {"name": "a", "image": "b"}, ["give exactly one of 'name' or 'image'"]),
        ("container_runing", {"name": "web"}, None),
        ("port_published", {"host_port": "8000", "container_port": 80}, ["parameter 'host_port' must be int"]),
        ("port_published", {"host_port": 8000}, ["missing parameter 'container_port'"]),
        ("mount_at", {"container": "c", "path": "/p", "type": "tmpfs"}, ["parameter 'type' must be one of: volume, bind"]),
        ("mount_at", {"container": "c", "path": "/p", "type": "bind", "read_only": "yes"}, ["parameter 'read_only' must be bool"]),
        ("file_exists", {"where": "volume", "path": "a.txt"}, ["where: volume needs the parameter 'volume'"]),
        ("file_absent", {"where": "host", "path": "~/a", "colour": "red"}, ["unknown parameter 'colour'"]),
        ("no_extra_containers", {}, []),
    ],
)
def test_provisional_check_validator(name: str, params: dict, messages: list[str] | None) -> None:
    got = provisional_check_validator(name, params)
    if messages is None:
        assert len(got) == 1 and got[0].startswith("unknown check (known: anonymous_volume_at, ")
    else:
        assert got == messages
