"""Every size the simulator keeps or produces is bounded (issue 11): each limit at the limit and just past it."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.core.message import split_notes
from app.dockersim.engine.accounting import MAX_BYTES, MAX_CACHE_CHARS, MAX_PENDING, fit_cache
from app.dockersim.engine.history import (
    COMPACT_EVERY,
    HISTORY_READ_ONLY,
    HISTORY_RECENT,
    MAX_HISTORY,
    MAX_HISTORY_BYTES,
    entry_size,
)
from app.dockersim.engine.limits import (
    MAX_LOG_BYTES,
    MAX_OUTPUT_BYTES,
    MAX_PENDING_BYTES,
    OUTPUT_CUT_NOTE,
    cut_output,
    text_size,
)
from app.dockersim.shell.env import MAX_COMMAND_TEXT, Budget, LimitExceeded
from tests.dockersim.conftest import said

HALF_MIB = 512 * 1024


def fill(host: DockerHost, path: str, size: int) -> None:
    host.write_file(path, "x" * size)


# --- output of one command -----------------------------------------------------------------------


def test_output_at_the_limit_is_whole_and_one_byte_past_it_is_cut_with_the_note(s):
    fill(s.host, "at.txt", MAX_OUTPUT_BYTES)
    assert s.out("cat at.txt") == "x" * MAX_OUTPUT_BYTES
    fill(s.host, "past.txt", MAX_OUTPUT_BYTES + 1)
    r = s.ok("cat past.txt")
    assert r.stdout == "x" * MAX_OUTPUT_BYTES
    assert said(r) == "Output over 64 KiB: the remaining 1 bytes were cut.\n"
    assert r.notes[0].id == OUTPUT_CUT_NOTE.id


def test_a_cut_never_splits_a_character():
    text = "가" * (MAX_OUTPUT_BYTES // 3 + 1)  # 3 bytes each: the limit falls inside one
    head, notes = split_notes(cut_output(text))
    assert head == "가" * (MAX_OUTPUT_BYTES // 3) and notes[0].kwargs() == {"limit": 64, "cut": 3}


def test_stderr_is_cut_on_its_own(s):
    fill(s.host, "past.txt", MAX_OUTPUT_BYTES + 10)
    r = s("cat past.txt nosuch.txt")
    assert r.stderr == "cat: nosuch.txt: No such file or directory\n" and "bytes were cut" in said(r)


# --- text one command line may produce or expand to --------------------------------------------


def test_budget_allows_exactly_its_limit():
    budget = Budget(limit=10)
    budget.charge(10)
    with pytest.raises(LimitExceeded):
        budget.charge(1)
    budget.check(0)


def test_cat_of_many_files_stops_at_the_limit_before_building_the_text(s):
    fill(s.host, "half", HALF_MIB)
    n = MAX_COMMAND_TEXT // HALF_MIB  # exactly the limit
    r = s("cat" + " half" * n)
    assert r.exit_code == 0 and "bytes were cut" in said(r)
    r = s("cat" + " half" * (n + 1))
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == "" and said(r) == (
        "This command line would produce more than 4 MiB of text; it was stopped (a limit of this simulator).\n"
    )
    fill(s.host, "half", HALF_MIB + 1)  # one character more per file: n files are past the limit
    assert s("cat" + " half" * n).exit_code == 1


def test_expansion_and_printf_and_echo_are_bounded(s):
    fill(s.host, "big", 900_000)
    r = s("echo" + " $(cat big)" * 5)
    assert r.exit_code == 1 and "more than 4 MiB" in said(r)
    s.ok("rm big")
    s.host.write_file("words", "a " * 250_000)  # many short words: each counts as a Python string
    r = s("printf '%s' $(cat words)")
    assert r.exit_code == 1 and "more than 4 MiB" in said(r)
    s.host.write_file("some", "b " * 2000)
    r = s("printf '%s" + "<" * 3000 + "' $(cat some) $(cat some) $(cat some)")  # the format repeats per argument
    assert r.exit_code == 1 and "more than 4 MiB" in said(r)


def test_a_command_line_of_many_commands_shares_one_budget(s):
    fill(s.host, "big", 900_000)
    r = s("cat big; " * 10)
    assert r.exit_code == 1 and "more than 4 MiB" in said(r)


# --- the host's data ------------------------------------------------------------------------------


def test_check_room_at_the_limit_and_past_it(host):
    room = MAX_BYTES - host.bytes_used()
    host.check_room(room)
    with pytest.raises(Exception, match="No space left on the simulated host"):
        host.check_room(room + 1)


def test_container_command_lines_count_and_a_run_past_the_limit_changes_nothing(s):
    fill(s.host, "big", 600_000)
    s.ok("docker pull busybox")
    before = (s.host.bytes_used(), len(s.host.containers), len(s.host.volumes))
    r = s("docker run -d -v data:/data busybox echo $(cat big)")
    assert r.exit_code == 1 and "No space left on the simulated host" in said(r)
    assert (s.host.bytes_used(), len(s.host.containers), len(s.host.volumes)) == before  # not even the volume
    s.ok("rm big")
    s.ok("docker run -d busybox echo small")
    assert s.host.bytes_used() <= MAX_BYTES


def test_environments_labels_and_tags_count(s):
    fill(s.host, "big", 900_000)
    s.ok("docker pull busybox")
    assert "No space left" in said(s("docker create -e X=$(cat big) busybox"))
    assert "No space left" in said(s("docker create -l x=$(cat big) busybox"))
    s.ok("rm big")
    fill(s.host, "pad", 0)
    room = MAX_BYTES - s.host.bytes_used()
    fill(s.host, "pad", room - len("t2:latest") + 1)  # one character too few for the tag
    assert "No space left" in said(s("docker tag busybox t2:latest"))
    assert s.host.image("t2:latest") is None
    fill(s.host, "pad", room - len("t2:latest"))
    s.ok("docker tag busybox t2")  # "t2:latest" is 9 characters: exactly fits now
    assert s.host.bytes_used() == MAX_BYTES


def test_logs_are_bounded_per_container_and_by_the_host():
    host = DockerHost()
    host.run("docker create --name ww busybox")
    c = host.container("ww")
    line = "y" * 1023
    for _ in range(MAX_LOG_BYTES // 1024):
        host.emit(c, "stdout", line + "z")
    assert c.log_size() == MAX_LOG_BYTES and c.logs_dropped == 0  # at the limit: all kept
    host.emit(c, "stdout", "1")
    assert c.log_size() <= MAX_LOG_BYTES and c.logs_dropped == 1
    host.emit(c, "stdout", "q" * (10 * MAX_LOG_BYTES))  # one huge line keeps its start only
    assert c.logs[-1].text == "q" * MAX_LOG_BYTES and c.log_size() == MAX_LOG_BYTES
    c.drop_logs(len(c.logs))
    for _ in range(10):
        host.emit(c, "stdout", "o" * 100)
    host.write_file("pad", "x" * (MAX_BYTES - host.bytes_used() - 10))
    host.emit(c, "stdout", "p" * 100)  # the host is full: after the command, this container's oldest lines go
    assert host.bytes_used() > MAX_BYTES
    host.fit_logs()
    assert host.bytes_used() <= MAX_BYTES and c.logs[-1].text == "p" * 100


def test_output_waiting_on_a_held_terminal_is_bounded():
    host = DockerHost()
    host.run("docker run --name ww busybox sleep 1000", 0)
    c = host.container("ww")
    assert host.terminal_busy(0)
    for _ in range(MAX_PENDING + 5):
        host.emit(c, "stdout", "l")
    assert len(host.terminal(0).pending) == MAX_PENDING
    for _ in range(200):
        host.emit(c, "stdout", "m" * 1000)
    assert sum(len(t) for _, t in host.terminal(0).pending) <= MAX_PENDING_BYTES
    assert len(host.drain_output(0).encode()) <= MAX_OUTPUT_BYTES + 200


# --- history --------------------------------------------------------------------------------------


def test_read_only_repeats_are_compacted_and_state_changes_kept(s):
    s.ok("docker ps")
    s.ok("touch first.txt")
    for i in range(600):
        s.ok(f"echo typed {i}")
    lines = [h.line for h in s.host.history]
    assert len(lines) <= HISTORY_RECENT + HISTORY_READ_ONLY + COMPACT_EVERY + 2
    assert "touch first.txt" in lines  # state-changing: kept
    assert "echo typed 599" in lines and "echo typed 0" not in lines
    assert "docker ps" not in lines or lines.index("docker ps") < lines.index("touch first.txt")


def test_a_read_only_line_is_kept_once_when_repeated(s):
    s.ok("docker ps")
    for i in range(200):
        s.ok("docker ps" if i % 2 else "ls")
    lines = [h.line for h in s.host.history]
    old = lines[: -HISTORY_RECENT - COMPACT_EVERY]
    assert len(old) == len(set(old))


def test_history_is_bounded_by_count_and_bytes(s):
    for i in range(MAX_HISTORY + 100):
        s.host.record(1, f"touch f{i}", 0)  # state-changing: only the count limit removes them
    assert len(s.host.history) <= MAX_HISTORY + COMPACT_EVERY
    long = "touch " + "n" * 4000
    for _ in range(200):
        s.host.record(1, long, 0)
    s.host.compact_history()
    assert sum(entry_size(h) for h in s.host.history) <= MAX_HISTORY_BYTES


def test_redirections_and_substitutions_are_never_dropped(s):
    s.ok("echo hi > a.txt")
    s.ok("echo $(pwd)")
    for i in range(300):
        s.ok(f"echo {i}")
    lines = [h.line for h in s.host.history]
    assert "echo hi > a.txt" in lines and "echo $(pwd)" in lines


# --- a host over a limit stays loadable -----------------------------------------------------------


def test_a_snapshot_over_every_limit_loads_and_can_be_cleaned_up():
    host = DockerHost()
    host.run("docker run -d --name ww busybox sleep 1000")
    data = host.snapshot()
    data["fs"]["files"]["/home/learner/huge"] = "h" * (3 * MAX_BYTES)
    data["containers"][0]["logs"] = [[0.0, "stdout", "l" * 1000]] * 5000
    data["history"] = data["history"] * 5000
    back = DockerHost.from_snapshot(data)
    assert back.bytes_used() > MAX_BYTES
    r = back.run("echo x > more")
    assert r.exit_code == 1 and "No space left on device" in r.stderr
    assert back.run("ls").exit_code == 0
    assert back.run("rm huge").exit_code == 0 and back.run("docker rm -f ww").exit_code == 0
    assert back.bytes_used() < MAX_BYTES and back.run("echo x > more").exit_code == 0


# --- the build cache ------------------------------------------------------------------------------


def test_build_cache_fits_its_limit_exactly_and_drops_the_oldest_past_it():
    half = MAX_CACHE_CHARS // 2
    cache = {"a": "x" * (half - 1), "b": "y" * (half - 1)}  # keys count: exactly the limit
    assert fit_cache(cache) is cache
    cache["c"] = "z"
    assert list(fit_cache(cache)) == ["b", "c"]


def test_builds_of_big_files_leave_a_bounded_cache(s):
    s.host.write_file("p/Dockerfile", "FROM busybox\nCOPY big /big\n")
    for i in range(3):
        s.host.write_file("p/big", str(i) * 300_000)
        s.ok(f"docker build -q -t img{i} p")
        s.ok(f"docker rmi img{i}")
    assert text_size(s.host.build_cache) <= MAX_CACHE_CHARS
