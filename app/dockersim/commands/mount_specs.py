"""`-v/--volume`, `--mount` and `--tmpfs` as the docker 28 client and daemon read them.

Sources: docker/cli `cli/compose/loader/volume.go` (`ParseVolume`, run by the client on every -v),
docker/cli `opts/mount.go` (`MountOpt.Set`, a pflag value: its errors are flag errors),
moby `volume/mounts/linux_parser.go` (`ParseMountRaw`, `linuxValidMountMode`,
`validateMountConfigImpl`) and `volume/mounts/errors.go` for the daemon's wording."""

from __future__ import annotations

from dataclasses import dataclass

from app.dockersim.core.errors import DockerError, run_error
from app.dockersim.core.fs import norm
from app.dockersim.engine.models import Mount

RW_MODES = ("ro", "rw")
LABEL_MODES = ("z", "Z")
PROPAGATION = ("private", "rprivate", "slave", "rslave", "shared", "rshared")
COPY_MODES = ("nocopy",)
CONSISTENCY = ("consistent", "cached", "delegated")
_MODE_GROUPS = (RW_MODES, LABEL_MODES, PROPAGATION, COPY_MODES, CONSISTENCY)


@dataclass(frozen=True)
class VolumeFlag:
    """One -v value: a mount, and whether the client sends it as a Bind or as a Config.Volumes key."""

    mount: Mount
    bind: str  # HostConfig.Binds entry ('' for an anonymous volume)
    config_volume: str  # Config.Volumes key ('' when it is a bind)


def valid_mode(mode: str) -> bool:
    """linuxValidMountMode: known options, at most one of each group."""
    if mode == "":
        return True
    counts = [0] * len(_MODE_GROUPS)
    for option in mode.split(","):
        group = next((i for i, g in enumerate(_MODE_GROUPS) if option in g), None)
        if group is None:
            return False
        counts[group] += 1
    return max(counts) <= 1


def _client_split(spec: str) -> tuple[str, str, str]:
    """loader.ParseVolume's scan: (source, target, options); raises its errors."""
    if spec == "":
        raise run_error("invalid empty volume spec", "mount")
    if len(spec) <= 2:
        return "", spec, ""
    fields: list[str] = []
    for i, section in enumerate(spec.split(":")):
        last = i == spec.count(":")
        if section == "":
            raise run_error(f"invalid spec: {spec}: empty section between colons", "mount")
        if len(fields) == 2 and not last:
            raise run_error(f"invalid spec: {spec}: too many colons", "mount")
        fields.append(section)
    if len(fields) == 1:
        return "", fields[0], ""
    return fields[0], fields[1], fields[2] if len(fields) > 2 else ""


def _daemon_error(spec: str, kind: str, problem: str) -> DockerError:
    """ParseMountRaw's framing of a mount config error."""
    return run_error(
        f"Error response from daemon: invalid volume specification: '{spec}': "
        f'invalid mount config for type "{kind}": {problem}',
        "mount",
    )


def _check_target(spec: str, kind: str, target: str) -> None:
    """validateMountConfigImpl's target checks: not the root, absolute."""
    if norm(target) == "/" and target.startswith("/"):
        raise _daemon_error(spec, kind, "invalid specification: destination can't be '/'")
    if not target.startswith("/"):
        raise _daemon_error(spec, kind, f"invalid mount path: '{target}' mount path must be absolute")


def parse_volume(spec: str, cwd: str) -> VolumeFlag:
    """One -v value: the client's scan, then the daemon's ParseMountRaw."""
    source, _target, _ = _client_split(spec)
    if source.startswith("."):  # the client makes ./rel absolute before sending it
        spec = norm(source, cwd) + spec[len(source) :]
    raw = spec
    arr = raw.split(":", 3)
    if arr[0] == "":
        raise run_error(f"Error response from daemon: invalid volume specification: '{raw}'", "mount")
    mode = ""
    if len(arr) == 2 and valid_mode(arr[1]):
        raise run_error(f"Error response from daemon: invalid volume specification: '{raw}'", "mount")
    if len(arr) == 3:
        mode = arr[2]
    if not valid_mode(mode):
        raise run_error(f"Error response from daemon: invalid mode: {mode}", "mount")
    src, dst = ("", arr[0]) if len(arr) == 1 else (arr[0], arr[1])
    kind = "bind" if src.startswith("/") else "volume"
    options = mode.split(",")
    propagation = next((o for o in options if o in PROPAGATION), "")
    _check_target(raw, kind, dst)
    if kind == "volume" and propagation:
        raise _daemon_error(raw, kind, "field BindOptions must not be specified")
    if kind == "bind" and "nocopy" in options:
        raise _daemon_error(raw, kind, "field VolumeOptions must not be specified")
    read_only = "ro" in options
    if kind == "bind":
        m = Mount("bind", norm(src), norm(dst), read_only, mode=mode, propagation=propagation or "rprivate")
    else:
        m = Mount("volume", src, norm(dst), read_only, anonymous=not src, mode=mode, copy="nocopy" not in options)
    return VolumeFlag(m, raw if src else "", "" if src else spec)


def check_mount(fields: dict[str, str], bind_exists: bool) -> None:
    """validateMountConfigImpl for a --mount (ParseMountSpec: a bind source must exist)."""
    typ, target, source = fields["type"], fields["target"], fields.get("source", "")

    def fail(problem: str) -> DockerError:
        return run_error(f'Error response from daemon: invalid mount config for type "{typ}": {problem}', "mount")

    if norm(target) == "/" and target.startswith("/"):
        raise fail("invalid specification: destination can't be '/'")
    if not target.startswith("/"):
        raise fail(f"invalid mount path: '{target}' mount path must be absolute")
    if typ == "bind":
        if not source:
            raise fail("field Source must not be empty")
        propagation = fields.get("bind-propagation", "")
        if propagation and propagation not in PROPAGATION:
            raise fail(f"invalid propagation mode: {propagation}")
        if not source.startswith("/"):
            raise fail(f"invalid mount path: '{source}' mount path must be absolute")
        if not bind_exists:
            raise fail(f"bind source path does not exist: {source}")
    elif typ == "volume":
        if fields.get("readonly") == "true" and not source:
            raise fail("must not set ReadOnly mode when using anonymous volumes")
    elif typ == "tmpfs":
        if source:
            raise fail("field Source must not be specified")
    elif typ != "image":
        raise fail("mount type unknown")


def mount_from_fields(fields: dict[str, str], cwd: str) -> Mount:
    """A checked --mount as the container's Mount."""
    typ, ro = fields["type"], fields.get("readonly") == "true"
    dst = norm(fields["target"])
    if typ == "bind":
        return Mount(
            "bind", norm(fields["source"], cwd), dst, ro, propagation=fields.get("bind-propagation") or "rprivate"
        )
    if typ == "tmpfs":
        return Mount("tmpfs", "", dst, ro)
    src = fields.get("source", "")
    return Mount("volume", src, dst, ro, anonymous=not src, copy=fields.get("volume-nocopy") != "true")
