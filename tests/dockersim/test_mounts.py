"""-v, --mount and --tmpfs as the docker 28 client and daemon read them.

Tables from moby `volume/mounts/linux_parser_test.go` (TestLinuxParseMountRaw, TestLinuxParseMountRawSplit)
and docker/cli `opts/mount_test.go` (MountOpt.Set cases); the client's -v scan is docker/cli
`cli/compose/loader/volume.go` (ParseVolume)."""

from __future__ import annotations

import json

import pytest

from app.dockersim import DockerHost
from app.dockersim.cli.values import mount_fields
from app.dockersim.commands.mount_specs import parse_volume
from app.dockersim.core.errors import DockerError

VALID_RAW = [  # TestLinuxParseMountRaw valid (a bare relative path is the only one the client answers differently)
    "/home",
    "/home:/home",
    "/home:/something/else",
    "/with space",
    "/home:/with space",
    "relative:/absolute-path",
    "hostPath:/containerPath:ro",
    "/hostPath:/containerPath:rw",
    "/rw:/ro",
    "/hostPath:/containerPath:shared",
    "/hostPath:/containerPath:rshared",
    "/hostPath:/containerPath:slave",
    "/hostPath:/containerPath:rslave",
    "/hostPath:/containerPath:private",
    "/hostPath:/containerPath:rprivate",
    "/hostPath:/containerPath:ro,shared",
    "/hostPath:/containerPath:ro,slave",
    "/hostPath:/containerPath:ro,private",
    "/hostPath:/containerPath:ro,z,shared",
    "/hostPath:/containerPath:ro,Z,slave",
    "/hostPath:/containerPath:Z,ro,slave",
    "/hostPath:/containerPath:slave,Z,ro",
    "/hostPath:/containerPath:Z,slave,ro",
    "/hostPath:/containerPath:slave,ro,Z",
    "/hostPath:/containerPath:rslave,ro,Z",
    "/hostPath:/containerPath:ro,rshared,Z",
    "/hostPath:/containerPath:ro,Z,rprivate",
]


@pytest.mark.parametrize("spec", VALID_RAW)
def test_valid_volume_specs(spec: str) -> None:
    parse_volume(spec, "/home/learner")


INVALID_RAW = [  # TestLinuxParseMountRaw invalid: (spec, substring of the error)
    ("", "invalid empty volume spec"),  # the client answers first
    ("./", "mount path must be absolute"),
    ("../", "mount path must be absolute"),
    ("/:../", "mount path must be absolute"),
    ("/:path", "mount path must be absolute"),
    (":", "invalid volume specification"),
    ("/tmp:", "empty section between colons"),  # the client's scan
    (":test", "empty section between colons"),
    (":/test", "empty section between colons"),
    ("tmp:", "empty section between colons"),
    (":test:", "empty section between colons"),
    ("::", "invalid volume specification"),
    (":::", "empty section between colons"),
    ("/tmp:::", "empty section between colons"),
    (":/tmp::", "empty section between colons"),
    ("/path:rw", "invalid volume specification"),
    ("/path:ro", "invalid volume specification"),
    ("/rw:rw", "invalid volume specification"),
    ("path:ro", "invalid volume specification"),
    ("/path:/path:sw", "invalid mode"),
    ("/path:/path:rwz", "invalid mode"),
    ("/path:/path:ro,rshared,rslave", "invalid mode"),
    ("/path:/path:ro,z,rshared,rslave", "invalid mode"),
    ("/path:shared", "invalid volume specification"),
    ("/path:slave", "invalid volume specification"),
    ("/path:private", "invalid volume specification"),
    ("name:/absolute-path:shared", "field BindOptions must not be specified"),
    ("name:/absolute-path:rshared", "field BindOptions must not be specified"),
    ("name:/absolute-path:slave", "field BindOptions must not be specified"),
    ("name:/absolute-path:rslave", "field BindOptions must not be specified"),
    ("name:/absolute-path:private", "field BindOptions must not be specified"),
    ("name:/absolute-path:rprivate", "field BindOptions must not be specified"),
    ("/tmp:/tmp4:foo", "invalid mode: foo"),  # TestLinuxParseMountRawSplit
    ("/tmp:tmp", "invalid mount path: 'tmp' mount path must be absolute"),
    ("/tmp:/x:nocopy", "field VolumeOptions must not be specified"),
    ("a:/b:ro:x", "invalid spec: a:/b:ro:x: too many colons"),
    ("/x:/", "invalid specification: destination can't be '/'"),
]


@pytest.mark.parametrize(("spec", "fragment"), INVALID_RAW)
def test_invalid_volume_specs(spec: str, fragment: str) -> None:
    with pytest.raises(DockerError) as err:
        parse_volume(spec, "/home/learner")
    assert fragment in err.value.text
    assert err.value.exit_code == 125


SPLIT = [  # TestLinuxParseMountRawSplit: (spec, type, destination, source or volume name, read-write)
    ("/tmp:/tmp1", "bind", "/tmp1", "/tmp", True),
    ("/tmp:/tmp2:ro", "bind", "/tmp2", "/tmp", False),
    ("/tmp:/tmp3:rw", "bind", "/tmp3", "/tmp", True),
    ("name:/named1", "volume", "/named1", "name", True),
    ("name:/named3:ro", "volume", "/named3", "name", False),
]


@pytest.mark.parametrize(("spec", "kind", "dest", "source", "rw"), SPLIT)
def test_volume_split(spec: str, kind: str, dest: str, source: str, rw: bool) -> None:
    m = parse_volume(spec, "/home/learner").mount
    assert (m.type, m.destination, m.source, not m.read_only) == (kind, dest, source, rw)


