"""The lab terminal shows a command's output in the order a real terminal does (issue 12):
`docker run`'s pull progress before the container's output, coloured by meaning."""

from __future__ import annotations

from flask import Flask

from app.dockersim import DockerHost
from app.services.lab_output import write_result


class _Screen:
    """Records what write_result writes (the Workspace's write method only)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []

    def write(self, terminal: int, kind: str, text: str) -> None:
        if text:
            self.entries.append((kind, text))


def test_the_pull_is_shown_before_the_containers_output(app: Flask) -> None:
    result = DockerHost(seed=0, hints=False).run("docker run --name web nginx")
    screen = _Screen()
    with app.test_request_context():
        write_result(screen, 0, result)  # type: ignore[arg-type]
    texts = [text for _, text in screen.entries]
    assert texts[0].startswith("Unable to find image 'nginx:latest' locally")
    assert texts[1].startswith("/docker-entrypoint.sh:")  # nginx's start-up lines come after the pull
    assert [kind for kind, _ in screen.entries] == ["out", "out", "out"]  # a successful run: no error red


def test_an_error_after_output_keeps_its_place_and_colour(app: Flask) -> None:
    result = DockerHost(seed=0, hints=False).run("docker ps; docker rm nope; docker images; docker rm nope")
    screen = _Screen()
    with app.test_request_context():
        write_result(screen, 0, result)  # type: ignore[arg-type]
    assert [kind for kind, _ in screen.entries] == ["out", "err", "out", "err"]  # the line failed
    assert screen.entries[1][1] == "Error response from daemon: No such container: nope\n"
