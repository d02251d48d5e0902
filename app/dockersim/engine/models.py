"""Docker's nouns as plain classes: Image, Layer, Container, Volume, Mount, PortBinding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.dockersim.core.format import human_duration
from app.dockersim.core.fs import FileTree
from app.dockersim.engine.limits import MAX_LOG_BYTES, strings_size, text_size

MAX_LOG_LINES = 1000


def same_json(value: Any) -> Any:
    """The value itself: copy_json's stand-in where the data is given away or serialised at once."""
    return value


def copy_json(value: Any) -> Any:
    """Deep copy of JSON-like data (dicts, lists, scalars); much faster than copy.deepcopy."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


@dataclass
class PortBinding:
    """One published port: host_ip:host_port -> container_port/proto."""

    host_ip: str
    host_port: int
    container_port: int
    proto: str = "tcp"


@dataclass
class Mount:
    """A volume or bind mount of a container."""

    type: str  # "volume" | "bind" | "tmpfs"
    source: str  # host path for binds, volume name for volumes, '' for tmpfs
    destination: str
    read_only: bool = False
    anonymous: bool = False
    mode: str = ""  # the -v mode text ("ro,slave"), shown as inspect's Mode
    propagation: str = ""  # binds: rprivate unless -v/--mount said otherwise
    copy: bool = True  # volumes: fill a new, empty volume from the image (false with nocopy)

    @property
    def name(self) -> str:
        """Volume name ('' for binds)."""
        return self.source if self.type == "volume" else ""


@dataclass
class Layer:
    """One image layer: id, the instruction that made it, its size."""

    id: str
    created_by: str
    size: int
    created: float = 0.0
    empty: bool = False


@dataclass
class Image:
    """A read-only image: files, config with Docker's field names, layers, tags."""

    id: str
    repo_tags: list[str]
    config: dict[str, Any]
    layers: list[Layer]
    files: dict[str, str]
    dirs: set[str]
    created: float
    size: int
    build_hash: str = ""
    parent: str = ""

    def data_size(self) -> int:
        """Characters this image stores: files, config and layer history (tags are counted apart)."""
        return (
            strings_size(self.files.values())
            + strings_size(self.files)
            + text_size(self.config)
            + sum(len(x.created_by) + 32 for x in self.layers)
        )

    def to_json(self, copy: bool = True) -> dict[str, Any]:
        """Stable JSON form; with copy=False it shares the config (for a caller that serialises it at once)."""
        return {
            "build_hash": self.build_hash,
            "config": copy_json(self.config) if copy else self.config,
            "created": self.created,
            "dirs": sorted(self.dirs),
            "files": {k: self.files[k] for k in sorted(self.files)},
            "id": self.id,
            "parent": self.parent,
            "layers": [
                {"created": x.created, "created_by": x.created_by, "empty": x.empty, "id": x.id, "size": x.size}
                for x in self.layers
            ],
            "repo_tags": list(self.repo_tags),
            "size": self.size,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], owned: bool = False) -> Image:
        """Inverse of to_json; owned=True takes d's parts as they are (the caller gives d away)."""
        return cls(
            d["id"],
            list(d["repo_tags"]),
            d["config"] if owned else copy_json(d["config"]),
            [Layer(**x) for x in d["layers"]],
            dict(d["files"]),
            set(d["dirs"]),
            d["created"],
            d["size"],
            d["build_hash"],
            d["parent"],
        )


