"""Flag values checked while parsed, and the modelled HostConfig/Config flags.

Tables: docker/go-units `size_test.go` (TestRAMInBytes), docker/cli `opts/opts_test.go` (TestParseCPUs /
NanoCPUs), `opts/parse_test.go` (ParseRestartPolicy), `opts/envfile_test.go`, Go `time/time_test.go`
(parseDurationErrorTests); daemon messages from moby `daemon/container.go` and `daemon/daemon_unix.go`."""

from __future__ import annotations

import json

import pytest

from app.dockersim import DockerHost
from app.dockersim.cli.values import nano_cpus, parse_duration, ram_in_bytes

RAM = [  # go-units TestRAMInBytes
    ("32", 32),
    ("32b", 32),
    ("32B", 32),
    ("32k", 32 * 1024),
    ("32K", 32 * 1024),
    ("32kb", 32 * 1024),
    ("32Kb", 32 * 1024),
    ("32Kib", 32 * 1024),
    ("32KIB", 32 * 1024),
    ("32Mb", 32 * 1024**2),
    ("32Gb", 32 * 1024**3),
    ("32Tb", 32 * 1024**4),
    ("32Pb", 32 * 1024**5),
    ("32PB", 32 * 1024**5),
    ("32P", 32 * 1024**5),
    ("32.3", 32),
    ("32.3 mb", int(32.3 * 1024**2)),
    ("0.3MB", int(0.3 * 1024**2)),
]


@pytest.mark.parametrize(("text", "value"), RAM)
def test_ram_in_bytes(text: str, value: int) -> None:
    assert ram_in_bytes(text) == value


@pytest.mark.parametrize(  # go-units TestRAMInBytes errors; the message is parseSize's
    ("text", "message"),
    [
        ("", "invalid size: ''"),
        ("hello", "invalid size: 'hello'"),
        ("-32", "invalid size: '-32'"),
        (" 32 ", "invalid size: ' 32 '"),
        ("32m b", "invalid size: '32m b'"),
        ("32bm", "invalid size: '32bm'"),
        ("abc", "invalid size: 'abc'"),
        ("1.2.3m", 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'),
    ],
)
def test_ram_in_bytes_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        ram_in_bytes(text)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("text", "nano"), [("1", 1_000_000_000), ("1.5", 1_500_000_000), ("0.01", 10_000_000), ("3/2", 1_500_000_000)]
)
def test_nano_cpus(text: str, nano: int) -> None:
    assert nano_cpus(text) == nano


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "failed to parse x as a rational number"),
        ("0.0000000001", "value is too precise"),
        ("", "failed to parse  as a rational number"),
    ],
)
def test_nano_cpus_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        nano_cpus(text)


