"""Planning a build before any step runs: the global ARGs, each stage's base, the stages the target needs and
the context BuildKit will transfer (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from app.dockersim.build import dockerfile as df
from app.dockersim.build.context import Context, SourceNotFound, context_transfer_size, select
from app.dockersim.build.shell import ExpansionError, process_word

PLATFORM_ARGS = {
    "BUILDPLATFORM": "linux/amd64",
    "BUILDOS": "linux",
    "BUILDARCH": "amd64",
    "TARGETPLATFORM": "linux/amd64",
    "TARGETOS": "linux",
    "TARGETARCH": "amd64",
}


class BuildFailed(Exception):
    """A build error that becomes BuildKit's output (kind picks the wording)."""

    def __init__(self, kind: str, message: str, line: int = 0, end_line: int = 0) -> None:
        super().__init__(message)
        self.kind, self.message, self.line, self.end_line = kind, message, line, end_line


def expand(text: str, env: Mapping[str, str | None], ins: df.Instruction, escape: str) -> str:
    """A word with $VARs expanded from the ARGs known so far."""
    try:
        return process_word(text, {k: v for k, v in env.items() if v is not None}, escape)
    except ExpansionError as exc:
        raise BuildFailed("invalid_instruction", str(exc), ins.line, ins.end_line) from None


def meta_args(parsed: df.Dockerfile, build_args: Mapping[str, str], escape: str) -> dict[str, str | None]:
    """The ARGs before the first FROM (with --build-arg values and the platform ARGs)."""
    meta: dict[str, str | None] = dict(PLATFORM_ARGS)
    for arg in parsed.meta_args:
        for k, default in arg.pairs:
            if k in build_args:
                meta[k] = build_args[k]
            elif default is not None:
                meta[k] = expand(default, meta, arg, escape)
            else:
                meta.setdefault(k, None)
    return meta


def stage_base(stage: df.Stage, meta: Mapping[str, str | None], escape: str) -> str:
    """The image (or stage) a FROM names, expanded."""
    base = expand(stage.source.image, meta, stage.source, escape)
    if base == "":
        raise BuildFailed(
            "invalid_instruction",
            f"base name ({stage.source.image}) should not be blank",
            stage.source.line,
            stage.source.end_line,
        )
    return base


def reachable(parsed: df.Dockerfile, meta: Mapping[str, str | None], target_name: str, escape: str) -> list[df.Stage]:
    """The stages the target (the last stage by default) depends on, in file order."""
    by_name = {s.source.stage_name: s for s in parsed.stages if s.source.stage_name}
    target = parsed.stages[-1]
    if target_name:
        if target_name.lower() not in by_name:
            message = f'target stage "{target_name}" could not be found'
            raise BuildFailed("invalid_argument", df.suggest(message, target_name, list(by_name), True))
        target = by_name[target_name.lower()]
    seen: set[int] = set()

    def visit(stage: df.Stage) -> None:
        if stage.index in seen:
            return
        seen.add(stage.index)
        deps = [stage_base(stage, meta, escape).lower()]
        deps += [c.from_stage.lower() for c in stage.commands if isinstance(c, df.Copy) and c.from_stage]
        for dep in deps:
            other = by_name.get(dep)
            if other is None and dep.isdigit() and int(dep) < len(parsed.stages):
                other = parsed.stages[int(dep)]
            if other is not None and other.index < stage.index:
                visit(other)

    visit(target)
    return [s for s in parsed.stages if s.index in seen]


def planned_context_size(
    stages: list[df.Stage], context: Context, meta: Mapping[str, str | None], build_args: Mapping[str, str]
) -> int:
    """BuildKit sends only the context files that COPY/ADD sources name."""
    env = {k: v for k, v in meta.items() if v is not None}
    env.update(build_args)
    paths: set[str] = set()
    for stage in stages:
        for c in stage.commands:
            if isinstance(c, df.Arg):
                env.update({k: v for k, v in c.pairs if v is not None and k not in build_args})
            if isinstance(c, df.Add) or (isinstance(c, df.Copy) and not c.from_stage):
                for src in c.sources:
                    try:
                        picked = select(context.files, context.dirs, process_word(src, env))
                    except (SourceNotFound, ExpansionError):
                        continue
                    for sel in picked:
                        paths.update(p for p, _ in sel.entries)
    return context_transfer_size(context.files, paths) if paths else 2
