"""docker run / docker create: the porcelain that creates, starts and attaches containers from RunOptions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.pull import ensure_image
from app.dockersim.commands.run_options import NAME_RE, RunOptions, read_run_options
from app.dockersim.core.clock import START_SECONDS
from app.dockersim.core.errors import LEAD_MARK, DockerError, run_error
from app.dockersim.core.fs import norm
from app.dockersim.core.message import is_note
from app.dockersim.engine import runtime
from app.dockersim.engine.models import Container, Image, Mount, PortBinding, Volume
from app.dockersim.engine.restart_policy import reset

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
RUN_FLAGS = (
    "detach publish publish-all name rm volume mount env interactive tty workdir entrypoint pull "
    "attach sig-proxy quiet restart label expose memory cpus env-file hostname user read-only tmpfs"
)
EPHEMERAL = 32768
TMPFS_FLAG = "--tmpfs"

__all__ = ["NAME_RE", "RUN_FLAGS", "create_container", "start_container"]


def _allocate(host: Host, taken: set[int], low: int = EPHEMERAL, high: int = 0) -> int:
    """The first free host port from low (within low..high when a range was asked for; else low)."""
    port = low
    while port in taken or host.port_owner(port) is not None:
        port += 1
        if high and port > high:
            port = low  # nothing free in the range: the bind fails at start, as libnetwork's does
            break
    taken.add(port)
    return port


def _populate(host: Host, vol: Volume, image: Image, dest: str) -> None:
    """Copy the image's files under dest into a new, empty volume (as the daemon does)."""
    if vol.tree.files or len(vol.tree.dirs) > 1:
        return
    prefix = dest.rstrip("/") + "/"
    for d in image.dirs:
        if d.startswith(prefix):
            vol.tree.makedirs("/" + d[len(prefix) :])
    for f, text in image.files.items():
        if f.startswith(prefix):
            vol.tree.makedirs(norm("..", "/" + f[len(prefix) :]))
            vol.tree.write("/" + f[len(prefix) :], text)


def _claim_name(host: Host, name: str) -> None:
    """Refuse a name another container holds."""
    other = host.name_taken(name) if name else None
    if other:
        raise run_error(
            f'Error response from daemon: Conflict. The container name "/{name}" is already in use '
            f'by container "{other.id}". You have to remove (or rename) that container to be able to reuse that name.',
            "name_conflict",
        )


def _image(host: Host, ref: str, policy: str) -> tuple[Image, str]:
    """The image to run (pulled per the policy) and the pull progress text, framed as `docker run` does."""
    try:
        return ensure_image(host, ref, policy)
    except DockerError as e:
        if is_note(e.text):  # the simulator's own note is not Docker's text: no `docker:` framing
            raise DockerError(e.preamble + e.text, 125, e.hint) from None
        framed = run_error(e.text, e.hint)
        framed.text = e.preamble + framed.text
        raise framed from None


def _generated_name(host: Host, cid: str) -> str:
    """adjective_surname, retried with a digit, else the short id (as the daemon does)."""
    for retry in range(6):
        candidate = host.ids.name(retry)
        if not host.name_taken(candidate):
            return candidate
    return cid[:12]


def _env(image_env: list[str], given: tuple[str, ...]) -> list[str]:
    """The image's environment with -e KEY=VALUE applied (a bare -e KEY is not set: no host env here)."""
    env = list(image_env)
    for e in given:
        key = e.split("=", 1)[0]
        if not key:
            raise run_error(f"invalid environment variable: {e}", "flag")
        if "=" not in e:
            continue
        env = [x for x in env if x.split("=", 1)[0] != key] + [e]
    return env


def _publish(host: Host, o: RunOptions, exposed: dict[str, Any]) -> list[PortBinding]:
    """-p bindings with free host ports allocated (or taken from a host range), plus every exposed port for -P."""
    for key in o.expose:
        exposed.setdefault(key, {})
    for r in o.ports:
        exposed.setdefault(f"{r.container_port}/{r.proto}", {})
    taken: set[int] = set()
    ports: list[PortBinding] = []
    for r in o.ports:
        if r.host_start == 0:
            port = _allocate(host, taken)
        elif r.host_end > r.host_start:
            port = _allocate(host, taken, r.host_start, r.host_end)
        else:
            port = r.host_start
        ports.append(PortBinding(r.host_ip, port, r.container_port, r.proto))
    if o.publish_all:
        for spec in sorted(exposed, key=lambda s: int(s.split("/")[0])):
            port_text, proto = spec.split("/")
            if not any(b.container_port == int(port_text) and b.proto == proto for b in ports):
                ports.append(PortBinding("", _allocate(host, taken), int(port_text), proto))
    return ports


