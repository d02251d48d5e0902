"""Host: the simulated machine's state and plumbing — stores, terminals, clock, history, limits.

It imports no porcelain: commands and the command loop live above it (`app.dockersim.host`)."""

from __future__ import annotations

import re
from typing import Any

from app.dockersim.core.clock import Clock, IdGenerator
from app.dockersim.core.errors import CommandResult, sim_error
from app.dockersim.core.fs import FileTree
from app.dockersim.core.message import N_
from app.dockersim.core.refs import familiar
from app.dockersim.engine.accounting import DataAccounting, trim_pending
from app.dockersim.engine.fixtures import HOME_DIRS, HOME_FILES
from app.dockersim.engine.history import COMPACT_EVERY, HISTORY_RECENT, compact
from app.dockersim.engine.limits import MAX_PENDING_BYTES, cut_output, text_size
from app.dockersim.engine.models import Container, Image, Volume
from app.dockersim.engine.restart_policy import next_restart
from app.dockersim.engine.terminal import HistoryEntry, Terminal
from app.dockersim.shell.env import ShellEnv

MAX_LINE = 4096
MAX_CONTAINERS = 50
MAX_IMAGES = 30
MAX_VOLUMES = 50
MAX_TERMINALS = 64


class Host(DataAccounting):
    """The host's state and plumbing: stores, terminals, history, limits (the porcelain drives it)."""

    def __init__(self, seed: int = 0, hints: bool = True) -> None:
        self.seed = seed
        self.hints = hints
        self.clock = Clock()
        self.ids = IdGenerator(seed)
        self.fs = FileTree(HOME_FILES, HOME_DIRS)
        self._containers: dict[str, Container] = {}
        self._by_volume: dict[str, list[Container]] | None = None  # volume_users' index; None when stale
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
        self.hub: dict[str, Any] = {"user": "", "repos": {}}  # simulated Docker Hub: login, pushed images
        self._image_chars: dict[str, int] = {}  # image id -> its size (images never change; tags counted apart)
        self._logged: set[str] = set()  # containers that logged since the last fit_logs()
        self._fitted_cache: object = self.build_cache  # the build cache fit_logs() last saw
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

    def ask(self, tid: int, argv: list[str], secret: bool = False) -> None:
        """Hold a terminal on a [y/N] prompt; answering y runs argv (the confirmed docker command).
        secret: a Password: prompt instead; the answer is appended to argv and not kept in the history."""
        t = self.terminal(tid)
        t.kind, t.container, t.question = "prompt", "", ("\x01" if secret else "") + "\0".join(argv)

    def drain_result(self, tid: int = 0) -> CommandResult:
        """Like take_output, split by stream; exit_code is the held command's once it has ended."""
        t = self.terminal(tid)
        out = "".join(text for stream, text in t.pending if stream == "stdout")
        err = "".join(text for stream, text in t.pending if stream != "stdout")
        t.pending.clear()
        code = t.last_exit if not t.kind and t.last_exit is not None else 0
        return CommandResult(cut_output(out), cut_output(err), code, bool(t.kind))

    def take_output(self, tid: int = 0) -> str:
        """Output that appeared on the terminal since the last call (attached streams), notes still inside."""
        t = self.terminal(tid)
        text = "".join(s for _, s in t.pending)
        t.pending.clear()
        return cut_output(text)

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
            t.pending.append(["stdout" if t.tty else stream, text[:MAX_PENDING_BYTES] + "\n"])  # a tty merges both
            trim_pending(t.pending)
        self._logged.add(c.id)

    def on_started(self, c: Container) -> None:
        """Reserve published host ports."""
        for p in c.ports:
            if p.proto == "tcp":
                self._ports[p.host_port] = c.id
            else:
                self._other_ports[(p.proto, p.host_port)] = c.id

    def on_exited(
        self, c: Container, code: int, by: str = "exited", signal: str = "", terminal: int | None = None
    ) -> None:
        """The main process ended (`by` what, see Container.stopped_by): record it, free ports and terminals,
        then restart it later as its restart policy says, or honour --rm."""
        c.state, c.exit_code, c.finished_at = "exited", code, self.clock.now
        c.stopped_by, c.stop_signal, c.stop_terminal = by, signal, terminal
        delay = next_restart(c, code, self.clock.now)
        if delay is not None:
            c.state, c.restart_at, c.restart_count = "restarting", self.clock.now + delay, c.restart_count + 1
        c.proc.pop("deadline", None)
        self.deadlines.pop(c.id, None)
        self._release_ports(c)
        c.tmpfs.clear()  # a tmpfs lives in memory: its files go when the container stops
        for tid in sorted(self._watchers.get(c.id, set()).copy()):
            self.release_terminal(tid, code if self.terminals[tid].kind in ("attach", "shell", "repl") else 0)
        if c.auto_remove and c.state == "exited":
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
        self._by_volume = None

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
        self._by_volume = None
        if self._names.get(c.name) == c.id:
            del self._names[c.name]
        if volumes:
            for m in c.mounts:
                if m.type == "volume" and m.anonymous and not self.volume_users(m.source):
                    self._volumes.pop(m.source, None)

    def volume_users(self, name: str) -> list[Container]:
        """Containers (any state) that mount a volume, in creation order (an index kept until one is added or
        removed: a container's mounts never change)."""
        if self._by_volume is None:
            self._by_volume = {}
            for c in self._containers.values():
                for source in dict.fromkeys(m.source for m in c.mounts if m.type == "volume"):
                    self._by_volume.setdefault(source, []).append(c)
        return list(self._by_volume.get(name, ()))

    def image_users(self, image_id: str) -> list[Container]:
        """Containers created from an image."""
        return [c for c in self._containers.values() if c.image_id == image_id]

    def add_volume(self, v: Volume) -> None:
        """Store a volume."""
        if v.name not in self._volumes and len(self._volumes) >= MAX_VOLUMES:
            raise sim_error(N_("Volume limit reached (%(limit)s volumes per host).", limit=MAX_VOLUMES), 1, "limit")
        if v.name not in self._volumes:
            self.check_room(len(v.name) + text_size(v.labels) + v.tree.size)
        v.tree.limiter = self._limit_bytes
        self._volumes[v.name] = v

    def delete_volume(self, name: str) -> None:
        """Remove a volume."""
        self._volumes.pop(name, None)

    def add_image(self, img: Image) -> None:
        """Store an image (replacing an identical id keeps its position)."""
        if img.id not in self._images and len(self._images) >= MAX_IMAGES:
            raise sim_error(N_("Image limit reached (%(limit)s images per host).", limit=MAX_IMAGES), 1, "limit")
        if img.id not in self._images:
            self.check_room(img.data_size())
        self._images[img.id] = img

    def tag_image(self, img: Image, ref: str) -> None:
        """Point repo:tag at an image; a moved tag leaves the old image untagged (<none>)."""
        old = self._tags.get(ref)
        if old == img.id:
            return
        if old is None:
            self.check_room(len(ref))
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
            note = N_(
                "Container limit reached (%(limit)s containers per host); remove some with docker rm or docker container prune.",
                limit=MAX_CONTAINERS,
            )
            raise sim_error(note, 1, "limit")

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

    # --- history ------------------------------------------------------------------

    def record(self, terminal: int, line: str, exit_code: int) -> int:
        """Append a history entry (the history compacted first, engine/history.py); returns its index."""
        if len(self._history) >= HISTORY_RECENT and len(self._history) % COMPACT_EVERY == 0:
            self.compact_history()
        self._history.append(HistoryEntry(terminal, line, exit_code, self.clock.now))
        return self._history_dropped + len(self._history) - 1

    def compact_history(self) -> None:
        """Bound the history by count and size, keeping what graders need (engine/history.py)."""
        held = {t.history_index - self._history_dropped: t for t in self.terminals.values() if t.kind}
        kept = compact(self._history, held)
        if len(kept) == len(self._history):
            return
        where = {old: new for new, old in enumerate(kept)}
        for t in self.terminals.values():  # indices are absolute: point held terminals at their moved entry
            pos = t.history_index - self._history_dropped
            t.history_index = self._history_dropped + where[pos] if pos in where else -1
        self._history = [self._history[pos] for pos in kept]

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


__all__ = ["HistoryEntry", "Host", "Terminal"]
