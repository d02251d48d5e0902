"""What a build stage carries while it runs: its state, its layers, and how a step fails (pure data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.dockersim.build.context import Tree

DEFAULT_SHELL = ("/bin/sh", "-c")


@dataclass(frozen=True)
class Layer:
    """One filesystem layer an instruction added."""

    id: str
    created_by: str
    size: int


class StepFailure(Exception):
    """A failed build: BuildKit's error text, the lines to show, a machine-readable kind."""

    def __init__(self, kind: str, message: str, line: int = 0, end_line: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line
        self.end_line = end_line or line


@dataclass
class StageState:
    """The state of one stage while it is being built."""

    name: str
    tree: Tree
    config: dict[str, Any]
    cache_key: str
    base_layer_ids: tuple[str, ...]
    base_ref: str
    base_id: str
    layers: list[Layer] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    args: dict[str, str] = field(default_factory=dict)
    shell: tuple[str, ...] = DEFAULT_SHELL
    cmd_set: bool = False
    author: str = ""

    def env(self) -> dict[str, str]:
        """Variables for expansion: ARGs, overridden by ENV of the same name."""
        out = dict(self.args)
        for item in self.config.get("Env") or []:
            k, _, v = item.partition("=")
            out[k] = v
        return out


def image_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """A fresh config dict with every field the simulator uses."""
    out: dict[str, Any] = {
        "Cmd": None,
        "Entrypoint": None,
        "WorkingDir": "",
        "Env": [],
        "ExposedPorts": {},
        "Volumes": {},
        "User": "",
        "Labels": {},
    }
    for k, v in config.items():
        out[k] = _copy_json(v)
    return out


def _copy_json(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _copy_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_copy_json(x) for x in v]
    return v
