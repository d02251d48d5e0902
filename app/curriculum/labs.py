"""Lab blocks: setup, task, hints, solution, goal -> a frozen Lab."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from app.curriculum.fields import Reader, as_text, read_id
from app.curriculum.model import (
    POLICIES,
    Check,
    Goal,
    Lab,
    LabSetup,
    Shortcut,
    SolutionStep,
    parse_solution_line,
)
from app.curriculum.yamlsrc import LineDict
from app.dockersim import blocked_command

CheckValidator = Callable[[str, Mapping[str, Any]], list[str]]
_LAB_KEYS = {"id", "title", "task", "setup", "hints", "solution", "goal", "disabled_commands", "shortcuts"}
_SPACES = re.compile(r"\s+")
DERIVED_HINT_ID = re.compile(r"^hint-[0-9]+$")  # the id of a hint written as plain text: its place, from 1


def build_lab(
    r: Reader,
    item_id: str,
    lesson_id: str,
    line: int,
    check_validator: CheckValidator | None,
    fixtures: Mapping[str, Mapping[str, str]] | None,
) -> Lab | None:
    """Read a lab block; every problem is reported, a Lab comes back only when all is well."""
    r.unknown_keys(_LAB_KEYS)
    title, task = r.text("title"), r.text("task")
    setup = _setup(r, fixtures)
    hints, hint_ids, hints_ok = _hints(r)
    if not hints:
        r.err("no hints (give 'hints', from a nudge to almost the answer)")
    solution, solution_ok = _solution(r)
    goal = _goal(r, check_validator)
    disabled = r.text_list("disabled_commands")
    _hints_do_not_give_away(r, hints, solution)
    solution_ok = _solution_avoids_disabled(r, solution, disabled) and solution_ok
    shortcuts = _shortcuts(r, disabled)
    if None in (title, task, setup, goal, shortcuts) or not solution_ok or not hints or not hints_ok:
        return None
    return Lab(item_id, title, lesson_id, line, task, setup, hints, solution, goal, disabled, shortcuts, hint_ids)  # type: ignore[arg-type]


def _hints(r: Reader) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The hints' texts, their ids and whether all were well formed.

    A hint is plain text (its id is `hint-N`, N its place from 1) or a mapping `{id: ..., text: ...}`
    whose id stays when hints are reordered or added; ids are unique within the lab.
    """
    raw = r.data.get("hints")
    items = [] if raw is None else raw if isinstance(raw, list) else [raw]
    texts: list[str] = []
    ids: list[str] = []
    first: dict[str, int] = {}
    ok = True
    for n, item in enumerate(items, 1):
        line, hint_id, text = r.line("hints"), f"hint-{n}", None
        if isinstance(item, LineDict) and "id" in item:
            sub = Reader(item, f"{r.label}: hint {n}", r.problems)
            sub.unknown_keys({"id", "text"})
            line, given, text = item.line_of("id"), read_id(sub), sub.text("text")
            if given is not None and DERIVED_HINT_ID.match(given):
                sub.err(f"hint id '{given}' is kept for hints without an id (choose a name)", "id")
                given = None
            hint_id = given or ""
        else:
            text = as_text(item, lambda m: r.err(f"'hints' items {m}", "hints"))
        if not hint_id or text is None:
            ok = False
            continue
        if hint_id in first:
            r.problems.add(
                line,
                f"{r.label}: duplicate hint id '{hint_id}' (first defined at {r.problems.path}:{first[hint_id]})",
            )
            ok = False
            continue
        first[hint_id] = line
        texts.append(text)
        ids.append(hint_id)
    return tuple(texts), tuple(ids), ok


def _shortcuts(r: Reader, disabled: tuple[str, ...]) -> tuple[Shortcut, ...] | None:
    """The optional `shortcuts:` list: each `{skips: what is skipped, solution: [lines]}`; None on a problem."""
    raw = r.data.get("shortcuts")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        r.err("'shortcuts' must be a list of {skips: ..., solution: [...]}", "shortcuts")
        return None
    found, ok = [], True
    for n, entry in enumerate(raw, 1):
        line = entry.line if isinstance(entry, LineDict) else r.line("shortcuts")
        if not isinstance(entry, LineDict):
            r.problems.add(line, f"{r.label}: shortcut {n} must be a mapping with 'skips' and 'solution'")
            ok = False
            continue
        sub = Reader(entry, f"{r.label}: shortcut {n}", r.problems)
        sub.unknown_keys({"skips", "solution"})
        skips = sub.text("skips")
        lines = sub.text_list("solution")
        if not lines:
            sub.err("no 'solution' (the command lines of the shortcut)")
        for s in lines:
            step = parse_solution_line(s)
            blocked = command_is_disabled(step.command, disabled) if isinstance(step, SolutionStep) else None
            if not isinstance(step, SolutionStep):
                sub.err(f"solution line '{s}': {step}", "solution")
            elif blocked is not None:
                sub.err(f"line '{s}' uses the disabled command '{blocked}' (the lab refuses it anyway)", "solution")
            else:
                continue
            ok = False
        if skips is None or not lines:
            ok = False
            continue
        found.append(Shortcut(skips, lines, line))
    return tuple(found) if ok else None


