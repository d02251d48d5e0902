"""Checks on volumes and mounts."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

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

CONTAINER = Param("container", "str", "the container's name")
PATH = Param("path", "path", "the absolute path inside the container", required=True)


def need_container(check: str) -> Rules:
    """A parameter rule: the check must select a container by name or image."""

    def rule(p: Mapping[str, Any]) -> list[str]:
        if isinstance(p, Mapping) and "container" not in p and "image" not in p:
            return [f"{check}: give 'container' (a name) or 'image' to select the container"]
        return []

    return rule


def container_words(p: Mapping[str, Any], lang: str) -> str:
    """How a message names the selected container (by name or by image)."""
    return who(p, lang, "container")


def volume_names(ctx: Context, lang: str) -> str:
    """The volumes there are now, for a message about a missing one."""
    named = sorted(v.name for v in ctx.state.volumes if not v.anonymous)
    anon = sum(v.anonymous for v in ctx.state.volumes)
    if lang == "ko":
        text = "지금 있는 볼륨: " + (", ".join(named) if named else "이름 있는 볼륨 없음")
        return text + (f", 익명 볼륨 {anon}개." if anon else ".")
    text = "Volumes now: " + (", ".join(named) if named else "no named volumes")
    return text + (f", {anon} anonymous." if anon else ".")


def _volume_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    if any(v.name == p["name"] for v in ctx.state.volumes):
        return Outcome(True, f"{p['name']} 볼륨이 있습니다.", f"Volume {p['name']} exists.")
    return Outcome(
        False,
        f"{p['name']} 볼륨이 없습니다. {volume_names(ctx, 'ko')}",
        f"There is no volume {p['name']}. {volume_names(ctx, 'en')}",
    )


def _volume_removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    if not any(v.name == p["name"] for v in ctx.state.volumes):
        return Outcome(True, f"{p['name']} 볼륨이 삭제되어 없습니다.", f"Volume {p['name']} is gone.")
    users = [
        c.name for c in ctx.state.containers if any(m.type == "volume" and m.source == p["name"] for m in c.mounts)
    ]
    if users:
        # `docker volume rm` refuses a volume that any container, even a stopped one, still mounts
        names = ", ".join(users[:5])
        return Outcome(
            False,
            f"{p['name']} 볼륨이 아직 남아 있습니다. {names} 컨테이너가 이 볼륨을 쓰고 있어서"
            " (멈춘 컨테이너도 마찬가지) 그 컨테이너를 먼저 지워야 docker volume rm으로 지울 수 있습니다.",
            f"Volume {p['name']} still exists. Container(s) {names} use it (stopped ones too): remove "
            "them first, then docker volume rm.",
        )
    return Outcome(
        False,
        f"{p['name']} 볼륨이 아직 남아 있습니다. docker volume rm으로 지워야 합니다.",
        f"Volume {p['name']} still exists. Remove it with docker volume rm.",
    )


def _mounts_text(c: ContainerView, lang: str) -> str:
    if not c.mounts:
        return f"{c.name} 컨테이너에는 마운트가 없습니다." if lang == "ko" else f"Container {c.name} has no mounts."
    labels = ", ".join(m.label(lang) for m in c.mounts)
    return f"{c.name} 컨테이너의 마운트: {labels}." if lang == "ko" else f"Mounts of {c.name}: {labels}."


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


def _mount_words(p: dict[str, Any], lang: str) -> str:
    path, kind, src = p["path"], p["type"], p.get("source")
    ro = p.get("read_only")
    if lang == "en":
        if kind == "volume":
            what = f"volume {src}" if src else "a volume"
        else:
            what = f"a bind mount of {src}" if src else "a bind mount"
        return what + f" mounted at {path}" + {True: " (read-only)", False: " (writable)", None: ""}[ro]
    if kind == "volume":
        what, particle = (f"{src} 볼륨" if src else "볼륨"), "이"
    else:
        what, particle = (f"{src} 폴더의 바인드 마운트" if src else "바인드 마운트"), "가"
    return what + {True: "(읽기 전용)", False: "(쓰기 가능)", None: ""}[ro] + f"{particle} {path} 경로에"


def _mount_at(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    if any(_mount_ok(ctx, _at(c, p["path"]), p) for c in found):
        return Outcome(
            True,
            f"{container_words(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있습니다.",
            f"{container_words(p, 'en').capitalize()} has {_mount_words(p, 'en')}.",
        )
    return Outcome(
        False,
        f"{container_words(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있지 않습니다. "
        + " ".join(_mounts_text(c, "ko") for c in found[:3]),
        f"{container_words(p, 'en').capitalize()} does not have {_mount_words(p, 'en')}. "
        + " ".join(_mounts_text(c, "en") for c in found[:3]),
    )


def _anon_at(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    for c in found:
        m = _at(c, p["path"])
        if m is not None and m.type == "volume" and m.anonymous:
            return Outcome(
                True,
                f"{container_words(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 마운트되어 있습니다.",
                f"{container_words(p, 'en').capitalize()} has an anonymous volume at {p['path']}.",
            )
    return Outcome(
        False,
        f"{container_words(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 없습니다. "
        + " ".join(_mounts_text(c, "ko") for c in found[:3]),
        f"{container_words(p, 'en').capitalize()} has no anonymous volume at {p['path']}. "
        + " ".join(_mounts_text(c, "en") for c in found[:3]),
    )


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
        lambda p, lang: f"{p['name']} 볼륨이 있다" if lang == "ko" else f"Volume {p['name']} exists",
        {"name": "feedback"},
        claims=lambda ctx, p: (set(), {p["name"]}),
    ),
    CheckKind(
        "volume_removed",
        "no volume has this name any more",
        (Param("name", "str", "the volume's name", required=True),),
        _volume_removed,
        lambda p, lang: f"{p['name']} 볼륨이 삭제되어 없다" if lang == "ko" else f"Volume {p['name']} has been removed",
        {"name": "feedback"},
    ),
    CheckKind(
        "anonymous_volume_at",
        "the selected container has an anonymous volume mounted at path",
        (CONTAINER, SELECT_IMAGE, PATH),
        _anon_at,
        lambda p, lang: (
            f"{container_words(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 마운트되어 있다"
            if lang == "ko"
            else f"{container_words(p, 'en').capitalize()} has an anonymous volume at {p['path']}"
        ),
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
        lambda p, lang: (
            f"{container_words(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있다"
            if lang == "ko"
            else f"{container_words(p, 'en').capitalize()} has {_mount_words(p, 'en')}"
        ),
        {"container": "feedback-app", "path": "/app/feedback", "type": "volume", "source": "feedback"},
        _mount_rules,
        _mount_claims,
    ),
)
