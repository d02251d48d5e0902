"""Table layouts, id formats, durations, sizes and port lists exactly as outputs.md describes."""

from __future__ import annotations

import re

import pytest

from app.dockersim.commands.listing import displayable_ports
from app.dockersim.core.format import human_duration, human_size, table


def test_tabwriter_matches_cli_formatter_test():
    rows = [
        ["containerID1", "ubuntu", '""', "24 hours ago", "", "", "foobar_baz"],
        ["containerID2", "ubuntu", '""', "24 hours ago", "", "", "foobar_bar"],
    ]
    expected = (
        "CONTAINER ID   IMAGE     COMMAND   CREATED        STATUS    PORTS     NAMES\n"
        'containerID1   ubuntu    ""        24 hours ago                       foobar_baz\n'
        'containerID2   ubuntu    ""        24 hours ago                       foobar_bar\n'
    )
    assert table(["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"], rows) == expected


def test_images_table_matches_cli_formatter_test():
    rows = [
        ["image", "tag1", "imageID1", "24 hours ago", "0B"],
        ["image", "tag2", "imageID2", "N/A", "0B"],
        ["<none>", "<none>", "imageID3", "24 hours ago", "0B"],
    ]
    assert table(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], rows) == (
        "REPOSITORY   TAG       IMAGE ID   CREATED        SIZE\n"
        "image        tag1      imageID1   24 hours ago   0B\n"
        "image        tag2      imageID2   N/A            0B\n"
        "<none>       <none>    imageID3   24 hours ago   0B\n"
    )


def test_volume_table_matches_cli_formatter_test():
    assert table(["DRIVER", "VOLUME NAME"], [["foo", "foobar_baz"], ["bar", "foobar_bar"]]) == (
        "DRIVER    VOLUME NAME\nfoo       foobar_baz\nbar       foobar_bar\n"
    )


def test_empty_lists_print_header_only(s):
    assert s.out("docker ps") == "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n"
    assert s.out("docker images") == "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n"
    assert s.out("docker volume ls") == "DRIVER    VOLUME NAME\n"


def test_ps_row_like_the_run_docs_example(s):
    s.ok("docker run --name test -d nginx:alpine")
    out = s.out("docker ps")
    header, row = out.splitlines()
    # the docs example row, byte for byte but the id (docker/cli docs/reference/commandline/container_run.md)
    assert (
        header
        == "CONTAINER ID   IMAGE          COMMAND                  CREATED        STATUS                  PORTS     NAMES"
    )
    assert re.fullmatch(
        r"[0-9a-f]{12}   nginx:alpine   \"/docker-entrypoint\.…\"   1 second ago   Up Less than a second   80/tcp    test",
        row,
    )
    later = s.out("docker ps").splitlines()[1]  # go-units HumanDuration: 1 s is "1 second"
    assert "1 second ago   Up 1 second" in later


def test_ps_quiet_no_trunc_latest_last_and_filters(s):
    s.ok("docker run -d --name aa nginx")
    s.ok("docker run --name bb busybox true")
    s.ok("docker create --name cc busybox")
    ids = {c.name: c.id for c in s.host.containers}
    assert s.out("docker ps -q") == ids["aa"][:12] + "\n"
    assert s.out("docker ps -a -q") == "".join(ids[n][:12] + "\n" for n in ("cc", "bb", "aa"))
    assert s.out("docker ps -aq --no-trunc").splitlines()[0] == ids["cc"]
    assert s.out("docker ps -l -q") == ids["cc"][:12] + "\n"
    assert s.out("docker ps -n 2 -q") == ids["cc"][:12] + "\n" + ids["bb"][:12] + "\n"
    assert s.out("docker ps -q -f status=exited") == ids["bb"][:12] + "\n"
    assert s.out("docker ps -aq -f name=^aa$") == ids["aa"][:12] + "\n"
    assert s.out("docker ps -aq -f ancestor=busybox") == ids["cc"][:12] + "\n" + ids["bb"][:12] + "\n"
    assert "\"/docker-entrypoint.sh nginx -g 'daemon off;'\"" in s.out("docker ps --no-trunc")
    r = s("docker ps -f status=bogus")
    assert (r.exit_code, r.stderr) == (1, "Error response from daemon: invalid filter 'status=bogus'\n")


def test_container_command_quoting_and_ellipsis(s):
    s.ok('docker create --name qq busybox sh -c "ls -la"')
    assert "\"sh -c 'ls -la'\"" in s.out("docker ps -a")


@pytest.mark.parametrize(
    "seconds,text",
    [
        (0.5, "Less than a second"),
        (1, "1 second"),
        (5, "5 seconds"),
        (59, "59 seconds"),
        (65, "About a minute"),
        (119, "About a minute"),
        (120, "2 minutes"),
        (3599, "59 minutes"),
        (3600, "About an hour"),
        (5400, "2 hours"),
        (86400, "24 hours"),
        (47 * 3600, "47 hours"),
        (48 * 3600, "2 days"),
        (15 * 86400, "2 weeks"),
        (61 * 86400, "2 months"),
        (800 * 86400, "2 years"),
    ],
)
def test_human_duration(seconds, text):
    assert human_duration(seconds) == text


