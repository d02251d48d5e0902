"""Plain, read-only views of a simulated host that the checks judge.

`read_state(host)` (in `hostview`) fills these from a live `DockerHost`; checks and the
command-answer comparison only ever see these values, so their logic does not depend on the
simulator's internals and tables of near misses are easy to state.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from app.dockersim import N_, Message


@dataclass(frozen=True)
class PortView:
    """One published port: host_ip:host_port -> container_port/proto."""

    host_ip: str
    host_port: int
    container_port: int
    proto: str = "tcp"

    def label(self, with_ip: bool = False) -> str:
        """`8000->80/tcp`, with the host IP when it is not all addresses (or always, `with_ip`)."""
        if self.host_ip in ("", "0.0.0.0", "::") and not with_ip:
            return f"{self.host_port}->{self.container_port}/{self.proto}"
        ip = self.host_ip or "0.0.0.0"
        ip = f"[{ip}]" if ":" in ip else ip
        return f"{ip}:{self.host_port}->{self.container_port}/{self.proto}"


@dataclass(frozen=True)
class MountView:
    """One mount: a volume (named or anonymous) or a bind of a host folder."""

    type: str  # "volume" | "bind"
    source: str  # volume name, or absolute host path for a bind
    destination: str
    read_only: bool = False
    anonymous: bool = False

    def label(self) -> Message:
        """`volume data → /app/feedback (read-only)` style words."""
        if self.type == "bind":
            kind = N_("bind mount %(source)s", source=self.source)
        elif self.anonymous:
            kind = N_("anonymous volume")
        else:
            kind = N_("volume %(source)s", source=self.source)
        if self.read_only:
            return N_("%(kind)s → %(destination)s (read-only)", kind=kind, destination=self.destination)
        return N_("%(kind)s → %(destination)s", kind=kind, destination=self.destination)


@dataclass(frozen=True)
class ContainerView:
    """A container as the grader sees it (never selected by id)."""

    id: str
    name: str
    image_ref: str  # the reference it was created from, normalised (nginx:latest)
    image_id: str
    state: str  # created | running | paused | restarting | exited | dead
    exit_code: int = 0
    attached: bool | None = None  # was the last start attached to a terminal?
    ports: tuple[PortView, ...] = ()
    mounts: tuple[MountView, ...] = ()
    env: tuple[str, ...] = ()
    cmd: tuple[str, ...] = ()
    entrypoint: tuple[str, ...] = ()
    workdir: str = ""
    auto_remove: bool = False
    name_given: bool = True  # False when Docker drew a random name
    #: how it last stopped, as the simulator recorded it: ctrl_c | stop | kill | restart | rm | exited,
    #: or "" (never stopped, or a host saved before the simulator recorded it)
    stopped_by: str = ""
    stop_signal: str = ""  # SIGINT, SIGQUIT, SIGTERM, SIGKILL ... ("" when the process ended by itself)
    stop_terminal: int | None = None  # the terminal (0-based) whose Ctrl+C stopped it

    def status(self) -> Message:
        """`running (Up)`, `stopped (Exited (0))`, `created but never started (Created)` ..."""
        if self.state == "exited":
            return N_("stopped (Exited (%(code)s))", code=self.exit_code)
        words = {
            "running": N_("running (Up)"),
            "created": N_("created but never started (Created)"),
            "paused": N_("paused (Paused)"),
            "restarting": N_("restarting (Restarting)"),
            "dead": N_("dead (Dead)"),
        }
        return words.get(self.state) or N_("%(state)s", state=self.state)


@dataclass(frozen=True)
class ImageView:
    """An image: its id, every tag pointing at it (normalised, e.g. nginx:latest) and its config."""

    id: str
    tags: tuple[str, ...] = ()
    workdir: str = ""
    cmd: tuple[str, ...] = ()
    entrypoint: tuple[str, ...] = ()
    exposed: tuple[str, ...] = ()  # "80/tcp"


@dataclass(frozen=True)
class VolumeView:
    """A volume; anonymous ones have a 64-hex generated name."""

    name: str
    anonymous: bool = False


@dataclass(frozen=True)
class HistoryEntry:
    """One command line a learner ran, on which terminal, and how it ended."""

    line: str
    terminal: int
    exit_code: int
    commands: tuple[tuple[tuple[str, ...], int], ...] = ()  # (argv after expansion, exit code) per command


@dataclass(frozen=True)
class HeldTerminal:
    """A terminal still held by a command (`logs -f`, an attached run, `attach`, `exec -it`)."""

    terminal: int
    kind: str  # attach | logs | exec | shell | repl
    container_id: str


@dataclass(frozen=True)
class HostState:
    """Everything the checks read, taken at one moment (the final state)."""

    containers: tuple[ContainerView, ...] = ()
    images: tuple[ImageView, ...] = ()
    volumes: tuple[VolumeView, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    held: tuple[HeldTerminal, ...] = ()
    home: str = "/home/learner"
    cwd: str = "/home/learner"
    logs: dict[str, str] = field(default_factory=dict)  # container id -> log text

    def container_named(self, name: str) -> ContainerView | None:
        """The container with this name (names are unique), or None."""
        name = name.lstrip("/")
        return next((c for c in self.containers if c.name == name), None)

    def image_for(self, ref: str) -> ImageView | None:
        """The image the reference currently points at, or None."""
        ref = normalise_ref(ref)
        return next((i for i in self.images if ref in i.tags), None)

    def host_path(self, path: str) -> str:
        """An absolute, normalised host path (`~` is the home folder, relative is from cwd)."""
        if path == "~" or path.startswith("~/"):
            path = self.home + path[1:]
        elif not path.startswith("/"):
            path = posixpath.join(self.cwd, path)
        return posixpath.normpath(path)


def normalise_ref(ref: str) -> str:
    """`nginx`, `library/nginx`, `docker.io/library/nginx:latest` -> `nginx:latest`."""
    ref = ref.strip()
    if "@" in ref:
        ref = ref.split("@", 1)[0]
    for prefix in ("docker.io/library/", "docker.io/", "index.docker.io/library/", "library/"):
        if ref.startswith(prefix):
            ref = ref[len(prefix) :]
            break
    last = ref.rsplit("/", 1)[-1]
    return ref if ":" in last else ref + ":latest"


def short_ref(ref: str) -> str:
    """`nginx:latest` -> `nginx` for messages; other tags kept."""
    return ref[: -len(":latest")] if ref.endswith(":latest") else ref
