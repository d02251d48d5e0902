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
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.build import dockerfile as df
from app.dockersim.build.context import (
    Context,
    SourceNotFound,
    Tree,
    canonical_json,
    diff_size,
    select,
    sha256_hex,
)
from app.dockersim.build.progress import Vertex
from app.dockersim.build.run import run_step
from app.dockersim.build.shell import ExpansionError, display_run, expand_vars, process_word, process_words

DEFAULT_SHELL = ("/bin/sh", "-c")


@dataclass(frozen=True)
class Layer:
    """One filesystem layer an instruction added."""

    id: str
    created_by: str
    size: int


class StepFailure(Exception):
    """A failed build: BuildKit's error text, the lines to show, a machine-readable kind."""

    def __init__(self, kind: str, message: str, line: int = 0, end_line: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line
        self.end_line = end_line or line


@dataclass
class StageState:
    """The state of one stage while it is being built."""

    name: str
    tree: Tree
    config: dict[str, Any]
    cache_key: str
    base_layer_ids: tuple[str, ...]
    base_ref: str
    base_id: str
    layers: list[Layer] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    args: dict[str, str] = field(default_factory=dict)
    shell: tuple[str, ...] = DEFAULT_SHELL
    cmd_set: bool = False
    author: str = ""

    def env(self) -> dict[str, str]:
        """Variables for expansion: ARGs, overridden by ENV of the same name."""
        out = dict(self.args)
        for item in self.config.get("Env") or []:
            k, _, v = item.partition("=")
            out[k] = v
        return out


def image_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """A fresh config dict with every field the simulator uses."""
    out: dict[str, Any] = {
        "Cmd": None,
        "Entrypoint": None,
        "WorkingDir": "",
        "Env": [],
        "ExposedPorts": {},
        "Volumes": {},
        "User": "",
        "Labels": {},
    }
    for k, v in config.items():
        out[k] = _copy_json(v)
    return out


def _copy_json(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _copy_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_copy_json(x) for x in v]
    return v


def _go_list(items: list[str] | tuple[str, ...]) -> str:
    return "[" + " ".join(f'"{i}"' for i in items) + "]"


class StageRunner:
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
        cfg = st.config
        if isinstance(ins, df.Workdir):
            path = self._workdir(st, ins)
            cfg["WorkingDir"] = path
            if path == "/":
                self._meta(st, "WORKDIR /")
                return

            def make_dir() -> tuple[int, list[str]]:
                st.tree.mkdir_p(path)
                return 0, []

            self._step(st, prefix, ins, ["WORKDIR", path], make_dir, f"WORKDIR {path}")
        elif isinstance(ins, (df.Copy, df.Add)):
            self._copy(st, ins, prefix)
        elif isinstance(ins, df.Run):
            self._run(st, ins, prefix)
        elif isinstance(ins, df.Env):
            env = list(cfg.get("Env") or [])
            for k, v in ins.pairs:
                value = self._word(st, v, ins)
                env = [e for e in env if e.partition("=")[0] != k] + [f"{k}={value}"]
                cfg["Env"] = env
            self._meta(st, "ENV " + " ".join(e for e in env if e.partition("=")[0] in dict(ins.pairs)))
        elif isinstance(ins, df.Arg):
            for k, default in ins.pairs:
                if k in self.build_args:
                    value: str | None = self.build_args[k]
                    self.consumed_args.add(k)
                elif default is not None:
                    value = self._word(st, default, ins)
                else:
                    value = self.meta_args.get(k)
                if value is not None:
                    st.args[k] = value
                else:
                    st.args.pop(k, None)
            self._meta(st, "ARG " + " ".join(f"{k}={st.args[k]}" if k in st.args else k for k, _ in ins.pairs))
        elif isinstance(ins, df.Label):
            labels = dict(cfg.get("Labels") or {})
            added = [(self._word(st, k, ins), self._word(st, v, ins)) for k, v in ins.pairs]
            labels.update(added)
            cfg["Labels"] = labels
            self._meta(st, "LABEL " + " ".join(f"{k}={v}" for k, v in added))
        elif isinstance(ins, df.Expose):
            ports = dict(cfg.get("ExposedPorts") or {})
            new = []
            for raw in ins.ports:
                for word in self._words(st, raw, ins):
                    new += _expose(word, ins)
            for p in new:
                ports[p] = {}
            cfg["ExposedPorts"] = dict(sorted(ports.items()))
            self._meta(st, "EXPOSE map[" + " ".join(f"{p}:{{}}" for p in sorted(set(new))) + "]")
        elif isinstance(ins, df.Volume):
            vols = dict(cfg.get("Volumes") or {})
            paths = [self._word(st, p, ins) for p in ins.paths]
            for p in paths:
                vols[p] = {}
            cfg["Volumes"] = vols
            self._meta(st, "VOLUME [" + " ".join(paths) + "]")
        elif isinstance(ins, df.User):
            cfg["User"] = self._word(st, ins.user, ins)
            self._meta(st, f"USER {cfg['User']}")
        elif isinstance(ins, (df.Cmd, df.Entrypoint)):
            argv = list(st.shell) + list(ins.command) if ins.shell_form and ins.command else list(ins.command)
            if isinstance(ins, df.Cmd):
                cfg["Cmd"] = argv
                st.cmd_set = True
                self._meta(st, f"CMD {_go_list(argv)}")
            else:
                cfg["Entrypoint"] = argv or None
                if not st.cmd_set:
                    cfg["Cmd"] = None
                self._meta(st, f"ENTRYPOINT {_go_list(argv)}")
        elif isinstance(ins, df.Shell):
            st.shell = tuple(ins.shell)
            cfg["Shell"] = list(ins.shell)
            self._meta(st, f"SHELL {_go_list(list(ins.shell))}")
        elif isinstance(ins, df.Healthcheck):
            test = list(ins.test)
            if test[:1] == ["CMD-SHELL"] and len(test) > 1:
                test = ["CMD-SHELL", " ".join(test[1:])]
            cfg["Healthcheck"] = {"Test": test, **{k.title().replace("-", ""): v for k, v in ins.options}}
            self._meta(st, f"HEALTHCHECK &{{{_go_list(test)}}}")
        elif isinstance(ins, df.StopSignal):
            cfg["StopSignal"] = self._word(st, ins.signal, ins)
            self._meta(st, f"STOPSIGNAL {cfg['StopSignal']}")
        elif isinstance(ins, df.Onbuild):
            cfg["OnBuild"] = list(cfg.get("OnBuild") or []) + [ins.expression]
            self._meta(st, f"ONBUILD {ins.expression}")
        elif isinstance(ins, df.Maintainer):
            st.author = ins.name
            self._meta(st, f"MAINTAINER {ins.name}")

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
                raise StepFailure(
                    "unsupported", f"simulator: ADD from a URL ({src}) is not supported", ins.line, ins.end_line
                )
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
        for doc in ins.inline:
            content = doc.content
            if doc.chomp:
                content = re.sub(r"(?m)^\t+", "", content)
            if doc.expand:
                content = expand_vars(content, st.env())
            plan[posixpath.join(dest, doc.name) if dest_is_dir or st.tree.is_dir(dest) else dest] = content
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


def _expose(word: str, ins: df.Instruction) -> list[str]:
    spec = word.rsplit(":", 1)[-1]
    port, _, proto = spec.partition("/")
    proto = (proto or "tcp").lower()
    if proto not in ("tcp", "udp", "sctp"):
        raise StepFailure("invalid_instruction", f"invalid proto: {proto}", ins.line, ins.end_line)
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", port)
    if not m or int(m.group(1)) > 65535 or (m.group(2) and int(m.group(2)) > 65535):
        raise StepFailure("invalid_instruction", f"invalid containerPort: {port}", ins.line, ins.end_line)
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    if hi < lo:
        raise StepFailure(
            "invalid_instruction", f"invalid range specified for container port: {port}", ins.line, ins.end_line
        )
    return [f"{p}/{proto}" for p in range(lo, hi + 1)]


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
