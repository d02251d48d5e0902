"""Grading a lab: goal checks with weights, a comparison policy, the final host state."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks import CHECKS, Context, describe_check, run_check, validate_check
from app.grading.checks.base import Probe
from app.grading.errors import ContentError
from app.grading.hostview import HostProbe, read_state
from app.grading.params import with_defaults
from app.grading.state import HostState
from app.grading.verdict import CheckResult, Verdict, weighted_verdict

#: policy name -> checks it adds after the goal (each weight 1 unless the goal lists it already)
POLICIES: dict[str, tuple[str, ...]] = {
    "checks": (),
    "strict": ("no_extra_containers", "no_extra_volumes"),
}


@dataclass(frozen=True)
class GoalCheck:
    """One line of a lab goal: a check name, its parameters, its weight."""

    name: str
    params: Mapping[str, Any]
    weight: float = 1.0


def as_goal(item: Any) -> GoalCheck:
    """Accept a GoalCheck, a (name, params[, weight]) tuple or any object with those attributes."""
    if isinstance(item, GoalCheck):
        return item
    if isinstance(item, (tuple, list)):
        if len(item) == 2:
            return GoalCheck(item[0], item[1])
        if len(item) == 3:
            return GoalCheck(item[0], item[1], item[2])
        raise ContentError(f"a goal check must be (name, params[, weight]), got {item!r}")
    try:
        return GoalCheck(item.name, item.params, getattr(item, "weight", 1.0))
    except AttributeError:
        raise ContentError(f"a goal check must be (name, params[, weight]), got {item!r}") from None


def validate_goal(goal_checks: Iterable[Any], policy: str) -> list[str]:
    """Every content error in a lab goal: unknown checks, bad parameters, bad weights, bad policy."""
    errors = []
    if policy not in POLICIES:
        errors.append(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")
    goals = list(goal_checks)
    if not goals:
        errors.append("a lab goal needs at least one check")
    for i, item in enumerate(goals, start=1):
        try:
            goal = as_goal(item)
        except ContentError as exc:
            errors.append(f"check {i}: {exc}")
            continue
        weight = goal.weight
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
            errors.append(f"check {i} ({goal.name}): weight must be a positive number, got {weight!r}")
        prefix = f"check {i} ({goal.name})" if goal.name in CHECKS else f"check {i}"
        errors += [f"{prefix}: {e}" for e in validate_check(goal.name, goal.params)]
    return errors


def goal_with_policy(goal_checks: Iterable[Any], policy: str) -> list[GoalCheck]:
    """The goal's checks followed by those the policy adds (the order of `Verdict.checks`)."""
    goals = [as_goal(g) for g in goal_checks]
    names = {g.name for g in goals}
    return goals + [GoalCheck(extra, {}, 1.0) for extra in POLICIES.get(policy, ()) if extra not in names]


def describe_goal(goal_checks: Iterable[Any], policy: str) -> list[Message]:
    """Every rule of a lab in plain words, policy rules included, in `Verdict.checks` order."""
    return [describe_check(g.name, g.params) for g in goal_with_policy(goal_checks, policy)]


def grade_lab(goal_checks: Sequence[Any], policy: str, host: Any, *, setup_lines: int | None = None) -> Verdict:
    """Judge the host's final state against the goal; partial credit by weights.

    The final state decides: a check that held earlier and was undone later fails.
    `setup_lines` is how many history lines the lab's setup ran (None: unknown): until the
    learner runs a command of their own, checks the setup already satisfies earn no points.
    Raises ContentError for an invalid goal (caught at content-load time by `validate_goal`).
    """
    return grade_state(goal_checks, policy, read_state(host), HostProbe(host), setup_lines=setup_lines)


def grade_state(
    goal_checks: Sequence[Any], policy: str, state: HostState, probe: Probe | None, *, setup_lines: int | None = None
) -> Verdict:
    """`grade_lab` on a state already read (the probe answers file, HTTP and rebuild questions)."""
    errors = validate_goal(goal_checks, policy)
    if errors:
        raise ContentError(errors)
    goals = goal_with_policy(goal_checks, policy)
    ctx = Context(state, probe)
    for goal in goals:
        containers, volumes = CHECKS[goal.name].claims(ctx, _full(goal))
        ctx.claimed_containers |= containers
        ctx.claimed_volumes |= volumes
    results = []
    for goal in goals:
        outcome = run_check(goal.name, goal.params, ctx)
        results.append(CheckResult(goal.name, outcome.passed, float(goal.weight), outcome.message))
    verdict = weighted_verdict(results, feedback_ok=N_("Every goal of the lab is met."))
    untouched = setup_lines is not None and len(state.history) <= setup_lines
    return score_text(verdict, untouched=untouched and not verdict.passed)


def score_text(verdict: Verdict, *, untouched: bool = False) -> Verdict:
    """The verdict with feedback that explains the points; an untouched host scores 0.

    A check the setup already satisfies (the container the lab starts with is running) proves
    nothing, so before the learner's first command the score is 0 whatever the checks say.
    """
    score = verdict.score
    if untouched:
        score = 0.0
    feedback = score_words(verdict.checks, score, verdict.max_score, passed=verdict.passed, untouched=untouched)
    details = (*verdict.details, ("untouched", "yes")) if untouched else verdict.details
    return replace(verdict, score=score, feedback=feedback, details=details)


def score_words(
    checks: Sequence[CheckResult], score: float, max_score: float, *, passed: bool, untouched: bool
) -> Message:
    """The overall line of a lab verdict: "3 of 5 checks, 4 of 6 points", with what it means."""
    count = N_(
        "%(held)d of %(total)d checks, %(score)s of %(max)s points",
        held=sum(1 for c in checks if c.passed),
        total=len(checks),
        score=format(score, "g"),
        max=format(max_score, "g"),
    )
    if passed:
        return N_("Every goal of the lab is met (%(count)s).", count=count)
    if untouched:
        return N_("You have not run a command yet; the starting state scores nothing (%(count)s).", count=count)
    return N_("%(count)s.", count=count)


def _full(goal: GoalCheck) -> dict[str, Any]:
    kind = CHECKS[goal.name]
    return {k: v for k, v in with_defaults(kind.params, goal.params).items() if v is not None}
