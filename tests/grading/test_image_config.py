"""image_config: the built image's WORKDIR, CMD, ENTRYPOINT and EXPOSE, on a real simulated host."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.grading import describe_check, grade_lab, validate_check
from tests.catalogue import english, korean

DOCKERFILE = 'FROM node\nWORKDIR /app\nCOPY . /app\nCMD ["node", "server.js"]\nEXPOSE 80\n'


@pytest.fixture(scope="module")
def host() -> DockerHost:
    host = DockerHost(seed=3)
    host.write_file("~/hello/server.js", "console.log('hi')\n")
    host.write_file("~/hello/Dockerfile", DOCKERFILE)
    host.write_file("~/bare/Dockerfile", "FROM node\n")
    assert host.run("docker build -t hello ~/hello").exit_code == 0
    assert host.run("docker build -t bare ~/bare").exit_code == 0
    return host


@pytest.mark.parametrize(
    ("params", "passed", "words"),
    [
        ({"ref": "hello", "workdir": "/app", "cmd": ["node", "server.js"], "exposes": 80}, True, "요구한 대로"),
        ({"ref": "hello", "cmd": "node server.js"}, True, "요구한 대로"),
        ({"ref": "hello", "workdir": "/srv"}, False, "WORKDIR — 기대한 값 /srv, 지금 값 /app"),
        (
            {"ref": "hello", "cmd": "node app.js"},
            False,
            'CMD — 기대한 값 ["node", "app.js"], 지금 값 ["node", "server.js"]',
        ),
        ({"ref": "hello", "exposes": 8080}, False, "EXPOSE — 기대한 값 8080/tcp, 지금 값 80/tcp"),
        # near miss: a Dockerfile with only FROM node builds, but sets none of it
        ({"ref": "bare", "workdir": "/app", "cmd": "node server.js"}, False, "WORKDIR — 기대한 값 /app, 지금 값 /"),
        ({"ref": "nope", "workdir": "/app"}, False, "nope 이미지가 없습니다"),
    ],
)
def test_image_config(host, params, passed, words):
    verdict = grade_lab([("image_config", params)], "checks", host)
    assert verdict.passed is passed
    assert words in korean(verdict.checks[0].message)


def test_image_config_needs_something_to_compare():
    assert validate_check("image_config", {"ref": "hello"})
    assert validate_check("image_config", {"ref": "hello", "exposes": "eighty"})
    assert validate_check("image_config", {"ref": "hello", "workdir": "/app"}) == []


def test_image_config_goal_line():
    params = {"ref": "hello", "cmd": "node server.js", "workdir": "/app"}
    assert (
        english(describe_check("image_config", params))
        == 'Image hello is built with WORKDIR /app, CMD ["node", "server.js"]'
    )
    assert (
        korean(describe_check("image_config", params))
        == 'hello 이미지가 WORKDIR /app, CMD ["node", "server.js"] 설정으로 빌드되어 있다'
    )
