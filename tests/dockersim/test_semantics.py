"""Each of the 31 reference behaviours of Docker 28.2 (shared/reference/semantics.md) as a test."""

from __future__ import annotations

import re

from app.dockersim.engine.fixtures import APP


def _build(s, tag: str = "feedback") -> None:
    s.ok(f"cd {APP} && docker build -t {tag} .")


# --- running, attaching, detaching -----------------------------------------------------


def test_01_run_is_attached_and_exit_code_is_the_containers(s):
    r = s("docker run busybox /bin/sh -c 'exit 3'")
    assert r.exit_code == 3 and not r.busy
    r = s("docker run -p 8080:80 nginx")
    assert r.busy and s.host.terminal_busy(0)
    assert "Configuration complete; ready for start up" in r.stdout
    assert s("docker ps").exit_code != 0  # the terminal is held
    assert s("docker run busybox nosuchcmd", 1).exit_code == 127


def test_02_run_detached_prints_full_id(s):
    r = s.ok("docker run -d nginx")
    assert re.fullmatch(r"[0-9a-f]{64}\n", r.stdout)
    assert s.host.containers[0].running and not s.host.terminal_busy(0)
    r = s("docker run -d -a stdout nginx")
    assert r.exit_code == 1 and r.stderr == "conflicting options: cannot specify both --attach and --detach\n"