MOUNT_OK = [  # opts/mount_test.go
    ("type=bind,target=/target,source=/source", {"type": "bind", "source": "/source", "target": "/target"}),
    ("type=bind,src=/source,dst=/target", {"type": "bind", "source": "/source", "target": "/target"}),
    ("type=volume,src=/source,target=/target", {"type": "volume", "source": "/source", "target": "/target"}),
    ("target=/target,source=/foo", {"type": "volume", "source": "/foo", "target": "/target"}),
    ("type=bind,target=/foo,source=/foo,readonly", {"readonly": "true"}),
    ("type=bind,target=/foo,source=/foo,readonly=1", {"readonly": "true"}),
    ("type=bind,target=/foo,source=/foo,readonly=0", {"readonly": "false"}),
    ("type=volume,target=/foo,source=foo,volume-nocopy", {"volume-nocopy": "true"}),
    ("type=volume,target=/foo,source=foo,volume-nocopy=1", {"volume-nocopy": "true"}),
    ("type=tmpfs,target=/target,tmpfs-size=1m,tmpfs-mode=0700", {"tmpfs-size": str(1024 * 1024)}),
    ("type=tmpfs,target=/target,tmpfs-size=1MB,tmpfs-mode=700", {"tmpfs-size": str(1024 * 1024)}),
]


@pytest.mark.parametrize(("value", "expected"), MOUNT_OK)
def test_mount_opt_set(value: str, expected: dict[str, str]) -> None:
    fields = mount_fields(value)
    assert {k: fields.get(k) for k in expected} == expected


MOUNT_ERRORS = [  # opts/mount_test.go errors
    ("type=volume,source=/foo", "target is required"),
    ("type=volume,bogus=foo", "unexpected key 'bogus' in 'bogus=foo'"),
    ("type=volume,bogus", "invalid field 'bogus' must be a key=value pair"),
    ("type=volume,readonly=no", "invalid value for readonly: no"),
    ("type=volume,readonly=invalid", "invalid value for readonly: invalid"),
    ("type=bind,readonly=maybe,target=/x", "invalid value for readonly: maybe"),
    ("type=bind,target=/foo,source=/foo,volume-nocopy=true", "cannot mix 'volume-*' options with mount type 'bind'"),
    ("type=volume,target=/foo,source=/foo,bind-propagation=rprivate", "cannot mix 'bind-*' options"),
    ("type=tmpfs,target=/foo,tmpfs-size=foo", "invalid value for tmpfs-size: foo"),
    ("type=tmpfs,target=/foo,tmpfs-mode=foo", "invalid value for tmpfs-mode: foo"),
    ("type=tmpfs", "target is required"),
    ("", "EOF"),
]


@pytest.mark.parametrize(("value", "message"), MOUNT_ERRORS)
def test_mount_opt_errors(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("*", r"\*")):
        mount_fields(value)


def test_mount_errors_are_flag_errors_and_daemon_errors_are_framed() -> None:
    host = DockerHost(seed=0, hints=False)
    r = host.run("docker run --mount type=bind,readonly=maybe busybox")
    assert r.stderr.startswith(
        'invalid argument "type=bind,readonly=maybe" for "--mount" flag: invalid value for readonly: maybe\n\nUsage:'
    )
    assert r.exit_code == 125
    r = host.run("docker run --mount type=volume,target=/v,readonly busybox")
    assert r.stderr.startswith(
        'docker: Error response from daemon: invalid mount config for type "volume": '
        "must not set ReadOnly mode when using anonymous volumes\n"
    )
    r = host.run("docker run --mount type=bind,src=/nope,target=/x busybox")
    assert "bind source path does not exist: /nope" in r.stderr
    assert host.run("docker run -v '' busybox").stderr.startswith("docker: invalid empty volume spec\n")
    assert host.run("docker run -v : busybox").stderr.startswith(
        "docker: Error response from daemon: invalid volume specification: ':'\n"
    )


def test_inspect_binds_volumes_modes_and_tmpfs() -> None:
    host = DockerHost(seed=0, hints=False)
    assert (
        host.run("docker run -d -v data:/data -v /anon -v /tmp:/x:ro,slave --name m1 busybox sleep 99").exit_code == 0
    )
    d = json.loads(host.run("docker inspect m1").stdout)[0]
    assert d["HostConfig"]["Binds"] == ["data:/data", "/tmp:/x:ro,slave"]
    assert d["Config"]["Volumes"] == {"/anon": {}}
    bind = next(m for m in d["Mounts"] if m["Type"] == "bind")
    assert (bind["Mode"], bind["RW"], bind["Propagation"]) == ("ro,slave", False, "slave")
    assert host.run("docker run -d --mount type=tmpfs,target=/t --name m2 busybox sleep 99").exit_code == 0
    assert host.run("docker exec m2 touch /t/a").exit_code == 0
    assert host.run("docker exec m2 ls /t").stdout == "a\n"
    host.run("docker stop m2")
    host.run("docker start m2")
    assert host.run("docker exec m2 ls /t").stdout == ""  # tmpfs content goes with the stop


def test_nocopy_leaves_a_new_volume_empty() -> None:
    host = DockerHost(seed=0, hints=False)
    assert host.run("docker run -d -v html:/usr/share/nginx/html:nocopy --name n1 nginx").exit_code == 0
    assert host.volume_by_name("html").files == {}
    assert host.run("docker run -d -v html2:/usr/share/nginx/html --name n2 nginx").exit_code == 0
    assert host.volume_by_name("html2").files
