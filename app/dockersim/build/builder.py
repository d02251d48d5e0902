"""`docker build` as a pure function: context + Dockerfile + cache -> image + BuildKit output.

Entry point: `run_build(request, resolve_base, cache) -> BuildOutcome`. Nothing here
touches a disk, a clock or a random source: the context, the time (`now`) and the step
durations (`elapsed`) come in with the request, and the cache comes in and goes out as a
JSON-able dict. Output follows Docker 28.2 with buildx 0.24 (BuildKit 0.22): progress on
stderr, `-q` prints only the image id on stdout. See docs/simulator-build.md.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from typing import Any

from app.dockersim.build import dockerfile as df
from app.dockersim.build.context import (
    Context,
    Tree,
    canonical_json,
    human_bytes,
    sha256_hex,
    transfer_size,
)
from app.dockersim.build.lint import lint
from app.dockersim.build.plan import (
    BuildFailed,
    meta_args,
    planned_context_size,
    reachable,
    stage_base,
)
from app.dockersim.build.progress import (
    Status,
    Vertex,
    render,
    render_error_logs,
    render_plain,
    render_source,
    total_seconds,
)
from app.dockersim.build.request import (
    PULL_ACCESS_DENIED,
    BaseImage,
    BaseImageNotFound,
    BuildOutcome,
    BuildRequest,
    BuiltImage,
    default_elapsed,
    normalize_ref,
)
from app.dockersim.build.steps import Layer, StageRunner, StageState, StepFailure, image_config
from app.dockersim.core.message import is_note

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
        except BuildFailed as exc:
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
            raise BuildFailed(
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
            raise BuildFailed(kind, exc.message, exc.start_line, exc.end_line) from None
        self.warnings = lint(parsed)
        self._escape = parsed.escape
        meta = meta_args(parsed, self.req.build_args, self._escape)
        stages = reachable(parsed, meta, self.req.target, self._escape)
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

    def _resolve_bases(
        self, parsed: df.Dockerfile, stages: list[df.Stage], meta: Mapping[str, str | None]
    ) -> dict[int, BaseImage | None]:
        names = {s.source.stage_name for s in parsed.stages if s.source.stage_name}
        bases: dict[int, BaseImage | None] = {}
        resolved: dict[str, BaseImage] = {}
        for stage in stages:
            ref = stage_base(stage, meta, self._escape)
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
                    raise BuildFailed(
                        "base_image_not_found",
                        _unresolved(ref, norm, exc.message),
                        stage.source.line,
                        stage.source.end_line,
                    ) from None
            bases[stage.index] = resolved[norm]
        return bases

    def _runner(
        self, parsed: df.Dockerfile, context: Context, meta: Mapping[str, str | None], states: dict[str, StageState]
    ) -> StageRunner:
        return StageRunner(
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

    def _dispatch(
        self,
        parsed: df.Dockerfile,
        stages: list[df.Stage],
        bases: Mapping[int, BaseImage | None],
        context: Context,
        meta: Mapping[str, str | None],
    ) -> BuiltImage:
        states: dict[str, StageState] = {}
        runner = self._runner(parsed, context, meta, states)
        context_vertex = Vertex(
            "[internal] load build context",
            statuses=[
                Status(
                    "transferring context:",
                    human_bytes(planned_context_size(stages, context, meta, self.req.build_args)),
                )
            ],
        )
        needs_context = any(
            isinstance(c, df.Add) or (isinstance(c, df.Copy) and not c.from_stage) for s in stages for c in s.commands
        )
        planned = int(needs_context) + sum(_steps(s, bases.get(s.index) is not None) for s in stages)
        first_graph_vertex = len(self.vertices)
        self.runner = runner
        state: StageState | None = None
        try:
            for stage in stages:
                state = self._start_stage(parsed, stage, bases.get(stage.index), states, meta)
                label = "" if len(parsed.stages) == 1 else (stage.source.stage_name or f"stage-{stage.index}")
                external = bases.get(stage.index) is not None
                total = _steps(stage, external)
                if external:
                    prefix = f"[{label + ' ' if label else ''}{1:>{len(str(total))}}/{total}] "
                    ref = normalize_ref(stage_base(stage, meta, self._escape))
                    base = bases.get(stage.index)
                    digest = base.digest if base is not None else ""
                    name = f"{prefix}FROM {ref}" + (f"@{digest}" if digest and "@" not in ref else "")
                    self.vertices.append(Vertex(name, seconds=self.elapsed(name, "FROM")))
                if needs_context and context_vertex not in self.vertices:
                    self.vertices.append(context_vertex)
                runner.run(state, stage, label, total, int(external))
                states[stage.source.stage_name or str(stage.index)] = state
                states[str(stage.index)] = state
        except StepFailure as exc:
            started = len(self.vertices) - first_graph_vertex
            self.vertices.extend(Vertex("", started=False) for _ in range(max(planned - started, 0)))
            raise BuildFailed(exc.kind, exc.message, exc.line, exc.end_line) from None
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
        ref = stage_base(stage, meta, self._escape)
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
            raise StepFailure("base_image_not_found", _unresolved(ref, norm, exc.message)) from None

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

    def _progress(self) -> str:
        """The progress display --progress asked for (buildx: plain, quiet, or the tty frame)."""
        if self.req.progress == "plain":
            return render_plain(self.vertices, self.req.builder)
        return "" if self.req.progress == "quiet" else render(self.vertices, self.req.width, self.req.builder)

    def _success(self, image: BuiltImage) -> BuildOutcome:
        duration = total_seconds(self.vertices)
        if self.req.quiet:
            return BuildOutcome(image.id + "\n", "", 0, image, self.new_cache, None, duration, tuple(self.warnings))
        stderr = self._progress() + self._warning_block()
        return BuildOutcome("", stderr, 0, image, self.new_cache, None, duration, tuple(self.warnings))

    def _failure(self, exc: BuildFailed) -> BuildOutcome:
        source = render_source(self.filename, self.lines, exc.line, exc.end_line) if exc.line else ""
        # the simulator's own refusal (a note) is not BuildKit's text: no "ERROR: failed to solve:" framing
        tail = source + (exc.message if is_note(exc.message) else f"ERROR: failed to solve: {exc.message}\n")
        if self.req.quiet:
            stderr = tail
        else:
            stderr = (
                self._progress()
                + (render_error_logs(self.vertices) if self.req.progress != "plain" else "")
                + self._warning_block()
                + tail
            )
        return BuildOutcome(
            "", stderr, 1, None, self.new_cache, exc.kind, total_seconds(self.vertices), tuple(self.warnings)
        )


def _steps(stage: df.Stage, external: bool) -> int:
    """Build steps of a stage: FROM of an external image, then RUN, COPY, ADD and WORKDIR."""
    return int(external) + sum(isinstance(c, (df.Run, df.Copy, df.Add, df.Workdir)) for c in stage.commands)


def _unresolved(ref: str, norm: str, cause: str) -> str:
    """BuildKit's error for a base image it cannot resolve (the simulator's own note stays a bare note)."""
    return cause if is_note(cause) else f"{ref}: failed to resolve source metadata for {norm}: {cause}"
