"""`docker search` over the simulated hub.

Expected texts from docker/cli `cli/command/registry/formatter_search.go` (table format and headers, 45-cell
description with "…", `[OK]`, JSON "true"/"false") and its `formatter_search_test.go` (TestSearchContext:
`--no-trunc` keeps the whole description, the JSON keys), moby `registry/search.go` (filters),
`registry/session.go` (limit range) and docker/cli `opts/opts.go` FilterOpt ("bad format of filter")."""

from __future__ import annotations

import json

import pytest

from app.dockersim import DockerHost
from app.dockersim.commands.search import DEFAULT_LIMIT, DESCRIPTION_CELLS, MAX_LIMIT, OFFICIAL


@pytest.fixture
def host() -> DockerHost:
    h = DockerHost(seed=0, hints=False)
    h.write_file("app/Dockerfile", 'FROM alpine\nCMD ["true"]\n')
    for line in (
        "docker build -t alice/nginx-site ~/app",
        "docker login -u alice -p pw",
        "docker push alice/nginx-site",
    ):
        assert h.run(line).exit_code == 0, line
    return h


def test_table(host: DockerHost) -> None:
    out = host.run("docker search nginx").stdout
    assert out == (
        "NAME               DESCRIPTION                STARS     OFFICIAL\n"
        "nginx              Official build of Nginx.   20800     [OK]\n"
        "alice/nginx-site                              0         \n"  # tabwriter pads the empty last cell's row
    )


def test_description_is_cut_to_45_cells_unless_no_trunc(host: DockerHost) -> None:
    row = host.run("docker search alpine").stdout.splitlines()[1]
    assert "A minimal Docker image based on Alpine Linux…" in row
    assert len("A minimal Docker image based on Alpine Linux…") == DESCRIPTION_CELLS
    assert OFFICIAL["alpine"][0] in host.run("docker search --no-trunc alpine").stdout


@pytest.mark.parametrize(
    ("flags", "names"),
    [
        ("", ["nginx", "alice/nginx-site"]),
        ("-f is-official=true", ["nginx"]),
        ("-f is-official=false", ["alice/nginx-site"]),
        ("--filter stars=1", ["nginx"]),
        ("--filter stars=999999", []),
        ("-f is-automated=true", []),
        ("-f is-automated=false", ["nginx", "alice/nginx-site"]),
        ("--limit 1", ["nginx"]),
        ("--limit 1 -f is-official=false", []),  # the hub returns `limit` results; the daemon filters them
        ("--limit 0", ["nginx", "alice/nginx-site"]),  # not sent: the hub's default
        ("--limit -3", ["nginx", "alice/nginx-site"]),
    ],
)
def test_limit_and_filters(host: DockerHost, flags: str, names: list[str]) -> None:
    out = host.run(f"docker search {flags} --format '{{{{.Name}}}}' nginx").stdout
    assert out.splitlines() == names


def test_terms_and_formats(host: DockerHost) -> None:
    assert host.run("docker search --format '{{.Name}}' library/redis").stdout == "redis\n"
    assert host.run("docker search --format '{{.Name}}' docker.io/busybox").stdout == "busybox\n"
    row = json.loads(host.run("docker search --format json busybox").stdout)
    assert row == {"Description": "Busybox base image.", "IsOfficial": "true", "Name": "busybox", "StarCount": "3400"}
    assert host.run("docker search --format '{{.IsOfficial}}' busybox").stdout == "[OK]\n"
    assert host.run("docker search --format 'table {{.Name}}' busybox").stdout == "NAME\nbusybox\n"
    assert host.run("docker search zzzz").stdout == "NAME      DESCRIPTION   STARS     OFFICIAL\n"
    ranked = host.run("docker search --format '{{.Name}}' u").stdout.splitlines()
    assert ranked == ["ubuntu", "busybox"]  # by stars when no name is the term itself


DAEMON = "Error response from daemon: "


@pytest.mark.parametrize(
    ("line", "stderr", "code"),
    [
        ("docker search --limit 101 x", DAEMON + f"limit 101 is outside the range of [1, {MAX_LIMIT}]\n", 1),
        (
            "docker search -f stars=x x",
            DAEMON + "invalid filter 'stars=x': strconv.Atoi: parsing \"x\": invalid syntax\n",
            1,
        ),
        ("docker search -f is-official=maybe x", DAEMON + "invalid filter 'is-official=maybe'\n", 1),
        ("docker search -f bogus=1 x", DAEMON + "invalid filter 'bogus'\n", 1),
        (
            "docker search https://x",
            DAEMON + "invalid repository name: repository name (https://x) should not have a scheme\n",
            1,
        ),
        (
            "docker search -f bogus x",
            'invalid argument "bogus" for "-f, --filter" flag: bad format of filter (expected name=value)\n\n'
            "Usage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information\n",
            125,
        ),
        (
            "docker search --limit abc x",
            'invalid argument "abc" for "--limit" flag: strconv.ParseInt: parsing "abc": invalid syntax\n\n'
            "Usage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information\n",
            125,
        ),
        (
            "docker search",
            "docker: 'docker search' requires 1 argument\n\nUsage:  docker search [OPTIONS] TERM\n\n"
            "Run 'docker search --help' for more information\n",
            1,
        ),
    ],
)
def test_errors(host: DockerHost, line: str, stderr: str, code: int) -> None:
    r = host.run(line)
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, code)


def test_default_limit_applies_when_no_limit_is_sent(host: DockerHost, monkeypatch: pytest.MonkeyPatch) -> None:
    assert DEFAULT_LIMIT == 25  # moby registry/session.go defaultSearchLimit
    monkeypatch.setattr("app.dockersim.commands.search.DEFAULT_LIMIT", 1)
    assert host.run("docker search --format '{{.Name}}' nginx").stdout == "nginx\n"
    assert host.run("docker search --limit 2 --format '{{.Name}}' nginx").stdout == "nginx\nalice/nginx-site\n"
