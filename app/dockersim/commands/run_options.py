"""`docker run` / `docker create` options: the adapter that reads parsed flags into a typed RunOptions
(checking what the client and the daemon check before an image is looked at). The porcelain in run.py
takes the options, never the raw flags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.host_options import HostOptions, read_host_options
from app.dockersim.commands.mount_specs import VolumeFlag, check_mount, mount_from_fields, parse_volume
from app.dockersim.commands.port_specs import PortRequest, parse_expose, parse_publish
from app.dockersim.core.errors import DockerError, run_error, sim_error
from app.dockersim.core.fs import norm
from app.dockersim.core.message import N_
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
    binds: tuple[str, ...]  # HostConfig.Binds: the -v values with a source, as sent
    config_volumes: tuple[str, ...]  # Config.Volumes keys: the -v values without a source
    env: tuple[str, ...]
    labels: tuple[str, ...]
    workdir: str
    entrypoint: str | None  # None: the image's; '' clears it
    host: HostOptions  # --memory, --cpus, --restart, --env-file, --hostname, --user, --read-only, --tmpfs


def _check_policies(p: Parsed) -> str:
    """Conflicting and unsupported flags; returns the pull policy."""
    if p.flag("detach") and p.get("attach"):
        raise DockerError("conflicting options: cannot specify both --attach and --detach\n", 1, "conflict")
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
    host_options = read_host_options(host, p, cwd)
    mounts = [v.mount for v in volumes] + _mount_specs(host, p.get("mount", []), cwd)
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
        binds=tuple(v.bind for v in volumes if v.bind),
        config_volumes=tuple(v.config_volume for v in volumes if v.config_volume),
        env=tuple(p.get("env", [])),
        labels=tuple(p.get("label", [])),
        workdir=p.get("workdir") or "",
        entrypoint=p.get("entrypoint"),
        host=host_options,
    )


def _check_volume_name(m: Mount) -> None:
    """The local driver's volume name rule (checked when the daemon creates the volume)."""
    if m.type == "volume" and m.source and not VOLNAME_RE.match(m.source):
        src = m.source
        raise run_error(
            f'Error response from daemon: create {src}: "{src}" includes invalid characters for a local '
            'volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host '
            "directory, use absolute path",
            "volume_name",
        )


def _volume_specs(specs: list[str], cwd: str) -> list[VolumeFlag]:
    """-v specs -> mounts (named, anonymous or bind), with the client's and the daemon's checks."""
    flags = [parse_volume(spec, cwd) for spec in specs]
    for f in flags:
        _check_volume_name(f.mount)
    return flags


def _mount_specs(host: Host, specs: list[dict[str, str]], cwd: str) -> list[Mount]:
    """--mount values (already read by the flag parser) -> mounts; a bind source must exist on the host."""
    mounts: list[Mount] = []
    for fields in specs:
        if fields["type"] == "image":
            raise sim_error(N_("--mount type=image is real but not supported by this simulator."), 125, "unsupported")
        source = fields.get("source", "")
        exists = bool(source) and host.fs.kind(norm(source, cwd)) is not None
        check_mount(fields, exists)
        m = mount_from_fields(fields, cwd)
        _check_volume_name(m)
        mounts.append(m)
    return mounts
