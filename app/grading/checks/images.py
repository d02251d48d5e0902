"""Checks on images: a tag exists, a tag is gone, an image was built from the current files."""
from __future__ import annotations

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


def _image_exists(ctx: Context, p: dict) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    if ctx.state.image_for(p["ref"]):
        return Outcome(True, f"{ref} 이미지가 있습니다.", f"Image {ref} exists.")
    return Outcome(False, f"{ref} 이미지가 없습니다. {_tags(ctx.state, 'ko')}",
                   f"There is no image {ref}. {_tags(ctx.state, 'en')}")


def _image_removed(ctx: Context, p: dict) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    if ctx.state.image_for(p["ref"]) is None:
        return Outcome(True, f"{ref} 이미지가 삭제되어 없습니다.", f"Image {ref} is gone.")
    return Outcome(False, f"{ref} 이미지가 아직 남아 있습니다. docker rmi로 삭제해야 합니다.",
                   f"Image {ref} still exists; remove it with docker rmi.")


def _built_from_current(ctx: Context, p: dict) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return Outcome(False, f"{ref} 이미지가 없습니다. {_tags(ctx.state, 'ko')}",
                       f"There is no image {ref}. {_tags(ctx.state, 'en')}")
    fresh, error = ctx.probe.rebuilt_image_id(p["context"], p.get("dockerfile"))
    if fresh is None:
        return Outcome(False, f"{p['context']} 폴더를 지금 빌드할 수 없어 비교하지 못했습니다: {error}",
                       f"Could not build {p['context']} now to compare: {error}")
    if fresh == image.id:
        return Outcome(True, f"{ref} 이미지가 {p['context']} 폴더의 현재 파일로 빌드되어 있습니다.",
                       f"Image {ref} is built from the current files in {p['context']}.")
    return Outcome(False, f"{ref} 이미지가 {p['context']} 폴더의 현재 파일과 다릅니다. 파일을 고친 뒤 "
                   "다시 빌드해야(docker build) 이미지에 반영됩니다 — 이미지는 읽기 전용입니다.",
                   f"Image {ref} differs from the current files in {p['context']}. Rebuild it (docker build) "
                   "after editing: images are read-only.")


def _describe_exists(p: dict, lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    return f"{ref} 이미지가 있다" if lang == "ko" else f"Image {ref} exists"


def _describe_removed(p: dict, lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    return f"{ref} 이미지가 삭제되어 없다" if lang == "ko" else f"Image {ref} has been removed"


def _describe_current(p: dict, lang: str) -> str:
    ref = short_ref(normalise_ref(p["ref"]))
    if lang == "en":
        return f"Image {ref} is built from the current files in {p['context']}"
    return f"{ref} 이미지가 {p['context']} 폴더의 현재 파일로 빌드되어 있다"


IMAGE_CHECKS = (
    CheckKind("image_exists", "an image with this repository:tag exists", (REF,),
              _image_exists, _describe_exists, {"ref": "feedback-app"}),
    CheckKind("image_removed", "no image has this repository:tag any more", (REF,),
              _image_removed, _describe_removed, {"ref": "feedback-app:old"}),
    CheckKind("image_built_from_current",
              "the tag points at the image that building the folder now would give (same content-addressed id)",
              (REF, Param("context", "path", "the build context folder on the host", required=True),
               Param("dockerfile", "path", "a Dockerfile other than <context>/Dockerfile (optional)")),
              _built_from_current, _describe_current, {"ref": "feedback-app", "context": "~/feedback-app"}),
)
