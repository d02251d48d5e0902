"""The one place that reads a live `DockerHost` (its read API, docs/simulator.md): it builds
the plain `HostState` the checks judge and answers the live probes (files, HTTP, rebuilds)."""

from __future__ import annotations

from typing import Any

from app.dockersim import HOME, ConnectionRefused, ConnectionReset, Container, DockerHost, is_generated_name
from app.grading.state import (
    ContainerView,
    HeldTerminal,
    HistoryEntry,
    HostState,
    ImageView,
    MountView,
    PortView,
    VolumeView,
    normalise_ref,
)


def fresh_host(seed: int, hints: bool = False) -> DockerHost:
    """A new deterministic host (hints off by default: graders compare Docker's own words)."""
    return DockerHost(seed=seed, hints=hints)


def looks_random(name: str) -> bool:
    """True for Docker's adjective_surname names (optionally with a retry digit)."""
    return is_generated_name(name)


def _container(c: Container) -> ContainerView:
    config = c.config or {}
    name = c.name.lstrip("/")
    return ContainerView(
        id=c.id,
        name=name,
        image_ref=normalise_ref(c.image_ref),
        image_id=c.image_id,
        state=c.state,
        exit_code=c.exit_code,
        attached=None if c.started_at is None else bool(c.attached),
        ports=tuple(PortView(p.host_ip, int(p.host_port), int(p.container_port), p.proto) for p in c.ports),
        mounts=tuple(
            MountView(m.type, m.source, m.destination, bool(m.read_only), bool(m.anonymous)) for m in c.mounts
        ),
        env=tuple(config.get("Env") or ()),
        cmd=tuple(config.get("Cmd") or ()),
        entrypoint=tuple(config.get("Entrypoint") or ()),
        workdir=config.get("WorkingDir") or "",
        auto_remove=bool(c.auto_remove),
        name_given=not looks_random(name),
        stopped_by=c.stopped_by,
        stop_signal=c.stop_signal,
        stop_terminal=c.stop_terminal,
    )


def read_state(host: DockerHost) -> HostState:
    """Everything the checks judge, read from the host's final state."""
    containers = host.containers
    first = host.terminals.get(0)
    return HostState(
        containers=tuple(_container(c) for c in containers),
        images=tuple(_image(i) for i in host.images),
        volumes=tuple(VolumeView(v.name, bool(v.anonymous)) for v in host.volumes),
        history=tuple(_history(h) for h in host.history),
        held=tuple(
            HeldTerminal(t.id, t.kind, t.container)
            for t in sorted(host.terminals.values(), key=lambda t: t.id)
            if t.kind
        ),
        home=HOME,
        cwd=first.cwd if first is not None else HOME,
        logs={c.id: "\n".join(e.text.rstrip("\n") for e in c.logs) for c in containers},
    )


def _history(h: Any) -> HistoryEntry:
    """One history line with each command's expanded argv and exit code."""
    commands = tuple((tuple(str(w) for w in c["argv"]), int(c["exit_code"])) for c in h.commands)
    return HistoryEntry(h.line, h.terminal, h.exit_code, commands)


def file_state(host: DockerHost) -> dict[str, Any]:
    """Host files and each named volume's files (container layers are compared per container)."""
    return {
        "host": dict(sorted(host.fs.files.items())),
        "dirs": tuple(sorted(host.fs.dirs)),
        "volumes": sorted((v.name, tuple(sorted(v.files.items()))) for v in host.volumes if not v.anonymous),
    }


def layer_files(host: DockerHost) -> dict[str, tuple[tuple[str, str], ...]]:
    """Container id -> its read-write layer's files and deletions, sorted (for comparing)."""
    return {
        c.id: tuple(sorted(c.rw_files.items())) + tuple(("-" + d, "") for d in sorted(c.deleted))
        for c in host.containers
    }


class HostProbe:
    """Live answers from the host: files, HTTP, what a rebuild would give."""

    def __init__(self, host: DockerHost) -> None:
        self.host = host
        self._scratch: DockerHost | None = None

    def scratch(self) -> DockerHost:
        """A copy of the host for probes with side effects (an HTTP request writes access logs)."""
        if self._scratch is None:
            self._scratch = _copy(self.host)
        return self._scratch

    def host_file(self, path: str) -> str | None:
        """The text of a host file, or None."""
        return self.host.fs.files.get(path)

    def container_file(self, container: ContainerView, path: str) -> str | None:
        """A file as the container sees it (image + read-write layer + mounts), or None."""
        return self.host.container_files(container.id).get(path)

    def layer_file(self, container: ContainerView, path: str) -> str | None:
        """A file in the container's own read-write layer (not the image, not a mount), or None."""
        cont = self.host.container(container.id)
        return None if cont is None else cont.rw_files.get(path)

    def folder_listing(self, where: str, target: ContainerView | str | None, folder: str) -> list[str] | None:
        """What a folder holds (`a.txt`, `sub/`), to show beside a missing file; None if no such folder."""
        dirs: set[str] = set()
        if where == "host":
            files, dirs = self.host.fs.files, self.host.fs.dirs
        elif where == "volume":
            vol = self.host.volume_by_name(str(target))
            files = {} if vol is None else vol.files
        elif isinstance(target, ContainerView):
            cont = self.host.container(target.id)
            if cont is None:
                return None
            if where == "layer":
                files = cont.rw_files
                dirs = {folder}  # the layer keeps no folders of its own: an empty answer, not "no folder"
            else:
                files = self.host.container_files(target.id)
                if self.host.container_fs(cont).kind(folder) == "dir":
                    dirs = {folder}
        else:
            return None
        prefix = folder.rstrip("/") + "/"
        names: set[str] = set()
        for path in list(files) + sorted(d for d in dirs if d != folder):
            if path.startswith(prefix) and path != prefix:
                head, _, rest = path[len(prefix) :].partition("/")
                names.add(head + "/" if rest or path in dirs else head)
        if not names and folder != "/" and folder not in dirs:
            return None
        return sorted(names)

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
        copy = _copy(self.host)
        line = "docker build -q" + (f" -f {dockerfile}" if dockerfile else "") + f" {context}"
        result = copy.run(line, terminal=max(copy.terminals, default=0) + 1)
        if result.exit_code != 0:
            return None, result.stderr.strip()
        return result.stdout.strip(), ""


def _copy(host: DockerHost) -> DockerHost:
    """An independent copy of the host: one deep copy (snapshot() copies), which the new host then owns (the
    snapshot is made here and handed over, nobody else holds it). snapshot(copy=False) here would share data."""
    return DockerHost.from_snapshot(host.snapshot(), owned=True)


def _image(image: Any) -> ImageView:
    """An image as the checks see it: id, tags and the config fields a Dockerfile sets."""
    config = image.config or {}
    return ImageView(
        image.id,
        tuple(normalise_ref(t) for t in image.repo_tags),
        workdir=config.get("WorkingDir") or "",
        cmd=tuple(config.get("Cmd") or ()),
        entrypoint=tuple(config.get("Entrypoint") or ()),
        exposed=tuple(sorted(config.get("ExposedPorts") or {})),
    )
