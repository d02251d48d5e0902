"""Checks on images: a tag exists, a tag is gone, an image was built from the current files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import CheckKind, Context, Outcome
from app.grading.checks.config import differences
from app.grading.params import Param
from app.grading.state import HostState, ImageView, normalise_ref, short_ref
from app.grading.words import joined, sentences

REF = Param("ref", "ref", "repository[:tag]; without a tag means :latest", required=True)


def _tags(state: HostState) -> Message:
    tags = sorted(short_ref(t) for i in state.images for t in i.tags)
    if not tags:
        return N_("There are no images.")
    return N_("Images now: %(tags)s.", tags=", ".join(tags[:8]) + (" …" if len(tags) > 8 else ""))


def _no_image(state: HostState, ref: str) -> Outcome:
    return Outcome(False, sentences([N_("There is no image %(ref)s.", ref=ref), _tags(state)]))


def _image_exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    if ctx.state.image_for(p["ref"]):
        return Outcome(True, N_("Image %(ref)s exists.", ref=ref))
    return _no_image(ctx.state, ref)


def _image_removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return Outcome(True, N_("Image %(ref)s is gone.", ref=ref))
    users = [c.name for c in ctx.state.containers if c.image_id == image.id]
    if users:
        # `docker rmi` refuses (without -f) an image that a container, even a stopped one, was made from
        return Outcome(
            False,
            N_(
                "Image %(ref)s still exists. Container(s) %(names)s were made from it (stopped ones too): "
                "remove them first, then docker rmi.",
                ref=ref,
                names=", ".join(users[:5]),
            ),
        )
    return Outcome(False, N_("Image %(ref)s still exists; remove it with docker rmi.", ref=ref))


def _built_from_current(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return _no_image(ctx.state, ref)
    fresh, error = ctx.live.rebuilt_image_id(p["context"], p.get("dockerfile"))
    words = {"ref": ref, "context": p["context"]}
    if fresh is None:
        return Outcome(False, N_("Could not build %(context)s now to compare: %(error)s", error=error, **words))
    if fresh == image.id:
        return Outcome(True, N_("Image %(ref)s is built from the current files in %(context)s.", **words))
    return Outcome(
        False,
        N_(
            "Image %(ref)s differs from the current files in %(context)s. Rebuild it (docker build) "
            "after editing: images are read-only.",
            **words,
        ),
    )


_CONFIG_KEYS = ("workdir", "cmd", "entrypoint", "exposes")


def _words(value: object) -> tuple[str, ...]:
    """`cmd: node server.js` or `cmd: [node, server.js]` as the exec-form list Docker stores."""
    if isinstance(value, str):
        return tuple(value.split())
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected text or a list, got {value!r}")  # params are validated before this runs
    return tuple(str(v) for v in value)


def _show(words: tuple[str, ...]) -> Message | str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]" if words else N_("(none)")


Fact = tuple[str, "Message | str", "Message | str", bool]


def _config_facts(image: ImageView, p: dict[str, Any]) -> list[Fact]:
    """(Dockerfile instruction, wanted, found, same) for every setting the check asks about."""
    facts: list[Fact] = []
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
        facts.append(("EXPOSE", port, ", ".join(image.exposed) or N_("(none)"), port in image.exposed))
    return facts


def _image_config(ctx: Context, p: dict[str, Any]) -> Outcome:
    ref = short_ref(normalise_ref(p["ref"]))
    image = ctx.state.image_for(p["ref"])
    if image is None:
        return _no_image(ctx.state, ref)
    wrong = [f for f in _config_facts(image, p) if not f[3]]
    if not wrong:
        return Outcome(True, N_("Image %(ref)s is configured as asked.", ref=ref))
    return Outcome(
        False,
        N_(
            "Image %(ref)s is configured differently: %(differences)s. Fix the Dockerfile and rebuild.",
            ref=ref,
            differences=differences(wrong),
        ),
    )


def _config_rule(params: Mapping[str, Any]) -> list[str]:
    if isinstance(params, dict) and not any(k in params for k in _CONFIG_KEYS):
        return ["image_config: give at least one of " + ", ".join(repr(k) for k in _CONFIG_KEYS)]
    return []


def _describe_config(p: dict[str, Any]) -> Message:
    ref = short_ref(normalise_ref(p["ref"]))
    parts: list[Message | str] = []
    if "workdir" in p:
        parts.append(f"WORKDIR {p['workdir']}")
    if "cmd" in p:
        parts.append(N_("CMD %(words)s", words=_show(_words(p["cmd"]))))
    if "entrypoint" in p:
        parts.append(N_("ENTRYPOINT %(words)s", words=_show(_words(p["entrypoint"]))))
    if "exposes" in p:
        parts.append(f"EXPOSE {p['exposes']}")
    return N_("Image %(ref)s is built with %(settings)s", ref=ref, settings=joined(parts))


def _describe_exists(p: dict[str, Any]) -> Message:
    return N_("Image %(ref)s exists", ref=short_ref(normalise_ref(p["ref"])))


def _describe_removed(p: dict[str, Any]) -> Message:
    return N_("Image %(ref)s has been removed", ref=short_ref(normalise_ref(p["ref"])))


def _describe_current(p: dict[str, Any]) -> Message:
    ref = short_ref(normalise_ref(p["ref"]))
    return N_("Image %(ref)s is built from the current files in %(context)s", ref=ref, context=p["context"])


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
