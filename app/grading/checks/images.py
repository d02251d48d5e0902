"""Checks on images: a tag exists, a tag is gone, an image was built from the current files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.grading.checks.base import CheckKind, Context, Outcome
from app.grading.params import Param
from app.grading.state import HostState, normalise_ref, short_ref

REF = Param("ref", "ref", "repository[:tag]; without a tag means :latest", required=True)


def _tags(state: HostState, lang: str) -> str:
    tags = sorted(short_ref(t) for i in state.images for t in i.tags)
    if not tags:
        return "이미지가 하나도 없습니다." if lang == "ko" else "There are no images."
    shown = ", ".join(tags[:8]) + (" …" if len(tags) > 8 else "")
    return ("지금 있는 이미지: " if lang == "ko" else "Images now: ") + shown + "."


def _image_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    if ctx.state.image_for(p["ref"]):
        return Outcome(True, f"{ref} 이미지가 있습니다.", f"Image {ref} exists.")
    return Outcome(
        False,
        f"{ref} 이미지가 없습니다. {_tags(ctx.state, 'ko')}",
        f"There is no image {ref}. {_tags(ctx.state, 'en')}",
    )


def _image_removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return Outcome(True, f"{ref} 이미지가 삭제되어 없습니다.", f"Image {ref} is gone.")
    users = [c.name for c in ctx.state.containers if c.image_id == image.id]
    if users:
        # `docker rmi` refuses (without -f) an image that a container, even a stopped one, was made from
        names = ", ".join(users[:5])
        return Outcome(
            False,
            f"{ref} 이미지가 아직 남아 있습니다. {names} 컨테이너가 이 이미지로 만들어져 있어서"
            " (멈춘 컨테이너도 마찬가지) 그 컨테이너를 먼저 지워야 docker rmi로 지울 수 있습니다.",
            f"Image {ref} still exists. Container(s) {names} were made from it (stopped ones too): "
            "remove them first, then docker rmi.",
        )
    return Outcome(
        False,
        f"{ref} 이미지가 아직 남아 있습니다. docker rmi로 삭제해야 합니다.",
        f"Image {ref} still exists; remove it with docker rmi.",
    )


def _built_from_current(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return Outcome(
            False,
            f"{ref} 이미지가 없습니다. {_tags(ctx.state, 'ko')}",
            f"There is no image {ref}. {_tags(ctx.state, 'en')}",
        )
    fresh, error = ctx.live.rebuilt_image_id(p["context"], p.get("dockerfile"))
    if fresh is None:
        return Outcome(
            False,
            f"{p['context']} 폴더를 지금 빌드할 수 없어 비교하지 못했습니다: {error}",
            f"Could not build {p['context']} now to compare: {error}",
        )
    if fresh == image.id:
        return Outcome(
            True,
            f"{ref} 이미지가 {p['context']} 폴더의 현재 파일로 빌드되어 있습니다.",
            f"Image {ref} is built from the current files in {p['context']}.",
        )
    return Outcome(
        False,
        f"{ref} 이미지가 {p['context']} 폴더의 현재 파일과 다릅니다. 파일을 고친 뒤 "
        "다시 빌드해야(docker build) 이미지에 반영됩니다 — 이미지는 읽기 전용입니다.",
        f"Image {ref} differs from the current files in {p['context']}. Rebuild it (docker build) "
        "after editing: images are read-only.",
    )


_CONFIG_KEYS = ("workdir", "cmd", "entrypoint", "exposes")


def _words(value: object) -> tuple[str, ...]:
    """`cmd: node server.js` or `cmd: [node, server.js]` as the exec-form list Docker stores."""
    if isinstance(value, str):
        return tuple(value.split())
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected text or a list, got {value!r}")  # params are validated before this runs
    return tuple(str(v) for v in value)


def _show(words: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]" if words else "(없음)"


def _config_facts(image, p: dict[str, Any]) -> list[tuple[str, str, str, bool]]:  # type: ignore[no-untyped-def]
    """(Dockerfile instruction, wanted, found, same) for every setting the check asks about."""
    facts = []
    if "workdir" in p:
        facts.append(("WORKDIR", p["workdir"], image.workdir or "/", image.workdir == p["workdir"]))
    if "cmd" in p:
        want = _words(p["cmd"])
        facts.append(("CMD", _show(want), _show(image.cmd), image.cmd == want))
    if "entrypoint" in p:
        want = _words(p["entrypoint"])
        facts.append(("ENTRYPOINT", _show(want), _show(image.entrypoint), image.entrypoint == want))
    if "exposes" in p:
        port = f"{p['exposes']}/tcp"
        facts.append(("EXPOSE", port, ", ".join(image.exposed) or "(없음)", port in image.exposed))
    return facts


def _image_config(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return Outcome(
            False,
            f"{ref} 이미지가 없습니다. {_tags(ctx.state, 'ko')}",
            f"There is no image {ref}. {_tags(ctx.state, 'en')}",
        )
    wrong = [f for f in _config_facts(image, p) if not f[3]]
    if not wrong:
        return Outcome(True, f"{ref} 이미지의 설정이 요구한 대로입니다.", f"Image {ref} is configured as asked.")
    ko = "; ".join(f"{k} — 기대한 값 {want}, 지금 값 {found}" for k, want, found, _ in wrong)
    en = "; ".join(f"{k} should be {want} but is {found}" for k, want, found, _ in wrong)
    return Outcome(
        False,
        f"{ref} 이미지의 설정이 다릅니다: {ko}. Dockerfile을 고친 뒤 다시 빌드하세요.",
        f"Image {ref} is configured differently: {en}. Fix the Dockerfile and rebuild.",
    )


def _config_rule(params: Mapping[str, Any]) -> list[str]:
    if isinstance(params, dict) and not any(k in params for k in _CONFIG_KEYS):
        return ["image_config: give at least one of " + ", ".join(repr(k) for k in _CONFIG_KEYS)]
    return []


def _describe_config(p: dict[str, Any], lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    parts = []
    if "workdir" in p:
        parts.append(f"WORKDIR {p['workdir']}")
    if "cmd" in p:
        parts.append(f"CMD {_show(_words(p['cmd']))}")
    if "entrypoint" in p:
        parts.append(f"ENTRYPOINT {_show(_words(p['entrypoint']))}")
    if "exposes" in p:
        parts.append(f"EXPOSE {p['exposes']}")
    settings = ", ".join(parts)
    if lang == "en":
        return f"Image {ref} is built with {settings}"
    return f"{ref} 이미지가 {settings} 설정으로 빌드되어 있다"


def _describe_exists(p: dict[str, Any], lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    return f"{ref} 이미지가 있다" if lang == "ko" else f"Image {ref} exists"


def _describe_removed(p: dict[str, Any], lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    return f"{ref} 이미지가 삭제되어 없다" if lang == "ko" else f"Image {ref} has been removed"


def _describe_current(p: dict[str, Any], lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    if lang == "en":
        return f"Image {ref} is built from the current files in {p['context']}"
    return f"{ref} 이미지가 {p['context']} 폴더의 현재 파일로 빌드되어 있다"


IMAGE_CHECKS = (
    CheckKind(
        "image_config",
        "the image's config (what WORKDIR, CMD, ENTRYPOINT, EXPOSE in its Dockerfile set)",
        (
            REF,
            Param("workdir", "path", "the working folder (WORKDIR)"),
            Param("cmd", "words", 'the default command, exec form (CMD ["node", "server.js"])'),
            Param("entrypoint", "words", "the entrypoint, exec form"),
            Param("exposes", "port", "a port the image documents with EXPOSE (tcp)"),
        ),
        _image_config,
        _describe_config,
        {"ref": "hello-node", "workdir": "/app", "cmd": ["node", "server.js"]},
        rules=_config_rule,
    ),
    CheckKind(
        "image_exists",
        "an image with this repository:tag exists",
        (REF,),
        _image_exists,
        _describe_exists,
        {"ref": "feedback-app"},
    ),
    CheckKind(
        "image_removed",
        "no image has this repository:tag any more",
        (REF,),
        _image_removed,
        _describe_removed,
        {"ref": "feedback-app:old"},
    ),
    CheckKind(
        "image_built_from_current",
        "the tag points at the image that building the folder now would give (same content-addressed id)",
        (
            REF,
            Param("context", "path", "the build context folder on the host", required=True),
            Param("dockerfile", "path", "a Dockerfile other than <context>/Dockerfile (optional)"),
        ),
        _built_from_current,
        _describe_current,
        {"ref": "feedback-app", "context": "~/feedback-app"},
    ),
)
