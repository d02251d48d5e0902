"""The host's data accounting: what counts against MAX_BYTES, and the checks made before data is stored."""

from __future__ import annotations

from typing import Any

from app.dockersim.core.fs import FileTree, FsError
from app.dockersim.engine.limits import MAX_PENDING_BYTES, no_room, text_size
from app.dockersim.engine.models import Container, Image, Volume

#: The host's data: files (host, volumes, read-write layers), containers' command lines, environments,
#: labels and logs, volumes' labels, images and tags.
MAX_BYTES = 1024 * 1024
MAX_PENDING = 2000
#: Characters of the build cache (it may hold copies of COPY'd files); the oldest entries go first.
MAX_CACHE_CHARS = 512 * 1024


class DataAccounting:
    """Sizes of a host's stores and the checks that keep them under MAX_BYTES (mixed into Host)."""

    fs: FileTree
    _containers: dict[str, Container]
    _images: dict[str, Image]
    _tags: dict[str, str]
    _volumes: dict[str, Volume]
    _image_chars: dict[str, int]
    _logged: set[str]

    build_cache: dict[str, Any]
    _fitted_cache: object

    def fit_logs(self) -> None:
        """After a command: a process cannot be refused output, so when logs took the host past MAX_BYTES,
        the oldest lines of the containers that logged go (each container's logs are bounded on their own).
        The build cache (disposable, not counted in MAX_BYTES) keeps its newest MAX_CACHE_CHARS."""
        if self.build_cache is not self._fitted_cache:  # a build replaced it
            self.build_cache = fit_cache(self.build_cache)
            self._fitted_cache = self.build_cache
        logged, self._logged = self._logged, set()
        if not logged or self.bytes_used() <= MAX_BYTES:
            return
        for cid in sorted(logged):
            c = self._containers.get(cid)
            while c is not None and c.logs and self.bytes_used() > MAX_BYTES:
                c.drop_logs(max(1, len(c.logs) // 8))

    def new_rw_layer(self) -> FileTree:
        """An empty read-write layer wired to the host's byte limit."""
        tree = FileTree()
        tree.limiter = self._limit_bytes
        return tree

    def bytes_used(self) -> int:
        """Size of the host's data: files (host, volumes, read-write layers), containers (command lines,
        environments, labels, logs), volume labels, images and tags. MAX_BYTES bounds it."""
        return (
            self.fs.size
            + sum(v.tree.size + len(v.name) + text_size(v.labels) for v in self._volumes.values())
            + sum(c.rw.size + c.data_size() for c in self._containers.values())
            + sum(self._image_size(img) for img in self._images.values())
            + sum(len(ref) for ref in self._tags)
        )

    def _image_size(self, img: Image) -> int:
        if img.id not in self._image_chars:
            self._image_chars[img.id] = img.data_size()
        return self._image_chars[img.id]

    def check_room(self, size: int) -> None:
        """Refuse (before anything changes) data that would take the host past MAX_BYTES."""
        if self.bytes_used() + size > MAX_BYTES:
            raise no_room(MAX_BYTES)

    def check_container_room(self, config: dict[str, Any], name: str, image_ref: str) -> None:
        """Refuse a container whose command line, environment and labels would not fit (before it is made)."""
        self.check_room(text_size(config) + len(name) + len(image_ref))

    def _limit_bytes(self, delta: int) -> None:
        if self.bytes_used() + delta > MAX_BYTES:
            raise FsError("ENOSPC", "")

    def _wire_limits(self) -> None:
        self.fs.limiter = self._limit_bytes
        for v in self._volumes.values():
            v.tree.limiter = self._limit_bytes
        for c in self._containers.values():
            c.rw.limiter = self._limit_bytes


def trim_pending(pending: list[list[str]]) -> None:
    """Keep the last MAX_PENDING pieces and MAX_PENDING_BYTES characters of output waiting on a terminal."""
    if len(pending) > MAX_PENDING:
        del pending[: len(pending) - MAX_PENDING]
    size = sum(len(text) for _, text in pending)
    while size > MAX_PENDING_BYTES and len(pending) > 1:
        size -= len(pending.pop(0)[1])


def fit_cache(cache: dict[str, Any]) -> dict[str, Any]:
    """The newest build cache entries that fit in MAX_CACHE_CHARS (all of them when they fit)."""
    kept: list[tuple[str, Any]] = []
    total = 0
    for key, value in reversed(list(cache.items())):
        total += len(key) + text_size(value)
        if total > MAX_CACHE_CHARS:
            break
        kept.append((key, value))
    return cache if len(kept) == len(cache) else dict(reversed(kept))
