"""The order a terminal shows stdout and stderr in (CommandResult.screen).

docker/cli `cli/command/container/create.go` writes "Unable to find image …" and the pull progress to
stderr while creating the container ("we don't want to write to stdout anything apart from
container.ID"), and `run.go` prints the id (-d) or attaches the streams only after that: so the pull
comes first, then the container's id or its output.
"""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.core.errors import LEAD_MARK


def _streams(screen) -> list[str]:
    return [stream for stream, _ in screen]


@pytest.mark.parametrize(
    "line,order,first",
    [
        ("docker run --name web nginx", ["stderr", "stdout", "stderr"], "Unable to find image 'nginx:latest' locally"),
        ("docker run -d nginx", ["stderr", "stdout"], "Unable to find image 'nginx:latest' locally"),
        ("docker create nginx", ["stderr", "stdout"], "Unable to find image 'nginx:latest' locally"),
        ("docker run hello-world", ["stderr", "stdout"], "Unable to find image 'hello-world:latest' locally"),
        ("docker ps; docker rm nope; docker images", ["stdout", "stderr", "stdout"], "CONTAINER ID"),
        ("docker run -d nginx 2>&1", ["stdout"], "Unable to find image 'nginx:latest' locally"),  # one stream, in order
        ("docker run -q -d nginx", ["stderr", "stdout"], "Unable to find image 'nginx:latest' locally"),
    ],
)
def test_the_pull_comes_before_what_the_command_prints(line, order, first):
    r = DockerHost(seed=0, hints=False).run(line)
    assert _streams(r.screen) == order, r.screen
    assert r.screen[0][1].startswith(first)
    assert "".join(t for s, t in r.screen if s == "stdout") == r.stdout
    assert "".join(t for s, t in r.screen if s == "stderr") == r.stderr
    assert LEAD_MARK not in r.stdout + r.stderr


def test_with_the_image_present_only_the_containers_output_is_shown():
    host = DockerHost(seed=0, hints=False)
    host.run("docker pull nginx")
    r = host.run("docker run --name web nginx")
    assert _streams(r.screen) == ["stdout", "stderr"]  # the entrypoint's lines, then nginx's notices


def test_stderr_redirected_to_a_file_keeps_the_pull_out_of_the_screen():
    host = DockerHost(seed=0, hints=False)
    r = host.run("docker run -d nginx 2> pull.txt")
    assert _streams(r.screen) == ["stdout"]
    assert host.read_file("pull.txt").startswith("Unable to find image") and LEAD_MARK not in host.read_file("pull.txt")


def test_a_learner_cannot_type_the_lead_mark():
    host = DockerHost(seed=0, hints=False)
    r = host.run(f"echo a{LEAD_MARK}b")
    assert r.stdout == "a\ufffdb\n"
