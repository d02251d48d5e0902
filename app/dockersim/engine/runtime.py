"""Container runtime plumbing: filesystems, starting, signals, logs, HTTP — used by the host and the porcelain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.dockersim.core.errors import ConnectionRefused, ConnectionReset, DockerError
from app.dockersim.core.fs import FS, FileTree
from app.dockersim.core.layers import LayeredFS, MountedFS, SubFS
from app.dockersim.engine.models import Container
from app.dockersim.engine.processes import ExecError, HttpResponse, model, select
from app.dockersim.engine.restart_policy import note_signal
from app.dockersim.shell.interp import ShellEnv, dispatch, run_line

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host


def container_fs(host: Host, c: Container) -> FS:
    """Merged view: image files + read-write layer + mounts."""
    image = host.image_by_id(c.image_id)
    files, dirs = (image.files, image.dirs) if image else ({}, {"/"})
    root = LayeredFS(files, dirs, c.rw, c.deleted, read_only=bool(c.host_config.get("ReadonlyRootfs")))
    mounts: list[tuple[str, FS]] = []
    for m in c.mounts:
        if m.type == "volume":
            vol = host.volume_by_name(m.source)
            if vol is not None:
                mounts.append((m.destination, SubFS(vol.tree, "/", m.read_only)))
        elif m.type == "tmpfs":
            mounts.append((m.destination, SubFS(c.tmpfs.setdefault(m.destination, FileTree()), "/", m.read_only)))
        else:
            mounts.append((m.destination, SubFS(host.fs, m.source, m.read_only)))
    return MountedFS(root, mounts) if mounts else root


def is_busybox(host: Host, c: Container) -> bool:
    """Alpine/busybox images use busybox tools and messages."""
    fs = container_fs(host, c)
    return fs.kind("/bin/busybox") == "file"


def container_shell(host: Host, c: Container, cwd: str = "", env: list[str] | None = None) -> ShellEnv:
    """A shell over the container's merged fs (for -it, exec and one-shot commands)."""
    fs = container_fs(host, c)
    variables = dict(e.split("=", 1) for e in (c.config.get("Env") or []) + (env or []) if "=" in e)
    variables["HOSTNAME"] = c.config.get("Hostname") or c.id[:12]
    variables["__now__"] = str(host.clock.now)
    sh = ShellEnv(
        fs=fs,
        cwd=cwd or c.config.get("WorkingDir") or "/",
        home="/root",
        env=variables,
        flavour="busybox" if fs.kind("/bin/busybox") == "file" else "bash",
        user=(c.config.get("User") or "root").split(":")[0],
        check_path=True,
    )
    sh.hooks["sleep"] = lambda argv, s: host.sleep_hook(argv, s)
    sh.hooks["exit"] = _exit_hook
    return sh


def _exit_hook(argv: list[str], sh: ShellEnv) -> tuple[str, str, int]:
    code = int(argv[1]) if len(argv) > 1 and argv[1].lstrip("-").isdigit() else sh.status
    sh.env["__exit__"] = "exit"
    return "", "", code & 0xFF


def run_in_container(
    host: Host, c: Container, argv: list[str], cwd: str = "", env: list[str] | None = None
) -> tuple[str, str, int]:
    """Run a one-shot argv (or `sh -c script`) in the container's shell."""
    sh = container_shell(host, c, cwd, env)
    if len(argv) >= 3 and argv[0].rsplit("/", 1)[-1] in ("sh", "bash", "ash") and argv[1] == "-c":
        return run_line(argv[2], sh)
    return dispatch(argv, sh)


