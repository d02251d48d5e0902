"""Disabled commands are decided by the simulator reading the line (app.dockersim.blocked_command)."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost, blocked_command, docker_commands

DISABLED = ("docker run", "docker create", "docker rm", "docker container prune")

BLOCKED = [
    ("docker run nginx", "docker run"),
    ("sudo docker run nginx", "docker run"),
    ("sudo -E docker run nginx", "docker run"),
    ('"docker" run x', "docker run"),
    ("'docker' run x", "docker run"),
    ("d\\ocker run x", "docker run"),
    ('docker "run" x', "docker run"),
    ("/usr/bin/docker container run x", "docker run"),
    ("echo $(docker run x)", "docker run"),
    ('echo "$(docker rm x)"', "docker rm"),
    ("docker rm $(docker ps -aq)", "docker rm"),
    ("docker --debug -H unix:///x container rm z", "docker rm"),
    ("A=1 env -i docker create x", "docker create"),
    ("command docker run x", "docker run"),
    ('sh -c "docker run x"', "docker run"),
    ("docker ps; docker container remove x", "docker rm"),
    ("docker ps && docker container rm x", "docker rm"),
    ("docker ps | docker run x", "docker run"),
    ("docker container prune -f", "docker container prune"),
]


@pytest.mark.parametrize(("line", "entry"), BLOCKED)
def test_blocked(line: str, entry: str) -> None:
    assert blocked_command(line, DISABLED) == entry


ALLOWED = ["docker rmi x", "docker ps", "echo docker run", "echo '$(docker run x)'", "docker image prune -f", "ls run"]


@pytest.mark.parametrize("line", ALLOWED)
def test_allowed(line: str) -> None:
    assert blocked_command(line, DISABLED) is None


def test_what_the_simulator_runs_is_what_it_reads() -> None:
    # the forms the simulated shell really runs: each one reaches `docker run`
    for line in (
        "sudo docker run -d --name a1 busybox sleep 9",
        '"docker" run -d --name a2 busybox sleep 9',
        "echo $(docker run -d --name a3 busybox sleep 9)",
    ):
        host = DockerHost(seed=0, hints=False)
        host.run(line)
        assert len(host.containers) == 1, line
        assert docker_commands(line)[0][:2] == ("docker", "run")
