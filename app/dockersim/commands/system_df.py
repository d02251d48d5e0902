"""`docker system df [-v]`.

Sources: docker/cli `cli/command/system/df.go` and `cli/command/formatter/disk_usage.go`: the summary table
(TYPE/TOTAL/ACTIVE/SIZE/RECLAIMABLE, "Local Volumes", "Build Cache", reclaimable "(N%)") and, with -v,
`verboseWriteTable`: "Images space usage:", "Containers space usage:", "Local Volumes space usage:" and
"Build cache usage: SIZE" sections, each its own tabwriter table with the default formats
(images: REPOSITORY TAG IMAGE ID CREATED SIZE SHARED SIZE UNIQUE SIZE CONTAINERS, the first tag only;
containers: CONTAINER ID IMAGE COMMAND LOCAL VOLUMES SIZE CREATED STATUS NAMES, the writable layer's size;
volumes: VOLUME NAME LINKS SIZE; build cache: CACHE ID CACHE TYPE SIZE CREATED LAST USED USAGE SHARED).
The simulator keeps no BuildKit cache records that df would count, so the build cache is 0B, as in the
summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.contexts import image_context
from app.dockersim.commands.listing import ps_context
from app.dockersim.core.format import human_size, table

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host
    from app.dockersim.engine.models import Image

Out = tuple[str, str, int]
IMAGE_COLUMNS = ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"]
CONTAINER_COLUMNS = ["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS", "NAMES"]
VOLUME_COLUMNS = ["VOLUME NAME", "LINKS", "SIZE"]
CACHE_COLUMNS = ["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"]


def _pct(part: int, whole: int) -> str:
    return f"{human_size(part)} ({part * 100 // whole if whole else 0}%)"


@register("system df", flags="verbose")
def cmd_system_df(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker system df [-v]."""
    if p.flag("verbose"):
        return _verbose(host), "", 0
    images, containers, volumes = host.images, host.containers, host.volumes
    used_images = {c.image_id for c in containers}
    image_size = sum(i.size for i in images)
    unused_size = sum(i.size for i in images if i.id not in used_images)
    rw = sum(c.rw.size for c in containers)
    stopped = sum(c.rw.size for c in containers if not c.running)
    vol_size = sum(v.tree.size for v in volumes)
    active_vols = [v for v in volumes if host.volume_users(v.name)]
    idle_vol = sum(v.tree.size for v in volumes if not host.volume_users(v.name))
    rows = [
        [
            "Images",
            str(len(images)),
            str(len(used_images & {i.id for i in images})),
            human_size(image_size),
            _pct(unused_size, image_size),
        ],
        [
            "Containers",
            str(len(containers)),
            str(sum(c.running for c in containers)),
            human_size(rw),
            _pct(stopped, rw),
        ],
        ["Local Volumes", str(len(volumes)), str(len(active_vols)), human_size(vol_size), _pct(idle_vol, vol_size)],
        ["Build Cache", "0", "0", "0B", "0B"],
    ]
    return table(["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"], rows), "", 0


def _image_row(host: Host, img: Image, layer_users: dict[str, int]) -> list[str]:
    """One image: its first tag, and the bytes of its layers that other images share (SHARED SIZE)."""
    repo, tag = "<none>", "<none>"
    if img.repo_tags:
        repo, _, tag = img.repo_tags[0].rpartition(":")
    shared = sum(layer.size for layer in img.layers if not layer.empty and layer_users.get(layer.id, 0) > 1)
    ctx = image_context(host, repo, tag, img, True)
    row = [ctx[k] for k in ("Repository", "Tag", "ID", "CreatedSince", "Size")]
    return row + [human_size(shared), human_size(img.size - shared), str(len(host.image_users(img.id)))]


def _verbose(host: Host) -> str:
    """verboseWriteTable: one table per kind of object, headers even when a section is empty."""
    layer_users: dict[str, int] = {}
    for img in host.images:
        for lid in {layer.id for layer in img.layers if not layer.empty}:
            layer_users[lid] = layer_users.get(lid, 0) + 1
    images = sorted(host.images, key=lambda i: -i.created)
    out = "Images space usage:\n\n" + table(IMAGE_COLUMNS, [_image_row(host, i, layer_users) for i in images])
    rows = []
    for c in reversed(host.containers):
        ctx = ps_context(host, c, True)
        ctx["Size"] = human_size(c.rw.size)
        rows.append(
            [ctx[k] for k in ("ID", "Image", "Command", "LocalVolumes", "Size", "RunningFor", "Status", "Names")]
        )
    out += "\nContainers space usage:\n\n" + table(CONTAINER_COLUMNS, rows)
    vols = [[v.name, str(len(host.volume_users(v.name))), human_size(v.tree.size)] for v in host.volumes]
    out += "\nLocal Volumes space usage:\n\n" + table(VOLUME_COLUMNS, vols)
    return out + "\nBuild cache usage: 0B\n\n" + table(CACHE_COLUMNS, [])
