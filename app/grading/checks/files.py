"""Checks on files: present or absent (optionally with text) on the host, in a container, in its read-write
layer, or in a volume."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import (
    SELECT_IMAGE,
    CheckKind,
    Context,
    Describe,
    Outcome,
    Rules,
    not_found,
    select,
    who,
)
from app.grading.checks.storage import volume_names
from app.grading.params import Param
from app.grading.state import ContainerView
from app.grading.text import nfc
from app.grading.words import sentences

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


def _place(p: dict[str, Any]) -> Message:
    """Where the file is: `/srv/a.txt on the host`; Korean puts the word for file after it."""
    where, path = p["where"], p["path"]
    if where == "host":
        return N_("%(path)s on the host", path=path)
    if where == "volume":
        return N_("%(path)s in volume %(volume)s", path=path, volume=p["volume"])
    if where == "layer":
        return N_("%(path)s in the read-write layer of the %(who)s", path=path, who=who(p, "container"))
    return N_("%(path)s in the %(who)s", path=path, who=who(p, "container"))


def _read(ctx: Context, p: dict[str, Any]) -> tuple[list[str | None], Outcome | None]:
    """The file's text at each matching place (None where missing), or a failure outcome."""
    path = p["path"]
    if p["where"] == "host":
        if not path.startswith(("/", "~")):
            path = "~/" + path  # content cannot know the learner's cwd: relative means from home
        return [ctx.live.host_file(ctx.state.host_path(path))], None
    if p["where"] == "volume":
        if not any(v.name == p["volume"] for v in ctx.state.volumes):
            missing = N_("There is no volume %(name)s. %(volumes)s", name=p["volume"], volumes=volume_names(ctx))
            return [], Outcome(False, missing)
        return [ctx.live.volume_file(p["volume"], posixpath.normpath("/" + path.lstrip("/")))], None
    found = select(ctx.state, p, "container")
    if not found:
        return [], not_found(ctx.state, p, "container")
    read = ctx.live.layer_file if p["where"] == "layer" else ctx.live.container_file
    return [read(c, posixpath.normpath(p["path"])) for c in found], None


def _folder(ctx: Context, p: dict[str, Any]) -> tuple[str, ContainerView | str | None, Message]:
    """The missing file's folder: its path, where it is (for the probe), and its name in words."""
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
    shown = folder
    if where == "host" and (folder == ctx.state.home or folder.startswith(ctx.state.home + "/")):
        shown = "~" + folder[len(ctx.state.home) :]
    if where == "volume" and folder == "/":
        words = N_("volume %(volume)s", volume=str(target))
    elif where == "volume":
        words = N_("folder %(folder)s of volume %(volume)s", folder=shown, volume=str(target))
    elif where == "layer":
        words = N_("folder %(folder)s of the read-write layer", folder=shown)
    else:
        words = N_("folder %(folder)s", folder=shown)
    return folder, target, words


def _folder_words(ctx: Context, p: dict[str, Any]) -> Message:
    """What the missing file's folder holds instead: `The folder ~/site holds: a.html, css/.`"""
    folder, target, words = _folder(ctx, p)
    names = ctx.live.folder_listing(p["where"], target, folder)
    if names is None:
        return N_("The %(place)s does not exist either.", place=words)
    if not names and p["where"] == "layer":
        return N_("The container has written no file in %(folder)s.", folder=folder)
    if not names:
        return N_("The %(place)s is empty.", place=words)
    listed = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
    return N_("The %(place)s holds: %(names)s.", place=words, names=listed)


def _file_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    texts, failure = _read(ctx, p)
    if failure:
        return failure
    place = _place(p)
    present = [t for t in texts if t is not None]
    if not present:
        return Outcome(False, sentences([N_("There is no file %(place)s.", place=place), _folder_words(ctx, p)]))
    want = p.get("contains")
    if want is None:
        return Outcome(True, N_("File %(place)s exists.", place=place))
    if any(nfc(want) in nfc(t) for t in present):
        return Outcome(True, N_("File %(place)s contains ‘%(text)s’.", place=place, text=want))
    sample = nfc(present[0]).strip().replace("\n", " ")[:60]
    return Outcome(
        False,
        N_(
            "File %(place)s exists but does not contain ‘%(text)s’ (it has ‘%(sample)s’).",
            place=place,
            text=want,
            sample=sample,
        ),
    )


def _file_absent(ctx: Context, p: dict[str, Any]) -> Outcome:
    texts, failure = _read(ctx, p)
    if failure:
        return failure
    place = _place(p)
    want = p.get("contains")
    present = [t for t in texts if t is not None]
    if want is None:
        if not present:
            return Outcome(True, N_("There is no file %(place)s.", place=place))
        return Outcome(False, N_("File %(place)s still exists.", place=place))
    if not any(nfc(want) in nfc(t) for t in present):
        return Outcome(True, N_("File %(place)s does not contain ‘%(text)s’.", place=place, text=want))
    return Outcome(False, N_("File %(place)s still contains ‘%(text)s’.", place=place, text=want))


def _file_describe(absent: bool) -> Describe:
    def describe(p: dict[str, Any]) -> Message:
        want, place = p.get("contains"), _place(p)
        if want is None:
            return (
                N_("File %(place)s does not exist", place=place) if absent else N_("File %(place)s exists", place=place)
            )
        if absent:
            return N_("File %(place)s does not contain ‘%(text)s’", place=place, text=want)
        return N_("File %(place)s contains ‘%(text)s’", place=place, text=want)

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
        {"where": "volume", "volume": "feedback", "path": "/awesome.txt", "contains": "awesome"},
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
