"""The hint under an error explains that error (and never a neighbouring one)."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.core.hints import HINTS
from app.dockersim.engine.fixtures import APP


def _hint_line(result) -> object:
    """The one hint the simulator attached (as a message, never inside Docker's stderr text)."""
    assert len(result.notes) == 1 and "\x1f" not in result.stderr, result
    return result.notes[0]


def test_build_uppercase_tag_gets_the_lowercase_hint_not_the_flag_hint():
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"cd {APP} && docker build -t MyApp .")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        'invalid argument "MyApp" for "-t, --tag" flag: invalid reference format: '
        "repository name (library/MyApp) must be lowercase\n\nUsage:  docker build"
    )
    assert _hint_line(r) == HINTS["lowercase"]


def test_build_bad_tag_format_gets_the_reference_hint():
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"cd {APP} && docker build -t 'a b' .")
    assert r.exit_code == 125 and _hint_line(r) == HINTS["reference"]


@pytest.mark.parametrize("name", ["웹", "a", "-bad", "my app", "we/b"])
def test_invalid_container_name_gets_its_own_hint(name):
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"docker run --name '{name}' nginx")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        f"docker: Error response from daemon: Invalid container name ({name}), "
        "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n"
    )
    assert _hint_line(r) == HINTS["name_invalid"] != HINTS["name_conflict"]
    assert host.containers == []


def test_rename_to_invalid_name_gets_the_invalid_name_hint():
    host = DockerHost(seed=0, hints=True)
    host.run("docker create --name web busybox")
    r = host.run("docker rename web 웹")
    assert r.exit_code == 1 and _hint_line(r) == HINTS["name_invalid"]


def test_name_conflict_still_gets_the_conflict_hint():
    host = DockerHost(seed=0, hints=True)
    host.run("docker create --name web busybox")
    r = host.run("docker run --name web busybox")
    assert r.exit_code == 125 and _hint_line(r) == HINTS["name_conflict"]


def test_docker_cp_over_the_byte_limit_is_a_clear_error():
    host = DockerHost(seed=1, hints=True)
    host.write_file("big.txt", "y" * 600_000)
    assert host.run("docker run -d --name c1 alpine sleep 1d").exit_code == 0
    r = host.run("docker cp big.txt c1:/big")
    assert r.exit_code == 1
    assert r.stderr == "" and [n.id for n in r.notes] == [
        "cp failed: No space left on device (this simulated host keeps at most 1 MiB of files)."
    ]
    assert host.bytes_used() <= 1024 * 1024


@pytest.mark.parametrize(
    "line",
    [
        "docker volume create 볼륨",
        "docker volume create v",
        "docker run -v 볼륨:/data alpine true",
        "docker run -v x:/data alpine true",
    ],
)
def test_invalid_volume_name_gets_the_volume_name_hint(line):
    host = DockerHost(seed=0, hints=True)
    r = host.run(line)
    assert r.exit_code in (1, 125) and "includes invalid characters for a local volume name" in r.stderr
    assert _hint_line(r) == HINTS["volume_name"]
    assert host.volumes == []


def test_the_line_number_tip_only_where_buildkit_printed_a_line_number():
    host = DockerHost(seed=0, hints=True)
    host.write_file("~/bad/Dockerfile", "FROM nginx\nRUN false\n")
    failed_step = host.run("cd ~/bad && docker build -t bad .")
    assert failed_step.exit_code != 0 and "Dockerfile:2" in failed_step.stderr
    assert _hint_line(failed_step) == HINTS["build"]
    no_context = host.run("docker build -t x ./nowhere")
    assert no_context.exit_code != 0 and _hint_line(no_context) == HINTS["build_plain"]
    assert "line" not in HINTS["build_plain"].id
