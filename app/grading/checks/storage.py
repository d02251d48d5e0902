"""Checks on volumes, mounts and files (host, container, volume)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from app.grading.checks.base import (
    SELECT_IMAGE,
    CheckKind,
    Context,
    Outcome,
    not_found,
    select,
    who,
)
from app.grading.params import Param
from app.grading.state import ContainerView, MountView
from app.grading.text import nfc

CONTAINER = Param("container", "str", "the container's name")
PATH = Param("path", "path", "the absolute path inside the container", required=True)


def _need_container(check: str):
    def rule(p: Mapping) -> list[str]:
        if isinstance(p, Mapping) and "container" not in p and "image" not in p:
            return [f"{check}: give 'container' (a name) or 'image' to select the container"]
        return []

    return rule


def _who(p: Mapping, lang: str) -> str:
    return who(p, lang, "container")


def _volume_names(ctx: Context, lang: str) -> str:
    named = sorted(v.name for v in ctx.state.volumes if not v.anonymous)
    anon = sum(v.anonymous for v in ctx.state.volumes)
    if lang == "ko":
        text = "지금 있는 볼륨: " + (", ".join(named) if named else "이름 있는 볼륨 없음")
        return text + (f", 익명 볼륨 {anon}개." if anon else ".")
    text = "Volumes now: " + (", ".join(named) if named else "no named volumes")
    return text + (f", {anon} anonymous." if anon else ".")


def _volume_exists(ctx: Context, p: dict) -> Outcome:
    if any(v.name == p["name"] for v in ctx.state.volumes):
        return Outcome(True, f"{p['name']} 볼륨이 있습니다.", f"Volume {p['name']} exists.")
    return Outcome(
        False,
        f"{p['name']} 볼륨이 없습니다. {_volume_names(ctx, 'ko')}",
        f"There is no volume {p['name']}. {_volume_names(ctx, 'en')}",
    )


def _volume_removed(ctx: Context, p: dict) -> Outcome:
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


def _mount_ok(ctx: Context, m: MountView | None, p: dict) -> bool:
    if m is None or m.type != p["type"]:
        return False
    if "read_only" in p and m.read_only != p["read_only"]:
        return False
    if "source" in p:
        if m.type == "bind":
            return posixpath.normpath(m.source) == ctx.state.host_path(p["source"])
        return not m.anonymous and m.source == p["source"]
    return True


def _mount_words(p: dict, lang: str) -> str:
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


def _mount_at(ctx: Context, p: dict) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    if any(_mount_ok(ctx, _at(c, p["path"]), p) for c in found):
        return Outcome(
            True,
            f"{_who(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있습니다.",
            f"{_who(p, 'en').capitalize()} has {_mount_words(p, 'en')}.",
        )
    return Outcome(
        False,
        f"{_who(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있지 않습니다. "
        + " ".join(_mounts_text(c, "ko") for c in found[:3]),
        f"{_who(p, 'en').capitalize()} does not have {_mount_words(p, 'en')}. "
        + " ".join(_mounts_text(c, "en") for c in found[:3]),
    )


def _anon_at(ctx: Context, p: dict) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    for c in found:
        m = _at(c, p["path"])
        if m is not None and m.type == "volume" and m.anonymous:
            return Outcome(
                True,
                f"{_who(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 마운트되어 있습니다.",
                f"{_who(p, 'en').capitalize()} has an anonymous volume at {p['path']}.",
            )
    return Outcome(
        False,
        f"{_who(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 없습니다. "
        + " ".join(_mounts_text(c, "ko") for c in found[:3]),
        f"{_who(p, 'en').capitalize()} has no anonymous volume at {p['path']}. "
        + " ".join(_mounts_text(c, "en") for c in found[:3]),
    )


def _mount_claims(ctx: Context, p: dict) -> tuple[set[str], set[str]]:
    containers, volumes = set(), set()
    for c in select(ctx.state, p, "container"):
        containers.add(c.id)
        m = _at(c, p["path"])
        if m is not None and m.type == "volume":
            volumes.add(m.source)
    return containers, volumes


def _mount_rules(p: Mapping) -> list[str]:
    errors = _need_container("mount_at")(p)
    if isinstance(p, Mapping) and p.get("type") == "volume" and isinstance(p.get("source"), str) and "/" in p["source"]:
        errors.append("mount_at: a volume 'source' is a volume name, not a path (use type: bind for a folder)")
    return errors


# ---------------------------------------------------------------- files

WHERE = Param(
    "where",
    "enum",
    "host, container (its whole file view: image, read-write layer, mounts), "
    "layer (only the container's read-write layer) or volume",
    required=True,
    choices=("host", "container", "layer", "volume"),
)
_IN_CONTAINER = ("container", "layer")
FILE_PARAMS = (
    WHERE,
    Param(
        "path",
        "str",
        "container: an absolute path; host: absolute, ~/..., or relative to the home "
        "folder; volume: from the volume's root (awesome.txt = /awesome.txt)",
        required=True,
    ),
    Param("container", "str", "where=container or layer: the container's name"),
    SELECT_IMAGE,
    Param("volume", "str", "where=volume: the volume's name"),
    Param("contains", "text", "text the file must contain (file_absent: must not contain)"),
)


def _file_rules(check: str):
    def rule(p: Mapping) -> list[str]:
        if not isinstance(p, Mapping):
            return []
        where = p.get("where")
        if where in _IN_CONTAINER and "container" not in p and "image" not in p:
            return [f"{check}: where={where} needs 'container' (a name) or 'image'"]
        if where == "volume" and "volume" not in p:
            return [f"{check}: where=volume needs 'volume' (the volume's name)"]
        path = p.get("path")
        if where in _IN_CONTAINER and isinstance(path, str) and not path.startswith("/"):
            return [f"{check}: where={where} needs an absolute path inside the container, got {path!r}"]
        extra = [
            k
            for k in ("container", "image", "volume")
            if k in p and where not in {"container": _IN_CONTAINER, "image": _IN_CONTAINER, "volume": ("volume",)}[k]
        ]
        if extra:
            return [f"{check}: {extra[0]!r} does not apply to where={where}"]
        return []

    return rule


def _place(p: dict, lang: str) -> str:
    where = p["where"]
    if where == "host":
        return f"호스트의 {p['path']}" if lang == "ko" else f"{p['path']} on the host"
    if where == "volume":
        return f"{p['volume']} 볼륨의 {p['path']}" if lang == "ko" else f"{p['path']} in volume {p['volume']}"
    if where == "layer":
        return (
            f"{_who(p, 'ko')}의 읽기 쓰기 레이어에 있는 {p['path']}"
            if lang == "ko"
            else f"{p['path']} in the read-write layer of {_who(p, 'en')}"
        )
    return f"{_who(p, 'ko')}의 {p['path']}" if lang == "ko" else f"{p['path']} in {_who(p, 'en')}"


def _read(ctx: Context, p: dict) -> tuple[list[str | None], Outcome | None]:
    """The file's text at each matching place (None where missing), or a failure outcome."""
    path = p["path"]
    if p["where"] == "host":
        if not path.startswith(("/", "~")):
            path = "~/" + path  # content cannot know the learner's cwd: relative means from home
        return [ctx.probe.host_file(ctx.state.host_path(path))], None
    if p["where"] == "volume":
        if not any(v.name == p["volume"] for v in ctx.state.volumes):
            return [], Outcome(
                False,
                f"{p['volume']} 볼륨이 없습니다. {_volume_names(ctx, 'ko')}",
                f"There is no volume {p['volume']}. {_volume_names(ctx, 'en')}",
            )
        return [ctx.probe.volume_file(p["volume"], posixpath.normpath("/" + path.lstrip("/")))], None
    found = select(ctx.state, p, "container")
    if not found:
        return [], not_found(ctx.state, p, "container")
    read = ctx.probe.layer_file if p["where"] == "layer" else ctx.probe.container_file
    return [read(c, posixpath.normpath(p["path"])) for c in found], None


