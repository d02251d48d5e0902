"""How a container stopped (recorded for the grader) and the daemon's restart policies.

Sources: moby `daemon/kill.go` (killWithSignal), `daemon/monitor.go` (handleContainerExit),
`restartmanager/restartmanager.go` and its `restartmanager_test.go` (the back-off table below),
`container/state.go` (State.String: "Restarting (%d) %s ago"), `daemon/exec.go` (a restarting container).
"""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.engine.models import Container
from app.dockersim.engine.restart_policy import FIRST_DELAY, MAX_DELAY, next_restart


def _host() -> DockerHost:
    return DockerHost(seed=3, hints=False)


def _ok(host: DockerHost, line: str, terminal: int = 0) -> None:
    r = host.run(line, terminal)
    assert r.exit_code == 0 or r.busy, (line, r)


# --- how it stopped -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "setup,action,by,signal,terminal",
    [
        # Ctrl+C in the attached terminal: the CLI's sig-proxy sends SIGINT
        (["docker run --name c1 nginx"], "ctrl_c:0", "ctrl_c", "SIGINT", 0),
        (["@1 docker run --name c1 nginx"], "ctrl_c:1", "ctrl_c", "SIGINT", 1),
        # the shortcut a lab must reject: stopped from another terminal while attached
        (["docker run --name c1 nginx"], "@1 docker stop c1", "stop", "SIGQUIT", None),  # nginx's STOPSIGNAL
        (
            ["docker run -d --name c1 alpine sleep 1000"],
            "docker stop c1",
            "stop",
            "SIGKILL",
            None,
        ),  # PID 1 ignores TERM
        (["docker run -d --name c1 alpine sleep 1000"], "docker stop -t 0 c1", "stop", "SIGKILL", None),
        (["docker run -d --name c1 nginx"], "docker kill c1", "kill", "SIGKILL", None),
        (["docker run -d --name c1 nginx"], "docker kill -s INT c1", "kill", "SIGINT", None),
        (["docker run -d --name c1 nginx"], "docker stop -s TERM c1", "stop", "SIGTERM", None),
        (["docker run -d --name c1 alpine sleep 1"], "sleep 2", "exited", "", None),
        (["docker run --name c1 alpine true"], "docker ps", "exited", "", None),
        (["docker run -d --name c1 nginx"], "docker restart c1", "restart", "SIGQUIT", None),
    ],
)
def test_the_container_records_how_it_stopped(setup, action, by, signal, terminal):
    host = _host()
    for line in setup:
        t, line = (1, line[3:]) if line.startswith("@1 ") else (0, line)
        _ok(host, line, t)
    if action.startswith("ctrl_c:"):
        host.interrupt(int(action.split(":")[1]))
    else:
        t, line = (1, action[3:]) if action.startswith("@1 ") else (0, action)
        _ok(host, line, t)
    c = host.container("c1")
    assert (c.stopped_by, c.stop_signal, c.stop_terminal) == (by, signal, terminal)
    again = DockerHost.from_snapshot(host.snapshot()).container("c1")
    assert (again.stopped_by, again.stop_signal, again.stop_terminal) == (by, signal, terminal)


@pytest.mark.parametrize("line", ["docker run -d --name c1 nginx", "docker create --name c1 nginx"])
def test_a_container_never_stopped_records_nothing(line):
    host = _host()
    _ok(host, line)
    assert host.container("c1").stopped_by == ""


def test_ctrl_c_on_logs_follow_does_not_stop_the_container():
    host = _host()
    _ok(host, "docker run -d --name c1 nginx")
    _ok(host, "docker logs -f c1")
    host.interrupt(0)
    c = host.container("c1")
    assert c.running and c.stopped_by == ""


def test_a_snapshot_from_before_stop_causes_still_loads():
    host = _host()
    _ok(host, "docker run -d --name c1 alpine sleep 1")
    data = host.snapshot()
    for c in data["containers"]:
        for key in ("stopped_by", "stop_signal", "stop_terminal", "manually_stopped", "restart_canceled"):
            del c[key]
        del c["restart_at"], c["restart_delay"]
    old = DockerHost.from_snapshot(data).container("c1")
    assert (old.stopped_by, old.stop_signal, old.stop_terminal, old.restart_at) == ("", "", None, None)
    assert old.running


# --- restart policies -----------------------------------------------------------------------------


def test_backoff_table_from_moby_restartmanager_test():
    c = Container("x", "x", "x", "x", 0.0, {}, host_config={"RestartPolicy": {"Name": "always"}}, started_at=0.0)
    assert next_restart(c, 0, 1.0) == FIRST_DELAY  # TestRestartManagerTimeout: 100ms
    c.restart_delay = 5.0
    assert next_restart(c, 0, 10.0) == FIRST_DELAY  # TestRestartManagerTimeoutReset: ran 10 s
    delays = []
    for _ in range(12):
        delays.append(next_restart(c, 1, 0.0))
    assert delays[:4] == [0.2, 0.4, 0.8, 1.6] and delays[-1] == MAX_DELAY