@pytest.mark.parametrize(
    "size,text",
    [
        (0, "0B"),
        (999, "999B"),
        (1000, "1kB"),
        (10_100, "10.1kB"),
        (7_750_000, "7.75MB"),
        (192_000_000, "192MB"),
        (1_120_000_000, "1.12GB"),
    ],
)
def test_human_size(size, text):
    assert human_size(size) == text


@pytest.mark.parametrize(
    "ports,text",
    [
        ([("", 80, 0, "tcp")], "80/tcp"),
        ([("", 9998, 0, "udp"), ("", 9999, 0, "udp")], "9998-9999/udp"),
        ([("0.0.0.0", 80, 8000, "tcp"), ("::", 80, 8000, "tcp")], "0.0.0.0:8000->80/tcp, [::]:8000->80/tcp"),
        ([("::", 9988, 0, "tcp")], "[::]:0->9988/tcp"),
        ([("0.0.0.0", 80, 80, "tcp"), ("::", 80, 80, "tcp")], "0.0.0.0:80->80/tcp, [::]:80->80/tcp"),
        ([("127.0.0.1", 80, 9000, "tcp"), ("", 443, 0, "tcp")], "443/tcp, 127.0.0.1:9000->80/tcp"),
    ],
)
def test_displayable_ports(ports, text):
    assert displayable_ports(ports) == text


def test_ids_and_names_formats(s):
    cid = s.out("docker create busybox").strip()
    assert re.fullmatch(r"[0-9a-f]{64}", cid) and not cid[:12].isdigit()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", s.host.images[0].id)
    assert re.fullmatch(r"[0-9a-f]{12}", s.out("docker images -q").strip())
    vol = s.out("docker volume create").strip()
    assert re.fullmatch(r"[0-9a-f]{64}", vol) and s.out("docker volume ls -q") == vol + "\n"


def test_success_outputs(s):
    s.ok("docker run -d --name aa nginx")
    s.ok("docker run -d --name bb nginx")
    assert s.out("docker stop aa bb") == "aa\nbb\n"
    assert s.out("docker start aa bb") == "aa\nbb\n"
    assert s.out("docker tag nginx web:1") == ""
    assert s.out("docker volume create vv") == "vv\n" and s.out("docker volume rm vv") == "vv\n"
    r = s("docker start aa nope")
    assert (
        r.stdout == "aa\n"
        and r.stderr
        == ("Error response from daemon: No such container: nope\nError: failed to start containers: nope\n")
        and r.exit_code == 1
    )


def test_inspect_uses_docker_field_names(s):
    import json

    s.ok("docker run -d --rm --name web -p 8000:80 -v data:/data nginx")
    info = json.loads(s.out("docker inspect web"))[0]
    assert info["Name"] == "/web" and info["State"]["Status"] == "running" and info["State"]["Running"] is True
    assert info["HostConfig"]["PortBindings"] == {"80/tcp": [{"HostIp": "", "HostPort": "8000"}]}
    assert info["HostConfig"]["AutoRemove"] is True
    assert info["NetworkSettings"]["Ports"]["80/tcp"] == [
        {"HostIp": "0.0.0.0", "HostPort": "8000"},
        {"HostIp": "::", "HostPort": "8000"},
    ]
    assert (
        info["Mounts"][0]["Type"] == "volume"
        and info["Mounts"][0]["Name"] == "data"
        and info["Mounts"][0]["Destination"] == "/data"
    )
    assert info["Config"]["Cmd"] == ["nginx", "-g", "daemon off;"] and info["Config"]["Entrypoint"] == [
        "/docker-entrypoint.sh"
    ]
    img = json.loads(s.out("docker image inspect nginx"))[0]
    assert img["RepoTags"] == ["nginx:latest"] and img["Config"]["ExposedPorts"] == {"80/tcp": {}}
    vol = json.loads(s.out("docker volume inspect data"))[0]
    assert (
        vol["Name"] == "data" and vol["Driver"] == "local" and vol["Mountpoint"] == "/var/lib/docker/volumes/data/_data"
    )
    r = s("docker inspect nope")
    assert (r.stdout, r.stderr, r.exit_code) == ("[]\n", "Error: No such object: nope\n", 1)


def test_rmi_output_and_dangling_after_moved_tag(s):
    s.ok("cd feedback-app && docker build -t app:1 .")
    first = s.host.image("app:1").id
    s.host.write_file("feedback-app/server.js", s.host.read_file("feedback-app/server.js") + "//x\n")
    s.ok("docker build -t app:1 .")
    assert s.host.image_by_id(first).repo_tags == []
    assert s.out("docker images -f dangling=true -q") == first[7:19] + "\n"
    assert "<none>       <none>" in s.out("docker images")
    out = s.out(f"docker rmi {first[7:19]}")
    assert out.startswith(f"Deleted: {first}\n")
    assert s.out("docker image prune -f") == "Total reclaimed space: 0B\n"
