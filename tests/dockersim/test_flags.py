"""Flag parsing and error framing: every case compared with what the real 28.2.2 client printed."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.cli.flags import parse
from app.dockersim.core.hints import HINTS
from tests.dockersim.conftest import said
from tests.dockersim.real_client_cases import REAL


@pytest.mark.parametrize("args,stdout,stderr,code", REAL, ids=[c[0] for c in REAL])
def test_client_side_errors_match_the_real_client(args, stdout, stderr, code):
    host = DockerHost(hints=False)
    r = host.run("docker " + args)
    assert (r.stdout, r.stderr, r.exit_code) == (stdout, stderr, code)


@pytest.mark.parametrize(
    "argv,values,args",
    [
        (["-it", "ubuntu", "bash"], {"interactive": True, "tty": True}, ["ubuntu", "bash"]),
        (["-dp", "8000:80", "nginx"], {"detach": True, "publish": ["8000:80"]}, ["nginx"]),
        (["-p8000:80", "-p", "9000:90", "nginx"], {"publish": ["8000:80", "9000:90"]}, ["nginx"]),
        (["--name=web", "--rm", "nginx", "-d"], {"name": "web", "rm": True}, ["nginx", "-d"]),
        (["-e", "A=1", "--env=B=2", "alpine"], {"env": ["A=1", "B=2"]}, ["alpine"]),
        (["--rm=false", "alpine"], {"rm": False}, ["alpine"]),
        (["--", "alpine", "-x"], {}, ["alpine", "-x"]),
    ],
)
def test_run_parsing_stops_at_the_image(argv, values, args):
    p = parse("run", argv, interspersed=False)
    assert p.values == values and p.args == args


def test_interspersed_flags_after_positionals():
    p = parse("rm", ["web", "-f"], interspersed=True)
    assert p.values == {"force": True} and p.args == ["web"]


@pytest.mark.parametrize(
    "line",
    [
        "docker run --cpu-shares 2 nginx",
        "docker ps -s",
        "docker run --privileged alpine",
        "docker logs --since 1m web",
        "docker run --network host nginx",
    ],
)
def test_real_but_unmodelled_flags_say_so(line):
    r = DockerHost(hints=False).run(line)
    assert r.exit_code == 125 and r.stderr == "" and "not supported by this simulator" in said(r)


@pytest.mark.parametrize(
    "line",
    [
        "docker save x",
        "docker network ls",
        "docker commit a b",
        "docker system events",
        "docker container top x",
        "docker image save x",
    ],
)
def test_real_but_unmodelled_commands_say_so(line):
    r = DockerHost(hints=False).run(line)
    assert (
        r.exit_code == 1
        and r.stderr == ""
        and "is a real Docker command, but this simulator does not model it" in said(r)
    )


@pytest.mark.parametrize(
    "line,path",
    [
        ("docker ps --help", "ps"),
        ("docker container ls --help", "container ls"),
        ("docker ps -h", "ps"),
        ("docker volume prune --help", "volume prune"),
    ],
)
def test_help_is_the_real_text(line, path):
    from app.dockersim.cli.table import COMMANDS

    r = DockerHost().run(line)
    assert (r.stdout, r.exit_code) == (COMMANDS[path]["help"], 0)


def test_top_level_help_version_and_groups():
    host = DockerHost()
    # the real client prints the help of a bare `docker` (or `docker volume`) on stderr, of `--help` on stdout; exit 0
    bare = host.run("docker")
    assert bare.stdout == "" and bare.exit_code == 0
    assert bare.stderr.startswith("Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers")
    assert host.run("docker --help").stdout == bare.stderr
    group = host.run("docker volume")
    assert group.stdout == "" and group.exit_code == 0 and group.stderr == host.run("docker volume --help").stdout
    assert host.run("docker -v").stdout == "Docker version 28.2.2, build e6534b4\n"
    assert host.run("docker version").stdout.startswith("Client:\n Version:           28.2.2\n")
    assert "Server: Docker Engine - Community" in host.run("docker version").stdout
    assert host.run("docker volume").stderr.startswith("Usage:  docker volume COMMAND\n\nManage volumes")
    assert " Containers: 0\n" in host.run("docker info").stdout


def test_hints_are_set_apart_and_switchable():
    r = DockerHost(hints=True).run("docker rm nope")
    assert r.stderr == "Error response from daemon: No such container: nope\n"
    assert [n.id for n in r.notes] == [HINTS["no_container"].id]
    assert DockerHost(hints=False).run("docker rm nope").notes == ()


RUN_ERRORS = [
    (
        "docker run -v :/x busybox",
        "docker: invalid spec: :/x: empty section between colons\n\nRun 'docker run --help' for more information\n",
        125,
    ),
    (
        "docker run -e =x busybox",
        'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n',
        125,
    ),  # checked against the real 28.2.2 client
    (
        "docker run -p 8000:80/xyz busybox",
        "docker: invalid proto: xyz\n\nRun 'docker run --help' for more information\n",
        125,
    ),
    (
        "docker run -p 99999:80 busybox",
        "docker: invalid hostPort: 99999\n\nRun 'docker run --help' for more information\n",
        125,
    ),
    (
        "docker run -w rel busybox",
        "docker: Error response from daemon: the working directory 'rel' is invalid, it needs to be an "
        "absolute path\n\nRun 'docker run --help' for more information\n",
        125,
    ),
    (
        "docker run " + "a" * 64,
        "docker: invalid repository name (" + "a" * 64 + "), cannot specify 64-byte hexadecimal strings\n\n"
        "Run 'docker run --help' for more information\n",
        125,
    ),
    (  # docker/cli create.go: errors of the create request are returned plainly (exit 1), not as a StatusError
        "docker create --name x busybox",
        "Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n",
        1,
    ),
    (
        "docker create MyApp",
        "invalid reference format: repository name (library/MyApp) must be lowercase\n",
        1,
    ),
    (
        "docker create -p 8000:abc nginx",
        "docker: invalid containerPort: abc\n\nRun 'docker create --help' for more information\n",
        125,
    ),
    ("docker cp a:/x b:/y", "copying between containers is not supported\n", 1),
    ("docker logs nope", "Error response from daemon: No such container: nope\n", 1),
    ("docker volume inspect nope", "Error response from daemon: get nope: no such volume\n", 1),
]


@pytest.mark.parametrize("line,stderr,code", RUN_ERRORS, ids=[e[0][:40] for e in RUN_ERRORS])
def test_error_table(line, stderr, code):
    r = DockerHost(hints=False).run(line)
    assert (r.stderr, r.exit_code) == (stderr, code)


def test_help_command():
    host = DockerHost(hints=False)
    assert host.run("docker help").stdout == host.run("docker --help").stdout
    assert host.run("docker help run").stdout == host.run("docker run --help").stdout
    assert host.run("docker help volume ls").stdout == host.run("docker volume ls --help").stdout
    r = host.run("docker help nosuch")
    assert (r.stdout, r.stderr, r.exit_code) == ("", "unknown help topic: nosuch\n", 1)


@pytest.mark.parametrize(
    "line,path,usage",
    [
        ("docker run -e =x nginx", "run", "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"),
        ("docker create -e =x nginx", "create", "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]"),
        ("docker exec -e =x web ls", "exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]"),
    ],
)
def test_invalid_env_is_a_flag_error_before_anything_happens(s, line, path, usage):
    r = s(line)
    assert (r.exit_code, r.stdout) == (125, "")
    assert r.stderr == (
        f'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\n'
        f"Usage:  {usage}\n\nRun 'docker {path} --help' for more information\n"
    )
    assert s.host.images == [] and s.host.containers == []
    r = s('docker run -e "" nginx')
    assert r.exit_code == 125 and r.stderr.startswith(
        'invalid argument "" for "-e, --env" flag: invalid environment variable: \n'
    )
