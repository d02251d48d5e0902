"""Executing a build stage: instruction semantics, the build cache and layers (pure).

Cache keys follow BuildKit's model: a step's key is derived from its parent step's key,
the instruction (after ARG/ENV expansion) and, for COPY/ADD, a hash of the copied files;
RUN keys also cover the environment, working directory, user and shell. Metadata-only
instructions (CMD, EXPOSE, ENV, LABEL, ...) create no step, so they invalidate nothing by
themselves (ENV does change later RUN keys through the environment).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from typing import Any

from app.dockersim.build import dockerfile as df
from app.dockersim.build.context import (
    Context,
    SourceNotFound,
    canonical_json,
    diff_size,
    select,
    sha256_hex,
)
from app.dockersim.build.metadata import MetadataSteps
from app.dockersim.build.progress import Vertex
from app.dockersim.build.run import run_step
from app.dockersim.build.shell import ExpansionError, display_run, expand_vars, process_word, process_words
from app.dockersim.build.state import DEFAULT_SHELL, Layer, StageState, StepFailure, image_config
from app.dockersim.core.message import N_, note_marker


class StageRunner(MetadataSteps):
    """Runs the instructions of one stage, recording vertices, layers and cache entries."""

    def __init__(
        self,
        *,
        escape: str,
        cache: Mapping[str, Any],
        new_cache: dict[str, Any],
        no_cache: bool,
        context: Context,
        build_args: Mapping[str, str],
        meta_args: Mapping[str, str | None],
        now: float,
        elapsed: Callable[[str, str], float],
        vertices: list[Vertex],
        stages: Mapping[str, StageState],
        resolve_copy_image: Callable[[str], Any],
    ) -> None:
        self.escape = escape
        self.cache = cache
        self.new_cache = new_cache
        self.no_cache = no_cache
        self.context = context
        self.build_args = build_args
        self.meta_args = meta_args
        self.now = now
        self.elapsed = elapsed
        self.vertices = vertices
        self.stages = stages
        self.resolve_copy_image = resolve_copy_image
        self.used_context: set[str] = set()
        self.executed = 0
        self.consumed_args: set[str] = set()

    # -- helpers -------------------------------------------------------------------

    def _word(self, st: StageState, text: str, ins: df.Instruction) -> str:
        try:
            return process_word(text, st.env(), self.escape)
        except ExpansionError as exc:
            raise StepFailure("invalid_instruction", str(exc), ins.line, ins.end_line) from None

    def _words(self, st: StageState, text: str, ins: df.Instruction) -> list[str]:
        try:
            return process_words(text, st.env(), self.escape)
        except ExpansionError as exc:
            raise StepFailure("invalid_instruction", str(exc), ins.line, ins.end_line) from None

    def _display(self, st: StageState, ins: df.Instruction) -> str:
        text = ins.text
        head, _, rest = text.partition(" ")
        shown = head.upper() + (" " + rest if rest else "")
        if isinstance(ins, df.Run):
            return display_run(shown + heredoc_summary(ins), st.env(), self.escape)
        try:
            return process_word(shown, st.env(), self.escape)
        except ExpansionError:
            return shown

    def _step(
        self,
        st: StageState,
        prefix: str,
        ins: df.Instruction,
        key_parts: list[Any],
        action: Callable[[], tuple[int, list[str]]],
        created_by: str,
    ) -> None:
        """Run (or reuse from cache) one filesystem step and record its vertex and layer."""
        key = "sha256:" + sha256_hex(canonical_json([st.cache_key, key_parts]))
        name = prefix + self._display(st, ins)
        vertex = Vertex(name)
        self.vertices.append(vertex)
        entry = None if self.no_cache else self.cache.get(key)
        st.tree.reset_diff()
        if isinstance(entry, Mapping) and "diff" in entry:
            st.tree.apply(entry["diff"])
            vertex.cached = True
        else:
            self.executed += 1
            code, logs = action()
            vertex.seconds = self.elapsed(name, ins.kind if code == 0 else ins.kind + "_FAILED")
            if code != 0:
                vertex.error = True
                step = vertex.seconds or 0.1
                vertex.logs = [(round(step * (k + 1) / (len(logs) + 1), 3), line) for k, line in enumerate(logs)]
                raise _RunFailed(code, ins)
        diff = st.tree.diff()
        layer_id = "sha256:" + sha256_hex(canonical_json(diff))
        self.new_cache[key] = {"diff": diff, "layer": layer_id}
        st.cache_key = key
        st.layers.append(Layer(layer_id, created_by, diff_size(diff)))
        st.history.append({"created_by": created_by, "empty_layer": False, "comment": "buildkit.dockerfile.v0"})

    def _meta(self, st: StageState, created_by: str) -> None:
        st.history.append({"created_by": created_by, "empty_layer": True, "comment": "buildkit.dockerfile.v0"})

    # -- instructions ----------------------------------------------------------------

    def run(self, st: StageState, stage: df.Stage, label: str, total: int, first_index: int) -> None:
        """Execute every instruction of `stage` on `st`."""
        index = first_index
        width = len(str(total))
        for ins in stage.commands:
            prefix = ""
            is_step = isinstance(ins, (df.Run, df.Copy, df.Add, df.Workdir)) and not self._is_root_workdir(st, ins)
            if is_step:
                index += 1
                prefix = f"[{label + ' ' if label else ''}{index:>{width}}/{total}] "
            before = len(self.vertices)
            try:
                self._dispatch(st, ins, prefix)
            except _RunFailed as exc:
                raise StepFailure(
                    "run_failed", _process_message(st, exc.ins, exc.code), ins.line, ins.end_line
                ) from None
            except StepFailure:
                if is_step and len(self.vertices) == before:
                    self.vertices.append(Vertex(prefix + self._display(st, ins), error=True))
                raise

    def _workdir(self, st: StageState, ins: df.Workdir) -> str:
        path = self._word(st, ins.path, ins)
        return posixpath.normpath(posixpath.join(st.config.get("WorkingDir") or "/", path))

    def _is_root_workdir(self, st: StageState, ins: df.Instruction) -> bool:
        """`WORKDIR /` makes no build step in BuildKit (it still counts in the step total)."""
        return isinstance(ins, df.Workdir) and self._workdir(st, ins) == "/"

    def _dispatch(self, st: StageState, ins: df.Instruction, prefix: str) -> None:
        if isinstance(ins, df.Workdir):
            self._workdir_step(st, ins, prefix)
        elif isinstance(ins, (df.Copy, df.Add)):
            self._copy(st, ins, prefix)
        elif isinstance(ins, df.Run):
            self._run(st, ins, prefix)
        else:
            self.apply_metadata(st, ins)

    def _workdir_step(self, st: StageState, ins: df.Workdir, prefix: str) -> None:
        cfg = st.config
        path = self._workdir(st, ins)
        cfg["WorkingDir"] = path
        if path == "/":
            self._meta(st, "WORKDIR /")
            return

        def make_dir() -> tuple[int, list[str]]:
            st.tree.mkdir_p(path)
            return 0, []

        self._step(st, prefix, ins, ["WORKDIR", path], make_dir, f"WORKDIR {path}")

    def _run(self, st: StageState, ins: df.Run, prefix: str) -> None:
        env = st.env()
        command = run_command(ins)
        argv = list(st.shell) + list(command) if ins.shell_form else list(command)
        key = ["RUN", argv, sorted(env.items()), st.config.get("WorkingDir"), st.config.get("User")]

        def action() -> tuple[int, list[str]]:
            res = run_step(
                st.tree, command, ins.shell_form, st.shell, st.config.get("WorkingDir") or "/", env, self.now
            )
            return res.exit_code, res.logs

        shown = " ".join(argv) if not ins.shell_form else " ".join(list(st.shell) + list(ins.command))
        self._step(st, prefix, ins, key, action, f"RUN {shown} # buildkit")

    def _copy(self, st: StageState, ins: df.Copy | df.Add, prefix: str) -> None:
        from_stage = ins.from_stage if isinstance(ins, df.Copy) else ""
        kind = ins.kind
        dest_raw = self._word(st, ins.dest, ins)
        workdir = st.config.get("WorkingDir") or "/"
        dest = posixpath.normpath(posixpath.join(workdir, dest_raw))
        dest_is_dir = dest_raw.endswith("/") or dest_raw in (".", "") or len(ins.sources) + len(ins.inline) > 1
        files, dirs, label = self._copy_source_tree(st, from_stage, ins)
        plan: dict[str, str] = {}
        mk: set[str] = set()
        sources = [self._word(st, s, ins) for s in ins.sources]
        for src in sources:
            if isinstance(ins, df.Add) and re.match(r"^[a-z][a-z0-9+.-]*://", src):
                note = N_("ADD from a URL (%(source)s) is real but not supported by this simulator.", source=src)
                raise StepFailure("unsupported", note_marker(note), ins.line, ins.end_line)
            try:
                picked = select(files, dirs, src)
            except SourceNotFound as exc:
                raise StepFailure(
                    "copy_source_not_found",
                    f"failed to compute cache key: failed to calculate checksum of ref {label}: "
                    f'"{exc.cleaned}": not found',
                    ins.line,
                    ins.end_line,
                ) from None
            many = len(picked) > 1 or dest_is_dir
            for sel in picked:
                if not from_stage:
                    self.used_context.update(p for p, _ in sel.entries)
                if sel.is_dir:
                    base = dest
                    mk.add(base)
                    mk.update(posixpath.join(base, d) for d in sel.dirs)
                    for src_path, rel in sel.entries:
                        plan[posixpath.join(base, rel)] = files[src_path]
                else:
                    src_path, name = sel.entries[0]
                    target = posixpath.join(dest, name) if many or st.tree.is_dir(dest) else dest
                    plan[target] = files[src_path]
        self._plan_inline(st, ins, dest, dest_is_dir, plan)
        content_hash = sha256_hex(canonical_json(sorted(plan.items())))
        key = [kind, from_stage, sources, dest_raw, workdir, content_hash, sorted(mk)]

        def action() -> tuple[int, list[str]]:
            for d in sorted(mk):
                st.tree.mkdir_p(d)
            for path, text in sorted(plan.items()):
                if st.tree.is_dir(path):
                    st.tree.remove(path)
                st.tree.write(path, text)
            return 0, []

        shown = " ".join(sources + [dest_raw])
        self._step(st, prefix, ins, key, action, f"{kind} {shown} # buildkit")

    def _plan_inline(
        self, st: StageState, ins: df.Copy | df.Add, dest: str, dest_is_dir: bool, plan: dict[str, str]
    ) -> None:
        """Heredoc sources (`COPY <<EOF /x`): their text, tab-stripped and expanded as asked."""
        for doc in ins.inline:
            content = doc.content
            if doc.chomp:
                content = re.sub(r"(?m)^\t+", "", content)
            if doc.expand:
                content = expand_vars(content, st.env())
            plan[posixpath.join(dest, doc.name) if dest_is_dir or st.tree.is_dir(dest) else dest] = content

    def _copy_source_tree(
        self, st: StageState, from_stage: str, ins: df.Instruction
    ) -> tuple[Mapping[str, str], frozenset[str], str]:
        if not from_stage:
            return self.context.files, self.context.dirs, _ref_label(self.context)
        name = self._word(st, from_stage, ins).lower()
        other = self.stages.get(name)
        if other is None:
            image = self.resolve_copy_image(name)
            tree_files, tree_dirs = image.files, image.dirs
        else:
            tree_files, tree_dirs = other.tree.files, other.tree.dirs
        rel_files = {p.lstrip("/"): v for p, v in tree_files.items() if p.lstrip("/")}
        rel_dirs = frozenset(d.lstrip("/") for d in tree_dirs if d.lstrip("/"))
        return rel_files, rel_dirs, _ref_label_text(name)


class _RunFailed(Exception):
    def __init__(self, code: int, ins: df.Instruction) -> None:
        super().__init__(code)
        self.code = code
        self.ins = ins


def run_command(ins: df.Run) -> tuple[str, ...]:
    """What RUN executes: its arguments, or the heredoc body for `RUN <<EOF`."""
    if ins.heredocs and ins.shell_form:
        body = ins.heredocs[0].content
        if ins.heredocs[0].chomp:
            body = re.sub(r"(?m)^\t+", "", body)
        return (body,)
    return tuple(ins.command)


def heredoc_summary(ins: df.Instruction) -> str:
    """BuildKit's summarizeHeredoc: ` (first line...)` after a heredoc RUN's name."""
    if not isinstance(ins, df.Run) or not ins.heredocs or not ins.shell_form:
        return ""
    lines = ins.heredocs[0].content.strip().replace("\r\n", "\n").split("\n")
    return f" ({lines[0]}{'...' if len(lines) > 1 else ''})"


def _process_message(st: StageState, ins: df.Instruction, code: int) -> str:
    if isinstance(ins, df.Run):
        command = run_command(ins)
        argv = list(st.shell) + list(command) if ins.shell_form else list(command)
        return f'process "{" ".join(argv)}" did not complete successfully: exit code: {code}'
    return f"exit code: {code}"


def _ref_label(context: Context) -> str:
    return _ref_label_text(canonical_json(sorted(context.files.items())))


def _ref_label_text(seed: str) -> str:
    """A deterministic stand-in for BuildKit's `<session>::<ref>` ids (25 base-36 chars each)."""
    digest = int(sha256_hex(seed), 16)
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    chars = []
    for _ in range(50):
        digest, r = divmod(digest, 36)
        chars.append(alphabet[r])
    text = "".join(chars)
    return f"{text[:25]}::{text[25:]}"


__all__ = ["DEFAULT_SHELL", "Layer", "StageRunner", "StageState", "StepFailure", "image_config"]
