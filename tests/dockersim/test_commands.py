"""The remaining container, image and volume commands, and the long forms/aliases."""

from __future__ import annotations

import re

import pytest

from app.dockersim import DockerHost
from tests.dockersim.conftest import said
from tests.dockersim.invariants import check_invariants


@pytest.mark.parametrize(
    "short,long",
    [
        ("docker ps -a", "docker container ls -a"),
        ("docker ps -a", "docker container list -a"),
        ("docker ps -a", "docker container ps -a"),
        ("docker images", "docker image ls"),
        ("docker images", "docker image list"),
        ("docker volume ls", "docker volume list"),
        ("docker inspect web", "docker container inspect web"),
    ],
)
def test_aliases_print_the_same(s, short, long):
    from app.dockersim import DockerHost

    s.ok("docker run -d --name web nginx")
    snap = s.host.snapshot()
    assert DockerHost.from_snapshot(snap).run(short) == DockerHost.from_snapshot(snap).run(long)


@pytest.mark.parametrize("line", ["docker image rm nginx", "docker image remove nginx", "docker rmi nginx"])
def test_rmi_aliases(s, line):
    s.ok("docker pull nginx")
    assert s.out(line).startswith("Untagged: nginx:latest\nDeleted: sha256:")
    assert s.host.images == []


def test_pull_output_and_shared_layers(s):
    out = s.out("docker pull node")
    assert out.startswith("Using default tag: latest\n") is False and out.startswith(
        "latest: Pulling from library/node\n"
    )
    assert out.endswith("Status: Downloaded newer image for node:latest\ndocker.io/library/node:latest\n")
    out = s.out("docker pull python")
    assert ": Already exists\n" in out  # python and node share the debian base layer
    assert s.out("docker pull node").endswith(
        "Status: Image is up to date for node:latest\ndocker.io/library/node:latest\n"
    )
    assert s.out("docker pull -q alpine") == "docker.io/library/alpine:latest\n"
    r = s("docker pull nginx:nope")
    assert (r.stderr, r.exit_code) == (
        "Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n",
        1,
    )


def test_exec_workdir_env_and_errors(s):
    s.ok("docker run -d --name box -e GREETING=hi alpine sleep 1000")
    assert s.out("docker exec -w /etc box pwd") == "/etc\n"
    assert s.out("docker exec -e X=1 box sh -c 'echo $X $GREETING'") == "1 hi\n"
    assert s.out("docker exec -d box touch /made") == "" and "made" in s.out("docker exec box ls /")
    s.ok("docker stop box")
    r = s("docker exec box ls")
    cid = s.host.container("box").id
    assert (r.stderr, r.exit_code) == (f"Error response from daemon: container {cid} is not running\n", 1)


