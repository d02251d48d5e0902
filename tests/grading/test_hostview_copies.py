"""The grader's probes work on a copy of the learner's host made with one deep copy (snapshot() copies, the
copy owns it): whatever a probe does to the copy, in place or by commands, leaves the graded host as it was."""

from __future__ import annotations

import copy

import pytest

from app.dockersim import DockerHost
from app.grading import hostview
from app.grading.hostview import HostProbe


def _host() -> DockerHost:
    host = DockerHost(seed=4, hints=False)
    host.write_file("site/index.html", "hello\n")
    host.write_file("site/Dockerfile", "FROM nginx\nCOPY index.html /usr/share/nginx/html/\n")
    for line in (
        "docker build -t site ~/site",
        "docker run -d -p 8080:80 -e A=1 --name web site",
        "docker login -u alice -p pw",
        "docker tag site alice/site:1.0",
        "docker push alice/site:1.0",
    ):
        assert host.run(line).exit_code == 0, line
    return host


def _mutate_in_place(host: DockerHost) -> None:
    for c in host.containers:
        c.config.setdefault("Env", []).append("X=1")
        c.proc["mutated"] = True
        c.host_config["Mutated"] = True
    for img in host.images:
        img.config["Mutated"] = True
    host.hub["repos"]["zzz/x:1"] = {}
    host.build_cache["mutated"] = {}


def test_the_scratch_host_shares_nothing_with_the_graded_host() -> None:
    host = _host()
    before = copy.deepcopy(host.snapshot())
    probe = HostProbe(host)
    assert probe.http("GET", 8080, "/") == (200, "hello\n")  # writes the access log on the scratch copy
    scratch = probe.scratch()
    assert scratch is not host
    scratch.run("docker rm -f web")
    scratch.run("docker rename web web2")
    _mutate_in_place(scratch)
    assert host.snapshot() == before


def test_a_rebuild_probe_leaves_the_graded_host_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    host = _host()
    host.write_file("site/index.html", "changed\n")  # the rebuild makes a new image on the copy
    before = copy.deepcopy(host.snapshot())
    copies: list[DockerHost] = []

    def kept(original: DockerHost) -> DockerHost:
        copies.append(make_copy(original))
        return copies[-1]

    make_copy = hostview._copy
    monkeypatch.setattr(hostview, "_copy", kept)
    fresh, error = HostProbe(host).rebuilt_image_id("~/site", None)
    image = host.image("site")
    assert error == "" and fresh is not None and image is not None and fresh != image.id
    assert len(copies) == 1
    _mutate_in_place(copies[0])  # what any later command on that copy could do
    assert host.snapshot() == before