@dataclass
class ProcContext:
    """The Ctx a process model sees for one container."""

    host: Host
    container: Container

    @property
    def fs(self) -> FS:
        """Merged container fs."""
        return container_fs(self.host, self.container)

    @property
    def now(self) -> float:
        """Simulated time."""
        return self.host.clock.now

    @property
    def proc(self) -> dict[str, Any]:
        """The model's persistent state."""
        return self.container.proc

    @property
    def workdir(self) -> str:
        """Container working dir."""
        return self.container.config.get("WorkingDir") or "/"

    def emit(self, stream: str, text: str) -> None:
        """Write a log line."""
        self.host.emit(self.container, stream, text)

    def shell(self, argv: list[str]) -> tuple[str, str, int]:
        """Run argv in the container shell."""
        return run_in_container(self.host, self.container, argv)


def start_process(host: Host, c: Container) -> None:
    """Exec the container's command through its process model; may exit at once."""
    fs = container_fs(host, c)
    try:
        sel = select(c.cmd, fs, c.config.get("WorkingDir") or "/", bool(c.config.get("OpenStdin")))
    except ExecError as e:
        text = (
            "failed to create task for container: failed to create shim task: OCI runtime create failed: "
            "runc create failed: unable to start container process: error during container init: "
            f"{e.message}: unknown"
        )
        c.state, c.exit_code, c.error = "created", e.exit_code, text
        c.started_at = None
        raise DockerError(text, e.exit_code, "exec_not_found") from None
    c.process, c.proc = sel.model, dict(sel.state)
    c.state, c.started_at, c.finished_at, c.exit_code, c.error = "running", host.clock.now, None, 0, ""
    host.on_started(c)
    code = model(c.process).start(ProcContext(host, c))
    if code is not None:
        host.on_exited(c, code)
    elif "deadline" in c.proc:
        host.deadlines[c.id] = float(c.proc["deadline"])


def deliver_signal(host: Host, c: Container, sig: str, by: str = "kill", terminal: int | None = None) -> int | None:
    """Send a signal to the main process (`by` a command or "ctrl_c" from `terminal`, which the container
    records); returns the exit code if it exited. A container waiting to be restarted gets no signal: a
    cancelled restart manager leaves it stopped (moby killWithSignal + monitor)."""
    if not c.up:
        return None
    note_signal(c, sig)
    if c.state == "restarting":
        if not c.restart_canceled:
            return None
        c.state, c.restart_at = "exited", None
        c.stopped_by, c.stop_signal, c.stop_terminal = by, sig, terminal
        return c.exit_code
    code = model(c.process).signal(ProcContext(host, c), sig)
    if code is not None:
        host.on_exited(c, code, by, sig, terminal)
    return code


def restart_due(host: Host) -> None:
    """The restart manager's timers that have run out: start those containers again (moby monitor.go). A
    host port taken meanwhile, or a command that no longer starts, leaves the container stopped."""
    for c in host.containers:
        if c.state != "restarting" or c.restart_at is None or c.restart_at > host.clock.now:
            continue
        c.restart_at = None
        if any((owner := host.port_owner(b.host_port, b.proto)) is not None and owner.id != c.id for b in c.ports):
            c.state = "exited"
            continue
        try:
            start_process(host, c)
        except DockerError:
            c.state = "exited"


def listening_ports(host: Host, c: Container) -> set[int]:
    """Container ports the main process listens on."""
    return model(c.process).ports(ProcContext(host, c)) if c.running else set()


def http(host: Host, c: Container, method: str, path: str, body: str) -> HttpResponse:
    """Pass a request to the process model."""
    return model(c.process).http(ProcContext(host, c), method, path, body)


def http_request(
    host: Host, method: str, host_port: int, path: str = "/", body: str | None = None
) -> tuple[int, dict[str, str], str]:
    """What curl gets from localhost:host_port; raises ConnectionRefused / ConnectionReset."""
    c = host.port_owner(host_port)
    if c is None or not c.running:
        raise ConnectionRefused(host_port)
    binding = next(p for p in c.ports if p.host_port == host_port and p.proto == "tcp")
    if binding.container_port not in listening_ports(host, c):
        raise ConnectionReset(host_port)
    resp = http(host, c, method.upper(), path or "/", body or "")
    if resp.status == 0:
        raise ConnectionReset(host_port)
    return resp.status, dict(resp.headers), resp.body
