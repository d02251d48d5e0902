"""The formatter contexts `--format` templates see: docker/cli `cli/command/formatter/container.go`
(ContainerContext), `image.go` (imageContext), `volume.go` (volumeContext): field names, their header
texts for `table`, and their values as the client computes them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.dockersim.core.format import ellipsis, go_quote, human_duration, human_size, short_id
from app.dockersim.core.gotemplate import Context

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host
    from app.dockersim.engine.models import Container, Image, Volume

CONTAINER_HEADERS = {
    "ID": "CONTAINER ID",
    "Names": "NAMES",
    "Image": "IMAGE",
    "Command": "COMMAND",
    "CreatedAt": "CREATED AT",
    "RunningFor": "CREATED",
    "Ports": "PORTS",
    "State": "STATE",
    "Status": "STATUS",
    "Size": "SIZE",
    "Labels": "LABELS",
    "Mounts": "MOUNTS",
    "Networks": "NETWORKS",
    "LocalVolumes": "LOCAL VOLUMES",
}
IMAGE_HEADERS = {
    "ID": "IMAGE ID",
    "Repository": "REPOSITORY",
    "Tag": "TAG",
    "Digest": "DIGEST",
    "CreatedSince": "CREATED",
    "CreatedAt": "CREATED AT",
    "Size": "SIZE",
    "Containers": "CONTAINERS",
    "VirtualSize": "SIZE",
    "SharedSize": "SHARED SIZE",
    "UniqueSize": "UNIQUE SIZE",
}
VOLUME_HEADERS = {
    "Name": "VOLUME NAME",
    "Driver": "DRIVER",
    "Scope": "SCOPE",
    "Mountpoint": "MOUNTPOINT",
    "Labels": "LABELS",
    "Links": "LINKS",
    "Size": "SIZE",
}


def go_time(t: float) -> str:
    """Go's time.Time.String() in UTC, as CreatedAt prints."""
    return datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%d %H:%M:%S +0000 UTC")


def header(type_name: str, headers: dict[str, str]) -> Context:
    """The context a `table` header row is rendered from."""
    return Context(type_name, dict(headers))


def container_context(host: Host, c: Container, image: str, command: str, ports: str, trunc: bool) -> Context:
    """formatter.ContainerContext for one row of `docker ps`."""
    labels = ",".join(f"{k}={v}" for k, v in sorted((c.config.get("Labels") or {}).items()))
    mounts = [m.source for m in c.mounts if m.type != "tmpfs"]  # volume names and bind sources
    now = host.clock.now
    return Context(
        "*formatter.ContainerContext",
        {
            "ID": c.id[:12] if trunc else c.id,
            "Names": c.name,
            "Image": image,
            "Command": go_quote(ellipsis(command, 20) if trunc else command),
            "CreatedAt": go_time(c.created),
            "RunningFor": human_duration(now - c.created) + " ago",
            "Ports": ports,
            "State": c.state,
            "Status": c.status(now),
            "Size": "0B",
            "Labels": labels,
            "Mounts": ",".join(ellipsis(m, 15) if trunc else m for m in mounts),
            "Networks": "bridge",
            "LocalVolumes": str(sum(1 for m in c.mounts if m.type == "volume")),
        },
    )


def image_context(host: Host, repo: str, tag: str, img: Image, trunc: bool) -> Context:
    """formatter.imageContext for one row of `docker images`."""
    return Context(
        "*formatter.imageContext",
        {
            "ID": short_id(img.id) if trunc else img.id,
            "Repository": repo,
            "Tag": tag,
            "Digest": "<none>",
            "CreatedSince": human_duration(host.clock.now - img.created) + " ago",
            "CreatedAt": go_time(img.created),
            "Size": human_size(img.size),
            "Containers": "N/A",
            "VirtualSize": human_size(img.size),
            "SharedSize": "N/A",
            "UniqueSize": "N/A",
        },
    )


def volume_context(v: Volume) -> Context:
    """formatter.volumeContext for one row of `docker volume ls`."""
    labels = {"com.docker.volume.anonymous": ""} if v.anonymous else dict(v.labels)
    return Context(
        "*formatter.volumeContext",
        {
            "Name": v.name,
            "Driver": "local",
            "Scope": "local",
            "Mountpoint": f"/var/lib/docker/volumes/{v.name}/_data",
            "Labels": ",".join(f"{k}={val}" for k, val in sorted(labels.items())),
            "Links": "N/A",
            "Size": "N/A",
        },
    )