@pytest.mark.parametrize(
    "policy,command,lines,state,restarts",
    [
        ("no", "alpine sh -c 'exit 1'", 3, "exited", 0),
        ("on-failure", "alpine sh -c 'exit 0'", 3, "exited", 0),
        ("on-failure:2", "alpine sh -c 'exit 3'", 4, "exited", 2),
        ("on-failure", "alpine sh -c 'exit 3'", 4, "restarting", 6),
        ("always", "alpine sh -c 'exit 0'", 2, "restarting", 4),
        ("unless-stopped", "alpine sh -c 'exit 0'", 1, "restarting", 3),
        ("always", "alpine sleep 1", 1, "running", 1),  # ended after 1 s, restarted 0.1 s later
    ],
)
def test_a_process_that_exits_by_itself_is_restarted_as_its_policy_says(policy, command, lines, state, restarts):
    host = _host()
    _ok(host, f"docker run -d --name c1 --restart {policy} {command}")
    for _ in range(lines):
        _ok(host, "sleep 2")  # 2.5 s a line: longer than the first back-offs (0.1, 0.2, 0.4, 0.8, 1.6 s)
    inspect = host.run("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.Restarting}}' c1").stdout
    assert inspect == f"{restarts} {state} {str(state == 'restarting').lower()}\n"
    c = host.container("c1")
    assert (c.state, c.restart_count) == (state, restarts)


def test_a_restarting_container_is_listed_as_docker_ps_shows_it():
    host = _host()
    _ok(host, "docker run -d --name c1 --restart always alpine sh -c 'exit 1'")
    status = host.run("docker ps --format '{{.Names}} {{.Status}}'").stdout
    assert status == "c1 Restarting (1) Less than a second ago\n"
    assert host.run("docker exec c1 ls").stderr.startswith("Error response from daemon: Container ")
    r = host.run("docker rm c1")
    assert r.exit_code == 1 and "container is restarting: stop the container before removing" in r.stderr
    r = host.run("docker attach c1")
    assert (r.exit_code, r.stderr) == (1, "You cannot attach to a restarting container, wait until it is running\n")
    _ok(host, "docker stop c1")
    assert host.container("c1").state == "exited"
    for _ in range(3):
        _ok(host, "true")
    assert host.container("c1").state == "exited"  # a stopped container stays stopped


@pytest.mark.parametrize(
    "policy,stop,state",
    [
        ("always", "docker stop c1", "exited"),
        ("always", "docker kill c1", "exited"),
        ("unless-stopped", "docker stop c1", "exited"),
        # nginx's STOPSIGNAL is SIGQUIT: another signal does not cancel the restart manager (kill.go)
        ("always", "docker kill -s INT c1", "running"),
        ("unless-stopped", "docker kill -s INT c1", "exited"),  # but it was stopped by hand
        ("on-failure", "docker kill -s INT c1", "exited"),  # nginx exits 0 on SIGINT
        ("always", "ctrl_c", "running"),  # Ctrl+C is the same signal through the sig-proxy
    ],
)
def test_stopping_by_hand_and_the_restart_policy(policy, stop, state):
    host = _host()
    attach = stop == "ctrl_c"
    _ok(host, f"docker run {'' if attach else '-d '}--name c1 --restart {policy} nginx")
    if attach:
        host.interrupt(0)
    else:
        _ok(host, stop)
    _ok(host, "true", 1)
    c = host.container("c1")
    assert c.state == state
    assert c.restart_count == (1 if state == "running" else 0)


def test_docker_start_resets_the_restart_manager():
    host = _host()
    _ok(host, "docker run -d --name c1 --restart on-failure:1 alpine sh -c 'exit 1'")
    for _ in range(3):
        _ok(host, "true")
    c = host.container("c1")
    assert (c.state, c.restart_count) == ("exited", 1)
    _ok(host, "docker start c1")
    assert (c.state, c.restart_count) == ("restarting", 1)  # RestartCount starts again from 0, then one restart


def test_a_port_taken_meanwhile_leaves_the_container_stopped():
    host = _host()
    _ok(host, "docker run -d --name c1 -p 8080:80 --restart always nginx")
    _ok(host, "docker kill -s INT c1 && docker run -d --name c2 -p 8080:80 nginx")  # c1 restarts 0.1 s later
    assert host.container("c1").state == "restarting" and host.container("c2").running
    _ok(host, "true")
    assert host.container("c1").state == "exited" and host.container("c2").running
