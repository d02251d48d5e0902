"""The one place that reads a live `DockerHost` (its read API, docs/simulator.md): it builds
the plain `HostState` the checks judge and answers the live probes (files, HTTP, rebuilds)."""
from __future__ import annotations

from app.dockersim._names import LEFT, RIGHT
from app.dockersim.errors import ConnectionRefused, ConnectionReset
from app.dockersim.fixtures import HOME
from app.dockersim.host import DockerHost
from app.dockersim.models import Container
from app.grading.state import (
    ContainerView, HistoryEntry, HostState, ImageView, MountView, PortView, VolumeView, normalise_ref,
)

_LEFT, _RIGHT = frozenset(LEFT), frozenset(RIGHT)


def fresh_host(seed: int, hints: bool = False) -> DockerHost:
    """A new deterministic host (hints off by default: graders compare Docker's own words)."""
    return DockerHost(seed=seed, hints=hints)


def looks_random(name: str) -> bool:
    """True for Docker's adjective_surname names (optionally with a retry digit)."""
    left, _, right = name.rstrip("0123456789").partition("_")
    return left in _LEFT and right in _RIGHT


def _container(c: Container) -> ContainerView:
    config = c.config or {}
    name = c.name.lstrip("/")
    return ContainerView(
        id=c.id, name=name, image_ref=normalise_ref(c.image_ref), image_id=c.image_id,
        state=c.state, exit_code=c.exit_code,
        attached=None if c.started_at is None else bool(c.attached),
        ports=tuple(PortView(p.host_ip, int(p.host_port), int(p.container_port), p.proto) for p in c.ports),
        mounts=tuple(MountView(m.type, m.source, m.destination, bool(m.read_only), bool(m.anonymous))
                     for m in c.mounts),
        env=tuple(config.get("Env") or ()), cmd=tuple(config.get("Cmd") or ()),
        entrypoint=tuple(config.get("Entrypoint") or ()), workdir=config.get("WorkingDir") or "",
        auto_remove=bool(c.auto_remove), name_given=not looks_random(name),
    )


def read_state(host: DockerHost) -> HostState:
    """Everything the checks judge, read from the host's final state."""
    containers = host.containers
    first = host.terminals.get(0)
    return HostState(
        containers=tuple(_container(c) for c in containers),
        images=tuple(ImageView(i.id, tuple(normalise_ref(t) for t in i.repo_tags)) for i in host.images),
        volumes=tuple(VolumeView(v.name, bool(v.anonymous)) for v in host.volumes),
        history=tuple(HistoryEntry(h.line, h.terminal, h.exit_code) for h in host.history),
        home=HOME,
        cwd=first.cwd if first is not None else HOME,
        logs={c.id: "\n".join(e.text.rstrip("\n") for e in c.logs) for c in containers},
    )


def file_state(host: DockerHost) -> dict:
    """Host files and each named volume's files (container layers are compared per container)."""
    return {
        "host": dict(sorted(host.fs.files.items())),
        "dirs": tuple(sorted(host.fs.dirs)),
        "volumes": sorted((v.name, tuple(sorted(v.files.items()))) for v in host.volumes if not v.anonymous),
    }


def layer_files(host: DockerHost) -> dict[str, tuple[tuple[str, str], ...]]:
    """Container id -> its read-write layer's files and deletions, sorted (for comparing)."""
    return {c.id: tuple(sorted(c.rw_files.items())) + tuple(("-" + d, "") for d in sorted(c.deleted))
            for c in host.containers}


class HostProbe:
    """Live answers from the host: files, HTTP, what a rebuild would give."""

    def __init__(self, host: DockerHost) -> None:
        self.host = host
        self._scratch: DockerHost | None = None

    def scratch(self) -> DockerHost:
        """A copy of the host for probes with side effects (an HTTP request writes access logs)."""
        if self._scratch is None:
            self._scratch = DockerHost.from_snapshot(self.host.snapshot())
        return self._scratch

    def host_file(self, path: str) -> str | None:
        """The text of a host file, or None."""
        return self.host.fs.files.get(path)

    def container_file(self, container: ContainerView, path: str) -> str | None:
        """A file as the container sees it (image + read-write layer + mounts), or None."""
        return self.host.container_files(container.id).get(path)

    def volume_file(self, volume: str, path: str) -> str | None:
        """A file in a volume (path from the volume's root), or None."""
        vol = self.host.volume_by_name(volume)
        return None if vol is None else vol.files.get(path)

    def http(self, method: str, port: int, path: str, body: str | None = None) -> tuple[int, str] | None:
        """(status, body) of a request to a host port, or None when nothing answers."""
        try:
            status, _headers, body = self.scratch().http_request(method, port, path, body)
        except (ConnectionRefused, ConnectionReset):
            return None
        return status, body

    def rebuilt_image_id(self, context: str, dockerfile: str | None) -> tuple[str | None, str]:
        """The id `docker build` of the folder would give now, on a copy (this host is untouched)."""
        copy = DockerHost.from_snapshot(self.host.snapshot())
        line = "docker build -q" + (f" -f {dockerfile}" if dockerfile else "") + f" {context}"
        result = copy.run(line, terminal=max(copy.terminals, default=0) + 1)
        if result.exit_code != 0:
            return None, result.stderr.strip()
        return result.stdout.strip(), ""
