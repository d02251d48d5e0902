"""Random learner sessions on the real host: grading never raises, never changes the host, and
agrees with what `docker ps` / `docker volume ls` print (an independent view of the same state)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dockersim import DockerHost
from app.grading import grade_lab
from tests.catalogue import english, korean

POOL = [
    "docker run -d -p 8000:80 --name web nginx",
    "docker run -p 8000:80 --name web nginx",
    "docker run -d -p 8080:80 --name web nginx",
    "docker run -d -p 8000:80 nginx",
    "docker stop web",
    "docker start web",
    "docker start -a web",
    "docker rm web",
    "docker rm -f web",
    "docker rm -v web",
    "docker volume create data",
    "docker volume rm data",
    "docker volume prune -f",
    "docker run -d --name box -v data:/data alpine sleep 100",
    "docker run -d --name box -v /data alpine sleep 100",
    "docker exec box sh -c 'echo hi > /data/f.txt'",
    "docker rm -f box",
    "docker logs web",
    "docker logs -f web",
    "docker ps -a",
    "curl localhost:8000",
    "mkdir site",
    "echo hello > site/index.html",
    "docker run -d --name site -p 8000:80 -v ./site:/usr/share/nginx/html:ro nginx",
    "^C",
    "[1] docker stop web",
    "docker container ls",
    "docker pull alpine",
    "docker rmi alpine",
    "docker kill web",
]
GOAL = [
    ("port_published", {"host_port": 8000, "container_port": 80}, 1),
    ("container_running", {"name": "web"}, 1),
    ("container_exited", {"name": "web"}, 1),
    ("container_removed", {"name": "web"}, 1),
    ("started_detached", {"name": "web"}, 1),
    ("started_attached", {"name": "web"}, 1),
    ("volume_exists", {"name": "data"}, 1),
    ("mount_at", {"container": "box", "path": "/data", "type": "volume", "source": "data"}, 1),
    ("anonymous_volume_at", {"container": "box", "path": "/data"}, 1),
    ("file_exists", {"where": "volume", "volume": "data", "path": "/f.txt"}, 1),
    ("file_absent", {"where": "host", "path": "~/site/index.html"}, 1),
    ("logs_contain", {"container": "web", "text": "start worker processes"}, 1),
    ("http_responds", {"port": 8000, "contains": "nginx"}, 1),
    ("command_run", {"kind": "logs -f"}, 1),
    ("image_exists", {"ref": "alpine"}, 1),
    ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "read_only": True}, 1),
]


def session(lines):
    host = DockerHost(seed=1, hints=False)
    for raw in lines:
        terminal, line = (1, raw[4:]) if raw.startswith("[1] ") else (0, raw)
        if line == "^C":
            host.interrupt(terminal)
        else:
            host.run(line, terminal=terminal)
    return host


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(POOL), max_size=12))
def test_random_sessions(lines):
    host = session(lines)
    before = host.snapshot()
    verdict = grade_lab(GOAL, "strict", host)
    assert host.snapshot() == before
    assert len(verdict.checks) == len(GOAL) + 2
    assert 0 <= verdict.score <= verdict.max_score == len(GOAL) + 2
    assert all(korean(c.message) and english(c.message) for c in verdict.checks)
    by_name = {}
    for c in verdict.checks:
        by_name.setdefault(c.name, c)
    # an independent view: what the simulator itself prints (on a copy, as the learner would)
    view = DockerHost.from_snapshot(before)
    terminal = max(view.terminals, default=0) + 1
    ps = view.run("docker ps", terminal=terminal).stdout
    ps_all = view.run("docker ps -a", terminal=terminal).stdout
    volumes = view.run("docker volume ls -q", terminal=terminal).stdout.split()
    running_names = [line.split()[-1] for line in ps.splitlines()[1:]]
    all_names = [line.split()[-1] for line in ps_all.splitlines()[1:]]
    assert by_name["port_published"].passed == (":8000->80/tcp" in ps)
    assert by_name["container_running"].passed == ("web" in running_names)
    assert by_name["container_removed"].passed == ("web" not in all_names)
    assert by_name["volume_exists"].passed == ("data" in volumes)
    exited = [line.split()[-1] for line in ps_all.splitlines()[1:] if " Exited (" in line]
    assert by_name["container_exited"].passed == ("web" in exited)
    if set(all_names) <= {"web", "box", "site"}:  # every container is one the goal names
        assert by_name["no_extra_containers"].passed
