"""Snapshots: the whole host as versioned JSON-able data and back (Host's serialiser, so it reads
Host's stores directly)."""

from __future__ import annotations

from typing import Any

from app.dockersim.core.clock import IdGenerator
from app.dockersim.core.fs import FileTree
from app.dockersim.engine.host import Host
from app.dockersim.engine.models import Container, Image, Volume, copy_json, same_json
from app.dockersim.engine.terminal import HistoryEntry, Terminal

SNAPSHOT_VERSION = 1


def dump(host: Host, copy: bool = True) -> dict[str, Any]:
    """The whole host as JSON-able data (versioned, stable key order, lossless). With copy=False the result
    shares the host's nested dicts (configs, process state, build cache, hub): only for a caller that
    serialises it at once and keeps nothing of it."""
    share = copy_json if copy else same_json
    return {
        "version": SNAPSHOT_VERSION,
        "build_cache": share(host.build_cache),
        "clock": host.clock.now,
        "containers": [c.to_json(copy) for c in host._containers.values()],
        "deadlines": dict(sorted(host.deadlines.items())),
        "fs": host.fs.to_json(),
        "hints": host.hints,
        "history": [
            {
                "commands": [{"argv": list(c["argv"]), "exit_code": c["exit_code"]} for c in h.commands],
                "exit_code": h.exit_code,
                "line": h.line,
                "terminal": h.terminal,
                "time": h.time,
            }
            for h in host._history
        ],
        "history_dropped": host._history_dropped,
        "hub": share(host.hub),
        "ids": {"counter": host.ids.counter, "seed": host.ids.seed},
        "images": [i.to_json(copy) for i in host._images.values()],
        "seed": host.seed,
        "tags": dict(host._tags),
        "terminals": [
            {**vars(t), "pending": [list(p) for p in t.pending]}
            for t in sorted(host.terminals.values(), key=lambda t: t.id)
        ],
        "volumes": [v.to_json() for v in host._volumes.values()],
    }


def load(host: Host, data: dict[str, Any], owned: bool = False) -> None:
    """Fill a fresh host (made with the snapshot's seed and hints) from dump(). With owned=True the host takes
    data's nested dicts as they are (no copies): only for a caller that gives data away, e.g. one decoded from
    JSON for this restore alone; a snapshot kept or restored again must be restored with owned=False."""
    take = same_json if owned else copy_json
    host.clock.now = data["clock"]
    host.ids = IdGenerator(data["ids"]["seed"], data["ids"]["counter"])
    host.fs = FileTree.from_json(data["fs"])
    host.build_cache = take(data["build_cache"])
    host.hub = take(data.get("hub", {"user": "", "repos": {}}))  # absent before sharing was modelled
    for d in data["images"]:
        img = Image.from_json(d, owned)
        host._images[img.id] = img
    host._tags = dict(data["tags"])
    for d in data["volumes"]:
        v = Volume.from_json(d)
        host._volumes[v.name] = v
    for d in data["containers"]:
        c = Container.from_json(d, owned)
        host.add_container(c)
        if c.running:
            host.on_started(c)
    host.deadlines = dict(data["deadlines"])
    host._history = [
        HistoryEntry(
            **{
                **h,
                "commands": tuple(
                    {"argv": list(c["argv"]), "exit_code": c["exit_code"]} for c in h.get("commands", ())
                ),
            }
        )
        for h in data["history"]
    ]  # "commands" is absent in snapshots from before it was added
    host._history_dropped = data.get("history_dropped", 0)  # absent in snapshots from the first release
    for d in data["terminals"]:
        t = Terminal(**{**d, "pending": [list(p) for p in d["pending"]]})
        host.terminals[t.id] = t
        if t.kind and t.container:
            host._watchers.setdefault(t.container, set()).add(t.id)
    host._wire_limits()


def check_version(data: dict[str, Any]) -> None:
    """Refuse a snapshot of another format version."""
    if data.get("version") != SNAPSHOT_VERSION:
        raise ValueError(f"unsupported snapshot version {data.get('version')!r} (expected {SNAPSHOT_VERSION})")
