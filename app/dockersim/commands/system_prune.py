"""`docker system prune` (`docker system df` is in system_df).

Sources: docker/cli `cli/command/system/prune.go` (the warning list: stopped
containers, networks, anonymous volumes with --volumes, dangling or -a all unused images, build cache; the
[y/N] prompt; "Total reclaimed space:")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.image import delete_unused_image
from app.dockersim.core.format import human_size

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]


def _warning(p: Parsed) -> str:
    items = ["all stopped containers", "all networks not used by at least one container"]
    if p.flag("volumes"):
        items.append("all anonymous volumes not used by at least one container")
    items.append(
        "all images without at least one container associated to them" if p.flag("all") else "all dangling images"
    )
    items.append("unused build cache")
    return (
        "WARNING! This will remove:\n"
        + "".join(f"  - {w}\n" for w in items)
        + "\nAre you sure you want to continue? [y/N] "
    )


@register("system prune", flags="all force volumes")
def cmd_system_prune(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker system prune [-a] [-f] [--volumes]."""
    if not p.flag("force"):
        host.ask(inv.terminal, ["system", "prune", "--force"] + [f"--{f}" for f in ("all", "volumes") if p.flag(f)])
        return _warning(p), "", 0
    out, total = "", 0
    gone = [c for c in host.containers if not c.running]
    total += sum(c.rw.size for c in gone)
    for c in gone:
        host.remove_container(c)
    if gone:
        out += "Deleted Containers:\n" + "".join(c.id + "\n" for c in gone) + "\n"
    if p.flag("volumes"):
        vols = [v for v in host.volumes if v.anonymous and not host.volume_users(v.name)]
        total += sum(v.tree.size for v in vols)
        for v in vols:
            host.delete_volume(v.name)
        if vols:
            out += "Deleted Volumes:\n" + "".join(v.name + "\n" for v in vols) + "\n"
    lines: list[str] = []
    for img in host.images:
        if host.image_users(img.id) or (img.repo_tags and not p.flag("all")):
            continue
        freed, deleted = delete_unused_image(host, img)
        total += freed
        lines += deleted
    if lines:
        out += "Deleted Images:\n" + "".join(line + "\n" for line in lines) + "\n"
    return out + f"Total reclaimed space: {human_size(total)}\n", "", 0
