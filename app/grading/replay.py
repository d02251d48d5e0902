"""Replaying a lab: its fresh host (fixture files, inline files, setup) and its reference solution.

One place for both the web app (a learner's fresh attempt) and `flask content check`
(every solution must pass its goal, and the untouched setup must not).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.curriculum import Lab, SolutionStep, fixture_files
from app.dockersim import CommandResult, DockerHost
from app.grading.lab import grade_lab
from app.grading.verdict import Verdict


def lab_seed(lab_id: str) -> int:
    """A stable seed per lab, so every learner's (and CI's) host for a lab starts the same."""
    return zlib.crc32(lab_id.encode("utf-8"))


@dataclass(frozen=True)
class StepResult:
    """One replayed line and what the host answered."""

    terminal: int
    command: str
    result: CommandResult
    held: bool = False  # the terminal was already held by an attached command when this line was typed

    def failed(self) -> bool:
        """A line that went wrong: a non-zero exit, not counting a line that now holds its terminal."""
        if self.command == "^C":
            return False
        return self.result.exit_code != 0 and (not self.result.busy or self.held)


def lab_host(
    lab: Lab, fixtures: Mapping[str, Mapping[str, str]], *, seed: int | None = None, hints: bool = True
) -> tuple[DockerHost, list[StepResult]]:
    """A fresh host for `lab`: files written, setup commands run (their results returned)."""
    host = DockerHost(seed=lab_seed(lab.id) if seed is None else seed, hints=hints)
    for path, text in fixture_files(lab, fixtures).items():
        host.write_file(path, text)  # `~/...` is the learner's home folder
    steps = []
    for line in lab.setup.commands:
        held = host.terminal_busy(0)
        steps.append(StepResult(0, line, host.run(line, 0), held))
    return host, steps


def play_solution(host: DockerHost, lab: Lab) -> list[StepResult]:
    """Run the lab's reference solution (Ctrl+C lines included) on `host`."""
    return play_lines(host, lab.solution_steps())


def grade(lab: Lab, host: DockerHost) -> Verdict:
    """The lab's goal judged on the host's current state (the setup's own lines earn nothing)."""
    return grade_lab(lab.goal.checks, lab.goal.policy, host, setup_lines=setup_lines(lab))


def setup_lines(lab: Lab) -> int:
    """How many history lines a lab's setup leaves (the learner's own start after them)."""
    return sum(1 for line in lab.setup.commands if line.strip())


def lab_problems(lab: Lab, fixtures: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Why a lab is broken: a failing setup, a setup that already passes, a solution that does not."""
    problems = []
    host, setup = lab_host(lab, fixtures)
    for step in setup:
        if step.failed():
            problems.append(f"setup command {step.command!r} {_why(step)}")
    if grade(lab, host).passed:
        problems.append("the untouched setup already passes the goal")
    for step in play_solution(host, lab):
        if step.failed():
            problems.append(f"solution command {step.command!r} {_why(step)}")
    verdict = grade(lab, host)
    if not verdict.passed:
        failed = "; ".join(c.message.english() for c in verdict.failed_checks())
        problems.append(f"the solution does not pass the goal: {failed}")
    return problems + shortcut_problems(lab, fixtures)


def play_lines(host: DockerHost, steps: Sequence[SolutionStep]) -> list[StepResult]:
    """Type solution-style lines (Ctrl+C included) into `host`'s terminals."""
    results = []
    for step in steps:
        held = not step.is_interrupt and host.terminal_busy(step.terminal)
        result = host.interrupt(step.terminal) if step.is_interrupt else host.run(step.command, step.terminal)
        results.append(StepResult(step.terminal, step.command, result, held))
    return results


def shortcut_problems(lab: Lab, fixtures: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Each declared shortcut replayed on a fresh host: one that passes the goal is a problem."""
    problems = []
    for n, shortcut in enumerate(lab.shortcuts, 1):
        host, _ = lab_host(lab, fixtures)
        play_lines(host, shortcut.steps())
        verdict = grade(lab, host)
        if verdict.passed:
            problems.append(f"shortcut {n} ({shortcut.skips}) passes the goal: a check must reject it")
    return problems


def _why(step: StepResult) -> str:
    """Why a replayed line failed, in words an author can act on."""
    if step.held:
        return (
            f"did not run: terminal {step.terminal + 1} is still held by an attached command "
            f"(type it in another terminal with a '[2] ' prefix, or end the held command with '^C' first)"
        )
    return f"failed: {_first_line(step.result.stderr)}"


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "(no error text)"
