"""The modelled HostConfig/Config flags of `docker run`: --memory, --cpus, --restart, --env-file,
--hostname, --user, --read-only, --tmpfs.

Sources: docker/cli `opts/parse.go` (`ParseRestartPolicy`), `opts/envfile.go` + `opts/file.go`
(`ParseEnvFile`, `parseKeyValueFile`), `cli/command/container/opts.go` (--tmpfs split at the first
colon, --rm with a restart policy); moby `daemon/container.go` (`validateRestartPolicy`),
`daemon/daemon_unix.go` (minimum memory 6MB, the NanoCPUs range) and
`volume/mounts/linux_parser.go` (`ValidateTmpfsMountDestination`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.dockersim.cli.flags import Parsed
from app.dockersim.core.errors import run_error
from app.dockersim.core.fs import FsError, norm

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

HOST_CPUS = 2  # as `docker info` says
MIN_MEMORY = 6 * 1024 * 1024
RESTART_NAMES = ("no", "always", "on-failure", "unless-stopped")


@dataclass(frozen=True)
class HostOptions:
    """The checked values, as HostConfig/Config fields."""

    memory: int
    nano_cpus: int
    restart: tuple[str, int]  # (Name, MaximumRetryCount)
    env_file: tuple[str, ...]
    hostname: str
    user: str
    read_only: bool
    tmpfs: tuple[tuple[str, str], ...]  # (destination, options)

    def host_config(self) -> dict[str, Any]:
        """The HostConfig fields inspect shows."""
        return {
            "Memory": self.memory,
            "NanoCpus": self.nano_cpus,
            "RestartPolicy": {"Name": self.restart[0], "MaximumRetryCount": self.restart[1]},
            "ReadonlyRootfs": self.read_only,
            "Tmpfs": dict(self.tmpfs) or None,
        }


def parse_restart(policy: str, auto_remove: bool) -> tuple[str, int]:
    """opts.ParseRestartPolicy, the client's --rm check, then the daemon's validateRestartPolicy."""
    name, colon, count_text = policy.partition(":")
    if colon and not name:
        raise run_error("invalid restart policy format: no policy provided before colon", "flag")
    count = 0
    if count_text:
        try:
            count = int(count_text, 10)
        except ValueError:
            raise run_error("invalid restart policy format: maximum retry count must be an integer", "flag") from None
    name = name or "no"
    if auto_remove and name != "no":
        raise run_error("conflicting options: cannot specify both --restart and --rm", "conflict")
    if name not in RESTART_NAMES:
        raise run_error(
            f"Error response from daemon: invalid restart policy: unknown policy '{name}'; use one of 'no', "
            "'always', 'on-failure', or 'unless-stopped'",
            "flag",
        )
    if name != "on-failure" and count != 0:
        tail = " and cannot be negative" if count < 0 else ""
        raise run_error(
            "Error response from daemon: invalid restart policy: maximum retry count can only be used with "
            f"'on-failure'{tail}",
            "flag",
        )
    if count < 0:
        raise run_error(
            "Error response from daemon: invalid restart policy: maximum retry count cannot be negative", "flag"
        )
    return name, count


def read_env_file(host: Host, path: str, cwd: str) -> list[str]:
    """opts.ParseEnvFile: KEY=VALUE lines; comments and blank lines skipped, leading blanks trimmed."""
    try:
        text = host.fs.read(norm(path, cwd))
    except FsError as e:
        what = "is a directory" if e.code == "EISDIR" else "no such file or directory"
        raise run_error(f"open {path}: {what}", "flag") from None
    out: list[str] = []
    for line in text.splitlines():
        line = line.lstrip()
        if not line or line.startswith("#"):
            continue
        key, eq, value = line.partition("=")
        if not key:
            raise run_error(f"no variable name on line '{line}'", "flag")
        if any(ch.isspace() for ch in key):
            raise run_error(f"variable '{key}' contains whitespaces", "flag")
        if eq:
            out.append(f"{key}={value}")  # a bare KEY is taken from the client's environment: none here
    return out


def _tmpfs(specs: list[str]) -> tuple[tuple[str, str], ...]:
    """--tmpfs DEST[:OPTIONS]; the daemon wants an absolute destination that is not /."""
    out: list[tuple[str, str]] = []
    for spec in specs:
        dest, _, options = spec.partition(":")
        if norm(dest) == "/" and dest.startswith("/"):
            raise run_error("Error response from daemon: invalid specification: destination can't be '/'", "mount")
        if not dest.startswith("/"):
            raise run_error(
                f"Error response from daemon: invalid mount path: '{dest}' mount path must be absolute", "mount"
            )
        out.append((norm(dest), options))
    return tuple(out)


def read_host_options(host: Host, p: Parsed, cwd: str) -> HostOptions:
    """The modelled flags, checked in the client's order, then the daemon's resource checks."""
    tmpfs = _tmpfs(p.get("tmpfs", []))
    env_file = [e for path in p.get("env-file", []) for e in read_env_file(host, path, cwd)]
    restart = parse_restart(str(p.get("restart", "")), p.flag("rm"))
    memory, nano = int(p.get("memory", 0)), int(p.get("cpus", 0))
    if 0 < memory < MIN_MEMORY:
        raise run_error("Error response from daemon: Minimum memory limit allowed is 6MB", "flag")
    if nano < 0 or 0 < nano < 10_000_000 or nano > HOST_CPUS * 1_000_000_000:
        raise run_error(
            f"Error response from daemon: Range of CPUs is from 0.01 to {HOST_CPUS}.00, as there are only "
            f"{HOST_CPUS} CPUs available",
            "flag",
        )
    return HostOptions(
        memory=memory,
        nano_cpus=nano,
        restart=restart,
        env_file=tuple(env_file),
        hostname=str(p.get("hostname") or ""),
        user=str(p.get("user") or ""),
        read_only=p.flag("read-only"),
        tmpfs=tmpfs,
    )