@pytest.mark.parametrize(
    ("text", "seconds"), [("0", 0.0), ("5s", 5.0), ("1m30s", 90.0), ("1.5h", 5400.0), ("100ms", 0.1), ("-2s", -2.0)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(  # Go time_test.go parseDurationErrorTests
    ("text", "message"),
    [
        ("", 'time: invalid duration ""'),
        ("3", 'time: missing unit in duration "3"'),
        ("-", 'time: invalid duration "-"'),
        ("s", 'time: invalid duration "s"'),
        (".", 'time: invalid duration "."'),
        ("-.", 'time: invalid duration "-."'),
        (".s", 'time: invalid duration ".s"'),
        ("+.s", 'time: invalid duration "+.s"'),
        ("1d", 'time: unknown unit "d" in duration "1d"'),
    ],
)
def test_duration_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_duration(text)
    assert str(err.value) == message


FLAG_ERRORS = [
    ("docker run -m abc busybox", 'invalid argument "abc" for "-m, --memory" flag: invalid size: \'abc\''),
    ("docker run --cpus x busybox", 'invalid argument "x" for "--cpus" flag: failed to parse x as a rational number'),
    ("docker run --shm-size 1q busybox", 'invalid argument "1q" for "--shm-size" flag: invalid size: \'1q\''),
    (
        "docker run --health-interval xyz busybox",
        'invalid argument "xyz" for "--health-interval" flag: time: invalid duration "xyz"',
    ),
    (
        "docker run --blkio-weight 99999 busybox",
        'invalid argument "99999" for "--blkio-weight" flag: strconv.ParseUint: parsing "99999": value out of range',
    ),
    (
        "docker run -a bogus busybox",
        'invalid argument "bogus" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR',
    ),
    (
        "docker run --dns 1.2.3 busybox",
        'invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3',
    ),
]


@pytest.mark.parametrize(("line", "message"), FLAG_ERRORS)
def test_values_are_checked_while_parsed(line: str, message: str) -> None:
    r = DockerHost(hints=False).run(line)
    assert r.stderr.startswith(message + "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n")
    assert r.exit_code == 125


DAEMON_ERRORS = [
    ("docker run -m 1k busybox", "docker: Error response from daemon: Minimum memory limit allowed is 6MB"),
    (
        "docker run --cpus 3 busybox",
        "docker: Error response from daemon: Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
    ),
    (
        "docker run --restart bogus busybox",
        "docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ),
    (
        "docker run --restart always:3 busybox",
        "docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'",
    ),
    (
        "docker run --restart on-failure:-1 busybox",
        "docker: Error response from daemon: invalid restart policy: maximum retry count cannot be negative",
    ),
    (
        "docker run --restart on-failure:x busybox",
        "docker: invalid restart policy format: maximum retry count must be an integer",
    ),
    ("docker run --restart :3 busybox", "docker: invalid restart policy format: no policy provided before colon"),
    ("docker run --rm --restart always busybox", "docker: conflicting options: cannot specify both --restart and --rm"),
    ("docker run --env-file nope.env busybox", "docker: open nope.env: no such file or directory"),
    (
        "docker run --tmpfs rel busybox",
        "docker: Error response from daemon: invalid mount path: 'rel' mount path must be absolute",
    ),
]


@pytest.mark.parametrize(("line", "message"), DAEMON_ERRORS)
def test_checked_values(line: str, message: str) -> None:
    r = DockerHost(hints=False).run(line)
    assert r.stderr == message + "\n\nRun 'docker run --help' for more information\n"
    assert r.exit_code == 125


def test_modelled_host_options_show_in_inspect_and_act() -> None:
    host = DockerHost(seed=0, hints=False)
    host.write_file("app.env", "# comment\nA=1\n  B=two\n\nC\n")
    line = (
        "docker run -d -m 512m --cpus 1.5 --restart on-failure:3 --env-file app.env -e B=3 --hostname box "
        "--user 1000 --read-only --tmpfs /run:size=64m --name hc busybox sleep 99"
    )
    assert host.run(line).exit_code == 0
    d = json.loads(host.run("docker inspect hc").stdout)[0]
    hc = d["HostConfig"]
    assert (hc["Memory"], hc["NanoCpus"], hc["ReadonlyRootfs"]) == (512 * 1024 * 1024, 1_500_000_000, True)
    assert hc["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 3}
    assert hc["Tmpfs"] == {"/run": "size=64m"}
    assert (d["Config"]["Hostname"], d["Config"]["User"]) == ("box", "1000")
    assert d["Config"]["Env"][-2:] == ["A=1", "B=3"]
    assert d["Mounts"] == []  # --tmpfs is not a listed mount
    assert host.run("docker exec hc hostname").stdout == "box\n"
    assert "Read-only file system" in host.run("docker exec hc touch /x").stderr
    assert host.run("docker exec hc touch /run/x").exit_code == 0
    plain = json.loads(
        host.run("docker run -d --name pl busybox sleep 9 && docker inspect pl").stdout.split("\n", 1)[1]
    )
    assert plain[0]["HostConfig"]["RestartPolicy"] == {"Name": "no", "MaximumRetryCount": 0}
