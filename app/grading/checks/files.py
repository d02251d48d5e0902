"""Checks on files: present or absent (optionally with text) on the host, in a container, in its read-write
layer, or in a volume."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from app.grading.checks.base import (
    SELECT_IMAGE,
    CheckKind,
    Context,
    Describe,
    Outcome,
    Rules,
    not_found,
    select,
)
from app.grading.checks.storage import container_words, volume_names
from app.grading.params import Param
from app.grading.state import ContainerView
from app.grading.text import nfc

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


def _file_rules(check: str) -> Rules:
    def rule(p: Mapping[str, Any]) -> list[str]:
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


def _place(p: dict[str, Any], lang: str) -> str:
    where = p["where"]
    if where == "host":
        return f"호스트의 {p['path']}" if lang == "ko" else f"{p['path']} on the host"
    if where == "volume":
        return f"{p['volume']} 볼륨의 {p['path']}" if lang == "ko" else f"{p['path']} in volume {p['volume']}"
    if where == "layer":
        return (
            f"{container_words(p, 'ko')}의 읽기 쓰기 레이어에 있는 {p['path']}"
            if lang == "ko"
            else f"{p['path']} in the read-write layer of {container_words(p, 'en')}"
        )
    return f"{container_words(p, 'ko')}의 {p['path']}" if lang == "ko" else f"{p['path']} in {container_words(p, 'en')}"


def _read(ctx: Context, p: dict[str, Any]) -> tuple[list[str | None], Outcome | None]:
    """The file's text at each matching place (None where missing), or a failure outcome."""
    path = p["path"]
    if p["where"] == "host":
        if not path.startswith(("/", "~")):
            path = "~/" + path  # content cannot know the learner's cwd: relative means from home
        return [ctx.live.host_file(ctx.state.host_path(path))], None
    if p["where"] == "volume":
        if not any(v.name == p["volume"] for v in ctx.state.volumes):
            return [], Outcome(
                False,
                f"{p['volume']} 볼륨이 없습니다. {volume_names(ctx, 'ko')}",
                f"There is no volume {p['volume']}. {volume_names(ctx, 'en')}",
            )
        return [ctx.live.volume_file(p["volume"], posixpath.normpath("/" + path.lstrip("/")))], None
    found = select(ctx.state, p, "container")
    if not found:
        return [], not_found(ctx.state, p, "container")
    read = ctx.live.layer_file if p["where"] == "layer" else ctx.live.container_file
    return [read(c, posixpath.normpath(p["path"])) for c in found], None


def _folder_words(ctx: Context, p: dict[str, Any]) -> tuple[str, str]:
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
    names = ctx.live.folder_listing(where, target, folder)
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


def _file_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
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


def _file_absent(ctx: Context, p: dict[str, Any]) -> Outcome:
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


def _file_describe(absent: bool) -> Describe:
    def describe(p: dict[str, Any], lang: str) -> str:
        want = p.get("contains")
        if lang == "en":
            if want is None:
                return f"File {_place(p, 'en')} {'does not exist' if absent else 'exists'}"
            return f"File {_place(p, 'en')} {'does not contain' if absent else 'contains'} ‘{want}’"
        if want is None:
            return f"{_place(p, 'ko')} 파일이 {'없다' if absent else '있다'}"
        return f"{_place(p, 'ko')} 파일에 ‘{want}’ 내용이 {'없다' if absent else '있다'}"

    return describe


def _file_claims(ctx: Context, p: dict[str, Any]) -> tuple[set[str], set[str]]:
    if p["where"] == "volume":
        return set(), {p["volume"]}
    if p["where"] in _IN_CONTAINER:
        return {c.id for c in select(ctx.state, p, "container")}, set()
    return set(), set()


FILE_CHECKS = (
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
