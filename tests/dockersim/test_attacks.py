"""The issue 11 attacks replayed through the simulator and the command-answer grader: memory stays under a
named bound (tracemalloc peak) and the work done is bounded (output sizes, commands run), never timed."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from typing import Any

from app.dockersim import DockerHost
from app.dockersim.engine.accounting import MAX_BYTES
from app.dockersim.engine.limits import MAX_OUTPUT_BYTES
from app.grading import command_answer
from tests.dockersim.conftest import said

#: Memory one attack may take at its peak (the issue's target is 64 MB above the worker's rest).
ATTACK_PEAK_BYTES = 16 * 1024 * 1024
#: A snapshot's JSON may hold MAX_BYTES of data, and what it keeps besides (history, ids, fixtures).
SNAPSHOT_BOUND = 2 * MAX_BYTES
NOTE_ROOM = 200  # the cut note


def peak(fn: Callable[[], Any]) -> tuple[Any, int]:
    """fn's result and the peak memory it allocated (tracemalloc)."""
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_1mb_file_catted_1000_times_on_one_line():
    host = DockerHost()
    host.write_file("big", "x" * 1_000_000)
    line = "cat" + " big" * 1000
    assert len(line) <= 4096
    r, used = peak(lambda: host.run(line))
    assert used < ATTACK_PEAK_BYTES, used
    assert r.exit_code == 1 and "more than 4 MiB" in said(r)
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= MAX_OUTPUT_BYTES + NOTE_ROOM


def test_50_runs_of_a_substituted_big_file_leave_a_bounded_snapshot():
    host = DockerHost()
    host.run("docker pull busybox")
    host.write_file("big", "x" * 300_000)

    def attack() -> list[int]:
        return [host.run("docker run -d busybox echo $(cat big)").exit_code for _ in range(50)]

    codes, used = peak(attack)
    assert used < ATTACK_PEAK_BYTES, used
    assert codes[0] == 0 and set(codes[3:]) == {1}  # refused once the host's data is full
    assert host.bytes_used() <= MAX_BYTES
    size = len(json.dumps(host.snapshot()))
    assert size <= SNAPSHOT_BOUND, size
    assert host.run("docker container prune -f").exit_code == 0 and host.run("rm big").exit_code == 0


def test_the_command_answer_grader_attack_is_bounded():
    key = {"setup": [], "reference": ["docker ps"], "seed": 0}
    answer = "\n".join(
        [
            "echo " + "x" * 4000 + " > a",
            "cat" + " a" * 16 + " > b",
            "cat" + " b" * 12 + " > c",
            "cat" + " c" * 1000,
            "docker run busybox echo" + " $(cat c)" * 100,
        ]
    )
    assert command_answer.answer_error(key, answer) is None
    verdict, used = peak(lambda: command_answer.grade(key, answer))
    assert used < ATTACK_PEAK_BYTES, used
    assert not verdict.passed


def test_the_grader_runs_a_bounded_number_of_commands():
    key = {"setup": [], "reference": ["docker ps"], "seed": 0}
    lines = ["true" + "; true" * 600] * command_answer.MAX_LINES
    run = command_answer.run_on_fresh_host(key, lines)
    ran = sum(len(entry.commands) for entry in run.state.history)
    assert ran <= command_answer.MAX_STEPS + 64  # the line that crosses the limit is the last one run
    assert run.failure is not None and "the grader runs at most" in run.failure.stderr


def test_a_too_long_answer_is_refused_before_running():
    key = {"setup": [], "reference": ["docker ps"], "seed": 0}
    at = "#" * (command_answer.MAX_ANSWER_CHARS - 10) + "\ndocker ps"
    assert command_answer.answer_error(key, at[: command_answer.MAX_ANSWER_CHARS]) is None
    assert command_answer.answer_error(key, at + "x" * 11) is not None
