"""docker run / docker create: options, mounts, ports, pull-on-missing, attach or detach."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.pull import ensure_image
from app.dockersim.core.errors import DockerError, run_error
from app.dockersim.core.fs import norm
from app.dockersim.engine import runtime
from app.dockersim.engine.models import Container, Image, Mount, PortBinding, Volume

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
RUN_FLAGS = (
    "detach publish publish-all name rm volume mount env interactive tty workdir entrypoint pull "
    "attach sig-proxy quiet restart label"
)
NAME_RE = re.compile(r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
VOLNAME_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
EPHEMERAL = 32768


def _port_specs(host: Host, specs: list[str]) -> list[PortBinding]:
    out: list[PortBinding] = []
    for spec in specs:
        body, _, proto = spec.partition("/")
        if "-" in body:
            raise DockerError(
                f"docker: port ranges ({spec}) are real but not supported by this simulator\n", 125, "unsupported"
            )
        proto = proto or "tcp"
        if proto not in ("tcp", "udp", "sctp"):
            raise run_error(f"invalid proto: {proto}", "port_spec")
        parts = body.rsplit(":", 2) if not body.startswith("[") else re.split(r"(?<=\]):|:(?=[^:]*$)", body)
        ip, hport, cport = (
            ("", "", parts[0]) if len(parts) == 1 else ("", parts[0], parts[1]) if len(parts) == 2 else tuple(parts)
        )
        if not cport or not cport.isdigit() or not 0 < int(cport) < 65536:
            raise run_error(
                f"invalid containerPort: {cport}" if cport else "no port specified: " + spec + "<empty>", "port_spec"
            )
        if hport and (not hport.isdigit() or not 0 <= int(hport) < 65536):
            raise run_error(f"invalid hostPort: {hport}", "port_spec")
        if ip and not re.fullmatch(r"\d+\.\d+\.\d+\.\d+|\[[0-9a-fA-F:]+\]", ip):
            raise run_error(f"invalid IP address: {ip}", "port_spec")
        out.append(PortBinding(ip.strip("[]"), int(hport) if hport else 0, int(cport), proto))
    return out


def _allocate(host: Host, taken: set[int]) -> int:
    port = EPHEMERAL
    while port in taken or host.port_owner(port) is not None:
        port += 1
    taken.add(port)
    return port


def _volume_specs(host: Host, specs: list[str], cwd: str) -> list[Mount]:
    mounts: list[Mount] = []
    for spec in specs:
        parts = spec.split(":")
        if "" in parts:
            raise run_error(f"invalid spec: {spec}: empty section between colons", "mount")
        mode = ""
        if len(parts) == 1:
            src, dst = "", parts[0]
        elif len(parts) == 2:
            src, dst = parts
            if not dst.startswith("/") and not src.startswith(("/", ".")):
                src, dst, mode = "", src, dst
        elif len(parts) == 3:
            src, dst, mode = parts
        else:
            raise run_error(f"Error response from daemon: invalid volume specification: '{spec}'", "mount")
        for m in filter(None, mode.split(",")):
            if m not in ("ro", "rw", "z", "Z", "nocopy", "consistent", "cached", "delegated"):
                raise run_error(f"Error response from daemon: invalid mode: {mode}", "mount")
        kind = "bind" if src.startswith(("/", ".")) else "volume"
        if not dst.startswith("/"):
            what = "bind" if kind == "bind" else "volume"
            raise run_error(
                f"Error response from daemon: invalid volume specification: '{spec}': invalid mount config "
                f"for type \"{what}\": invalid mount path: '{dst}' mount path must be absolute",
                "mount",
            )
        if kind == "volume" and src and not VOLNAME_RE.match(src):
            raise run_error(
                f'Error response from daemon: create {src}: "{src}" includes invalid characters for a local '
                'volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host '
                "directory, use absolute path",
                "volume_name",
            )
        read_only = "ro" in mode.split(",")
        if kind == "bind":
            mounts.append(Mount("bind", norm(src, cwd), norm(dst), read_only))
        else:
            mounts.append(Mount("volume", src, norm(dst), read_only, anonymous=not src))
    return mounts


def _mount_specs(host: Host, specs: list[str], cwd: str) -> list[Mount]:
    mounts: list[Mount] = []
    for spec in specs:
        fields: dict[str, str] = {}
        for item in spec.split(","):
            k, eq, v = item.partition("=")
            fields[k.strip().lower()] = v if eq else "true"
        typ = fields.get("type", "volume")
        src = fields.get("source", fields.get("src", ""))
        dst = fields.get("destination", fields.get("dst", fields.get("target", "")))
        ro = fields.get("readonly", fields.get("ro", "false")) in ("true", "1")
        if typ not in ("bind", "volume"):
            raise DockerError(
                f"docker: --mount type={typ} is real but not supported by this simulator\n", 125, "unsupported"
            )
        if not dst:
            raise run_error(
                f'Error response from daemon: invalid mount config for type "{typ}": field Target must not be empty',
                "mount",
            )
        if typ == "bind":
            if not src:
                raise run_error(
                    'Error response from daemon: invalid mount config for type "bind": field Source must not be empty',
                    "mount",
                )
            path = norm(src, cwd)
            if host.fs.kind(path) is None:
                raise run_error(
                    f'Error response from daemon: invalid mount config for type "bind": bind source path does not exist: {path}',
                    "mount",
                )
            mounts.append(Mount("bind", path, norm(dst), ro))
        else:
            mounts.append(Mount("volume", src, norm(dst), ro, anonymous=not src))
    return mounts


def _populate(host: Host, vol: Volume, image: Image, dest: str) -> None:
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


def create_container(host: Host, p: Parsed, inv: Caller) -> tuple[Container, str]:
    """Validate options, resolve/pull the image and store a new Created container; returns it and pull text."""
    if p.flag("detach") and p.get("attach"):
        raise DockerError("conflicting options: cannot specify both --attach and --detach\n", 1, "conflict")
    restart = p.get("restart", "no")
    if p.flag("rm") and restart not in ("no", ""):
        raise run_error("conflicting options: cannot specify both --restart and --rm", "conflict")
    if restart not in ("no", ""):
        raise DockerError(
            f"docker: --restart {restart} is real but not supported by this simulator\n", 125, "unsupported"
        )
    policy = p.get("pull", "missing")
    if policy not in ("always", "missing", "never"):
        raise run_error(f'invalid pull option: \'{policy}\': must be one of "always", "missing" or "never"', "flag")
    ports = _port_specs(host, p.get("publish", []))
    mounts = _volume_specs(host, p.get("volume", []), inv.cwd) + _mount_specs(host, p.get("mount", []), inv.cwd)
    name = p.get("name")
    if name and not NAME_RE.match(name):  # an empty --name means a generated one, as in the daemon
        raise run_error(
            f"Error response from daemon: Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
            "name_invalid",
        )
    if name:
        name = name.removeprefix("/")  # stored as "/web", shown as "web"
        other = host.name_taken(name)
        if other:
            raise run_error(
                f'Error response from daemon: Conflict. The container name "/{name.lstrip("/")}" is already in use '
                f'by container "{other.id}". You have to remove (or rename) that container to be able to reuse that name.',
                "name_conflict",
            )
    ref = p.args[0]
    try:
        image, progress = ensure_image(host, ref, policy)
    except DockerError as e:
        if e.text.startswith("docker-dojo:"):  # the simulator's own note is not Docker's text: no `docker:` framing
            raise DockerError(e.preamble + e.text.rstrip("\n") + "\n", 125, e.hint) from None
        framed = run_error(e.text, e.hint)
        framed.text = e.preamble + framed.text
        raise framed from None
    host.check_container_limit()
    cid = host.ids.hex64()
    if not name:
        name = cid[:12]
        for retry in range(6):
            candidate = host.ids.name(retry)
            if not host.name_taken(candidate):
                name = candidate
                break
    cfg = image.config
    user_cmd = p.args[1:]
    entry = p.get("entrypoint")
    entrypoint = ([entry] if entry else None) if entry is not None else cfg.get("Entrypoint")  # not split, as Docker
    cmd = user_cmd or (None if entry is not None else cfg.get("Cmd"))
    env = list(cfg.get("Env") or [])
    for e in p.get("env", []):
        key = e.split("=", 1)[0]
        if not key:
            raise run_error(f"invalid environment variable: {e}", "flag")
        if "=" not in e:
            continue
        env = [x for x in env if x.split("=", 1)[0] != key] + [e]
    exposed = dict(cfg.get("ExposedPorts") or {})
    for b in ports:
        exposed.setdefault(f"{b.container_port}/{b.proto}", {})
    taken: set[int] = set()
    for b in ports:
        if b.host_port == 0:
            b.host_port = _allocate(host, taken)
    if p.flag("publish-all"):
        for spec in sorted(exposed, key=lambda s: int(s.split("/")[0])):
            port, proto = spec.split("/")
            if not any(b.container_port == int(port) and b.proto == proto for b in ports):
                ports.append(PortBinding("", _allocate(host, taken), int(port), proto))
    workdir = p.get("workdir") or cfg.get("WorkingDir") or ""
    if workdir and not workdir.startswith("/"):
        raise run_error(
            f"Error response from daemon: the working directory '{workdir}' is invalid, it needs to be an absolute path",
            "flag",
        )
    for vpath in cfg.get("Volumes") or {}:
        if not any(m.destination == vpath for m in mounts):
            mounts.append(Mount("volume", "", vpath, False, anonymous=True))
    labels = dict(cfg.get("Labels") or {})
    for item in p.get("label", []):
        k, _, v = item.partition("=")
        labels[k] = v
    config: dict[str, Any] = {
        "Hostname": cid[:12],
        "User": cfg.get("User", ""),
        "Tty": p.flag("tty"),
        "OpenStdin": p.flag("interactive"),
        "AttachStdin": p.flag("interactive") and not p.flag("detach"),
        "Env": env,
        "Cmd": cmd,
        "Image": ref,
        "Volumes": dict(cfg.get("Volumes") or {}) or None,
        "WorkingDir": workdir,
        "Entrypoint": entrypoint,
        "ExposedPorts": exposed,
        "Labels": labels,
    }
    if cfg.get("StopSignal"):
        config["StopSignal"] = cfg["StopSignal"]
    for m in mounts:
        if m.type == "volume":
            if m.anonymous:
                m.source = host.ids.hex64()
            if host.volume_by_name(m.source) is None:
                host.add_volume(Volume(m.source, m.anonymous, host.clock.now))
            _populate(host, host.volume_by_name(m.source), image, m.destination)  # type: ignore[arg-type]
        elif host.fs.kind(m.source) is None:
            host.fs.makedirs(m.source)  # -v creates a missing host directory
    c = Container(
        cid,
        name,
        ref,
        image.id,
        host.clock.now,
        config,
        ports,
        mounts,
        auto_remove=p.flag("rm"),
        rw=host.new_rw_layer(),
        publish_all=p.flag("publish-all"),
    )
    host.add_container(c)
    if p.flag("quiet"):  # -q drops the pull progress, not the "Unable to find image" line
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
    c, progress = create_container(host, p, inv)
    detach = p.flag("detach")
    out = c.id + "\n" if detach else ""
    mark = c.logs_dropped + len(c.logs)
    c.attached = not detach
    try:
        start_container(host, c)
    except DockerError as e:
        if c.auto_remove and host.container(c.id):
            host.remove_container(c, volumes=True)
        framed = run_error("Error response from daemon: " + e.text, e.hint, _exit_for(e.text), stdout=out)
        framed.text = progress + framed.text
        raise framed from None
    if detach:
        return out, progress, 0
    emitted = c.logs[max(0, mark - c.logs_dropped) :]
    text_out = "".join(e.text + "\n" for e in emitted if e.stream == "stdout" or c.config.get("Tty"))
    text_err = progress + "".join(e.text + "\n" for e in emitted if e.stream == "stderr" and not c.config.get("Tty"))
    if c.running:
        shellish = c.process in ("shell", "repl")
        kind = ("shell" if c.process == "shell" else "repl") if shellish and c.config.get("OpenStdin") else "attach"
        host.attach_terminal(
            inv.terminal,
            c,
            kind,
            tty=bool(c.config.get("Tty")),
            stdin=bool(c.config.get("OpenStdin")),
            sig_proxy=p.get("sig-proxy", True) is not False,
        )
        if c.process == "sleep" and float(c.proc.get("seconds", 0)) <= 600:
            host.clock.advance(float(c.proc["seconds"]))
            host.reap()
        return text_out, text_err, 0
    return text_out, text_err, c.exit_code


@register("create|container create", flags=RUN_FLAGS)
def cmd_create(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker create: prints the new id."""
    try:
        c, progress = create_container(host, p, inv)
    except DockerError as e:
        e.text = e.text.replace("'docker run --help'", "'docker create --help'")
        raise
    return c.id + "\n", progress, 0