def test_03_start_is_detached_unless_a_and_start_p_is_rejected(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker stop web")
    r = s.ok("docker start web")
    assert r.stdout == "web\n" and not r.busy and s.host.container("web").running
    s.ok("docker stop web")
    r = s.ok("docker start -a web")
    assert r.busy and s.host.container("web").attached
    s.host.interrupt(0)
    r = s("docker start -a web db")
    assert r.exit_code == 1 and r.stderr == "you cannot start and attach multiple containers at once\n"
    r = s("docker start -p 8000:80 web")
    assert r.exit_code == 125
    assert r.stderr == (
        "unknown shorthand flag: 'p' in -p\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\n"
        "Run 'docker start --help' for more information\n"
    )


def test_04_ctrl_c_in_attached_run_stops_nginx(s):
    s("docker run --name web nginx")
    r = s.host.interrupt(0)
    assert "signal 2 (SIGINT) received, exiting" in r.stdout
    assert r.exit_code == 0 and not r.busy
    c = s.host.container("web")
    assert c.state == "exited" and c.status(s.host.clock.now).startswith("Exited (0)")
    s("docker run -it --name box alpine")
    assert s.host.terminal_busy(0)
    r = s.host.detach_keys(0)
    assert r.stdout == "read escape sequence\n" and s.host.container("box").running


def test_05_attach_to_stopped_container_fails(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker stop web")
    r = s("docker attach web")
    assert (r.exit_code, r.stderr) == (1, "You cannot attach to a stopped container, start it first\n")


def test_06_it_is_treated_as_a_tty(s):
    r = s("docker run -it ubuntu")
    assert r.busy and s.host.prompt(0).startswith("root@")
    r = s("echo hi")
    assert r.stdout == "hi\n"
    r = s("exit 4")
    assert r.exit_code == 4 and not s.host.terminal_busy(0)
    assert s.host.containers[0].exit_code == 4


# --- lifecycle and removal --------------------------------------------------------------------


def test_07_rm_removes_container_and_anonymous_volumes(s):
    s.ok("docker run --rm -v /foo -v awesome:/bar busybox true")
    assert s.host.containers == []
    assert [v.name for v in s.host.volumes] == ["awesome"]
    s.ok("docker run -d --rm --name sleeper -v /tmpvol alpine sleep 5")
    assert len(s.host.volumes) == 2
    s.ok("sleep 6")
    assert s.host.container("sleeper") is None and [v.name for v in s.host.volumes] == ["awesome"]
    r = s("docker run --rm --restart always busybox true")
    assert r.exit_code == 125
    assert (
        r.stderr
        == "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n"
    )


def test_08_rm_keeps_volumes_unless_v_and_v_removes_only_anonymous(s):
    s.ok("docker create -v awesome:/foo -v /bar --name hello redis")
    assert len(s.host.volumes) == 3  # awesome, /bar, and redis's VOLUME /data
    s.ok("docker rm hello")
    assert len(s.host.volumes) == 3
    s.ok("docker create -v awesome:/foo -v /bar --name hello2 redis")
    s.ok("docker rm -v hello2")
    assert len(s.host.volumes) == 3 and s.host.volume_by_name("awesome") is not None


def test_09_named_volumes_survive_container_removal(s):
    s.ok("docker run -d --name db -v data:/var/lib/x alpine sleep 1000")
    s.ok("docker exec db sh -c 'echo keep > /var/lib/x/f'")
    s.ok("docker rm -f db")
    assert "data" in s.out("docker volume ls")
    assert s.out("docker run --rm -v data:/d alpine cat /d/f") == "keep\n"


def test_10_volume_prune_only_anonymous_unless_all(s):
    s.ok("docker volume create keep")
    s.ok("docker create -v /anon --name gone busybox")
    s.ok("docker rm gone")
    s.ok("docker create -v used:/u --name user busybox")
    anon = [v.name for v in s.host.volumes if v.anonymous]
    r = s.ok("docker volume prune")
    assert (
        r.stdout
        == (
            "WARNING! This will remove anonymous local volumes not used by at least one container.\n"
            "Are you sure you want to continue? [y/N] "
        )
        and r.busy
    )
    assert s.ok("N").stdout == "" and len(s.host.volumes) == 3  # any answer but y keeps everything
    r = s.ok("docker volume prune -f")
    assert r.stdout.startswith("Deleted Volumes:\n" + anon[0] + "\n")
    assert sorted(v.name for v in s.host.volumes) == ["keep", "used"]
    assert s.ok("docker volume prune -a").stdout.startswith(
        "WARNING! This will remove all local volumes not used by at least one container.\n"
    )
    r = s.ok("y")
    assert "keep" in r.stdout and [v.name for v in s.host.volumes] == ["used"]


def test_11_removing_a_volume_in_use_fails(s):
    s.ok("docker run -d --name web -v data:/data nginx")
    s.ok("docker stop web")
    cid = s.host.container("web").id
    r = s("docker volume rm data")
    assert (r.exit_code, r.stderr) == (1, f"Error response from daemon: remove data: volume is in use - [{cid}]\n")


def test_12_removing_running_container_needs_force(s):
    s.ok("docker run -d --name web nginx")
    r = s("docker rm web")
    assert r.exit_code == 1
    assert r.stderr == (
        'Error response from daemon: cannot remove container "web": container is running: '
        "stop the container before removing or force remove\n"
    )
    assert s.out("docker rm -f web") == "web\n" and s.host.containers == []
    r = s("docker rm -f nosuch")
    assert r.exit_code == 0 and r.stderr == "Error response from daemon: No such container: nosuch\n"


def test_13_stop_sigterm_then_sigkill_and_stop_of_stopped_is_fine(s):
    s.ok("docker run -d --name box alpine sleep 1000")
    before = s.host.clock.now
    assert s.out("docker stop box") == "box\n"
    assert s.host.container("box").exit_code == 137  # sleep as PID 1 ignores SIGTERM
    assert s.host.clock.now - before >= 10
    assert s.out("docker stop box") == "box\n"
    s.ok("docker run -d --name web nginx")
    s.ok("docker stop web")
    assert s.host.container("web").exit_code == 0  # nginx handles SIGQUIT (its StopSignal)


def test_14_container_writes_survive_stop_start_not_rm(s):
    # semantics.md uses `--name c`, but moby's RestrictedNamePattern needs two characters: that is faithful too
    assert "Invalid container name (c)" in s("docker run --name c -d alpine sleep 1d").stderr
    s.ok("docker run --name cc -d alpine sleep 1d")
    s.ok("docker exec cc sh -c 'echo hi > /f'")
    s.ok("docker stop cc")
    s.ok("docker start cc")
    assert s.out("docker exec cc cat /f") == "hi\n"
    s.ok("docker rm -f cc")
    r = s("docker run alpine cat /f")
    assert r.exit_code != 0 and "No such file or directory" in r.stderr


def test_15_name_conflicts(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker stop web")
    cid = s.host.container("web").id
    r = s("docker run --name web nginx")
    assert r.exit_code == 125 and len(s.host.containers) == 1
    assert r.stderr == (
        f'docker: Error response from daemon: Conflict. The container name "/web" is already in use by container '
        f'"{cid}". You have to remove (or rename) that container to be able to reuse that name.\n\n'
        "Run 'docker run --help' for more information\n"
    )
    s.ok("docker rm web")
    s.ok("docker run -d --name web nginx")


def test_16_random_names(s):
    from app.dockersim.core.names import LEFT, RIGHT

    s.ok("docker run -d nginx")
    name = s.host.containers[0].name
    left, right = name.split("_", 1)
    assert left in LEFT and right in RIGHT and name != "boring_wozniak"


# --- images and builds -------------------------------------------------------------------------


def test_17_run_pulls_missing_image_and_policies(s):
    r = s.ok("docker run hello-world")
    assert r.stderr.startswith(
        "Unable to find image 'hello-world:latest' locally\nlatest: Pulling from library/hello-world\n"
    )
    assert "Status: Downloaded newer image for hello-world:latest\n" in r.stderr
    assert "Hello from Docker!" in r.stdout
    r = s("docker run --pull=never busybox")
    assert r.exit_code == 125
    assert (
        r.stderr
        == "docker: Error response from daemon: No such image: busybox:latest.\n\nRun 'docker run --help' for more information\n"
    )
    r = s("docker run nope")
    assert r.stderr == (
        "Unable to find image 'nope:latest' locally\ndocker: Error response from daemon: pull access denied for nope, "
        "repository does not exist or may require 'docker login': denied: requested access to the resource is "
        "denied\n\nRun 'docker run --help' for more information\n"
    )
    assert r.exit_code == 125


def test_18_images_are_read_only_rebuild_and_new_container(s):
    _build(s)
    s.ok("docker run -d -p 8000:80 --name v1 feedback")
    s.host.write_file(f"{APP}/pages/feedback.html", "<h1>v2</h1>\n")
    s.ok("docker restart v1")
    assert "v2" not in s.out("curl localhost:8000")
    _build(s)
    r = s("docker run -d -p 8000:80 --name v2 feedback")
    assert r.exit_code == 125 and "port is already allocated" in r.stderr
    s.ok("docker rm -f v1 v2")
    s.ok("docker run -d -p 8000:80 feedback")
    assert s.out("curl localhost:8000") == "<h1>v2</h1>\n"


def test_19_build_cache(s):
    _build(s)
    r = s.ok("docker build -t feedback .")
    for step in ("CACHED [2/4] WORKDIR /app", "CACHED [3/4] COPY . /app", "CACHED [4/4] RUN npm install"):
        assert step in r.stderr
    s.host.write_file(f"{APP}/server.js", s.host.read_file(f"{APP}/server.js") + "// edit\n")
    r = s.ok("docker build -t feedback .")
    assert "CACHED [2/4] WORKDIR /app" in r.stderr
    assert (
        "CACHED [3/4]" not in r.stderr and "=> [3/4] COPY . /app" in r.stderr and "=> [4/4] RUN npm install" in r.stderr
    )


def test_20_uppercase_repository_rejected(s):
    r = s("cd ~/feedback-app && docker build -t MyApp .")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        'invalid argument "MyApp" for "-t, --tag" flag: invalid reference format: repository name '
        "(library/MyApp) must be lowercase\n\nUsage:  docker build"
    )
    r = s("docker run MyApp")
    assert (r.exit_code, r.stderr) == (
        125,
        "docker: invalid reference format: repository name (library/MyApp) must be lowercase\n\n"
        "Run 'docker run --help' for more information\n",
    )
    s.ok("docker build -t myapp:Latest .")


def test_21_rmi_of_used_image_fails_without_force(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker stop web")
    c = s.host.container("web")
    r = s("docker rmi nginx")
    assert r.exit_code == 1
    assert r.stderr == (
        f'Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - '
        f"container {c.id[:12]} is using its referenced image {c.image_id[7:19]}\n"
    )
    s.ok("docker rm web")
    r = s.ok("docker rmi nginx")
    assert r.stdout.startswith("Untagged: nginx:latest\nDeleted: sha256:")


# --- ports ------------------------------------------------------------------------------------


def test_22_expose_publishes_nothing(s):
    _build(s)
    s.ok("docker run -d --name app feedback")
    assert "80/tcp" in s.out("docker ps") and "->" not in s.out("docker ps")
    r = s("curl localhost:80")
    assert r.exit_code == 7
    assert r.stderr == "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n"
    s.ok("docker run -d -P --name pub feedback")
    port = s.host.container("pub").ports[0].host_port
    assert port == 32768
    assert s.ok(f"curl localhost:{port}").stdout.startswith("<!DOCTYPE html>")


def test_23_publish_reaches_the_service(s):
    s.ok("docker run -d -p 8000:80 nginx")
    assert "Welcome to nginx!" in s.out("curl localhost:8000")
    assert "0.0.0.0:8000->80/tcp, [::]:8000->80/tcp" in s.out("docker ps")
    s.ok("docker run -d -p 127.0.0.1:9000:80 nginx")
    assert "127.0.0.1:9000->80/tcp" in s.out("docker ps")


def test_24_same_host_port_twice(s):
    s.ok("docker run -d -p 8000:80 nginx")
    r = s("docker run -d -p 8000:80 --name second nginx")
    assert r.exit_code == 125 and re.fullmatch(r"[0-9a-f]{64}\n", r.stdout)
    assert re.fullmatch(
        r"docker: Error response from daemon: failed to set up container networking: driver failed programming "
        r"external connectivity on endpoint second \([0-9a-f]{64}\): Bind for 0.0.0.0:8000 failed: port is "
        r"already allocated\n\nRun 'docker run --help' for more information\n",
        r.stderr,
    )
    assert s.host.container("second").state == "created"


def test_25_publish_is_parsed_client_side(s):
    r = s("docker run -p 8000:abc nginx")
    assert (r.exit_code, r.stderr) == (
        125,
        "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n",
    )
    assert s.host.containers == [] and s.host.images == []


# --- mounts ----------------------------------------------------------------------------------


def test_26_bind_mount_shadows_image_content(s):
    s.ok('docker run -d -p 8000:80 -v "$(pwd)"/site:/usr/share/nginx/html nginx')
    body = s.out("curl localhost:8000")
    assert "안녕하세요" in body and "Welcome to nginx" not in body
    s.host.write_file("site/index.html", "live edit\n")
    assert s.out("curl localhost:8000") == "live edit\n"


def test_27_new_volume_is_populated_from_image(s):
    s.ok("docker run -d -v nginx-vol:/usr/share/nginx/html nginx")
    assert "Welcome to nginx!" in s.host.volume_by_name("nginx-vol").files["/index.html"]
    s.ok("docker volume create full")
    s.ok("docker run --rm -v full:/d alpine sh -c 'echo mine > /d/index.html'")
    s.ok("docker run -d -p 8001:80 -v full:/usr/share/nginx/html nginx")
    assert s.out("curl localhost:8001") == "mine\n"
    assert "/50x.html" not in s.host.volume_by_name("full").files


def test_28_v_creates_missing_host_dir_mount_bind_errors(s):
    s.ok("docker run -v /doesnt/exist:/foo busybox true")
    assert s.host.fs.kind("/doesnt/exist") == "dir"
    r = s("docker run --mount type=bind,src=/dev/noexist,dst=/mnt/foo alpine")
    assert r.exit_code == 125
    assert r.stderr == (
        'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: '
        "/dev/noexist\n\nRun 'docker run --help' for more information\n"
    )


def test_29_relative_bind_and_named_volume(s):
    s.ok("cd feedback-app && docker run -d --name rel -v ./pages:/data nginx")
    m = s.host.container("rel").mounts[0]
    assert (m.type, m.source) == ("bind", f"{APP}/pages")
    s.ok("docker run -d --name named -v data:/path nginx")
    m = s.host.container("named").mounts[0]
    assert (m.type, m.source, m.anonymous) == ("volume", "data", False)


# --- listing ---------------------------------------------------------------------------------


def test_30_ps_vs_ps_a(s):
    s.ok("docker run -d --name up nginx")
    s.ok("docker run --name done busybox true")
    s.ok("docker create --name fresh busybox")
    ps = s.out("docker ps")
    assert "up" in ps and "done" not in ps and "fresh" not in ps
    psa = s.out("docker ps -a")
    assert (
        re.search(r"Exited \(0\) (\d+ seconds|1 second|Less than a second) ago", psa)
        and "Created" in psa
        and "done" in psa
    )


def test_31_logs_on_stopped_and_follow(s):
    s.ok("docker run --name hi busybox echo hello")
    assert s.out("docker logs hi") == "hello\n"
    s.ok("docker run -d -p 8000:80 --name web nginx")
    r = s.ok("docker logs -f web")
    assert r.busy and "Configuration complete" in r.stdout
    s.ok("curl localhost:8000", 1)
    assert '"GET / HTTP/1.1" 200 615' in s.host.drain_output(0)
    s.ok("docker stop web", 1)
    assert not s.host.terminal_busy(0)


def test_run_quiet_drops_pull_progress(s):
    r = s.ok("docker run -q --rm busybox true")
    assert r.stderr == "Unable to find image 'busybox:latest' locally\n"
