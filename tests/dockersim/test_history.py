"""History: each command line with its per-command argv and exit codes, kept through snapshots."""

from __future__ import annotations

from app.dockersim import DockerHost
from tests.dockersim.invariants import check_invariants


def test_history_keeps_each_commands_exit_code(s):
    s("false; echo hi")
    e = s.host.history[-1]
    assert e.exit_code == 0 and e.line == "false; echo hi"
    assert e.commands == ({"argv": ["false"], "exit_code": 1}, {"argv": ["echo", "hi"], "exit_code": 0})
    s("cd /nope && echo never")
    e = s.host.history[-1]
    assert e.exit_code == 1 and e.commands == ({"argv": ["cd", "/nope"], "exit_code": 1},)
    s("docker rm nope || docker ps -q")
    assert [(c["argv"][:2], c["exit_code"]) for c in s.host.history[-1].commands] == [
        (["docker", "rm"], 1),
        (["docker", "ps"], 0),
    ]


def test_history_commands_are_expanded_and_held_commands_get_their_final_code(s):
    s("echo $(pwd) ~")
    assert s.host.history[-1].commands == ({"argv": ["echo", "/home/learner", "/home/learner"], "exit_code": 0},)
    s("docker run busybox true; docker run --name web nginx")
    s.host.interrupt()
    s("docker run -d --name db busybox sleep 100 && docker attach db")
    s.host.run("docker kill db", 1)
    s.host.drain_output()
    entries = [e for e in s.host.history if e.terminal == 0]
    run_line = next(e for e in entries if e.line.startswith("docker run busybox true"))
    assert [c["exit_code"] for c in run_line.commands] == [0, run_line.exit_code]
    attach_line = entries[-1]
    assert attach_line.exit_code == 137
    assert [c["exit_code"] for c in attach_line.commands] == [0, 137]


def test_history_commands_survive_a_snapshot_and_old_snapshots_load(s):
    s("false; true")
    snap = s.host.snapshot()
    assert snap["history"][-1]["commands"] == [{"argv": ["false"], "exit_code": 1}, {"argv": ["true"], "exit_code": 0}]
    again = DockerHost.from_snapshot(snap)
    assert again.snapshot() == snap and again.history == s.host.history
    old = {**snap, "history": [{k: v for k, v in h.items() if k != "commands"} for h in snap["history"]]}
    loaded = DockerHost.from_snapshot(old)
    assert all(h.commands == () for h in loaded.history)
    check_invariants(loaded)


def test_grader_view_still_reads_history():
    from app.grading.hostview import read_state

    host = DockerHost(seed=0)
    host.run("false; echo hi")
    state = read_state(host)
    assert state.history[-1].exit_code == 0


def test_recorded_argv_is_bounded_even_when_expansion_is_large(s):
    s.host.write_file("big.txt", "w " * 20_000)
    s.ok("echo $(cat big.txt) > /dev/null")
    (cmd,) = s.host.history[-1].commands
    assert sum(len(w) for w in cmd["argv"]) <= 4096 + 1 and cmd["argv"][-1].endswith("…")
    s.ok(";".join(["true"] * 100))
    assert len(s.host.history[-1].commands) == 64
