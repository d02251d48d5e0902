"""`docker build` as a pure function: context + Dockerfile + cache -> image + BuildKit output.

Entry point: `run_build(request, resolve_base, cache) -> BuildOutcome`. Nothing here
touches a disk, a clock or a random source: the context, the time (`now`) and the step
durations (`elapsed`) come in with the request, and the cache comes in and goes out as a
JSON-able dict. Output follows Docker 28.2 with buildx 0.24 (BuildKit 0.22): progress on
stderr, `-q` prints only the image id on stdout. See docs/simulator-build.md.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.build import dockerfile as df
from app.dockersim.build.context import (
    Context,
    SourceNotFound,
    Tree,
    canonical_json,
    context_transfer_size,
    human_bytes,
    select,
    sha256_hex,
    transfer_size,
)
from app.dockersim.build.lint import lint
from app.dockersim.build.progress import Status, Vertex, render, render_error_logs, render_source, total_seconds
from app.dockersim.build.shell import ExpansionError, process_word
from app.dockersim.build.steps import Layer, StageRunner, StageState, StepFailure, image_config

__all__ = [
    "PULL_ACCESS_DENIED",
    "BaseImage",
    "BaseImageNotFound",
    "BuildOutcome",
    "BuildRequest",
    "BuiltImage",
    "Layer",
    "default_elapsed",
    "normalize_ref",
    "run_build",
]

PULL_ACCESS_DENIED = (
    "pull access denied, repository does not exist or may require authorization: "
    "server message: insufficient_scope: authorization failed"
)
_PLATFORM_ARGS = {
    "BUILDPLATFORM": "linux/amd64",
    "BUILDOS": "linux",
    "BUILDARCH": "amd64",
    "TARGETPLATFORM": "linux/amd64",
    "TARGETOS": "linux",
    "TARGETARCH": "amd64",
}


class BaseImageNotFound(Exception):
    """Raised by `resolve_base` when an image cannot be found or pulled; carries the cause."""

    def __init__(self, message: str = PULL_ACCESS_DENIED) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BaseImage:
    """An image a stage starts from (given by the caller's image store/registry)."""

    ref: str
    id: str
    files: Mapping[str, str]
    dirs: AbstractSet[str]
    config: Mapping[str, Any]
    layer_ids: tuple[str, ...]


@dataclass(frozen=True)
class BuildRequest:
    """Everything `docker build` needs, already read from the host by the caller."""

    context_files: Mapping[str, str]  # paths relative to the context root -> text
    context_dirs: AbstractSet[str] = frozenset()
    dockerfile_text: str | None = None  # None: the Dockerfile does not exist
    dockerfile_name: str = "Dockerfile"
    tags: tuple[str, ...] = ()
    no_cache: bool = False
    quiet: bool = False
    build_args: Mapping[str, str] = field(default_factory=dict)
    now: float = 0.0  # creation time of the image (never part of its id)
    elapsed: Callable[[str, str], float] | None = None  # (step name, kind) -> seconds
    width: int = 80  # terminal columns of the progress display
    builder: str = "docker:default"  # the name buildx prints on the header line
    target: str = ""  # --target stage name ("" = last stage)


@dataclass(frozen=True)
class BuiltImage:
    """The result image. `layers` are those this build added on top of the base."""

    id: str
    config: dict[str, Any]
    files: dict[str, str]
    dirs: frozenset[str]
    layers: tuple[Layer, ...]
    history: tuple[dict[str, Any], ...]
    context_hash: str
    base_ref: str
    base_id: str
    base_layer_ids: tuple[str, ...]
    created: float
    author: str = ""

    @property
    def layer_ids(self) -> tuple[str, ...]:
        """Every layer of the image, base first."""
        return self.base_layer_ids + tuple(layer.id for layer in self.layers)

    @property
    def size(self) -> int:
        """Bytes of all files in the image."""
        return sum(len(t.encode("utf-8")) for t in self.files.values())


@dataclass(frozen=True)
class BuildOutcome:
    """What the command prints and returns, plus the new image and cache."""

    stdout: str
    stderr: str
    exit_code: int
    image: BuiltImage | None
    cache: dict[str, Any]
    error_kind: str | None = None  # e.g. "parse_error", "run_failed" (for the Korean hint)
    duration: float = 0.0  # seconds the build took (sum of step times)
    warnings: tuple[str, ...] = ()


def default_elapsed(name: str, kind: str) -> float:
    """Deterministic step durations, fitted to the course notes' build (3.4s npm install)."""
    if kind in ("RUN", "RUN_FAILED"):
        npm = re.search(r"\bnpm (install|i|ci)\b", name)
        if kind == "RUN_FAILED":
            return 0.5 if npm else 0.1
        return 3.4 if npm else 0.2
    if kind == "export":
        return 0.1
    return 0.0


def normalize_ref(ref: str) -> str:
    """`node` -> `docker.io/library/node:latest` (the familiar name BuildKit prints)."""
    name, digest = (ref.split("@", 1) + [""])[:2]
    first = name.split("/", 1)[0]
    if "/" not in name:
        name = "docker.io/library/" + name
    elif not ("." in first or ":" in first or first == "localhost"):
        name = "docker.io/" + name
    if not digest and ":" not in name.rsplit("/", 1)[-1]:
        name += ":latest"
    return name + ("@" + digest if digest else "")


class _Failed(Exception):
    def __init__(self, kind: str, message: str, line: int = 0, end_line: int = 0) -> None:
        super().__init__(message)
        self.kind, self.message, self.line, self.end_line = kind, message, line, end_line


def run_build(
    request: BuildRequest, resolve_base: Callable[[str], BaseImage], cache: Mapping[str, Any]
) -> BuildOutcome:
    """Build an image; never raises for bad input (errors become BuildKit's output)."""
    return _Build(request, resolve_base, cache).run()


class _Build:
    def __init__(
        self, request: BuildRequest, resolve_base: Callable[[str], BaseImage], cache: Mapping[str, Any]
    ) -> None:
        self.req = request
        self.resolve_base = resolve_base
        self.cache = cache
        self.new_cache: dict[str, Any] = dict(cache)
        self.vertices: list[Vertex] = []
        self.warnings: list[str] = []
        self.lines: list[str] = []
        self.filename = posixpath.basename(request.dockerfile_name.replace("\\", "/")) or "Dockerfile"
        self.elapsed = request.elapsed or default_elapsed
        self._escape = "\\"

    def run(self) -> BuildOutcome:
        try:
            image = self._build()
        except _Failed as exc:
            return self._failure(exc)
        return self._success(image)

    # -- phases --------------------------------------------------------------------

    def _build(self) -> BuiltImage:
        req = self.req
        text = req.dockerfile_text
        self.vertices.append(
            Vertex(
                f"[internal] load build definition from {self.filename}",
                statuses=[Status("transferring dockerfile:", human_bytes(transfer_size(self.filename, text)))],
            )
        )
        if text is None:
            raise _Failed(
                "dockerfile_not_found", f"failed to read dockerfile: open {self.filename}: no such file or directory"
            )
        self.lines = text.split("\n")
        try:
            parsed = df.parse_dockerfile(text)
        except df.DockerfileSyntaxError as exc:
            kind = {
                "the Dockerfile cannot be empty": "dockerfile_empty",
                "no build stage in current context": "no_build_stage",
            }.get(exc.message, "parse_error")
            raise _Failed(kind, exc.message, exc.start_line, exc.end_line) from None
        self.warnings = lint(parsed)
        self._escape = parsed.escape
        meta = self._meta_args(parsed)
        stages = self._reachable(parsed, meta)
        context = Context.from_request(req.context_files, req.context_dirs)
        ignore_vertex = Vertex(
            "[internal] load .dockerignore",
            statuses=[
                Status("transferring context:", human_bytes(transfer_size(".dockerignore", context.ignore_text)))
            ],
        )
        try:
            bases = self._resolve_bases(parsed, stages, meta)
        finally:
            self.vertices.append(ignore_vertex)
        return self._dispatch(parsed, stages, bases, context, meta)

    def _meta_args(self, parsed: df.Dockerfile) -> dict[str, str | None]:
        meta: dict[str, str | None] = dict(_PLATFORM_ARGS)
        for arg in parsed.meta_args:
            for k, default in arg.pairs:
                if k in self.req.build_args:
                    meta[k] = self.req.build_args[k]
                elif default is not None:
                    meta[k] = self._expand(default, meta, arg)
                else:
                    meta.setdefault(k, None)
        return meta

    def _expand(self, text: str, env: Mapping[str, str | None], ins: df.Instruction) -> str:
        try:
            return process_word(text, {k: v for k, v in env.items() if v is not None}, self._escape)
        except ExpansionError as exc:
            raise _Failed("invalid_instruction", str(exc), ins.line, ins.end_line) from None

    def _stage_base(self, stage: df.Stage, meta: Mapping[str, str | None]) -> str:
        base = self._expand(stage.source.image, meta, stage.source)
        if base == "":
            raise _Failed(
                "invalid_instruction",
                f"base name ({stage.source.image}) should not be blank",
                stage.source.line,
                stage.source.end_line,
            )
        return base

    def _reachable(self, parsed: df.Dockerfile, meta: Mapping[str, str | None]) -> list[df.Stage]:
        by_name = {s.source.stage_name: s for s in parsed.stages if s.source.stage_name}
        target = parsed.stages[-1]
        if self.req.target:
            if self.req.target.lower() not in by_name:
                names = list(by_name)
                raise _Failed(
                    "invalid_argument",
                    df.suggest(f'target stage "{self.req.target}" could not be found', self.req.target, names, True),
                )
            target = by_name[self.req.target.lower()]
        seen: set[int] = set()

        def visit(stage: df.Stage) -> None:
            if stage.index in seen:
                return
            seen.add(stage.index)
            deps = [self._stage_base(stage, meta).lower()]
            deps += [c.from_stage.lower() for c in stage.commands if isinstance(c, df.Copy) and c.from_stage]
            for dep in deps:
                other = by_name.get(dep)
                if other is None and dep.isdigit() and int(dep) < len(parsed.stages):
                    other = parsed.stages[int(dep)]
                if other is not None and other.index < stage.index:
                    visit(other)

        visit(target)
        return [s for s in parsed.stages if s.index in seen]

    def _resolve_bases(
        self, parsed: df.Dockerfile, stages: list[df.Stage], meta: Mapping[str, str | None]
    ) -> dict[int, BaseImage | None]:
        names = {s.source.stage_name for s in parsed.stages if s.source.stage_name}
        bases: dict[int, BaseImage | None] = {}
        resolved: dict[str, BaseImage] = {}
        for stage in stages:
            ref = self._stage_base(stage, meta)
            if ref.lower() in names or ref.lower() == "scratch":
                bases[stage.index] = None
                continue
            norm = normalize_ref(ref)
            if norm not in resolved:
                vertex = Vertex(f"[internal] load metadata for {norm}")
                self.vertices.append(vertex)
                vertex.seconds = self.elapsed(vertex.name, "internal")
                try:
                    resolved[norm] = self.resolve_base(ref)
                except BaseImageNotFound as exc:
                    vertex.error = True
                    raise _Failed(
                        "base_image_not_found",
                        f"{ref}: failed to resolve source metadata for {norm}: {exc.message}",
                        stage.source.line,
                        stage.source.end_line,
                    ) from None
            bases[stage.index] = resolved[norm]
        return bases

    def _dispatch(
        self,
        parsed: df.Dockerfile,
        stages: list[df.Stage],
        bases: Mapping[int, BaseImage | None],
        context: Context,
        meta: Mapping[str, str | None],
    ) -> BuiltImage:
        states: dict[str, StageState] = {}
        runner = StageRunner(
            escape=parsed.escape,
            cache=self.cache,
            new_cache=self.new_cache,
            no_cache=self.req.no_cache,
            context=context,
            build_args=self.req.build_args,
            meta_args=meta,
            now=self.req.now,
            elapsed=self.elapsed,
            vertices=self.vertices,
            stages=states,
            resolve_copy_image=self._copy_image,
        )
        context_vertex = Vertex(
            "[internal] load build context",
            statuses=[Status("transferring context:", human_bytes(self._planned_context_size(stages, context, meta)))],
        )
        needs_context = any(
            isinstance(c, df.Add) or (isinstance(c, df.Copy) and not c.from_stage) for s in stages for c in s.commands
        )
        planned = sum(
            int(bases.get(s.index) is not None)
            + sum(isinstance(c, (df.Run, df.Copy, df.Add, df.Workdir)) for c in s.commands)
            for s in stages
        )
        planned += int(needs_context)
        first_graph_vertex = len(self.vertices)
        self.runner = runner
        state: StageState | None = None
        try:
            for stage in stages:
                state = self._start_stage(parsed, stage, bases.get(stage.index), states, meta)
                label = "" if len(parsed.stages) == 1 else (stage.source.stage_name or f"stage-{stage.index}")
                external = bases.get(stage.index) is not None
                total = int(external) + sum(
                    isinstance(c, (df.Run, df.Copy, df.Add, df.Workdir)) for c in stage.commands
                )
                if external:
                    base = bases[stage.index]
                    assert base is not None
                    prefix = f"[{label + ' ' if label else ''}{1:>{len(str(total))}}/{total}] "
                    name = f"{prefix}FROM {normalize_ref(self._stage_base(stage, meta))}"
                    self.vertices.append(Vertex(name, seconds=self.elapsed(name, "FROM")))
                if needs_context and context_vertex not in self.vertices:
                    self.vertices.append(context_vertex)
                runner.run(state, stage, label, total, int(external))
                states[stage.source.stage_name or str(stage.index)] = state
                states[str(stage.index)] = state
        except StepFailure as exc:
            started = len(self.vertices) - first_graph_vertex
            self.vertices.extend(Vertex("", started=False) for _ in range(max(planned - started, 0)))
            raise _Failed(exc.kind, exc.message, exc.line, exc.end_line) from None
        assert state is not None
        return self._export(state, context)

    def _start_stage(
        self,
        parsed: df.Dockerfile,
        stage: df.Stage,
        base: BaseImage | None,
        states: Mapping[str, StageState],
        meta: Mapping[str, str | None],
    ) -> StageState:
        ref = self._stage_base(stage, meta)
        parent = states.get(ref.lower())
        if parent is not None:
            st = StageState(
                stage.source.stage_name,
                Tree(parent.tree.files, parent.tree.dirs),
                image_config(parent.config),
                parent.cache_key,
                parent.base_layer_ids + tuple(layer.id for layer in parent.layers),
                parent.base_ref,
                parent.base_id,
                history=list(parent.history),
                shell=parent.shell,
            )
            st.layers = []
            return st
        if base is None:
            return StageState(
                stage.source.stage_name,
                Tree({}, set()),
                image_config({}),
                "sha256:" + sha256_hex("scratch"),
                (),
                "scratch",
                "",
            )
        return StageState(
            stage.source.stage_name,
            Tree(base.files, base.dirs),
            image_config(base.config),
            "sha256:" + sha256_hex(canonical_json(["base", base.id])),
            tuple(base.layer_ids),
            base.ref,
            base.id,
        )

    def _copy_image(self, ref: str) -> Any:
        try:
            return self.resolve_base(ref)
        except BaseImageNotFound as exc:
            norm = normalize_ref(ref)
            raise StepFailure(
                "base_image_not_found", f"{ref}: failed to resolve source metadata for {norm}: {exc.message}"
            ) from None

    def _planned_context_size(self, stages: list[df.Stage], context: Context, meta: Mapping[str, str | None]) -> int:
        """BuildKit sends only the context files that COPY/ADD sources name."""
        env = {k: v for k, v in meta.items() if v is not None}
        env.update(self.req.build_args)
        paths: set[str] = set()
        for stage in stages:
            for c in stage.commands:
                if isinstance(c, df.Arg):
                    env.update({k: v for k, v in c.pairs if v is not None and k not in self.req.build_args})
                if isinstance(c, df.Add) or (isinstance(c, df.Copy) and not c.from_stage):
                    for src in c.sources:
                        try:
                            picked = select(context.files, context.dirs, process_word(src, env))
                        except (SourceNotFound, ExpansionError):
                            continue
                        for sel in picked:
                            paths.update(p for p, _ in sel.entries)
        return context_transfer_size(context.files, paths) if paths else 2

    def _export(self, st: StageState, context: Context) -> BuiltImage:
        config = st.config
        history = tuple(st.history)
        body = {
            "config": config,
            "rootfs": list(st.base_layer_ids) + [layer.id for layer in st.layers],
            "history": [h["created_by"] for h in history],
            "base": st.base_id,
        }
        image_id = "sha256:" + sha256_hex(canonical_json(body))
        seconds = self.elapsed("exporting to image", "export") if self.runner.executed else 0.0
        statuses = [Status("exporting layers", seconds=seconds), Status(f"writing image {image_id}")]
        statuses += [Status(f"naming to {normalize_ref(t)}") for t in self.req.tags]
        self.vertices.append(Vertex("exporting to image", seconds=seconds, statuses=statuses))
        return BuiltImage(
            id=image_id,
            config=config,
            files=dict(st.tree.files),
            dirs=frozenset(st.tree.dirs),
            layers=tuple(st.layers),
            history=tuple({**h, "created": self.req.now} for h in history),
            context_hash="sha256:" + sha256_hex(canonical_json(sorted(context.files.items()))),
            base_ref=st.base_ref,
            base_id=st.base_id,
            base_layer_ids=st.base_layer_ids,
            created=self.req.now,
            author=st.author,
        )

    # -- output ----------------------------------------------------------------------

    def _warning_block(self) -> str:
        if not self.warnings:
            return ""
        n = len(self.warnings)
        head = f"\n {n} warning{'s' if n != 1 else ''} found (use docker --debug to expand):\n"
        return head + "".join(f" - {w}\n" for w in self.warnings)

    def _success(self, image: BuiltImage) -> BuildOutcome:
        duration = total_seconds(self.vertices)
        if self.req.quiet:
            return BuildOutcome(image.id + "\n", "", 0, image, self.new_cache, None, duration, tuple(self.warnings))
        stderr = render(self.vertices, self.req.width, self.req.builder) + self._warning_block()
        return BuildOutcome("", stderr, 0, image, self.new_cache, None, duration, tuple(self.warnings))

    def _failure(self, exc: _Failed) -> BuildOutcome:
        source = render_source(self.filename, self.lines, exc.line, exc.end_line) if exc.line else ""
        tail = source + f"ERROR: failed to solve: {exc.message}\n"
        if self.req.quiet:
            stderr = tail
        else:
            stderr = (
                render(self.vertices, self.req.width, self.req.builder)
                + render_error_logs(self.vertices)
                + self._warning_block()
                + tail
            )
        return BuildOutcome(
            "", stderr, 1, None, self.new_cache, exc.kind, total_seconds(self.vertices), tuple(self.warnings)
        )
