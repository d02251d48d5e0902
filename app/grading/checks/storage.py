"""Checks on volumes and mounts."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import (
    SELECT_IMAGE,
    CheckKind,
    Context,
    Outcome,
    Rules,
    not_found,
    select,
    who,
)
from app.grading.params import Param
from app.grading.state import ContainerView, MountView
from app.grading.words import joined, sentences

CONTAINER = Param("container", "str", "the container's name")
PATH = Param("path", "path", "the absolute path inside the container", required=True)


def need_container(check: str) -> Rules:
    """A parameter rule: the check must select a container by name or image."""

    def rule(p: Mapping[str, Any]) -> list[str]:
        if isinstance(p, Mapping) and "container" not in p and "image" not in p:
            return [f"{check}: give 'container' (a name) or 'image' to select the container"]
        return []

    return rule


def volume_names(ctx: Context) -> Message:
    """The volumes there are now, for a message about a missing one."""
    named = ", ".join(sorted(v.name for v in ctx.state.volumes if not v.anonymous))
    anon = sum(v.anonymous for v in ctx.state.volumes)
    if named and anon:
        return N_("Volumes now: %(names)s, %(count)s anonymous.", names=named, count=anon)
    if named:
        return N_("Volumes now: %(names)s.", names=named)
    if anon:
        return N_("Volumes now: no named volumes, %(count)s anonymous.", count=anon)
    return N_("Volumes now: no named volumes.")


def _volume_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    if any(v.name == p["name"] for v in ctx.state.volumes):
        return Outcome(True, N_("Volume %(name)s exists.", name=p["name"]))
    return Outcome(False, N_("There is no volume %(name)s. %(volumes)s", name=p["name"], volumes=volume_names(ctx)))


def _volume_removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    if not any(v.name == p["name"] for v in ctx.state.volumes):
        return Outcome(True, N_("Volume %(name)s is gone.", name=p["name"]))
    users = [
        c.name for c in ctx.state.containers if any(m.type == "volume" and m.source == p["name"] for m in c.mounts)
    ]
    if users:
        # `docker volume rm` refuses a volume that any container, even a stopped one, still mounts
        return Outcome(
            False,
            N_(
                "Volume %(name)s still exists. Container(s) %(names)s use it (stopped ones too): remove "
                "them first, then docker volume rm.",
                name=p["name"],
                names=", ".join(users[:5]),
            ),
        )
    return Outcome(False, N_("Volume %(name)s still exists. Remove it with docker volume rm.", name=p["name"]))


def _mounts_text(c: ContainerView) -> Message:
    if not c.mounts:
        return N_("The container %(name)s has no mounts.", name=c.name)
    return N_("Mounts of %(name)s: %(mounts)s.", name=c.name, mounts=joined([m.label() for m in c.mounts]))


def _at(c: ContainerView, path: str) -> MountView | None:
    path = posixpath.normpath(path)
    return next((m for m in c.mounts if posixpath.normpath(m.destination) == path), None)


def _mount_ok(ctx: Context, m: MountView | None, p: dict[str, Any]) -> bool:
    if m is None or m.type != p["type"]:
        return False
    if "read_only" in p and m.read_only != p["read_only"]:
        return False
    if "source" in p:
        if m.type == "bind":
            return posixpath.normpath(m.source) == ctx.state.host_path(p["source"])
        return not m.anonymous and m.source == p["source"]
    return True


def _mount_words(p: dict[str, Any]) -> dict[str, Any]:
    """The message parameters: what is mounted (`volume data (read-only)`) and where (`path`)."""
    src, ro = p.get("source"), p.get("read_only")
    if p["type"] == "volume":
        what = N_("volume %(source)s", source=src) if src else N_("a volume")
    else:
        what = N_("a bind mount of %(source)s", source=src) if src else N_("a bind mount")
    if ro is True:
        what = N_("%(what)s (read-only)", what=what)
    elif ro is False:
        what = N_("%(what)s (writable)", what=what)
    return {"what": what, "path": p["path"]}


def _mount_at(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    words = {"who": who(p, "container"), **_mount_words(p)}
    if any(_mount_ok(ctx, _at(c, p["path"]), p) for c in found):
        return Outcome(True, N_("The %(who)s has %(what)s mounted at %(path)s.", **words))
    missing = N_("The %(who)s does not have %(what)s mounted at %(path)s.", **words)
    return Outcome(False, sentences([missing, *(_mounts_text(c) for c in found[:3])]))


def _anon_at(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    words = {"who": who(p, "container"), "path": p["path"]}
    for c in found:
        m = _at(c, p["path"])
        if m is not None and m.type == "volume" and m.anonymous:
            return Outcome(True, N_("The %(who)s has an anonymous volume at %(path)s.", **words))
    missing = N_("The %(who)s has no anonymous volume at %(path)s.", **words)
    return Outcome(False, sentences([missing, *(_mounts_text(c) for c in found[:3])]))


def _mount_claims(ctx: Context, p: dict[str, Any]) -> tuple[set[str], set[str]]:
    containers, volumes = set(), set()
    for c in select(ctx.state, p, "container"):
        containers.add(c.id)
        m = _at(c, p["path"])
        if m is not None and m.type == "volume":
            volumes.add(m.source)
    return containers, volumes


def _mount_rules(p: Mapping[str, Any]) -> list[str]:
    errors = need_container("mount_at")(p)
    if isinstance(p, Mapping) and p.get("type") == "volume" and isinstance(p.get("source"), str) and "/" in p["source"]:
        errors.append("mount_at: a volume 'source' is a volume name, not a path (use type: bind for a folder)")
    return errors


# ---------------------------------------------------------------- files

STORAGE_CHECKS = (
    CheckKind(
        "volume_exists",
        "a named volume exists",
        (Param("name", "str", "the volume's name", required=True),),
        _volume_exists,
        lambda p: N_("Volume %(name)s exists", name=p["name"]),
        {"name": "feedback"},
        claims=lambda ctx, p: (set(), {p["name"]}),
    ),
    CheckKind(
        "volume_removed",
        "no volume has this name any more",
        (Param("name", "str", "the volume's name", required=True),),
        _volume_removed,
        lambda p: N_("Volume %(name)s has been removed", name=p["name"]),
        {"name": "feedback"},
    ),
    CheckKind(
        "anonymous_volume_at",
        "the selected container has an anonymous volume mounted at path",
        (CONTAINER, SELECT_IMAGE, PATH),
        _anon_at,
        lambda p: N_("The %(who)s has an anonymous volume at %(path)s", who=who(p, "container"), path=p["path"]),
        {"container": "feedback-app", "path": "/app/feedback"},
        need_container("anonymous_volume_at"),
        _mount_claims,
    ),
    CheckKind(
        "mount_at",
        "the selected container has a volume or bind mount at path (source, read-only)",
        (
            CONTAINER,
            SELECT_IMAGE,
            PATH,
            Param("type", "enum", "volume or bind", required=True, choices=("volume", "bind")),
            Param("source", "str", "volume: its name (then it must be a named volume); bind: the host folder"),
            Param("read_only", "bool", "true: must be read-only (:ro); false: must be writable"),
        ),
        _mount_at,
        lambda p: N_("The %(who)s has %(what)s mounted at %(path)s", who=who(p, "container"), **_mount_words(p)),
        {"container": "feedback-app", "path": "/app/feedback", "type": "volume", "source": "feedback"},
        _mount_rules,
        _mount_claims,
    ),
)
