"""Sharing images through the simulated Docker Hub, and docker system df / prune.

Expected texts from docker/cli `cli/command/registry/login.go`, `logout.go`, `cli/command/image/push.go`,
moby `distribution/push_v2.go` (layer statuses, digest line), `cli/command/system/prune.go` (warning list)."""

from __future__ import annotations

import pytest

from app.dockersim import HINTS, DockerHost, Message, hint_kind


def _built() -> DockerHost:
    host = DockerHost(seed=0, hints=False)
    host.write_file("app/server.js", "console.log(1)\n")
    host.write_file("app/Dockerfile", 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n')
    assert host.run("docker build -t app ~/app").exit_code == 0
    return host


def test_push_needs_login_and_own_namespace() -> None:
    host = _built()
    r = host.run("docker push app")
    assert r.stdout.startswith("Using default tag: latest\nThe push refers to repository [docker.io/library/app]\n")
    assert (r.stderr, r.exit_code) == ("denied: requested access to the resource is denied\n", 1)
    host.run("docker tag app alice/app:1.0")
    assert host.run("docker push alice/app:1.0").exit_code == 1  # not logged in
    r = host.run("docker login -u alice -p pw")
    assert r.stdout == "Login Succeeded\n"
    assert r.stderr == "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
    host.run("docker tag app bob/app")
    assert host.run("docker push bob/app").stderr == "denied: requested access to the resource is denied\n"
    r = host.run("docker push nosuch/thing")
    assert r.stderr == "Using default tag: latest\nAn image does not exist locally with the tag: nosuch/thing\n"


def test_push_pull_round_trip_survives_rmi() -> None:
    host = _built()
    host.run("docker login -u alice -p pw")
    host.run("docker tag app alice/app:1.0")
    first = host.run("docker push alice/app:1.0").stdout
    assert first.startswith("The push refers to repository [docker.io/alice/app]\n")
    assert ": Pushed\n" in first and ": Mounted from library/node\n" in first
    assert first.splitlines()[-1].startswith("1.0: digest: sha256:")
    again = host.run("docker push alice/app:1.0").stdout
    assert ": Pushed" not in again and ": Layer already exists\n" in again
    image_id = host.image("alice/app:1.0").id
    assert host.run("docker rmi alice/app:1.0 app").exit_code == 0
    assert host.image("alice/app:1.0") is None
    r = host.run("docker pull alice/app:1.0")
    assert r.stdout.startswith("1.0: Pulling from alice/app\n")
    assert "Status: Downloaded newer image for alice/app:1.0\ndocker.io/alice/app:1.0\n" in r.stdout
    assert host.image("alice/app:1.0").id == image_id
    snap = DockerHost.from_snapshot(host.snapshot())
    assert snap.hub == host.hub


def test_login_prompt_logout() -> None:
    host = DockerHost(seed=0, hints=False)
    r = host.run("docker login -u alice")
    assert (r.stdout, r.busy) == ("Password: ", True)
    r = host.run("hunter2")
    assert r.stdout == "\nLogin Succeeded\n" and not r.busy
    assert all("hunter2" not in h.line for h in host.history)
    assert host.run("docker login -u BAD! -p x").exit_code == 1
    assert host.run("docker logout").stdout == "Removing login credentials for https://index.docker.io/v1/\n"
    assert host.run("docker logout").stdout == "Not logged in to https://index.docker.io/v1/\n"


def test_system_df_and_prune() -> None:
    host = _built()
    df = host.run("docker system df").stdout.splitlines()
    assert df[0].split() == ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]
    assert df[1].startswith("Images ") and df[3].startswith("Local Volumes ")
    r = host.run("docker system prune")
    assert r.stdout == (
        "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
        "  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] "
    )
    assert host.run("n").stdout == ""
    assert host.image("app") is not None
    r = host.run("docker system prune -a --volumes")
    assert "  - all anonymous volumes not used by at least one container\n" in r.stdout
    assert "  - all images without at least one container associated to them\n" in r.stdout
    r = host.run("y")
    assert "Deleted Images:\nuntagged: app:latest\n" in r.stdout
    assert r.stdout.splitlines()[-1].startswith("Total reclaimed space: ")
    assert host.images == []


MISSING_TAG = (  # moby distribution/errors.go notFoundError: "manifest for %s not found: %v" of
    # distribution's ErrorCodeManifestUnknown, whose errcode.Error text is "manifest unknown: manifest unknown"
    "Error response from daemon: manifest for alice/app:2.0 not found: manifest unknown: manifest unknown\n"
)

UNABLE = "Unable to find image 'alice/app:2.0' locally\n"


@pytest.mark.parametrize(
    ("line", "stdout", "stderr"),
    [
        ("docker pull alice/app:2.0", "", MISSING_TAG),
        (
            "docker run alice/app:2.0",
            "",
            f"{UNABLE}docker: {MISSING_TAG}\nRun 'docker run --help' for more information\n",
        ),
        ("docker create alice/app:2.0", "", UNABLE + MISSING_TAG),  # create returns the error as is (create.go)
        (
            "docker pull alice/other:1.0",
            "",
            "Error response from daemon: pull access denied for alice/other, repository does not exist or may "
            "require 'docker login': denied: requested access to the resource is denied\n",
        ),
    ],
)
def test_missing_tag_of_a_pushed_repository(line: str, stdout: str, stderr: str) -> None:
    host = _built()
    host.run("docker login -u alice -p pw")
    host.run("docker tag app alice/app:1.0")
    assert host.run("docker push alice/app:1.0").exit_code == 0
    r = host.run(line)
    assert (r.stdout, r.stderr) == (stdout, stderr)
    assert r.exit_code == (125 if line.startswith("docker run") else 1)


@pytest.mark.parametrize("line", ["docker pull alice/app:2.0", "docker run alice/app:2.0", "docker pull alice/app"])
def test_missing_tag_of_a_pushed_repository_names_the_pushed_tags(line: str) -> None:
    """Docker's text stays exact; the hint names the learner's own tags, not the registry's common ones."""
    host = DockerHost(seed=0, hints=True)
    assert host.run("docker pull nginx").exit_code == 0
    host.run("docker login -u alice -p pw")
    for tag in ("1.0", "0.9"):
        host.run(f"docker tag nginx alice/app:{tag}")
        assert host.run(f"docker push alice/app:{tag}").exit_code == 0
    r = host.run(line)
    tag = line.rpartition(":")[2] if line.count(":") else "latest"
    assert f"manifest for alice/app:{tag} not found: manifest unknown: manifest unknown\n" in r.stderr
    assert "\x1f" not in r.stderr and "💡" not in r.stderr
    assert r.notes == (
        Message(HINTS["tag_unknown_pushed"].id, (("repo", "alice/app"), ("tag", tag), ("tags", "0.9, 1.0"))),
    )
    assert r.notes[0].english() == (
        f"Your repository alice/app on the hub has the tags 0.9, 1.0; push {tag} first, or pull one of those."
    )
    assert hint_kind("💡 " + r.notes[0].id) == "tag_unknown_pushed"


def test_missing_tag_of_an_official_image_keeps_the_generic_hint() -> None:
    host = DockerHost(seed=0, hints=True)
    host.run("docker login -u alice -p pw")
    r = host.run("docker pull nginx:nope")
    assert (
        r.stderr
        == "Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n"
    )
    assert r.notes == (HINTS["tag_unknown"],)
