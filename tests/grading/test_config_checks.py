"""container_config (-e, the command after the image, -P) and no_dangling_images on real simulated hosts."""

from __future__ import annotations

import pytest

from app.grading import grade_lab, validate_check
from tests.catalogue import english, korean
from tests.grading.hosts import play

BUILD = "docker build -q -t feedback-app ~/feedback-app"


def _result(name: str, params: dict, lines: list[str]):
    (result,) = grade_lab([(name, params)], "checks", play(lines)).checks
    return result


@pytest.mark.parametrize(
    ("params", "line", "passed"),
    [
        ({"env": ["GREETING=hi"]}, "docker run -d -e GREETING=hi --name app feedback-app", True),
        ({"env": ["GREETING"]}, "docker run -d --env GREETING=yo --name app feedback-app", True),
        ({"env": ["GREETING=hi"]}, "docker run -d -e GREETING=ho --name app feedback-app", False),
        ({"env": ["NODE_VERSION"]}, "docker run -d --name app feedback-app", True),  # the image's ENV counts
        ({"cmd": "ls /app"}, "docker run --name app feedback-app ls /app", True),
        ({"cmd": ["node", "server.js"]}, "docker run -d --name app feedback-app", True),
        ({"cmd": "ls /app"}, "docker run -d --name app feedback-app", False),
        ({"entrypoint": "docker-entrypoint.sh"}, "docker run -d --name app feedback-app", True),
        ({"publishes": 80}, "docker run -d -P --name app feedback-app", True),
        ({"publishes": 80}, "docker run -d -p 8000:80 --name app feedback-app", True),
        ({"publishes": 80}, "docker run -d --name app feedback-app", False),
    ],
)
def test_container_config(params: dict, line: str, passed: bool) -> None:
    result = _result("container_config", {"name": "app", **params}, [BUILD, line])
    assert result.passed is passed, english(result.message)


def test_container_config_says_what_differs_in_both_languages() -> None:
    result = _result(
        "container_config", {"name": "app", "publishes": 80}, [BUILD, "docker run -d --name app feedback-app"]
    )
    assert "PORT — 기대한 값 80/tcp → 호스트 포트, 지금 값 (게시 안 됨)" in korean(result.message)
    assert "PORT should be 80/tcp → a host port but is (not published)" in english(result.message)
    missing = _result("container_config", {"name": "nope", "cmd": "ls"}, [BUILD])
    assert not missing.passed and "There is no container nope" in english(missing.message)


def test_container_config_rules() -> None:
    assert validate_check("container_config", {"name": "web"}) == [
        "give at least one of 'env', 'cmd', 'entrypoint', 'publishes'"
    ]
    assert validate_check("container_config", {"env": ["A=1"]})[0].startswith("give 'name' or 'image'")


def test_no_dangling_images_after_a_rebuild_until_pruned() -> None:
    rebuilt = [BUILD, "echo x > ~/feedback-app/x.txt", BUILD]
    left = _result("no_dangling_images", {}, rebuilt)
    assert not left.passed and "1 untagged (<none>) image(s)" in english(left.message)
    assert _result("no_dangling_images", {}, [*rebuilt, "docker image prune -f"]).passed
    # an untagged image a container still uses is not dangling
    used = [BUILD, "docker run -d --name old feedback-app", "echo x > ~/feedback-app/x.txt", BUILD]
    assert _result("no_dangling_images", {}, used).passed