def test_cp_both_ways_and_diff(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker cp web:/usr/share/nginx/html/index.html ./page.html")
    assert "Welcome to nginx!" in s.host.read_file("page.html")
    s.ok("echo '<h1>mine</h1>' > page.html && docker cp page.html web:/usr/share/nginx/html/index.html")
    s.ok("docker exec web rm /usr/share/nginx/html/50x.html")
    s.ok("docker exec web mkdir /data")
    assert s.out("docker diff web") == (
        "A /data\nC /usr\nC /usr/share\nC /usr/share/nginx\nC /usr/share/nginx/html\n"
        "D /usr/share/nginx/html/50x.html\nC /usr/share/nginx/html/index.html\n"
    )
    assert s.host.container_files("web")["/usr/share/nginx/html/index.html"] == "<h1>mine</h1>\n"
    r = s("docker cp web:/nope .")
    assert r.exit_code == 1 and "Could not find the file /nope in container web" in r.stderr


def test_rename_port_kill_restart(s):
    s.ok("docker run -d -p 8000:80 -p 127.0.0.1:8443:443 --name web nginx")
    assert s.out("docker port web") == "80/tcp -> 0.0.0.0:8000\n80/tcp -> [::]:8000\n443/tcp -> 127.0.0.1:8443\n"
    assert s.out("docker port web 80") == "0.0.0.0:8000\n[::]:8000\n"
    s.ok("docker rename web site")
    assert s.host.container("site") and s.host.container("web") is None
    r = s("docker rename site site")
    assert r.exit_code == 1
    s.ok("docker restart site")
    # RestartCount counts restart-policy restarts only; a manual restart resets it (moby ResetRestartManager(true))
    assert s.host.container("site").restart_count == 0 and s.host.container("site").running
    s.ok("docker kill -s SIGINT site")
    assert s.host.container("site").exit_code == 0 and not s.host.container("site").running
    r = s("docker kill site")
    assert r.exit_code == 1 and "is not running" in r.stderr


def test_logs_tail_and_timestamps(s):
    s.ok("docker run --name talk busybox sh -c 'echo one; echo two; echo three'")
    assert s.out("docker logs --tail 2 talk") == "two\nthree\n"
    assert s.out("docker logs -n 0 talk") == ""
    assert re.fullmatch(r"(2026-06-02T12:00:\d\d\.\d{9}Z (one|two|three)\n){3}", s.out("docker logs -t talk"))


def test_tag_history_and_image_errors(s):
    s.ok("docker pull alpine")
    s.ok("docker tag alpine my/alpine:1")
    assert sorted(s.host.image("alpine").repo_tags) == ["alpine:latest", "my/alpine:1"]
    r = s("docker tag alpine Bad")
    assert r.exit_code == 1 and r.stderr.startswith(
        'Error parsing reference: "Bad" is not a valid repository/tag: invalid reference format'
    )
    r = s("docker tag nope x")
    assert r.stderr == "Error response from daemon: No such image: nope:latest\n"
    r = s(f"docker rmi {s.host.image('alpine').id[7:19]}")
    assert "image is referenced in multiple repositories" in r.stderr
    hist = s.out("docker history alpine")
    assert hist.startswith("IMAGE          CREATED       CREATED BY") and "<missing>" not in hist.splitlines()[1]
    r = s("docker rmi nope")
    assert r.stderr == "Error response from daemon: No such image: nope:latest\n"


def test_volume_commands(s):
    assert s.out("docker volume create data") == "data\n"
    assert s.out("docker volume create data") == "data\n"  # idempotent
    r = s("docker volume create 'bad/name'")
    assert r.exit_code == 1 and "includes invalid characters for a local volume name" in r.stderr
    r = s("docker volume rm nope")
    assert (r.stderr, r.exit_code) == ("Error response from daemon: get nope: no such volume\n", 1)
    assert s.ok("docker volume rm -f nope").exit_code == 0
    s.ok("docker create -v data:/d --name user busybox")
    assert s.out("docker volume ls -q -f dangling=true") == ""
    assert s.out("docker volume ls -q -f dangling=false") == "data\n"
    r = s("docker volume inspect nope")
    assert r.stderr == "Error response from daemon: get nope: no such volume\n"


def test_run_options(s):
    s.ok("docker run --name ep --entrypoint echo busybox hello")
    assert s.out("docker logs ep") == "hello\n"
    s.ok("docker run --name wd -w /tmp busybox pwd")
    assert s.out("docker logs wd") == "/tmp\n"
    s.ok("docker run --name env -e A=1 -e B busybox env")
    assert "A=1\n" in s.out("docker logs env") and "B=" not in s.out("docker logs env")
    r = s("docker run -v /tmp:tmp busybox")
    assert r.stderr.startswith(
        "docker: Error response from daemon: invalid volume specification: '/tmp:tmp': invalid mount "
        "config for type \"bind\": invalid mount path: 'tmp' mount path must be absolute"
    )
    r = s("docker run -v a:/b:foo busybox")
    assert r.stderr.startswith("docker: Error response from daemon: invalid mode: foo")
    r = s("docker run -d -v site:/data:ro --name ro busybox sleep 100")
    assert s("docker exec ro touch /data/x").stderr == "touch: cannot touch '/data/x': Read-only file system\n"
    r = s("docker run busybox /nope")
    assert r.exit_code == 127 and 'exec: "/nope": stat /nope: no such file or directory' in r.stderr
    r = s("docker run --name Bad! busybox")
    assert r.stderr.startswith("docker: Error response from daemon: Invalid container name (Bad!)")


def test_hello_world_and_one_shots(s):
    r = s.ok("docker run hello-world")
    assert "Hello from Docker!" in r.stdout and s.host.containers[0].exit_code == 0
    assert s("docker run busybox false").exit_code == 1
    assert s.out("docker run --rm alpine ls /etc").startswith("hostname") is False
    assert s("docker run hello-world sh").exit_code == 127


def test_stop_time_is_deprecated_alias(s):
    s.ok("docker run -d --name web nginx")
    assert s.out("docker stop --time 5 web") == "Flag --time has been deprecated, use --timeout instead\nweb\n"


def test_failed_start_keeps_pull_output(s):
    r = s("docker run busybox nosuchcmd")
    assert r.stderr.startswith("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\n")
    assert (
        r.stderr.endswith(
            'exec: "nosuchcmd": executable file not found in $PATH: unknown\n\n'
            "Run 'docker run --help' for more information\n"
        )
        and r.exit_code == 127
    )
    assert s.host.containers[0].state == "created" and "Created" in s.out("docker ps -a")


def test_build_hash_tells_whether_an_image_matches_the_current_files(s):
    s.ok("cd ~/feedback-app && docker build -t fb .")
    img = s.host.image("fb")
    assert img.build_hash == s.host.context_hash("~/feedback-app")
    s.host.write_file("feedback-app/node_modules/x.js", "ignored by .dockerignore")
    assert img.build_hash == s.host.context_hash("/home/learner/feedback-app")
    s.host.write_file("feedback-app/server.js", "// changed\n")
    assert img.build_hash != s.host.context_hash("/home/learner/feedback-app")


def test_process_models_of_official_images(s):
    assert s.out("docker run --rm node -v") == "v24.1.0\n"
    assert s.out("docker run --rm node -e \"console.log('hi there')\"") == "hi there\n"
    assert s("docker run -it node").busy and s.host.prompt(0) == "> "
    assert s.ok(".exit").busy is False
    s.ok("docker run -d --name cache redis --port 7000")
    assert "Ready to accept connections tcp" in s.out("docker logs cache")
    s.ok("docker run -d -p 8080:80 --name apache httpd")
    assert s.out("curl localhost:8080") == "<html><body><h1>It works!</h1></body></html>\n"
    s.ok("docker stop apache cache")
    assert [s.host.container(n).exit_code for n in ("apache", "cache")] == [0, 0]
    r = s("docker run --rm node missing.js")
    assert r.exit_code == 1 and "Error: Cannot find module '/missing.js'" in r.stderr


def test_volume_create_hidden_name_flag(s):
    assert s.out("docker volume create --name old-style") == "old-style\n"


def test_real_hub_images_missing_from_the_registry_say_so(s):
    r = s("docker run -d mysql")
    assert r.exit_code == 125 and r.stderr == "Unable to find image 'mysql:latest' locally\n"
    assert said(r).startswith("'mysql' is a real Docker Hub image")  # a simulator note, not framed as Docker's
    r = s("docker pull postgres")
    assert r.exit_code == 1 and r.stderr == "" and said(r).startswith("'postgres' is a real Docker Hub image")
    assert "pull access denied for nosuchthing" in s("docker pull nosuchthing").stderr


def test_cp_prints_the_tty_summary_like_the_cli(s):
    s.ok("docker run -d --name web nginx")
    r = s.ok("docker cp web:/usr/share/nginx/html/index.html .")
    assert r.stderr == "Successfully copied 2.56kB to /home/learner/.\n"  # 512 header + 1024 data + 1024 trailer
    r = s.ok("docker cp site web:/tmp")
    assert r.stderr == "Successfully copied 2.56kB to web:/tmp\n"
    assert s.ok("docker cp -q site/index.html web:/").stderr == ""


def test_empty_name_means_a_generated_name(s):
    r = s.ok('docker create --name "" busybox')
    c = s.host.containers[0]
    assert c.id + "\n" == r.stdout and c.name and "_" in c.name


def test_leading_slash_in_name_is_not_part_of_the_shown_name(s):
    s.ok("docker run -d --name /web nginx")
    assert s.host.containers[0].name == "web"
    assert s.out("docker ps").splitlines()[1].endswith("   web")
    r = s("docker run -d --name web nginx")
    assert r.exit_code == 125 and 'The container name "/web" is already in use' in r.stderr


def test_restart_uses_the_given_signal_and_keeps_restart_count_at_zero(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker restart web")
    logs = s.out("docker logs web") + s.ok("docker logs web").stderr
    assert "signal 3 (SIGQUIT) received, shutting down" in logs  # nginx's StopSignal by default
    before = len(s.host.container("web").logs)
    s.ok("docker restart -s SIGKILL web")
    new = [e.text for e in s.host.container("web").logs[before:]]
    assert not any("signal" in t and "received" in t for t in new), new
    assert s.host.container("web").running and s.host.container("web").restart_count == 0
    assert '"RestartCount": 0,' in s.out("docker inspect web")
    r = s("docker restart -s NOPE web")
    assert r.exit_code == 1 and "Invalid signal: NOPE" in r.stderr


def test_udp_and_tcp_on_the_same_host_port_do_not_conflict_and_curl_uses_tcp(s):
    s.ok("docker run -d -p 9001:80/udp --name udp nginx")
    r = s("curl localhost:9001")  # nothing listens on TCP 9001
    assert r.exit_code == 7 and "Failed to connect to localhost port 9001" in r.stderr
    s.ok("docker run -d -p 9001:80 --name tcp nginx")
    assert s.host.port_owner(9001).name == "tcp" and s.host.port_owner(9001, "udp").name == "udp"
    assert "Welcome to nginx!" in s.out("curl localhost:9001")
    r = s("docker run -d -p 9001:53/udp --name udp2 nginx")
    assert r.exit_code == 125 and "Bind for 0.0.0.0:9001 failed: port is already allocated" in r.stderr
    s.ok("docker rm -f udp")
    s.ok("docker start udp2")
    assert s.host.port_owner(9001, "udp").name == "udp2" and s.host.port_owner(9001).name == "tcp"
    s.ok("docker stop tcp")
    assert s.host.port_owner(9001) is None and s("curl localhost:9001").exit_code == 7
    check_invariants(s.host)
    assert DockerHost.from_snapshot(s.host.snapshot()).port_owner(9001, "udp").name == "udp2"


def test_unmodelled_hub_image_in_run_is_not_framed_as_dockers_own_error(s):
    r = s("docker run mysql")
    assert r.exit_code == 125
    assert r.stderr == "Unable to find image 'mysql:latest' locally\n"
    assert said(r).startswith("'mysql' is a real Docker Hub image")