@dataclass
class Volume:
    """A named or anonymous volume with its own file tree."""

    name: str
    anonymous: bool
    created: float
    tree: FileTree = field(default_factory=FileTree)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def files(self) -> dict[str, str]:
        """Files in the volume, by path relative to its root ('/x')."""
        return self.tree.files

    def to_json(self) -> dict[str, Any]:
        """Stable JSON form."""
        return {
            "anonymous": self.anonymous,
            "created": self.created,
            "labels": dict(sorted(self.labels.items())),
            "name": self.name,
            "tree": self.tree.to_json(),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Volume:
        """Inverse of to_json."""
        return cls(d["name"], d["anonymous"], d["created"], FileTree.from_json(d["tree"]), dict(d["labels"]))


@dataclass
class LogEntry:
    """One line a container wrote, with its stream and time."""

    time: float
    stream: str  # "stdout" | "stderr"
    text: str


@dataclass
class Container:
    """A container: config, state, ports, mounts, its read-write layer and its logs."""

    id: str
    name: str
    image_ref: str
    image_id: str
    created: float
    config: dict[str, Any]
    ports: list[PortBinding] = field(default_factory=list)
    mounts: list[Mount] = field(default_factory=list)
    auto_remove: bool = False
    state: str = "created"  # created | running | exited
    exit_code: int = 0
    started_at: float | None = None
    finished_at: float | None = None
    attached: bool = False
    process: str = ""
    proc: dict[str, Any] = field(default_factory=dict)
    rw: FileTree = field(default_factory=FileTree)
    deleted: set[str] = field(default_factory=set)
    logs: list[LogEntry] = field(default_factory=list)
    logs_dropped: int = 0
    restart_count: int = 0
    #: How the process last ended: "ctrl_c" (SIGINT from an attached terminal), "stop", "kill", "restart",
    #: "rm" (rm -f), "exited" (by itself); "" while it never ended. See docs/simulator.md "Read API".
    stopped_by: str = ""
    stop_signal: str = ""  # the signal that ended it ("" when it exited by itself)
    stop_terminal: int | None = None  # the terminal whose Ctrl+C sent the signal (stopped_by "ctrl_c")
    manually_stopped: bool = False  # moby HasBeenManuallyStopped: signalled (kill/stop/Ctrl+C) since its start
    restart_canceled: bool = False  # moby ExitOnNext: the restart manager gave up until the next start
    restart_at: float | None = None  # state "restarting": when the restart manager starts it again
    restart_delay: float = 0.0  # the restart manager's back-off (0.1 s, doubling up to 60 s)
    publish_all: bool = False
    error: str = ""
    host_config: dict[str, Any] = field(default_factory=dict)  # modelled HostConfig fields (Memory, RestartPolicy, ...)
    tmpfs: dict[str, FileTree] = field(default_factory=dict)  # tmpfs mount destination -> its (memory-only) files
    log_chars: int = field(default=-1, compare=False, repr=False)  # characters in logs (-1: not counted yet)
    config_chars: int = field(default=-1, compare=False, repr=False)  # size of the config as created (-1: not yet)

    @property
    def running(self) -> bool:
        """True while the main process runs."""
        return self.state == "running"

    @property
    def up(self) -> bool:
        """Running or waiting to be restarted (moby's State.Running, which stays true while restarting)."""
        return self.state in ("running", "restarting")

    @property
    def rw_files(self) -> dict[str, str]:
        """Files in the read-write layer."""
        return self.rw.files

    @property
    def cmd(self) -> list[str]:
        """Effective argv: Entrypoint + Cmd."""
        return list(self.config.get("Entrypoint") or []) + list(self.config.get("Cmd") or [])

    def status(self, now: float) -> str:
        """The STATUS column text (moby State.String)."""
        if self.state == "running":
            return "Up " + human_duration(now - (self.started_at or now))
        if self.state == "restarting":
            return f"Restarting ({self.exit_code}) {human_duration(now - (self.finished_at or now))} ago"
        if self.state == "exited":
            return f"Exited ({self.exit_code}) {human_duration(now - (self.finished_at or now))} ago"
        return "Created"

    def add_log(self, time: float, stream: str, text: str) -> None:
        """Append a line, keeping only the last MAX_LOG_LINES lines and MAX_LOG_BYTES characters."""
        if len(text) > MAX_LOG_BYTES:  # one huge line (echo "$(cat big)") keeps its start
            text = text[:MAX_LOG_BYTES]
        self.log_chars = self.log_size() + len(text)  # counted before the append: log_size() may sum the list
        self.logs.append(LogEntry(time, stream, text))
        extra = max(0, len(self.logs) - MAX_LOG_LINES)
        self.drop_logs(extra)
        while self.log_chars > MAX_LOG_BYTES:
            self.drop_logs(1)

    def log_size(self) -> int:
        """Characters of the kept log lines."""
        if self.log_chars < 0:
            self.log_chars = sum(len(e.text) for e in self.logs)
        return self.log_chars

    def drop_logs(self, count: int) -> None:
        """Drop the oldest `count` log lines (they count in logs_dropped)."""
        if count <= 0:
            return
        self.log_chars = self.log_size() - sum(len(e.text) for e in self.logs[:count])
        del self.logs[:count]
        self.logs_dropped += count

    def data_size(self) -> int:
        """Characters this container stores besides its read-write layer: config (command line,
        environment, labels), names, mounts, ports and logs."""
        if self.config_chars < 0:  # fixed at create time (the process state repeats its argv): measured once
            self.config_chars = text_size(self.config) + len(self.image_ref) + 16 * (len(self.mounts) + len(self.ports))
        return self.config_chars + len(self.name) + self.log_size()

    def to_json(self, copy: bool = True) -> dict[str, Any]:
        """Stable JSON form; with copy=False it shares config, host_config and proc (serialise it at once)."""
        share = copy_json if copy else same_json
        return {
            "attached": self.attached,
            "auto_remove": self.auto_remove,
            "config": share(self.config),
            "created": self.created,
            "deleted": sorted(self.deleted),
            "error": self.error,
            "exit_code": self.exit_code,
            "finished_at": self.finished_at,
            "host_config": share(self.host_config),
            "id": self.id,
            "image_id": self.image_id,
            "image_ref": self.image_ref,
            "logs": [[e.time, e.stream, e.text] for e in self.logs],
            "logs_dropped": self.logs_dropped,
            "manually_stopped": self.manually_stopped,
            "mounts": [
                {
                    "anonymous": m.anonymous,
                    "copy": m.copy,
                    "destination": m.destination,
                    "mode": m.mode,
                    "propagation": m.propagation,
                    "read_only": m.read_only,
                    "source": m.source,
                    "type": m.type,
                }
                for m in self.mounts
            ],
            "name": self.name,
            "ports": [
                {"container_port": p.container_port, "host_ip": p.host_ip, "host_port": p.host_port, "proto": p.proto}
                for p in self.ports
            ],
            "proc": share(self.proc),
            "process": self.process,
            "publish_all": self.publish_all,
            "restart_at": self.restart_at,
            "restart_canceled": self.restart_canceled,
            "restart_count": self.restart_count,
            "restart_delay": self.restart_delay,
            "rw": self.rw.to_json(),
            "started_at": self.started_at,
            "state": self.state,
            "stop_signal": self.stop_signal,
            "stop_terminal": self.stop_terminal,
            "stopped_by": self.stopped_by,
            "tmpfs": {k: v.to_json() for k, v in sorted(self.tmpfs.items())},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], owned: bool = False) -> Container:
        """Inverse of to_json; owned=True takes d's parts as they are (the caller gives d away)."""
        take = same_json if owned else copy_json
        return cls(
            id=d["id"],
            name=d["name"],
            image_ref=d["image_ref"],
            image_id=d["image_id"],
            created=d["created"],
            config=take(d["config"]),
            ports=[PortBinding(**p) for p in d["ports"]],
            mounts=[Mount(**m) for m in d["mounts"]],
            auto_remove=d["auto_remove"],
            state=d["state"],
            exit_code=d["exit_code"],
            started_at=d["started_at"],
            finished_at=d["finished_at"],
            attached=d["attached"],
            process=d["process"],
            proc=take(d["proc"]),
            rw=FileTree.from_json(d["rw"]),
            deleted=set(d["deleted"]),
            logs=[LogEntry(t, s, x) for t, s, x in d["logs"]],
            logs_dropped=d["logs_dropped"],
            restart_count=d["restart_count"],
            publish_all=d["publish_all"],
            error=d["error"],
            host_config=take(d.get("host_config", {})),
            tmpfs={k: FileTree.from_json(v) for k, v in d.get("tmpfs", {}).items()},
            # absent in snapshots from before stop causes and restart policies were modelled
            stopped_by=d.get("stopped_by", ""),
            stop_signal=d.get("stop_signal", ""),
            stop_terminal=d.get("stop_terminal"),
            manually_stopped=d.get("manually_stopped", False),
            restart_canceled=d.get("restart_canceled", False),
            restart_at=d.get("restart_at"),
            restart_delay=d.get("restart_delay", 0.0),
        )
