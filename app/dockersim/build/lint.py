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


def lint(parsed: df.Dockerfile) -> list[str]:
    """Warnings (`Rule: message (line N)`) in line order."""
    found: list[tuple[int, str]] = []
    for message, line in parsed.ast.warnings:
        found.append((line, f"NoEmptyContinuation: {message} (line {line})"))
    staged = [i for s in parsed.stages for i in (s.source, *s.commands)]  # meta ARGs are not counted
    upper = sum(1 for i in staged if _case(i.keyword) == "upper")
    lower = sum(1 for i in staged if _case(i.keyword) == "lower")
    majority_lower = lower > upper
    for i in staged:
        if majority_lower and i.keyword.lower() != i.keyword:
            found.append(
                (
                    i.line,
                    f"ConsistentInstructionCasing: Command '{i.keyword}' should match the case of "
                    f"the command majority (lowercase) (line {i.line})",
                )
            )
        elif not majority_lower and i.keyword.upper() != i.keyword:
            found.append(
                (
                    i.line,
                    f"ConsistentInstructionCasing: Command '{i.keyword}' should match the case of "
                    f"the command majority (uppercase) (line {i.line})",
                )
            )
    instructions = list(parsed.meta_args) + staged
    workdir_seen: set[int] = set()
    for stage in parsed.stages:
        src = stage.source
        words = re.split(r"\s+", src.text)
        as_words = [w for w in words[1:] if w.lower() == "as"]
        if as_words and _case(src.keyword) != "mixed" and _case(as_words[0]) != _case(src.keyword):
            found.append(
                (
                    src.line,
                    f"FromAsCasing: '{as_words[0]}' and '{src.keyword}' keywords' casing do not "
                    f"match (line {src.line})",
                )
            )
        raw_name = words[-1] if as_words else ""
        if raw_name and raw_name != raw_name.lower():
            found.append((src.line, f"StageNameCasing: Stage name '{raw_name}' should be lowercase (line {src.line})"))
        for ins in stage.commands:
            if isinstance(ins, df.Workdir):
                if not ins.path.startswith("/") and not ins.path.startswith("$") and stage.index not in workdir_seen:
                    found.append(
                        (
                            ins.line,
                            f'WorkdirRelativePath: Relative workdir "{ins.path}" can have '
                            f"unexpected results if the base image changes (line {ins.line})",
                        )
                    )
                workdir_seen.add(stage.index)
    for ins in instructions:
        if isinstance(ins, (df.Cmd, df.Entrypoint)) and ins.shell_form and ins.command:
            found.append(
                (
                    ins.line,
                    f"JSONArgsRecommended: JSON arguments recommended for {ins.kind} to prevent "
                    f"unintended behavior related to OS signals (line {ins.line})",
                )
            )
        elif isinstance(ins, (df.Env, df.Label)) and ins.legacy:
            found.append(
                (
                    ins.line,
                    f'LegacyKeyValueFormat: "{ins.kind} key=value" should be used instead of '
                    f'legacy "{ins.kind} key value" format (line {ins.line})',
                )
            )
        elif isinstance(ins, df.Maintainer):
            found.append(
                (
                    ins.line,
                    f"MaintainerDeprecated: Maintainer instruction is deprecated in favor of "
                    f"using label (line {ins.line})",
                )
            )
    return [msg for _, msg in sorted(found, key=lambda item: item[0])]