def _folder_words(ctx: Context, p: dict) -> tuple[str, str]:
    """What the missing file's folder holds instead: ` ~/site 폴더에 있는 것: a.html, css/.`"""
    where, path = p["where"], p["path"]
    if where == "host":
        full = ctx.state.host_path(path if path.startswith(("/", "~")) else "~/" + path)
        target: ContainerView | str | None = None
    elif where == "volume":
        full, target = posixpath.normpath("/" + path.lstrip("/")), p["volume"]
    else:
        found = select(ctx.state, p, "container")
        full, target = posixpath.normpath(path), (found[0] if found else None)
    folder = posixpath.dirname(full) or "/"
    names = ctx.probe.folder_listing(where, target, folder)
    if where == "host" and (folder == ctx.state.home or folder.startswith(ctx.state.home + "/")):
        folder = "~" + folder[len(ctx.state.home) :]
    if where == "volume":
        ko = f"{target} 볼륨" + ("" if folder == "/" else f"의 {folder} 폴더")
        en = f"volume {target}" if folder == "/" else f"folder {folder} of volume {target}"
    elif where == "layer":
        ko, en = f"읽기 쓰기 레이어의 {folder} 폴더", f"folder {folder} of the read-write layer"
    else:
        ko, en = f"{folder} 폴더", f"folder {folder}"
    if names is None:
        return f" {ko}도 없습니다.", f" The {en} does not exist either."
    if not names and where == "layer":
        return (
            f" 컨테이너가 {folder} 폴더에 쓴 파일이 하나도 없습니다.",
            f" The container has written no file in {folder}.",
        )
    if not names:
        return f" {ko}는 비어 있습니다." if ko.endswith("폴더") else f" {ko}은 비어 있습니다.", f" The {en} is empty."
    listed = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
    return f" {ko}에 있는 것: {listed}.", f" The {en} holds: {listed}."


