"""`docker run` / `docker create` options: the adapter that reads parsed flags into a typed RunOptions
(checking what the client and the daemon check before an image is looked at). The porcelain in run.py
takes the options, never the raw flags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.port_specs import PortRequest, parse_expose, parse_publish
from app.dockersim.core.errors import DockerError, run_error
from app.dockersim.core.fs import norm
from app.dockersim.engine.models import Mount

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

NAME_RE = re.compile(r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
VOLNAME_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
PULL_POLICIES = ("always", "missing", "never")


@dataclass(frozen=True)
class RunOptions:
    """What `docker run IMAGE [COMMAND]` was asked to do, checked but not yet applied."""

    image: str
    command: tuple[str, ...]
    name: str  # '' for a generated name; without the leading '/'
    detach: bool
    interactive: bool
    tty: bool
    auto_remove: bool
    publish_all: bool
    quiet: bool
    sig_proxy: bool
    pull: str
    ports: tuple[PortRequest, ...]
    expose: tuple[str, ...]  # --expose, as `port/proto` keys
    mounts: tuple[Mount, ...]
    env: tuple[str, ...]
    labels: tuple[str, ...]
    workdir: str
    entrypoint: str | None  # None: the image's; '' clears it


def _check_policies(p: Parsed) -> str:
    """Conflicting and unsupported flags; returns the pull policy."""
    if p.flag("detach") and p.get("attach"):
        raise DockerError("conflicting options: cannot specify both --attach and --detach\n", 1, "conflict")
    restart = p.get("restart", "no")
    if p.flag("rm") and restart not in ("no", ""):
        raise run_error("conflicting options: cannot specify both --restart and --rm", "conflict")
    if restart not in ("no", ""):
        raise DockerError(
            f"docker: --restart {restart} is real but not supported by this simulator\n", 125, "unsupported"
        )
    policy = str(p.get("pull", "missing"))
    if policy not in PULL_POLICIES:
        raise run_error(f'invalid pull option: \'{policy}\': must be one of "always", "missing" or "never"', "flag")
    return policy


def _checked_name(name: str | None) -> str:
    """A valid --name without its leading '/' ('' when none: the daemon makes one up)."""
    if name and not NAME_RE.match(name):  # an empty --name means a generated one, as in the daemon
        raise run_error(
            f"Error response from daemon: Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
            "name_invalid",
        )
    return (name or "").removeprefix("/")  # stored as "/web", shown as "web"


def read_run_options(host: Host, p: Parsed, cwd: str) -> RunOptions:
    """Parsed flags -> RunOptions, raising Docker's error for the first thing wrong (in Docker's order)."""
    policy = _check_policies(p)
    volumes = _volume_specs(p.get("volume", []), cwd)  # the client reads -v before -p and --expose
    ports = parse_publish(p.get("publish", []))
    expose = parse_expose(p.get("expose", []))
    mounts = volumes + _mount_specs(host, p.get("mount", []), cwd)
    return RunOptions(
        image=p.args[0],
        command=tuple(p.args[1:]),
        name=_checked_name(p.get("name")),
        detach=p.flag("detach"),
        interactive=p.flag("interactive"),
        tty=p.flag("tty"),
        auto_remove=p.flag("rm"),
        publish_all=p.flag("publish-all"),
        quiet=p.flag("quiet"),
        sig_proxy=p.get("sig-proxy", True) is not False,
        pull=policy,
        ports=tuple(ports),
        expose=tuple(expose),
        mounts=tuple(mounts),
        env=tuple(p.get("env", [])),
        labels=tuple(p.get("label", [])),
        workdir=p.get("workdir") or "",
        entrypoint=p.get("entrypoint"),
    )


def _volume_specs(specs: list[str], cwd: str) -> list[Mount]:
    """-v specs -> mounts (named, anonymous or bind)."""
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
    """--mount specs -> mounts; a bind source must exist on the host."""
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