def _setup(r: Reader, fixtures: Mapping[str, Mapping[str, str]] | None) -> LabSetup | None:
    raw = r.data.get("setup")
    if raw is None:
        return LabSetup()
    if not isinstance(raw, LineDict):
        r.err("'setup' must be a mapping with 'commands', 'files' and/or 'fixture'", "setup")
        return None
    sub = Reader(raw, r.label, r.problems)
    sub.unknown_keys({"commands", "files", "fixture"})
    commands = sub.text_list("commands")
    files: dict[str, str] = {}
    raw_files = raw.get("files")
    if raw_files is not None:
        if not isinstance(raw_files, dict):
            sub.err("'files' must map host paths to file contents", "files")
            return None
        for path, text in raw_files.items():
            if not isinstance(path, str) or not (path.startswith(("~/", "/"))):
                sub.err(f"file path '{path}' must start with '~/' or '/'", "files")
                return None
            if not isinstance(text, str):
                sub.err(f"contents of '{path}' must be text", "files")
                return None
            files[path] = text
    fixture = sub.text("fixture", required=False)
    if fixture is not None and fixtures is not None and fixture not in fixtures:
        sub.err(f"unknown fixture folder '{fixture}' (no content/fixtures/{fixture}/)", "fixture")
        return None
    return LabSetup(commands, MappingProxyType(files), fixture)


def _solution(r: Reader) -> tuple[tuple[str, ...], bool]:
    """The solution lines and whether all of them are well formed."""
    lines = r.text_list("solution")
    if not lines:
        r.err("no solution (give 'solution': the command lines that solve the lab)")
        return (), False
    ok = True
    for s in lines:
        step = parse_solution_line(s)
        if not isinstance(step, SolutionStep):
            r.err(f"solution line '{s}': {step}", "solution")
            ok = False
    return lines, ok


def _goal(r: Reader, check_validator: CheckValidator | None) -> Goal | None:
    raw = r.data.get("goal")
    if not isinstance(raw, LineDict):
        r.err("no checks (give 'goal' with 'policy' and 'checks')", "goal" if raw is not None else None)
        return None
    sub = Reader(raw, r.label, r.problems)
    sub.unknown_keys({"policy", "checks"})
    policy = sub.text("policy", required=False) or "checks"
    ok = policy in POLICIES
    if not ok:
        sub.err(f"unknown policy '{policy}' (expected checks or strict)", "policy")
    raw_checks = raw.get("checks")
    if not isinstance(raw_checks, list) or not raw_checks:
        sub.err("no checks (list them under 'goal: checks:')", "checks" if raw_checks is not None else None)
        return None
    checks: list[Check] = []
    for entry in raw_checks:
        check = _check(sub, entry, check_validator)
        ok = ok and check is not None
        if check is not None:
            checks.append(check)
    return Goal(policy, tuple(checks)) if ok else None


def _check(r: Reader, entry: Any, check_validator: CheckValidator | None) -> Check | None:
    if not isinstance(entry, LineDict) or "check" not in entry:
        r.err("each check must be a mapping with 'check: <name>'", "checks")
        return None
    name = as_text(entry["check"], lambda m: r.problems.add(entry.line, f"{r.label}: check name {m}"))
    if name is None:
        return None
    weight = entry.get("weight", 1)
    weight_ok = not isinstance(weight, bool) and isinstance(weight, int) and weight >= 1
    if not weight_ok:
        r.problems.add(
            entry.line_of("weight"), f"{r.label}: check '{name}': 'weight' must be a whole number of at least 1"
        )
    params = {str(k): _frozen(v) for k, v in entry.items() if k not in ("check", "weight")}
    problems = check_validator(name, dict(params)) if check_validator else []
    for message in problems:
        r.problems.add(entry.line, f"{r.label}: check '{name}': {message}")
    if problems or not weight_ok:
        return None
    return Check(name, MappingProxyType(params), weight, entry.line)


def _frozen(value: Any) -> Any:
    """Nested YAML values made read-only (lists -> tuples, dicts -> mapping proxies)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({str(k): _frozen(v) for k, v in value.items()})
    return value


def _hints_do_not_give_away(r: Reader, hints: tuple[str, ...], solution: tuple[str, ...]) -> None:
    """A hint may point at the answer but must not contain a whole solution command."""
    seen: set[str] = set()
    for step in (parse_solution_line(s) for s in solution):
        if not isinstance(step, SolutionStep) or step.is_interrupt:
            continue
        command = _SPACES.sub(" ", step.command)
        if command in seen:
            continue
        seen.add(command)
        if len(command.split()) < 3:  # too short to count as "the answer" (e.g. "docker ps")
            continue
        for n, hint in enumerate(hints, 1):
            if command in _SPACES.sub(" ", hint):
                r.err(f"hint {n} gives away the solution command '{command}'", "hints")


def command_is_disabled(command: str, disabled: tuple[str, ...]) -> str | None:
    """The entry of ``disabled`` that blocks ``command``: the simulator decides what the line would run
    (every part of ``;``, ``&&``, ``||``, ``|``, ``$( … )``, ``sudo``; docker's aliases folded, so
    ``docker rm`` also blocks ``docker container rm``)."""
    return blocked_command(command, disabled)


def _solution_avoids_disabled(r: Reader, solution: tuple[str, ...], disabled: tuple[str, ...]) -> bool:
    """A solution that needs a disabled command could never be reproduced by a learner."""
    ok = True
    for s in solution:
        step = parse_solution_line(s)
        blocked = command_is_disabled(step.command, disabled) if isinstance(step, SolutionStep) else None
        if blocked is not None:
            r.err(f"solution line '{s}' uses the disabled command '{blocked}'", "solution")
            ok = False
    return ok


def fixture_files(lab: Lab, fixtures: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """Host files for a lab: its fixture folder (paths under ``~/``), then its inline files."""
    files: dict[str, str] = {}
    if lab.setup.fixture is not None:
        for rel, text in sorted(fixtures[lab.setup.fixture].items()):
            files["~/" + rel.lstrip("/")] = text
    files.update(lab.setup.files)
    return files
