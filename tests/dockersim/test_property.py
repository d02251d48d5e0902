"""Property test: >= 10,000 random and mutated command lines; nothing escapes run(), invariants always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dockersim import DockerHost
from app.dockersim.host import INTERNAL
from tests.dockersim.invariants import check_invariants

CORPUS = [
    "docker run -d -p 8000:80 --name web nginx",
    "docker run nginx",
    "docker run -it alpine",
    "docker run --rm busybox echo hi",
    "docker run -d -v data:/data --name db redis",
    "docker run -d -P nginx",
    "docker run -d -v /anon alpine sleep 5",
    "docker run -d -v ./site:/usr/share/nginx/html nginx",
    "docker run --mount type=volume,src=m,dst=/m alpine true",
    "docker create --name c1 busybox",
    "docker start c1",
    "docker start -a c1",
    "docker stop web",
    "docker stop -t 1 db",
    "docker restart web",
    "docker kill web",
    "docker rm web",
    "docker rm -f web db",
    "docker rm -v c1",
    "docker ps",
    "docker ps -a",
    "docker ps -aq --no-trunc",
    "docker ps -f status=exited",
    "docker logs web",
    "docker logs --tail 2 web",
    "docker logs -f web",
    "docker attach web",
    "docker exec web ls /",
    "docker exec -it web sh",
    "docker inspect web",
    "docker port web",
    "docker cp web:/etc/hostname ./h",
    "docker cp site/index.html web:/tmp/",
    "docker diff web",
    "docker rename web web2",
    "docker container prune -f",
    "docker images",
    "docker images -q",
    "docker rmi nginx",
    "docker rmi -f alpine",
    "docker image prune -a -f",
    "docker tag nginx mine:1",
    "docker pull alpine",
    "docker history nginx",
    "docker image inspect nginx",
    "docker volume create v1",
    "docker volume ls",
    "docker volume ls -f dangling=true",
    "docker volume rm v1",
    "docker volume rm -f data",
    "docker volume inspect data",
    "docker volume prune -a -f",
    "cd ~/feedback-app && docker build -t fb .",
    "docker build -t fb:2 --no-cache ~/feedback-app",
    "docker run -d -p 3000:80 --name app fb",
    "curl localhost:8000",
    "curl -d title=a -d text=b localhost:3000/create",
    "curl -i localhost:3000/feedback/a.txt",
    "echo x > f.txt",
    "cat f.txt",
    "ls -la",
    "mkdir -p a/b",
    "rm -rf a",
    "cd ..",
    "cd ~",
    "pwd",
    "history",
    "sleep 3",
    "exit",
    "echo $(pwd)",
    "docker",
    "docker --help",
    "docker version",
    "docker info",
    "docker container ls -a",
    "docker image ls",
    "docker container rm -f app",
    "docker run --name web2 -d nginx:alpine",
    "sudo docker ps",
    "printf '%s\\n' a b > p.txt",
    "docker run -d ubuntu apt-get update",
    "docker run -d python python -c 1",
    "docker restart -s SIGKILL web",
    "docker run --name '' -d busybox sleep 9",
    "false; echo $?",
    "rm -rf /",
    "docker run -d -p 8000-8002:80-82 -p [::1]:9000:80/TCP --expose 3000-3001 nginx",
    "docker run -d -p target=80,published=8080 -m 64m --cpus 0.5 --restart on-failure:2 nginx",
    "docker run -v data:/data:ro,z -v /tmp:/x:rslave --tmpfs /run --read-only -d busybox sleep 9",
    "docker run --mount type=tmpfs,target=/t,tmpfs-size=1m -d busybox sleep 9",
    "docker ps --format 'table {{.Names}}\\t{{.Ports}}'",
    "docker ps --format json",
    "docker inspect -f '{{range .Mounts}}{{.Name}} {{end}}{{json .HostConfig}}' web",
    "docker volume ls --format '{{.Name}}'",
    "docker images --format '{{.Repository}}:{{.Tag}}'",
    "docker login -u alice -p pw",
    "docker tag nginx alice/web:1 && docker push alice/web:1",
    "docker pull alice/web:1",
    "docker system df",
    "docker system prune -a --volumes -f",
    "docker build --progress=plain -t fb ~/feedback-app",
]
TOKENS = [
    "-d",
    "-it",
    "-p",
    "8000:80",
    "--rm",
    "-v",
    "x:/y",
    "--name",
    "web",
    "-a",
    "-f",
    "-q",
    "--foo",
    "'",
    '"',
    "&&",
    ";",
    "||",
    ">",
    ">>",
    "$(pwd)",
    "~",
    "\\",
    "-",
    "--",
    "=",
    ":",
    "nginx",
    "busybox",
    "-t",
    "0",
    "-1",
    "9999999999",
    "é한글",
    "\t",
    "$(ls)",
    "|",
    "`",
    "*",
    "../..",
    "/",
    ":/:",
    "-e",
    "A=B",
    "--mount",
    "type=bind",
    "-P",
    "--pull=never",
    '"$(',
    "2>",
    "2> ~",
    "> /nope/x",
    "$(",
    "${",
    "printf",
    "sudo",
    "{{",
    "}}",
    "{{.Names}}",
    "{{range .}}",
    "--format",
    "[::1]:80:80",
    "1-65535:1-65535",
    ":ro,slave",
    "--memory",
    "1e9",
]

mutation = st.one_of(
    st.tuples(st.just("keep")),
    st.tuples(st.just("drop"), st.integers(0, 20)),
    st.tuples(st.just("insert"), st.integers(0, 20), st.sampled_from(TOKENS)),
    st.tuples(st.just("swap"), st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("chars"), st.text(min_size=0, max_size=12)),
    st.tuples(st.just("interrupt")),
)
LINES_PER_EXAMPLE = 16
EXAMPLES = 650


def mutate(line: str, op: tuple) -> str:
    """Apply one mutation to a command line."""
    words = line.split(" ")
    kind = op[0]
    if kind == "drop" and words:
        del words[op[1] % len(words)]
    elif kind == "insert":
        words.insert(op[1] % (len(words) + 1), op[2])
    elif kind == "swap" and words:
        i, j = op[1] % len(words), op[2] % len(words)
        words[i], words[j] = words[j], words[i]
    elif kind == "chars":
        return line + op[1]
    return " ".join(words)


def _run_steps(steps: list[tuple[str, tuple, int]]) -> None:
    """Run one generated session; nothing escapes run(), the invariants hold after every line."""
    host = DockerHost(seed=len(steps))
    for line, op, terminal in steps:
        if op[0] == "interrupt":
            r = host.interrupt(terminal)
        else:
            r = host.run(mutate(line, op), terminal)
        assert INTERNAL not in r.stderr, (line, op, r.stderr)
        assert isinstance(r.exit_code, int) and isinstance(r.stdout, str) and isinstance(r.stderr, str)
        host.drain_output(terminal)
        check_invariants(host)


def test_random_and_mutated_lines_keep_invariants() -> None:
    """At least 10,000 generated lines run, counted by this test itself (so it cannot pass without them)."""
    ran: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        st.lists(
            st.tuples(st.sampled_from(CORPUS), mutation, st.integers(0, 2)),
            min_size=LINES_PER_EXAMPLE,
            max_size=LINES_PER_EXAMPLE,
        )
    )
    def session(steps: list[tuple[str, tuple, int]]) -> None:
        _run_steps(steps)
        ran.append(len(steps))

    session()
    assert sum(ran) >= 10_000, f"only {sum(ran)} lines ran"


def test_every_error_gets_exactly_one_hint_line():
    host = DockerHost(seed=1, hints=True)
    for line in CORPUS:
        for free in (host.detach_keys, host.interrupt):
            if host.terminal_busy(0):
                free(0)
        if host.terminal_busy(0):
            host.run("exit", 0)
        r = host.run(line)
        if r.exit_code != 0 and r.stderr and line.startswith("docker") and not r.busy:
            assert len(r.notes) == 1, (line, r.stderr, r.notes)
            assert r.stderr.endswith("\n") and "\x1f" not in r.stderr
