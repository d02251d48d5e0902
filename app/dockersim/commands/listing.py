"""docker ps and docker inspect (containers, images, volumes) with Docker's field names."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.contexts import CONTAINER_HEADERS, container_context, header
from app.dockersim.commands.formatting import format_list, format_objects
from app.dockersim.core.errors import DockerError, daemon_error
from app.dockersim.core.format import short_id, table
from app.dockersim.core.gotemplate import Context
from app.dockersim.engine.models import Container, Image, Mount, PortBinding, Volume

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
ZERO_TIME = "0001-01-01T00:00:00Z"
STATUSES = ("created", "restarting", "running", "removing", "paused", "exited", "dead")


def api_ports(c: Container) -> list[tuple[str, int, int, str]]:
    """(IP, PrivatePort, PublicPort, Type) as the API lists them; running containers only."""
    if not c.running:
        return []
    out: list[tuple[str, int, int, str]] = []
    bound = {(b.container_port, b.proto) for b in c.ports}
    for spec in c.config.get("ExposedPorts") or {}:
        port, _, proto = spec.partition("/")
        if (int(port), proto or "tcp") not in bound:
            out.append(("", int(port), 0, proto or "tcp"))
    for b in c.ports:
        for ip in [b.host_ip] if b.host_ip else ["0.0.0.0", "::"]:
            out.append((ip, b.container_port, b.host_port, b.proto))
    return out


def _join(ip: str, port: str) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def displayable_ports(ports: list[tuple[str, int, int, str]]) -> str:
    """docker/cli formatter.DisplayablePorts."""
    groups: dict[str, list[int]] = {}
    order: list[str] = []
    result: list[str] = []
    mappings: list[str] = []
    for ip, private, public, proto in sorted(ports, key=lambda p: (p[1], p[0], p[2], p[3])):
        key = proto
        if ip:
            if public != private:
                mappings.append(f"{_join(ip, str(public))}->{private}/{proto}")
                continue
            key = f"{ip}/{proto}"
        g = groups.get(key)
        if g is None:
            groups[key] = [private, private]
            order.append(key)
        elif private == g[1] + 1:
            g[1] = private
        else:
            result.append(_form_group(key, g[0], g[1]))
            g[0] = g[1] = private
    result += [_form_group(k, *groups[k]) for k in order]
    return ", ".join(result + mappings)


def _form_group(key: str, first: int, last: int) -> str:
    ip, _, proto = key.rpartition("/")
    group = str(first) if first == last else f"{first}-{last}"
    if ip:
        group = f"{_join(ip, group)}->{group}"
    return f"{group}/{proto}"


def command_text(c: Container) -> str:
    """Path + args as the daemon summarises them (args with spaces single-quoted)."""
    cmd = c.cmd
    if not cmd:
        return ""
    return " ".join([cmd[0]] + [f"'{a}'" if " " in a else a for a in cmd[1:]])


def _filters(raw: list[str]) -> list[tuple[str, str]]:
    out = []
    for f in raw:
        key, eq, value = f.partition("=")
        if not eq:
            raise daemon_error(f"invalid filter '{f}'", "flag")
        if key not in ("status", "name", "ancestor", "id", "exited", "label", "volume", "publish", "expose"):
            raise daemon_error(f"invalid filter '{key}'", "flag")
        if key == "status" and value not in STATUSES:
            raise daemon_error(f"invalid filter 'status={value}'", "flag")
        out.append((key, value))
    return out


def _match(host: Host, c: Container, key: str, value: str) -> bool:
    if key == "status":
        return c.state == value
    if key == "name":
        try:
            return re.search(value, c.name) is not None
        except re.error:
            return value in c.name
    if key == "id":
        return c.id.startswith(value)
    if key == "exited":
        return c.state == "exited" and str(c.exit_code) == value
    if key == "ancestor":
        img = host.image(value)
        return img is not None and c.image_id == img.id
    if key == "volume":
        return any(m.source == value or m.destination == value for m in c.mounts)
    if key == "label":
        k, _, v = value.partition("=")
        labels = c.config.get("Labels") or {}
        return k in labels and (not v or labels[k] == v)
    if key in ("publish", "expose"):
        port = value.split("/")[0]
        return any(str(b.host_port if key == "publish" else b.container_port) == port for b in c.ports)
    return False


@register("ps|container ls|container list|container ps", flags="all quiet latest last no-trunc filter format")
def cmd_ps(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker ps [-a] [-q] [-l] [-n N] [--no-trunc] [-f key=value]."""
    filters = _filters(p.get("filter", []))
    containers = list(reversed(host.containers))
    last = p.get("last", -1)
    if p.flag("latest"):
        last = 1
    show_all = p.flag("all") or last > 0 or any(k in ("status", "exited") for k, _ in filters)
    if not show_all:
        containers = [c for c in containers if c.up]
    if last > 0:
        containers = containers[:last]
    by_key: dict[str, list[str]] = {}
    for k, v in filters:
        by_key.setdefault(k, []).append(v)
    containers = [c for c in containers if all(any(_match(host, c, k, v) for v in vs) for k, vs in by_key.items())]
    trunc = not p.flag("no-trunc")
    if p.flag("quiet"):
        return "".join((c.id[:12] if trunc else c.id) + "\n" for c in containers), "", 0
    fmt = str(p.get("format") or "")
    rows = [ps_context(host, c, trunc) for c in containers]
    if fmt not in ("", "table"):
        return format_list(fmt, rows, header("*formatter.ContainerContext", CONTAINER_HEADERS)), "", 0
    keys = ["ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names"]
    headers = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
    return table(headers, [[r[k] for k in keys] for r in rows]), "", 0


