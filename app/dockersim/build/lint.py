"""BuildKit's default build checks that learners commonly trip over (pure).

buildx prints them after the build as ` N warning(s) found (use docker --debug to expand):`
followed by ` - Rule: message (line N)`. Rule names and texts follow BuildKit v0.22
`frontend/dockerfile/linter/ruleset.go`; only a subset is modelled (see docs).
"""

from __future__ import annotations

import re

from app.dockersim.build import dockerfile as df


def _case(word: str) -> str:
    if word == word.upper():
        return "upper"
    if word == word.lower():
        return "lower"
    return "mixed"


Found = list[tuple[int, str]]  # (line, message)


def _casing(staged: list[df.Instruction]) -> Found:
    """ConsistentInstructionCasing: every keyword in the case most keywords use."""
    upper = sum(1 for i in staged if _case(i.keyword) == "upper")
    lower = sum(1 for i in staged if _case(i.keyword) == "lower")
    majority = "lowercase" if lower > upper else "uppercase"
    want = str.lower if lower > upper else str.upper
    return [
        (
            i.line,
            f"ConsistentInstructionCasing: Command '{i.keyword}' should match the case of "
            f"the command majority ({majority}) (line {i.line})",
        )
        for i in staged
        if want(i.keyword) != i.keyword
    ]


def _stage_rules(parsed: df.Dockerfile) -> Found:
    """FromAsCasing, StageNameCasing and WorkdirRelativePath (the first WORKDIR of a stage)."""
    found: Found = []
    for stage in parsed.stages:
        src = stage.source
        words = re.split(r"\s+", src.text)
        as_words = [w for w in words[1:] if w.lower() == "as"]
        if as_words and _case(src.keyword) != "mixed" and _case(as_words[0]) != _case(src.keyword):
            message = f"'{as_words[0]}' and '{src.keyword}' keywords' casing do not match (line {src.line})"
            found.append((src.line, f"FromAsCasing: {message}"))
        raw_name = words[-1] if as_words else ""
        if raw_name and raw_name != raw_name.lower():
            found.append((src.line, f"StageNameCasing: Stage name '{raw_name}' should be lowercase (line {src.line})"))
        workdirs = [ins for ins in stage.commands if isinstance(ins, df.Workdir)]
        first = workdirs[0] if workdirs else None
        if first is not None and not first.path.startswith(("/", "$")):
            found.append(
                (
                    first.line,
                    f'WorkdirRelativePath: Relative workdir "{first.path}" can have '
                    f"unexpected results if the base image changes (line {first.line})",
                )
            )
    return found


def _instruction_rules(instructions: list[df.Instruction]) -> Found:
    """JSONArgsRecommended, LegacyKeyValueFormat and MaintainerDeprecated."""
    found: Found = []
    for ins in instructions:
        if isinstance(ins, (df.Cmd, df.Entrypoint)) and ins.shell_form and ins.command:
            message = f"JSON arguments recommended for {ins.kind} to prevent unintended behavior related to OS signals"
            found.append((ins.line, f"JSONArgsRecommended: {message} (line {ins.line})"))
        elif isinstance(ins, (df.Env, df.Label)) and ins.legacy:
            message = f'"{ins.kind} key=value" should be used instead of legacy "{ins.kind} key value" format'
            found.append((ins.line, f"LegacyKeyValueFormat: {message} (line {ins.line})"))
        elif isinstance(ins, df.Maintainer):
            message = "Maintainer instruction is deprecated in favor of using label"
            found.append((ins.line, f"MaintainerDeprecated: {message} (line {ins.line})"))
    return found


def lint(parsed: df.Dockerfile) -> list[str]:
    """Warnings (`Rule: message (line N)`) in line order."""
    found: Found = [(line, f"NoEmptyContinuation: {message} (line {line})") for message, line in parsed.ast.warnings]
    staged = [i for s in parsed.stages for i in (s.source, *s.commands)]  # meta ARGs are not counted
    found += _casing(staged)
    found += _stage_rules(parsed)
    found += _instruction_rules(list(parsed.meta_args) + staged)
    return [msg for _, msg in sorted(found, key=lambda item: item[0])]