def _file_exists(ctx: Context, p: dict) -> Outcome:
    texts, failure = _read(ctx, p)
    if failure:
        return failure
    place_ko, place_en = _place(p, "ko"), _place(p, "en")
    present = [t for t in texts if t is not None]
    if not present:
        ko, en = _folder_words(ctx, p)
        return Outcome(False, f"{place_ko} 파일이 없습니다.{ko}", f"There is no file {place_en}.{en}")
    want = p.get("contains")
    if want is None:
        return Outcome(True, f"{place_ko} 파일이 있습니다.", f"File {place_en} exists.")
    if any(nfc(want) in nfc(t) for t in present):
        return Outcome(True, f"{place_ko} 파일에 ‘{want}’ 내용이 있습니다.", f"File {place_en} contains ‘{want}’.")
    sample = nfc(present[0]).strip().replace("\n", " ")[:60]
    return Outcome(
        False,
        f"{place_ko} 파일은 있지만 ‘{want}’ 내용이 없습니다 (지금 내용: ‘{sample}’).",
        f"File {place_en} exists but does not contain ‘{want}’ (it has ‘{sample}’).",
    )


def _file_absent(ctx: Context, p: dict) -> Outcome:
    texts, failure = _read(ctx, p)
    if failure:
        return failure
    place_ko, place_en = _place(p, "ko"), _place(p, "en")
    want = p.get("contains")
    present = [t for t in texts if t is not None]
    if want is None:
        if not present:
            return Outcome(True, f"{place_ko} 파일이 없습니다.", f"There is no file {place_en}.")
        return Outcome(False, f"{place_ko} 파일이 아직 있습니다.", f"File {place_en} still exists.")
    if not any(nfc(want) in nfc(t) for t in present):
        return Outcome(
            True, f"{place_ko} 파일에 ‘{want}’ 내용이 없습니다.", f"File {place_en} does not contain ‘{want}’."
        )
    return Outcome(
        False, f"{place_ko} 파일에 아직 ‘{want}’ 내용이 있습니다.", f"File {place_en} still contains ‘{want}’."
    )


def _file_describe(absent: bool):
    def describe(p: dict, lang: str) -> str:
        want = p.get("contains")
        if lang == "en":
            if want is None:
                return f"File {_place(p, 'en')} {'does not exist' if absent else 'exists'}"
            return f"File {_place(p, 'en')} {'does not contain' if absent else 'contains'} ‘{want}’"
        if want is None:
            return f"{_place(p, 'ko')} 파일이 {'없다' if absent else '있다'}"
        return f"{_place(p, 'ko')} 파일에 ‘{want}’ 내용이 {'없다' if absent else '있다'}"

    return describe


def _file_claims(ctx: Context, p: dict) -> tuple[set[str], set[str]]:
    if p["where"] == "volume":
        return set(), {p["volume"]}
    if p["where"] in _IN_CONTAINER:
        return {c.id for c in select(ctx.state, p, "container")}, set()
    return set(), set()


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
            f"{_who(p, 'ko')}의 {p['path']} 경로에 익명 볼륨이 마운트되어 있다"
            if lang == "ko"
            else f"{_who(p, 'en').capitalize()} has an anonymous volume at {p['path']}"
        ),
        {"container": "feedback-app", "path": "/app/feedback"},
        _need_container("anonymous_volume_at"),
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
            f"{_who(p, 'ko')}에 {_mount_words(p, 'ko')} 마운트되어 있다"
            if lang == "ko"
            else f"{_who(p, 'en').capitalize()} has {_mount_words(p, 'en')}"
        ),
        {"container": "feedback-app", "path": "/app/feedback", "type": "volume", "source": "feedback"},
        _mount_rules,
        _mount_claims,
    ),
    CheckKind(
        "file_exists",
        "a file exists (optionally containing text) on the host, in a container, in its read-write layer, or in a volume",
        FILE_PARAMS,
        _file_exists,
        _file_describe(False),
        {"where": "volume", "volume": "feedback", "path": "/awesome.txt", "contains": "좋아요"},
        _file_rules("file_exists"),
        _file_claims,
    ),
    CheckKind(
        "file_absent",
        "a file is absent (or, with contains, does not contain the text)",
        FILE_PARAMS,
        _file_absent,
        _file_describe(True),
        {"where": "container", "container": "feedback-app", "path": "/app/feedback/awesome.txt"},
        _file_rules("file_absent"),
        _file_claims,
    ),
)