def _config(o: RunOptions, cfg: dict[str, Any], cid: str, exposed: dict[str, Any]) -> dict[str, Any]:
    """The container's Config: the image's, with the run options applied."""
    env = _env(
        list(cfg.get("Env") or []), o.host.env_file + o.env
    )  # --env-file first, -e overrides  # checked before the working directory, as Docker does
    workdir = o.workdir or cfg.get("WorkingDir") or ""
    if workdir and not workdir.startswith("/"):
        raise run_error(
            f"Error response from daemon: the working directory '{workdir}' is invalid, it needs to be an absolute path",
            "flag",
        )
    entry = o.entrypoint
    labels = dict(cfg.get("Labels") or {})
    for item in o.labels:
        k, _, v = item.partition("=")
        labels[k] = v
    config: dict[str, Any] = {
        "Hostname": o.host.hostname or cid[:12],
        "User": o.host.user or cfg.get("User", ""),
        "Tty": o.tty,
        "OpenStdin": o.interactive,
        "AttachStdin": o.interactive and not o.detach,
        "Env": env,
        "Cmd": list(o.command) or (None if entry is not None else cfg.get("Cmd")),
        "Image": o.image,
        "Volumes": {**dict(cfg.get("Volumes") or {}), **{v: {} for v in o.config_volumes}} or None,
        "WorkingDir": workdir,
        # --entrypoint is one word, not split, as Docker; an empty one clears the image's
        "Entrypoint": ([entry] if entry else None) if entry is not None else cfg.get("Entrypoint"),
        "ExposedPorts": exposed,
        "Labels": labels,
    }
    if cfg.get("StopSignal"):
        config["StopSignal"] = cfg["StopSignal"]
    return config


def _mounts(host: Host, o: RunOptions, image: Image) -> list[Mount]:
    """The run's mounts plus an anonymous volume per image VOLUME; volumes made and filled, bind dirs made."""
    mounts = [replace(m) for m in o.mounts]
    # --tmpfs: HostConfig.Tmpfs, not listed in inspect's Mounts (the source marks it)
    mounts += [Mount("tmpfs", TMPFS_FLAG, dest) for dest, _ in o.host.tmpfs]
    for vpath in image.config.get("Volumes") or {}:
        if not any(m.destination == vpath for m in mounts):
            mounts.append(Mount("volume", "", vpath, False, anonymous=True))
    for m in mounts:
        if m.type == "volume":
            if m.anonymous:
                m.source = host.ids.hex64()
            vol = host.volume_by_name(m.source)
            if vol is None:
                vol = Volume(m.source, m.anonymous, host.clock.now)
                host.add_volume(vol)
            if m.copy:  # nocopy: a new volume starts empty
                _populate(host, vol, image, m.destination)
        elif m.type == "bind" and host.fs.kind(m.source) is None:
            host.fs.makedirs(m.source)  # -v creates a missing host directory
    return mounts


def create_container(host: Host, o: RunOptions) -> tuple[Container, str]:
    """Resolve/pull the image and store a new Created container; returns it and the pull text."""
    _claim_name(host, o.name)
    image, progress = _image(host, o.image, o.pull)
    host.check_container_limit()
    cid = host.ids.hex64()
    name = o.name or _generated_name(host, cid)
    exposed = dict(image.config.get("ExposedPorts") or {})
    ports = _publish(host, o, exposed)
    config = _config(o, image.config, cid, exposed)
    host.check_container_room(config, name, o.image)  # before volumes are made: a refused run leaves nothing
    mounts = _mounts(host, o, image)
    c = Container(
        cid,
        name,
        o.image,
        image.id,
        host.clock.now,
        config,
        ports,
        mounts,
        auto_remove=o.auto_remove,
        rw=host.new_rw_layer(),
        publish_all=o.publish_all,
        host_config={"Binds": list(o.binds) or None, **o.host.host_config()},
    )
    host.add_container(c)
    if o.quiet:  # -q drops the pull progress, not the "Unable to find image" line
        progress = "".join(
            line for line in progress.splitlines(keepends=True) if line.startswith("Unable to find image")
        )
    return c, progress