def ps_context(host: Host, c: Container, trunc: bool) -> Context:
    """One row of docker ps as the formatter's context."""
    image = c.image_ref
    if re.fullmatch(r"(sha256:)?[0-9a-f]{64}", image) and trunc:
        image = short_id(image)
    return container_context(host, c, image, command_text(c), displayable_ports(api_ports(c)), trunc)


def _iso(host: Host, t: float | None) -> str:
    return host.clock.iso(t) if t is not None else ZERO_TIME


def _bindings(ports: list[PortBinding]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for b in ports:
        out.setdefault(f"{b.container_port}/{b.proto}", []).append({"HostIp": b.host_ip, "HostPort": str(b.host_port)})
    return out


_CONFIG_KEYS = (
    "Hostname",
    "User",
    "Tty",
    "OpenStdin",
    "AttachStdin",
    "ExposedPorts",
    "Env",
    "Cmd",
    "Image",
    "Volumes",
    "WorkingDir",
    "Entrypoint",
    "Labels",
)


def _network_ports(c: Container) -> dict[str, Any]:
    """NetworkSettings.Ports: every exposed port, with its host bindings (empty unless running)."""
    net_ports: dict[str, Any] = {}
    if c.running:
        for spec in c.config.get("ExposedPorts") or {}:
            net_ports[spec] = None
        for ip, private, public, proto in api_ports(c):
            if ip:
                net_ports.setdefault(f"{private}/{proto}", None)
                net_ports[f"{private}/{proto}"] = (net_ports[f"{private}/{proto}"] or []) + [
                    {"HostIp": ip, "HostPort": str(public)}
                ]
    return net_ports


def _mount_json(m: Mount) -> dict[str, Any]:
    """One entry of `docker inspect`'s Mounts."""
    return {
        "Type": m.type,
        **({"Name": m.source} if m.type == "volume" else {}),
        "Source": f"/var/lib/docker/volumes/{m.source}/_data" if m.type == "volume" else m.source,
        "Destination": m.destination,
        **({"Driver": "local"} if m.type == "volume" else {}),
        "Mode": m.mode or ("z" if m.type == "volume" else ""),
        "RW": not m.read_only,
        "Propagation": m.propagation if m.type == "bind" else "",
    }


def inspect_container(host: Host, c: Container) -> dict[str, Any]:
    """`docker inspect` JSON for a container (the modelled fields)."""
    cmd = c.cmd
    return {
        "Id": c.id,
        "Created": host.clock.iso(c.created),
        "Path": cmd[0] if cmd else "",
        "Args": cmd[1:],
        "State": {
            "Status": c.state,
            "Running": c.up,
            "Paused": False,
            "Restarting": c.state == "restarting",
            "OOMKilled": False,
            "Dead": False,
            "Pid": 4000 + len(c.name) if c.running else 0,
            "ExitCode": c.exit_code,
            "Error": c.error,
            "StartedAt": _iso(host, c.started_at),
            "FinishedAt": _iso(host, c.finished_at),
        },
        "Image": c.image_id,
        "Name": "/" + c.name,
        "RestartCount": c.restart_count,
        "Driver": "overlay2",
        "Platform": "linux",
        "HostConfig": {
            "Binds": c.host_config.get("Binds"),
            "Memory": c.host_config.get("Memory", 0),
            "NanoCpus": c.host_config.get("NanoCpus", 0),
            "ReadonlyRootfs": c.host_config.get("ReadonlyRootfs", False),
            "Tmpfs": c.host_config.get("Tmpfs"),
            "NetworkMode": "bridge",
            "PortBindings": _bindings(c.ports),
            "RestartPolicy": c.host_config.get("RestartPolicy", {"Name": "no", "MaximumRetryCount": 0}),
            "AutoRemove": c.auto_remove,
            "PublishAllPorts": c.publish_all,
        },
        "Mounts": [_mount_json(m) for m in c.mounts if not (m.type == "tmpfs" and m.source)],  # not --tmpfs
        "Config": {k: c.config.get(k) for k in _CONFIG_KEYS},
        "NetworkSettings": {
            "Ports": _network_ports(c),
            "IPAddress": "172.17.0.2" if c.running else "",
            "Gateway": "172.17.0.1" if c.running else "",
        },
    }


def inspect_image(host: Host, img: Image) -> dict[str, Any]:
    """`docker image inspect` JSON."""
    return {
        "Id": img.id,
        "RepoTags": list(img.repo_tags),
        "RepoDigests": [],
        "Parent": img.parent,
        "Comment": "",
        "Created": host.clock.iso(img.created),
        "DockerVersion": "",
        "Author": "",
        "Config": img.config,
        "Architecture": "amd64",
        "Os": "linux",
        "Size": img.size,
        "RootFS": {"Type": "layers", "Layers": [layer.id for layer in img.layers if not layer.empty]},
        "Metadata": {"LastTagTime": ZERO_TIME},
    }


def inspect_volume(host: Host, v: Volume) -> dict[str, Any]:
    """`docker volume inspect` JSON."""
    labels = {"com.docker.volume.anonymous": ""} if v.anonymous else (dict(v.labels) or None)
    return {
        "CreatedAt": host.clock.iso(v.created).split(".")[0] + "Z",
        "Driver": "local",
        "Labels": labels,
        "Mountpoint": f"/var/lib/docker/volumes/{v.name}/_data",
        "Name": v.name,
        "Options": None,
        "Scope": "local",
    }


def dump(objs: list[dict[str, Any]]) -> str:
    """JSON array as the CLI prints it."""
    return json.dumps(objs, indent=4, ensure_ascii=False) + "\n"


def render(p: Parsed, objs: list[dict[str, Any]]) -> str:
    """inspect output: the JSON array, or each object through -f/--format."""
    fmt = str(p.get("format") or "")
    return format_objects(fmt, objs) if fmt else dump(objs)


@register("inspect", flags="type format")
def cmd_inspect(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker inspect NAME|ID...: containers first, then images, then volumes."""
    kind = p.get("type", "")
    if kind and kind not in ("container", "image", "volume"):
        raise DockerError(f'"{kind}" is not a valid value for --type\n', 1, "flag")
    found, missing = [], []
    for ref in p.args:
        c = host.container(ref) if kind in ("", "container") else None
        img = host.image(ref) if c is None and kind in ("", "image") else None
        vol = host.volume_by_name(ref) if c is None and img is None and kind in ("", "volume") else None
        if c:
            found.append(inspect_container(host, c))
        elif img:
            found.append(inspect_image(host, img))
        elif vol:
            found.append(inspect_volume(host, vol))
        else:
            missing.append(ref)
    if missing:
        raise DockerError(
            "".join(f"Error: No such object: {m}\n" for m in missing), 1, "no_container", stdout=render(p, found)
        )
    return render(p, found), "", 0


@register("container inspect", flags="format")
def cmd_container_inspect(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker container inspect."""
    found, missing = [], []
    for ref in p.args:
        c = host.container(ref)
        (found.append(inspect_container(host, c)) if c else missing.append(ref))
    if missing:
        raise DockerError(
            "".join(f"Error: No such container: {m}\n" for m in missing), 1, "no_container", stdout=render(p, found)
        )
    return render(p, found), "", 0
