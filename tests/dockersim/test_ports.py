"""Port specs as the docker 28 client reads them.

Tables taken from docker/go-connections `nat/parse_test.go` (TestParsePortRange), `nat/nat_test.go`
(TestSplitProtoPort, TestParsePortSpecFull, TestPartPortSpecIPV6, TestParsePortSpecs*,
TestParseNetworkOpts*) and docker/cli `cli/command/container/opts_test.go` (publish/expose cases)."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.commands.port_specs import PortRequest, parse_expose, parse_port_range, parse_port_spec
from app.dockersim.core.errors import DockerError

RANGES = [  # nat/parse_test.go TestParsePortRange
    ("1234", (1234, 1234), ""),
    ("1234-1234", (1234, 1234), ""),
    ("1234-1235", (1234, 1235), ""),
    ("8000-9000", (8000, 9000), ""),
    ("0", (0, 0), ""),
    ("0-0", (0, 0), ""),
    ("", None, "empty string specified for ports"),
    ("asdf", None, 'strconv.ParseUint: parsing "asdf": invalid syntax'),
    ("9000-8000", None, "invalid range specified for port: 9000-8000"),
    ("8000-", None, 'strconv.ParseUint: parsing "": invalid syntax'),
    ("-9000", None, 'strconv.ParseUint: parsing "": invalid syntax'),
    ("8000-a", None, 'strconv.ParseUint: parsing "a": invalid syntax'),
    ("8000-9000a", None, 'strconv.ParseUint: parsing "9000a": invalid syntax'),
    ("a-9000", None, 'strconv.ParseUint: parsing "a": invalid syntax'),
    ("8000a-9000", None, 'strconv.ParseUint: parsing "8000a": invalid syntax'),
    ("-8000-", None, 'strconv.ParseUint: parsing "": invalid syntax'),
    ("-", None, 'strconv.ParseUint: parsing "": invalid syntax'),
    ("65536", None, 'strconv.ParseUint: parsing "65536": value out of range'),
]


@pytest.mark.parametrize(("text", "expected", "error"), RANGES)
def test_parse_port_range(text: str, expected: tuple[int, int] | None, error: str) -> None:
    if expected is not None:
        assert parse_port_range(text) == expected
    else:
        with pytest.raises(ValueError, match="^" + error.replace("(", r"\(").replace(")", r"\)") + "$"):
            parse_port_range(text)


def _req(ip: str, host: int, container: int, proto: str = "tcp", host_end: int | None = None) -> PortRequest:
    return PortRequest(ip, host, host if host_end is None else host_end, container, proto)


SPECS = [  # nat_test.go: full, IPv6 (bracketed and bare), private only, UDP, ranges, protocols
    ("0.0.0.0:1234-1235:3333-3334/tcp", [_req("0.0.0.0", 1234, 3333), _req("0.0.0.0", 1235, 3334)]),
    ("[2001:4860:0:2001::68]::333", [_req("2001:4860:0:2001::68", 0, 333)]),
    ("[::1]:80:80", [_req("::1", 80, 80)]),
    ("2001:4860:0:2001::68::333", [_req("2001:4860:0:2001::68", 0, 333)]),
    ("::1:80:80", [_req("::1", 80, 80)]),
    ("::::80", [_req("::", 0, 80)]),
    ("192.168.1.100::80", [_req("192.168.1.100", 0, 80)]),
    ("192.168.1.100:8080:80", [_req("192.168.1.100", 8080, 80)]),
    ("192.168.1.100::6000/udp", [_req("192.168.1.100", 0, 6000, "udp")]),
    ("1234/tcp", [_req("", 0, 1234)]),
    ("2345/udp", [_req("", 0, 2345, "udp")]),
    ("3456/sctp", [_req("", 0, 3456, "sctp")]),
    ("1234-1236/tcp", [_req("", 0, 1234), _req("", 0, 1235), _req("", 0, 1236)]),
    ("1234-1236:1234-1236/tcp", [_req("", 1234, 1234), _req("", 1235, 1235), _req("", 1236, 1236)]),
    ("8000-8010:80", [_req("", 8000, 80, host_end=8010)]),  # a host range to allocate into
    ("8000:80/TCP", [_req("", 8000, 80)]),  # the protocol is lowered before it is checked
    ("80/", [_req("", 0, 80)]),  # SplitProtoPort: an empty protocol is tcp
    ("0", [_req("", 0, 0)]),  # nat accepts container port 0 (TestSplitProtoPort "zero value")
]


@pytest.mark.parametrize(("spec", "expected"), SPECS)
def test_parse_port_spec(spec: str, expected: list[PortRequest]) -> None:
    assert parse_port_spec(spec) == expected


SPEC_ERRORS = [  # in the order the client checks: IP, empty port, container, host, ranges, protocol
    ("localhost:1234:1234/tcp", "invalid IP address: localhost"),
    ("localhost:1234-1236:1234-1236/tcp", "invalid IP address: localhost"),
    ("999.1.1.1:8000:80", "invalid IP address: 999.1.1.1"),
    ("192.168.1.100", "invalid containerPort: 192.168.1.100"),  # TestParseNetworkOptsPublicNoPort
    ("192.168.1.100:-1:-1", "invalid containerPort: -1"),  # TestParseNetworkOptsNegativePorts
    ("[::1:80:80", "invalid IP address [::1: address [::1:: missing ']' in address"),
    ("[::1]x:80:80", "invalid IP address [::1]x: address [::1]x:: missing port in address"),
    ("8000:", "no port specified: 8000:<empty>"),
    ("8000:/udp", "no port specified: 8000:/udp<empty>"),
    ("8000:abc", "invalid containerPort: abc"),
    ("99999:80", "invalid hostPort: 99999"),
    ("1-2:3-5", "invalid ranges specified for container and host Ports: 3-5 and 1-2"),
    ("8000:80/xyz", "invalid proto: xyz"),
    ("abc:80/xyz", "invalid hostPort: abc"),  # the protocol is checked last
    ("8000:80/TCP2", "invalid proto: TCP2"),  # shown as typed
]


@pytest.mark.parametrize(("spec", "message"), SPEC_ERRORS)
def test_parse_port_spec_errors(spec: str, message: str) -> None:
    with pytest.raises(DockerError) as err:
        parse_port_spec(spec)
    assert err.value.text == f"docker: {message}\n\nRun 'docker run --help' for more information\n"
    assert err.value.exit_code == 125


EXPOSE = [  # docker/cli opts.go (28.x) --expose loop; opts_test.go TestParseWithExpose
    (["80"], ["80/tcp"]),
    (["8080/udp"], ["8080/udp"]),
    (["8080-8082"], ["8080/tcp", "8081/tcp", "8082/tcp"]),
    (["8080-8081/udp", "8080/udp"], ["8080/udp", "8081/udp"]),
]


@pytest.mark.parametrize(("specs", "keys"), EXPOSE)
def test_expose(specs: list[str], keys: list[str]) -> None:
    assert parse_expose(specs) == keys


EXPOSE_ERRORS = [
    (":", "invalid port format for --expose: :"),
    ("8080:9090", "invalid port format for --expose: 8080:9090"),
    ("NaN/tcp", 'invalid range format for --expose: NaN/tcp, error: strconv.ParseUint: parsing "NaN": invalid syntax'),
    (
        "NaN-NaN/tcp",
        'invalid range format for --expose: NaN-NaN/tcp, error: strconv.ParseUint: parsing "NaN": invalid syntax',
    ),
    (
        "8080-NaN/tcp",
        'invalid range format for --expose: 8080-NaN/tcp, error: strconv.ParseUint: parsing "NaN": invalid syntax',
    ),
    (
        "1234567890-8080/tcp",
        'invalid range format for --expose: 1234567890-8080/tcp, error: strconv.ParseUint: parsing "1234567890": value out of range',
    ),
]


@pytest.mark.parametrize(("spec", "message"), EXPOSE_ERRORS)
def test_expose_errors(spec: str, message: str) -> None:
    with pytest.raises(DockerError) as err:
        parse_expose([spec])
    assert err.value.text.startswith(f"docker: {message}\n")


def test_ranges_ipv6_and_long_syntax_end_to_end() -> None:
    host = DockerHost(seed=0, hints=False)
    assert host.run("docker run -d -p 8000-8001:80-81 --name rg nginx").exit_code == 0
    assert host.run("docker port rg").stdout == (
        "80/tcp -> 0.0.0.0:8000\n80/tcp -> [::]:8000\n81/tcp -> 0.0.0.0:8001\n81/tcp -> [::]:8001\n"
    )
    assert host.run("docker run -d -p '[::1]:8080:80' -p 127.0.0.1:9000:80/TCP --name v6 nginx").exit_code == 0
    assert host.run("docker port v6").stdout == "80/tcp -> [::1]:8080\n80/tcp -> 127.0.0.1:9000\n"
    assert host.run("docker port v6 80").stdout == "[::1]:8080\n127.0.0.1:9000\n"
    assert "[::1]:8080->80/tcp" in host.run("docker ps --filter name=v6").stdout
    assert host.run("docker run -d -p target=80,published=8090 --name ls nginx").exit_code == 0
    assert host.run("docker port ls").stdout == "80/tcp -> 0.0.0.0:8090\n80/tcp -> [::]:8090\n"
    r = host.run("docker run -p target nginx")
    assert r.stderr.startswith("docker: invalid containerPort: target\n")
    r = host.run("docker run -p target=80,bogus nginx")
    assert r.stderr.startswith("docker: invalid publish opts format (should be name=value but got 'bogus')\n")


def test_invalid_address_creates_nothing_and_expose_shows_in_ps() -> None:
    host = DockerHost(seed=0, hints=False)
    r = host.run("docker run -d -p 999.1.1.1:8000:80 nginx")
    assert (r.exit_code, r.stdout) == (125, "")
    assert host.containers == []
    assert host.run("docker run -d --expose 3000-3001 --name ex nginx").exit_code == 0
    assert "80/tcp, 3000-3001/tcp" in host.run("docker ps").stdout
    assert set(host.container("ex").config["ExposedPorts"]) == {"80/tcp", "3000/tcp", "3001/tcp"}
    assert host.run("docker run -d -P --expose 5000 --name pa busybox sleep 99").exit_code == 0
    assert host.run("docker port pa").stdout == "5000/tcp -> 0.0.0.0:32768\n5000/tcp -> [::]:32768\n"