def start_container(host: Host, c: Container) -> None:
    """Start: claim host ports (or fail like libnetwork), then exec the process model."""
    for b in c.ports:
        owner = host.port_owner(b.host_port, b.proto)
        if owner is not None and owner.id != c.id:
            endpoint = host.ids.hex64()
            bind_ip = b.host_ip or "0.0.0.0"
            raise DockerError(
                f"failed to set up container networking: driver failed programming external connectivity on "
                f"endpoint {c.name} ({endpoint}): Bind for {bind_ip}:{b.host_port} failed: port is already allocated",
                1,
                "port_taken",
            )
    reset(c)  # a user's start makes a new restart manager (moby containerStart: ResetRestartManager)
    runtime.start_process(host, c)


def _exit_for(message: str) -> int:
    if "executable file not found" in message or "no such file or directory" in message:
        return 127
    if "permission denied" in message or "is a directory" in message:
        return 126
    return 125


@register("run|container run", flags=RUN_FLAGS)
def cmd_run(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker run."""
    o = read_run_options(host, p, inv.cwd)
    c, progress = create_container(host, o)
    detach = o.detach
    out = c.id + "\n" if detach else ""
    mark = c.logs_dropped + len(c.logs)
    c.attached = not detach
    host.clock.advance(START_SECONDS)  # the daemon's start comes a moment after the create
    try:
        start_container(host, c)
    except DockerError as e:
        if c.auto_remove and host.container(c.id):
            host.remove_container(c, volumes=True)
        framed = run_error("Error response from daemon: " + e.text, e.hint, _exit_for(e.text), stdout=out)
        framed.text = _first(progress) + framed.text
        raise framed from None
    if detach:
        return out, _first(progress), 0
    emitted = c.logs[max(0, mark - c.logs_dropped) :]
    text_out = "".join(e.text + "\n" for e in emitted if e.stream == "stdout" or c.config.get("Tty"))
    text_err = _first(progress) + "".join(
        e.text + "\n" for e in emitted if e.stream == "stderr" and not c.config.get("Tty")
    )
    if c.running:
        shellish = c.process in ("shell", "repl")
        kind = ("shell" if c.process == "shell" else "repl") if shellish and c.config.get("OpenStdin") else "attach"
        host.attach_terminal(
            inv.terminal,
            c,
            kind,
            tty=bool(c.config.get("Tty")),
            stdin=bool(c.config.get("OpenStdin")),
            sig_proxy=o.sig_proxy,
        )
        if c.process == "sleep" and float(c.proc.get("seconds", 0)) <= 600:
            host.clock.advance(float(c.proc["seconds"]))
            host.reap()
        return text_out, text_err, 0
    return text_out, text_err, c.exit_code


def _first(progress: str) -> str:
    """The pull progress, which a terminal shows before anything the command prints on stdout."""
    return progress + LEAD_MARK if progress else ""


@register("create|container create", flags=RUN_FLAGS)
def cmd_create(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker create: prints the new id.

    docker/cli create.go returns parse errors as a StatusError (125, `docker: …` with the create help tail)
    but errors of the create request itself (image reference, pull, daemon) plainly, exit 1."""
    try:
        o = read_run_options(host, p, inv.cwd)
    except DockerError as e:
        raise _plain(e) if e.text.startswith("docker: Error response from daemon:") else _create_help(e) from None
    try:
        c, progress = create_container(host, o)
    except DockerError as e:
        raise _plain(e) if "docker: " in e.text else e from None
    return c.id + "\n", _first(progress), 0


RUN_TAIL = "\n\nRun 'docker run --help' for more information\n"


def _create_help(e: DockerError) -> DockerError:
    e.text = e.text.replace("'docker run --help'", "'docker create --help'")
    return e


def _plain(e: DockerError) -> DockerError:
    """A create-request error as the client prints a plain error: the message, exit 1."""
    head, _, text = e.text.partition("docker: ")  # head: pull lines printed before the error
    text = head + (text[: -len(RUN_TAIL)] + "\n" if text.endswith(RUN_TAIL) else text)
    out = DockerError(text, 1, e.hint, e.stdout)
    out.preamble = e.preamble
    return out
