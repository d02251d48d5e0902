"""The build engine's inputs and outputs: BuildRequest in, BuildOutcome out (pure data), and the
deterministic defaults they use."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.build.steps import Layer

PULL_ACCESS_DENIED = (
    "pull access denied, repository does not exist or may require authorization: "
    "server message: insufficient_scope: authorization failed"
)


class BaseImageNotFound(Exception):
    """Raised by `resolve_base` when an image cannot be found or pulled; carries the cause."""

    def __init__(self, message: str = PULL_ACCESS_DENIED) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BaseImage:
    """An image a stage starts from (given by the caller's image store/registry)."""

    ref: str
    id: str
    files: Mapping[str, str]
    dirs: AbstractSet[str]
    config: Mapping[str, Any]
    layer_ids: tuple[str, ...]
    digest: str = ""  # the registry's manifest digest, which BuildKit prints on the FROM step


@dataclass(frozen=True)
class BuildRequest:
    """Everything `docker build` needs, already read from the host by the caller."""

    context_files: Mapping[str, str]  # paths relative to the context root -> text
    context_dirs: AbstractSet[str] = frozenset()
    dockerfile_text: str | None = None  # None: the Dockerfile does not exist
    dockerfile_name: str = "Dockerfile"
    tags: tuple[str, ...] = ()
    no_cache: bool = False
    quiet: bool = False
    progress: str = "auto"  # buildx --progress: auto|tty (the tty frame), plain, quiet
    build_args: Mapping[str, str] = field(default_factory=dict)
    now: float = 0.0  # creation time of the image (never part of its id)
    elapsed: Callable[[str, str], float] | None = None  # (step name, kind) -> seconds
    width: int = 80  # terminal columns of the progress display
    builder: str = "docker:default"  # the name buildx prints on the header line
    target: str = ""  # --target stage name ("" = last stage)


@dataclass(frozen=True)
class BuiltImage:
    """The result image. `layers` are those this build added on top of the base."""

    id: str
    config: dict[str, Any]
    files: dict[str, str]
    dirs: frozenset[str]
    layers: tuple[Layer, ...]
    history: tuple[dict[str, Any], ...]
    context_hash: str
    base_ref: str
    base_id: str
    base_layer_ids: tuple[str, ...]
    created: float
    author: str = ""

    @property
    def layer_ids(self) -> tuple[str, ...]:
        """Every layer of the image, base first."""
        return self.base_layer_ids + tuple(layer.id for layer in self.layers)

    @property
    def size(self) -> int:
        """Bytes of all files in the image."""
        return sum(len(t.encode("utf-8")) for t in self.files.values())


@dataclass(frozen=True)
class BuildOutcome:
    """What the command prints and returns, plus the new image and cache."""

    stdout: str
    stderr: str
    exit_code: int
    image: BuiltImage | None
    cache: dict[str, Any]
    error_kind: str | None = None  # e.g. "parse_error", "run_failed" (for the Korean hint)
    duration: float = 0.0  # seconds the build took (sum of step times)
    warnings: tuple[str, ...] = ()


def default_elapsed(name: str, kind: str) -> float:
    """Deterministic step durations, fitted to the course notes' build (3.4s npm install)."""
    if kind in ("RUN", "RUN_FAILED"):
        npm = re.search(r"\bnpm (install|i|ci)\b", name)
        if kind == "RUN_FAILED":
            return 0.5 if npm else 0.1
        return 3.4 if npm else 0.2
    if kind == "export":
        return 0.1
    return 0.0


def normalize_ref(ref: str) -> str:
    """`node` -> `docker.io/library/node:latest` (the familiar name BuildKit prints)."""
    name, digest = (ref.split("@", 1) + [""])[:2]
    first = name.split("/", 1)[0]
    if "/" not in name:
        name = "docker.io/library/" + name
    elif not ("." in first or ":" in first or first == "localhost"):
        name = "docker.io/" + name
    if not digest and ":" not in name.rsplit("/", 1)[-1]:
        name += ":latest"
    return name + ("@" + digest if digest else "")
