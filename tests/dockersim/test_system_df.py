"""`docker system df -v`: docker/cli `cli/command/formatter/disk_usage.go` verboseWriteTable (section titles, the
default table formats' headers, the first tag only, SHARED/UNIQUE SIZE from layers other images share, the
container's writable-layer size, LINKS = containers using a volume, "Build cache usage: SIZE")."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost


@pytest.fixture
def host() -> DockerHost:
    h = DockerHost(seed=0, hints=False)
    for line in (
        "docker run -d -v data:/data --name web nginx",
        "docker run --name one alpine sh -c 'echo hi > /f'",
        "docker volume create spare",
        "docker tag nginx web:v1",
    ):
        assert h.run(line).exit_code == 0, line
    return h


@pytest.mark.parametrize("flag", ["-v", "--verbose"])
def test_verbose_sections_and_headers(host: DockerHost, flag: str) -> None:
    out = host.run(f"docker system df {flag}").stdout
    titles = [line for line in out.splitlines() if line.endswith(":") or line.startswith("Build cache usage")]
    assert titles == [
        "Images space usage:",
        "Containers space usage:",
        "Local Volumes space usage:",
        "Build cache usage: 0B",
    ]
    lines = out.splitlines()
    assert (
        lines[2]
        == "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS"
    )
    assert "CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED" in out
    assert "\nVOLUME NAME   LINKS     SIZE\ndata          1         0B\nspare         0         0B\n" in out
    assert out.endswith(
        "\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n"
    )


def test_verbose_rows(host: DockerHost) -> None:
    out = host.run("docker system df -v").stdout
    images = out.split("\n\n")[1].splitlines()[1:]
    nginx = next(row.split() for row in images if "nginx" in row or "web" in row)
    assert nginx[-1] == "1" and nginx[-2] == nginx[-4] and nginx[-3] == "0B"  # one row per image, first tag
    assert len(images) == 2
    containers = out.split("\n\n")[3].splitlines()[1:]
    one = next(row for row in containers if row.endswith(" one"))
    web = next(row for row in containers if row.endswith(" web"))
    assert "\"sh -c 'echo hi > /f'\"" in one and " 3B " in one  # the writable layer holds /f ("hi\n")
    assert " 1               0B " in web  # one named volume, nothing written


def test_shared_layers_count_as_shared(host: DockerHost) -> None:
    host.write_file("app/Dockerfile", "FROM alpine\nRUN echo built > /b\n")
    assert host.run("docker build -t mine ~/app").exit_code == 0
    rows = host.run("docker system df -v").stdout.split("\n\n")[1].splitlines()[1:]
    mine = next(row.split() for row in rows if row.startswith("mine "))
    alpine = next(row.split() for row in rows if row.startswith("alpine "))
    # columns from the end: SIZE, SHARED SIZE, UNIQUE SIZE, CONTAINERS
    assert mine[-3] == alpine[-4] == alpine[-3] == "8.31MB"  # alpine's layer is shared by both
    assert alpine[-2] == "0B" and mine[-2] != "0B"


def test_df_summary_unchanged(host: DockerHost) -> None:
    lines = host.run("docker system df").stdout.splitlines()
    assert [line.split("   ")[0] for line in lines] == ["TYPE", "Images", "Containers", "Local Volumes", "Build Cache"]
