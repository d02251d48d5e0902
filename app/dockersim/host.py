"""DockerHost: the simulated machine — stores, terminals, clock, command loop and snapshots."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from app.dockersim import terminals
from app.dockersim.commands import context_hash, host_shell
from app.dockersim.core.clock import STEP_SECONDS, Clock, IdGenerator
from app.dockersim.core.errors import CommandResult, ConnectionRefused, ConnectionReset, DockerError
from app.dockersim.core.fs import FileTree, FsError, norm, walk_files
from app.dockersim.core.hints import hint
from app.dockersim.core.refs import familiar
from app.dockersim.engine import runtime
from app.dockersim.engine.fixtures import HOME, HOME_DIRS, HOME_FILES
from app.dockersim.engine.models import Container, Image, Volume, copy_json
from app.dockersim.engine.processes import HttpResponse
from app.dockersim.shell.interp import ShellEnv, run_line

SNAPSHOT_VERSION = 1
MAX_LINE = 4096
MAX_CONTAINERS = 50
MAX_IMAGES = 30
MAX_VOLUMES = 50
MAX_BYTES = 1024 * 1024
MAX_PENDING = 2000
MAX_HISTORY = 1000
MAX_TERMINALS = 64
INTERNAL = "docker-dojo: internal simulator error"


@dataclass
class Terminal:
    """One terminal session: cwd and what (if anything) holds it."""

    id: int
    cwd: str = HOME
    kind: str = ""  # "" | attach | logs | shell | exec | repl
    container: str = ""
    tty: bool = False
    stdin: bool = False
    sig_proxy: bool = True
    exec_cwd: str = ""
    history_index: int = -1
    pending: list[list[str]] = field(default_factory=list)
    last_exit: int | None = None
    question: str = ""  # docker argv (joined by NUL) to run if a [y/N] prompt is answered y
    status: int = 0  # $? of the host shell
    exec_status: int = 0  # $? of the `exec -it` shell this terminal is in


@dataclass(frozen=True)
class HistoryEntry:
    """One executed command line; commands: one {"argv", "exit_code"} per simple command that ran (in `a; b`
    exit_code is b's, commands has both; the argv is after expansion)."""

    terminal: int
    line: str
    exit_code: int
    time: float
    commands: tuple[dict[str, Any], ...] = ()


class DockerHost:
    """A deterministic simulated Docker host; see docs/simulator.md for the read API."""

    def __init__(self, seed: int = 0, hints: bool = True) -> None:
        self.seed = seed
        self.hints = hints
        self.clock = Clock()
        self.ids = IdGenerator(seed)
        self.fs = FileTree(HOME_FILES, HOME_DIRS)
        self._containers: dict[str, Container] = {}
        self._names: dict[str, str] = {}
        self._images: dict[str, Image] = {}
        self._tags: dict[str, str] = {}
        self._volumes: dict[str, Volume] = {}
        self._ports: dict[int, str] = {}  # TCP host port -> container id (what curl reaches)
        self._other_ports: dict[tuple[str, int], str] = {}  # (udp|sctp, host port) -> container id
        self._watchers: dict[str, set[int]] = {}
        self.deadlines: dict[str, float] = {}
        self.terminals: dict[int, Terminal] = {}
        self._history: list[HistoryEntry] = []
        self._history_dropped = 0  # history entries trimmed off the front (indices stay absolute)
        self.build_cache: dict[str, Any] = {}
        self._wire_limits()

    # --- read API -----------------------------------------------------------

    @property
    def containers(self) -> list[Container]:
        """All containers, oldest first."""
        return list(self._containers.values())

    @property
    def images(self) -> list[Image]:
        """All images, oldest first."""
        return list(self._images.values())

    @property
    def volumes(self) -> list[Volume]:
        """All volumes, oldest first."""
        return list(self._volumes.values())

    @property
    def history(self) -> list[HistoryEntry]:
        """Executed command lines with terminal and exit code."""
        return list(self._history)

    def container(self, ref: str) -> Container | None:
        """A container by full id, name or unique id prefix."""
        if ref in self._containers:
            return self._containers[ref]
        cid = self._names.get(ref.lstrip("/"))
        if cid:
            return self._containers[cid]
        if len(ref) >= 1 and re.fullmatch(r"[0-9a-f]+", ref):
            hits = [c for i, c in self._containers.items() if i.startswith(ref)]
            if len(hits) == 1:
                return hits[0]
        return None

    def image(self, ref: str) -> Image | None:
        """An image by reference (name[:tag]), full id or unique id prefix."""
        if ref.startswith("sha256:") and ref in self._images:
            return self._images[ref]
        try:
            key = familiar(ref)
        except ValueError:
            key = ref
        if key in self._tags:
            return self._images[self._tags[key]]
        bare = ref[7:] if ref.startswith("sha256:") else ref
        if re.fullmatch(r"[0-9a-f]+", bare):
            hits = [img for i, img in self._images.items() if i[7:].startswith(bare)]
            if len(hits) == 1:
                return hits[0]
        return None

    def image_by_id(self, image_id: str) -> Image | None:
        """An image by its exact id."""
        return self._images.get(image_id)

    def volume_by_name(self, name: str) -> Volume | None:
        """A volume by exact name."""
        return self._volumes.get(name)

    def container_files(self, c: Container | str) -> dict[str, str]:
        """Merged view of a container's files (image + rw layer + mounts), by absolute path."""
        cont = self.container(c) if isinstance(c, str) else c
        return walk_files(runtime.container_fs(self, cont), "/") if cont else {}

    def container_fs(self, c: Container) -> Any:
        """The merged FS object of a container (kind/read/listdir...)."""
        return runtime.container_fs(self, c)

    def context_hash(self, path: str) -> str:
        """Hash of a folder's current build inputs; equals Image.build_hash of an image built from it now."""
        return context_hash(self, HOME + path[1:] if path.startswith("~") else path)

    def tags(self) -> dict[str, str]:
        """repo:tag -> image id."""
        return dict(self._tags)

    def port_owner(self, host_port: int, proto: str = "tcp") -> Container | None:
        """The running container publishing a host port (TCP unless proto says otherwise)."""
        cid = self._ports.get(host_port) if proto == "tcp" else self._other_ports.get((proto, host_port))
        return self._containers.get(cid) if cid else None

    def _release_ports(self, c: Container) -> None:
        for p in c.ports:
            if p.proto == "tcp" and self._ports.get(p.host_port) == c.id:
                del self._ports[p.host_port]
            elif p.proto != "tcp" and self._other_ports.get((p.proto, p.host_port)) == c.id:
                del self._other_ports[(p.proto, p.host_port)]

    def write_file(self, path: str, text: str) -> None:
        """Write a host file (parents created); `~/x` is the learner's home folder."""
        p = norm(unicodedata.normalize("NFC", _expand_home(path)), HOME)
        self.fs.makedirs(norm("..", p))
        self.fs.write(p, unicodedata.normalize("NFC", text))

    def read_file(self, path: str) -> str:
        """Read a host file; `~/x` is the learner's home folder."""
        return self.fs.read(norm(_expand_home(path), HOME))

    # --- terminals ------------------------------------------------------------

    def terminal(self, tid: int) -> Terminal:
        """The terminal with this id (created on first use; past MAX_TERMINALS a throwaway one)."""
        if tid not in self.terminals:
            if len(self.terminals) >= MAX_TERMINALS:
                return Terminal(tid)
            self.terminals[tid] = Terminal(tid)
        return self.terminals[tid]

    def terminal_busy(self, tid: int = 0) -> bool:
        """True while an attached run/start/attach/logs -f/exec -it holds the terminal."""
        return bool(self.terminal(tid).kind)

    def prompt(self, tid: int = 0) -> str:
        """The prompt the terminal shows now ('' while output streams or a [y/N] question waits)."""
        return terminals.prompt(self, self.terminal(tid))

    def ask(self, tid: int, argv: list[str]) -> None:
        """Hold a terminal on a [y/N] prompt; answering y runs argv (the confirmed docker command)."""
        terminals.ask(self, self.terminal(tid), argv)

    def detach_keys(self, terminal: int = 0) -> CommandResult:
        """Ctrl+P Ctrl+Q: detach from an -it container, leaving it running."""
        return terminals.detach_keys(self, self.terminal(terminal))

    def drain_result(self, tid: int = 0) -> CommandResult:
        """Like drain_output, split by stream; exit_code is the held command's once it has ended."""
        t = self.terminal(tid)
        out = "".join(text for stream, text in t.pending if stream == "stdout")
        err = "".join(text for stream, text in t.pending if stream != "stdout")
        t.pending.clear()
        code = t.last_exit if not t.kind and t.last_exit is not None else 0
        return CommandResult(out, err, code, bool(t.kind))

    def drain_output(self, tid: int = 0) -> str:
        """Output that appeared on the terminal since the last call (attached streams)."""
        t = self.terminal(tid)
        text = "".join(s for _, s in t.pending)
        t.pending.clear()
        return text

    def attach_terminal(
        self,
        tid: int,
        c: Container,
        kind: str,
        tty: bool = False,
        stdin: bool = False,
        sig_proxy: bool = True,
        cwd: str = "",
    ) -> None:
        """Hold a terminal for a container (streams its output from now on)."""
        t = self.terminal(tid)
        t.kind, t.container, t.tty, t.stdin, t.sig_proxy = kind, c.id, tty, stdin, sig_proxy
        t.exec_cwd = cwd or c.config.get("WorkingDir") or "/"
        t.exec_status = 0
        t.history_index = self._history_dropped + len(self._history)
        t.last_exit = None
        self._watchers.setdefault(c.id, set()).add(tid)

    def release_terminal(self, tid: int, exit_code: int | None = None) -> None:
        """Free a terminal; the command that held it ends with exit_code."""
        t = self.terminal(tid)
        if t.container in self._watchers:
            self._watchers[t.container].discard(tid)
            if not self._watchers[t.container]:
                del self._watchers[t.container]
        if exit_code is not None:
            self._set_exit(t.history_index, exit_code)
        t.kind, t.container, t.last_exit = "", "", exit_code
        if exit_code is not None:
            t.status = exit_code

    # --- runtime callbacks ----------------------------------------------------

    def emit(self, c: Container, stream: str, text: str) -> None:
        """A container wrote a line: log it and stream it to attached terminals."""
        c.add_log(self.clock.now, stream, text)
        for tid in sorted(self._watchers.get(c.id, ())):
            t = self.terminals[tid]
            t.pending.append(["stdout" if t.tty else stream, text + "\n"])  # a tty merges both streams
            if len(t.pending) > MAX_PENDING:
                del t.pending[: len(t.pending) - MAX_PENDING]

    def on_started(self, c: Container) -> None:
        """Reserve published host ports."""
        for p in c.ports:
            if p.proto == "tcp":
                self._ports[p.host_port] = c.id
            else:
                self._other_ports[(p.proto, p.host_port)] = c.id

    def on_exited(self, c: Container, code: int) -> None:
        """The main process ended: record it, free ports and terminals, honour --rm."""
        c.state, c.exit_code, c.finished_at = "exited", code, self.clock.now
        c.proc.pop("deadline", None)
        self.deadlines.pop(c.id, None)
        self._release_ports(c)
        for tid in sorted(self._watchers.get(c.id, set()).copy()):
            self.release_terminal(tid, code if self.terminals[tid].kind in ("attach", "shell", "repl") else 0)
        if c.auto_remove:
            self.remove_container(c, volumes=True)

    def reap(self) -> None:
        """Finish containers whose sleep deadline has passed."""
        for cid, when in sorted(self.deadlines.items(), key=lambda kv: kv[1]):
            if when <= self.clock.now and cid in self._containers:
                self.on_exited(self._containers[cid], 0)
        self.deadlines = {k: v for k, v in self.deadlines.items() if k in self._containers and v > self.clock.now}

    # --- plumbing used by command modules -----------------------------------------

    def add_container(self, c: Container) -> None:
        """Store a new container (limits and name uniqueness checked by the caller)."""
        self._containers[c.id] = c
        self._names[c.name] = c.id

    def rename_container(self, c: Container, new: str) -> None:
        """Change a container's name."""
        del self._names[c.name]
        c.name = new
        self._names[new] = c.id

    def name_taken(self, name: str) -> Container | None:
        """The container holding a name, if any."""
        cid = self._names.get(name)
        return self._containers.get(cid) if cid else None

    def remove_container(self, c: Container, volumes: bool = False) -> None:
        """Delete a container, its rw layer and (with volumes) its anonymous volumes."""
        for tid in sorted(self._watchers.get(c.id, set()).copy()):
            self.release_terminal(tid, c.exit_code)
        self._release_ports(c)
        self.deadlines.pop(c.id, None)
        self._containers.pop(c.id, None)
        if self._names.get(c.name) == c.id:
            del self._names[c.name]
        if volumes:
            for m in c.mounts:
                if m.type == "volume" and m.anonymous and not self.volume_users(m.source):
                    self._volumes.pop(m.source, None)

    def volume_users(self, name: str) -> list[Container]:
        """Containers (any state) that mount a volume."""
        return [c for c in self._containers.values() if any(m.type == "volume" and m.source == name for m in c.mounts)]

    def image_users(self, image_id: str) -> list[Container]:
        """Containers created from an image."""
        return [c for c in self._containers.values() if c.image_id == image_id]

    def add_volume(self, v: Volume) -> None:
        """Store a volume."""
        if v.name not in self._volumes and len(self._volumes) >= MAX_VOLUMES:
            raise DockerError(f"docker-dojo: volume limit reached ({MAX_VOLUMES} volumes per host)\n", 1, "limit")
        v.tree.limiter = self._limit_bytes
        self._volumes[v.name] = v

    def delete_volume(self, name: str) -> None:
        """Remove a volume."""
        self._volumes.pop(name, None)

    def add_image(self, img: Image) -> None:
        """Store an image (replacing an identical id keeps its position)."""
        if img.id not in self._images and len(self._images) >= MAX_IMAGES:
            raise DockerError(f"docker-dojo: image limit reached ({MAX_IMAGES} images per host)\n", 1, "limit")
        self._images[img.id] = img

    def tag_image(self, img: Image, ref: str) -> None:
        """Point repo:tag at an image; a moved tag leaves the old image untagged (<none>)."""
        old = self._tags.get(ref)
        if old == img.id:
            return
        if old and old in self._images:
            self._images[old].repo_tags.remove(ref)
        self._tags[ref] = img.id
        img.repo_tags.append(ref)

    def untag(self, ref: str) -> None:
        """Remove a tag."""
        iid = self._tags.pop(ref, None)
        if iid and iid in self._images and ref in self._images[iid].repo_tags:
            self._images[iid].repo_tags.remove(ref)

    def delete_image(self, image_id: str) -> None:
        """Remove an image and its tags."""
        img = self._images.pop(image_id, None)
        for ref in img.repo_tags if img else []:
            self._tags.pop(ref, None)

    def check_container_limit(self) -> None:
        """Refuse a 51st container."""
        if len(self._containers) >= MAX_CONTAINERS:
            raise DockerError(
                f"docker-dojo: container limit reached ({MAX_CONTAINERS} containers per host); "
                "remove some with docker rm or docker container prune\n",
                1,
                "limit",
            )

    def new_rw_layer(self) -> FileTree:
        """An empty read-write layer wired to the host's byte limit."""
        tree = FileTree()
        tree.limiter = self._limit_bytes
        return tree

    def bytes_used(self) -> int:
        """Bytes of learner-writable data: host files, volumes, read-write layers."""
        return (
            self.fs.size
            + sum(v.tree.size for v in self._volumes.values())
            + sum(c.rw.size for c in self._containers.values())
        )

    def _limit_bytes(self, delta: int) -> None:
        if self.bytes_used() + delta > MAX_BYTES:
            raise FsError("ENOSPC", "")

    def _wire_limits(self) -> None:
        self.fs.limiter = self._limit_bytes
        for v in self._volumes.values():
            v.tree.limiter = self._limit_bytes
        for c in self._containers.values():
            c.rw.limiter = self._limit_bytes

    def http_request(
        self, method: str, host_port: int, path: str = "/", body: str | None = None
    ) -> tuple[int, dict[str, str], str]:
        """What curl gets from localhost:host_port; raises ConnectionRefused / ConnectionReset."""
        c = self.port_owner(host_port)
        if c is None or not c.running:
            raise ConnectionRefused(host_port)
        binding = next(p for p in c.ports if p.host_port == host_port and p.proto == "tcp")
        if binding.container_port not in runtime.listening_ports(self, c):
            raise ConnectionReset(host_port)
        resp: HttpResponse = runtime.http(self, c, method.upper(), path or "/", body or "")
        if resp.status == 0:
            raise ConnectionReset(host_port)
        return resp.status, dict(resp.headers), resp.body

    def sleep_hook(self, argv: list[str], sh: ShellEnv) -> tuple[str, str, int]:
        """`sleep N` advances the simulated clock."""
        try:
            seconds = float(argv[1].rstrip("s")) if len(argv) > 1 else -1
        except ValueError:
            seconds = -1
        if seconds < 0:
            return "", f"sleep: invalid time interval '{argv[1] if len(argv) > 1 else ''}'\n", 1
        self.clock.advance(min(seconds, 86400.0))
        self.reap()
        return "", "", 0

    # --- the command loop -----------------------------------------------------------

    def run(self, line: str, terminal: int = 0) -> CommandResult:
        """Execute one command line typed on a terminal."""
        # lone surrogates (undecodable input bytes, or "\ud800" in JSON from a browser) become U+FFFD
        line = line.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        # Hangul typed by an IME may arrive decomposed; names and file contents compare as NFC
        line = unicodedata.normalize("NFC", line)
        try:
            return self._run(line, terminal)
        except Exception as exc:  # keep the learner's session alive; tests assert this never happens
            return CommandResult("", f"{INTERNAL}: {type(exc).__name__}: {exc}\n", 1)

    def _run(self, line: str, terminal: int) -> CommandResult:
        if len(line.encode()) > MAX_LINE:
            return self._fail(
                f"docker-dojo: command line too long ({len(line.encode())} bytes; the limit is {MAX_LINE})\n", "limit"
            )
        if terminal not in self.terminals and len(self.terminals) >= MAX_TERMINALS:
            return self._fail(f"docker-dojo: too many terminals (the limit is {MAX_TERMINALS} per host)\n", "limit")
        t = self.terminal(terminal)
        self.clock.advance(STEP_SECONDS)
        self.reap()
        if t.kind:
            return terminals.busy_input(self, t, line)
        if not line.strip():
            return CommandResult("", "", 0)
        sh = host_shell(self, t)
        index = self._history_dropped + len(self._history)
        self.record(terminal, line, 0)
        sh.trace = []
        out, err, code = run_line(line, sh)
        t.cwd, t.status = sh.cwd, code
        self._set_exit(index, code, tuple(sh.trace))
        if t.kind:
            t.history_index = index
        return CommandResult(out, err, code, bool(t.kind))

    def record(self, terminal: int, line: str, exit_code: int) -> None:
        """Append a history entry (keeping the last MAX_HISTORY)."""
        self._history.append(HistoryEntry(terminal, line, exit_code, self.clock.now))
        if len(self._history) > MAX_HISTORY:
            extra = len(self._history) - MAX_HISTORY
            del self._history[:extra]
            self._history_dropped += extra

    def _set_exit(self, index: int, exit_code: int, commands: tuple[dict[str, Any], ...] | None = None) -> None:
        """Set an entry's exit code; without new commands, the last recorded command (the one that held the
        terminal) gets the same code."""
        pos = index - self._history_dropped
        if 0 <= pos < len(self._history):
            old = self._history[pos]
            if commands is None:
                commands = old.commands
                if commands:
                    commands = commands[:-1] + ({**commands[-1], "exit_code": exit_code},)
            self._history[pos] = HistoryEntry(old.terminal, old.line, exit_code, old.time, commands)

    def _fail(self, text: str, key: str, code: int = 1) -> CommandResult:
        return CommandResult("", text + (f"\n💡 {hint(key)}\n" if self.hints else ""), code)

    def interrupt(self, terminal: int = 0) -> CommandResult:
        """Ctrl+C on a terminal."""
        try:
            return terminals.interrupt(self, self.terminal(terminal))
        except Exception as exc:  # pragma: no cover - same safety net as run()
            return CommandResult("", f"{INTERNAL}: {type(exc).__name__}: {exc}\n", 1)

    # --- snapshots ----------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The whole host as JSON-able data (versioned, stable key order, lossless)."""
        return {
            "version": SNAPSHOT_VERSION,
            "build_cache": copy_json(self.build_cache),
            "clock": self.clock.now,
            "containers": [c.to_json() for c in self._containers.values()],
            "deadlines": dict(sorted(self.deadlines.items())),
            "fs": self.fs.to_json(),
            "hints": self.hints,
            "history": [
                {
                    "commands": [{"argv": list(c["argv"]), "exit_code": c["exit_code"]} for c in h.commands],
                    "exit_code": h.exit_code,
                    "line": h.line,
                    "terminal": h.terminal,
                    "time": h.time,
                }
                for h in self._history
            ],
            "history_dropped": self._history_dropped,
            "ids": {"counter": self.ids.counter, "seed": self.ids.seed},
            "images": [i.to_json() for i in self._images.values()],
            "seed": self.seed,
            "tags": dict(self._tags),
            "terminals": [
                {**vars(t), "pending": [list(p) for p in t.pending]}
                for t in sorted(self.terminals.values(), key=lambda t: t.id)
            ],
            "volumes": [v.to_json() for v in self._volumes.values()],
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> DockerHost:
        """Rebuild a host from snapshot()."""
        if data.get("version") != SNAPSHOT_VERSION:
            raise ValueError(f"unsupported snapshot version {data.get('version')!r} (expected {SNAPSHOT_VERSION})")
        host = cls(seed=data["seed"], hints=data["hints"])
        host.clock.now = data["clock"]
        host.ids = IdGenerator(data["ids"]["seed"], data["ids"]["counter"])
        host.fs = FileTree.from_json(data["fs"])
        host.build_cache = copy_json(data["build_cache"])
        for d in data["images"]:
            img = Image.from_json(d)
            host._images[img.id] = img
        host._tags = dict(data["tags"])
        for d in data["volumes"]:
            v = Volume.from_json(d)
            host._volumes[v.name] = v
        for d in data["containers"]:
            c = Container.from_json(d)
            host.add_container(c)
            if c.running:
                host.on_started(c)
        host.deadlines = dict(data["deadlines"])
        host._history = [
            HistoryEntry(
                **{
                    **h,
                    "commands": tuple(
                        {"argv": list(c["argv"]), "exit_code": c["exit_code"]} for c in h.get("commands", ())
                    ),
                }
            )
            for h in data["history"]
        ]  # "commands" is absent in snapshots from before it was added
        host._history_dropped = data.get("history_dropped", 0)  # absent in snapshots from the first release
        for d in data["terminals"]:
            t = Terminal(**{**d, "pending": [list(p) for p in d["pending"]]})
            host.terminals[t.id] = t
            if t.kind and t.container:
                host._watchers.setdefault(t.container, set()).add(t.id)
        host._wire_limits()
        return host


__all__ = ["CommandResult", "ConnectionRefused", "ConnectionReset", "DockerHost", "HistoryEntry", "Terminal"]


def _expand_home(path: str) -> str:
    """`~` and `~/x` name the home folder, as in the shell."""
    if path == "~" or path.startswith("~/"):
        return HOME + path[1:]
    return path
