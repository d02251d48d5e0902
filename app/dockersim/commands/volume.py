"""docker volume create | ls | rm | inspect | prune."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.contexts import VOLUME_HEADERS, header, volume_context
from app.dockersim.commands.formatting import format_list
from app.dockersim.commands.listing import inspect_volume, render
from app.dockersim.core.errors import DockerError, daemon_error
from app.dockersim.core.format import human_size, table
from app.dockersim.engine.models import Volume

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
VOLNAME_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")


def _natural(name: str) -> list[object]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


@register("volume create", flags="driver label")
def cmd_volume_create(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker volume create [NAME]."""
    driver = p.get("driver", "local")
    if driver != "local":
        raise daemon_error(
            f'create {p.args[0] if p.args else ""}: error looking up volume plugin {driver}: plugin "{driver}" not found',
            "flag",
        )
    name = p.args[0] if p.args else host.ids.hex64()
    if not VOLNAME_RE.match(name):
        raise daemon_error(
            f'create {name}: "{name}" includes invalid characters for a local volume name, only '
            '"[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
            "volume_name",
        )
    if host.volume_by_name(name) is None:
        labels = dict(item.partition("=")[::2] for item in p.get("label", []))
        host.add_volume(Volume(name, False, host.clock.now, labels=labels))
    return name + "\n", "", 0


def _dangling(host: Host, v: Volume) -> bool:
    return not host.volume_users(v.name)


@register("volume ls|volume list", flags="quiet filter format")
def cmd_volume_ls(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker volume ls [-q] [-f dangling=true|name=...]."""
    vols = sorted(host.volumes, key=lambda v: _natural(v.name))
    for f in p.get("filter", []):
        key, _, value = f.partition("=")
        if key == "dangling":
            if value not in ("true", "false", "1", "0"):
                raise daemon_error(f"invalid filter 'dangling={value}'", "flag")
            vols = [v for v in vols if _dangling(host, v) == (value in ("true", "1"))]
        elif key == "name":
            vols = [v for v in vols if value in v.name]
        elif key == "driver":
            vols = [v for v in vols if value == "local"]
        else:
            raise daemon_error(f"invalid filter '{key}'", "flag")
    if p.flag("quiet"):
        return "".join(v.name + "\n" for v in vols), "", 0
    fmt = str(p.get("format") or "")
    if fmt not in ("", "table"):
        rows = [volume_context(v) for v in vols]
        return format_list(fmt, rows, header("*formatter.volumeContext", VOLUME_HEADERS)), "", 0
    return table(["DRIVER", "VOLUME NAME"], [["local", v.name] for v in vols]), "", 0


@register("volume rm|volume remove", flags="force")
def cmd_volume_rm(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker volume rm [-f] VOLUME..."""
    out, errs, key = [], [], "no_volume"
    for name in p.args:
        v = host.volume_by_name(name)
        if v is None:
            if not p.flag("force"):
                errs.append(f"Error response from daemon: get {name}: no such volume\n")
            else:
                out.append(name + "\n")
            continue
        users = host.volume_users(name)
        if users:
            errs.append(
                f"Error response from daemon: remove {name}: volume is in use - [{', '.join(c.id for c in users)}]\n"
            )
            key = "volume_in_use"
            continue
        host.delete_volume(name)
        out.append(name + "\n")
    if errs:
        raise DockerError("".join(errs), 1, key, stdout="".join(out))
    return "".join(out), "", 0


@register("volume inspect", flags="format")
def cmd_volume_inspect(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker volume inspect VOLUME..."""
    found, missing = [], []
    for name in p.args:
        v = host.volume_by_name(name)
        (found.append(inspect_volume(host, v)) if v else missing.append(name))
    if missing:
        raise DockerError(
            "".join(f"Error response from daemon: get {m}: no such volume\n" for m in missing),
            1,
            "no_volume",
            stdout=render(p, found) if found else "[]\n",
        )
    return render(p, found), "", 0


@register("volume prune", flags="all force")
def cmd_volume_prune(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker volume prune [-a] [-f]: unused anonymous volumes (all unused with -a)."""
    if not p.flag("force"):
        what = "all local volumes" if p.flag("all") else "anonymous local volumes"
        host.ask(inv.terminal, ["volume", "prune", "--force"] + (["--all"] if p.flag("all") else []))
        return (
            f"WARNING! This will remove {what} not used by at least one container.\n"
            "Are you sure you want to continue? [y/N] ",
            "",
            0,
        )
    gone = [v for v in host.volumes if (v.anonymous or p.flag("all")) and _dangling(host, v)]
    size = sum(v.tree.size for v in gone)
    for v in gone:
        host.delete_volume(v.name)
    body = ("Deleted Volumes:\n" + "".join(v.name + "\n" for v in gone) + "\n") if gone else ""
    return body + f"Total reclaimed space: {human_size(size)}\n", "", 0
