"""The pieces every lab check is made of: CheckKind, Outcome, Context, container selectors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.dockersim import N_, Message
from app.grading.params import Param
from app.grading.state import ContainerView, HostState, normalise_ref, short_ref
from app.grading.words import limited, sentences


@dataclass(frozen=True)
class Outcome:
    """Whether a check holds, and why: a catalogue message (English id, %(name)s fields) the web layer translates."""

    passed: bool
    message: Message


class Probe(Protocol):
    """Live questions to the host that a state snapshot cannot answer (see `hostview`)."""

    def host_file(self, path: str) -> str | None: ...
    def container_file(self, container: ContainerView, path: str) -> str | None: ...
    def layer_file(self, container: ContainerView, path: str) -> str | None: ...
    def folder_listing(self, where: str, target: ContainerView | str | None, folder: str) -> list[str] | None: ...
    def volume_file(self, volume: str, path: str) -> str | None: ...
    def http(self, method: str, port: int, path: str, body: str | None = None) -> tuple[int, str] | None: ...
    def rebuilt_image_id(self, context: str, dockerfile: str | None) -> tuple[str | None, str]: ...


@dataclass
class Context:
    """What a check may read: the final state, live probes, and what other checks claimed."""

    state: HostState
    probe: Probe | None  # None: judge the state only (file, HTTP and rebuild checks need a probe)
    claimed_containers: set[str] = field(default_factory=set)  # container ids
    claimed_volumes: set[str] = field(default_factory=set)  # volume names

    @property
    def live(self) -> Probe:
        """The live probe; only checks that declare they need one are run with it."""
        if self.probe is None:
            raise RuntimeError("this check reads the live host and needs a probe")
        return self.probe


Evaluate = Callable[[Context, dict[str, Any]], Outcome]
Describe = Callable[[dict[str, Any]], Message]
Claims = Callable[[Context, dict[str, Any]], tuple[set[str], set[str]]]
Rules = Callable[[Mapping[str, Any]], list[str]]


def _no_rules(params: Mapping[str, Any]) -> list[str]:
    return []


def _no_claims(ctx: Context, params: dict[str, Any]) -> tuple[set[str], set[str]]:
    return set(), set()


@dataclass(frozen=True)
class CheckKind:
    """One named rule a lab goal may use, with typed parameters and plain-words description."""

    name: str
    summary: str
    params: tuple[Param, ...]
    evaluate: Evaluate
    describe: Describe
    example: Mapping[str, Any]
    rules: Callable[[Mapping[str, Any]], list[str]] = _no_rules
    claims: Claims = _no_claims


# ---------------------------------------------------------------- container selection

SELECT_NAME = Param("name", "str", "the container's name (as given with --name)")
SELECT_IMAGE = Param("image", "ref", "the image the container was created from (nginx = nginx:latest)")
SELECT_CURRENT = Param(
    "current_image", "bool", "true: the container must run the image the tag points at now (rebuilt)", default=False
)


def need_selector(check: str, *keys: str) -> Callable[[Mapping[str, Any]], list[str]]:
    """A rule: at least one of `keys` must be given."""

    def rule(params: Mapping[str, Any]) -> list[str]:
        if isinstance(params, Mapping) and not any(k in params for k in keys):
            return [
                f"{check}: give {' or '.join(repr(k) for k in keys)} to select the container "
                "(containers are never selected by id)"
            ]
        return []

    return rule


def selector_of(params: Mapping[str, Any], name_key: str = "name") -> tuple[str | None, str | None, bool]:
    """(name, normalised image ref, current_image) from check parameters."""
    image = params.get("image")
    return params.get(name_key), normalise_ref(image) if image else None, bool(params.get("current_image"))


def select(state: HostState, params: Mapping[str, Any], name_key: str = "name") -> list[ContainerView]:
    """Containers matching name and/or image (and current_image) in the parameters."""
    name, image, current = selector_of(params, name_key)
    found = []
    for c in state.containers:
        if name is not None and c.name != name.lstrip("/"):
            continue
        if image is not None and c.image_ref != image:
            continue
        if current and image is not None:
            img = state.image_for(image)
            if img is None or img.id != c.image_id:
                continue
        found.append(c)
    return found


def who(params: Mapping[str, Any], name_key: str = "name") -> Message:
    """Words for the selected container, without an article: `container web`, `container from the nginx image`.

    English sentences put "the" or "no" before it; every Korean translation ends in the word for container,
    so a Korean sentence can follow it with a particle.
    """
    name, image, current = selector_of(params, name_key)
    img = short_ref(image) if image else None
    if img and name:
        if current:
            return N_("container %(name)s from the current %(image)s image", name=name, image=img)
        return N_("container %(name)s from the %(image)s image", name=name, image=img)
    if img:
        if current:
            return N_("container from the current %(image)s image", image=img)
        return N_("container from the %(image)s image", image=img)
    return N_("container %(name)s", name=name)


def listing(state: HostState) -> Message:
    """A short list of the containers that do exist, for `not found` messages."""
    if not state.containers:
        return N_("There are no containers at all.")
    items = [
        N_("%(name)s (%(image)s, %(status)s)", name=c.name, image=short_ref(c.image_ref), status=c.status())
        for c in state.containers
    ]
    return N_("Containers now: %(containers)s.", containers=limited(items))


def not_found(state: HostState, params: Mapping[str, Any], name_key: str = "name") -> Outcome:
    """The standard failure when no container matches the selector."""
    missing = N_("There is no %(who)s.", who=who(params, name_key))
    return Outcome(False, sentences([missing, *_stale_words(state, params, name_key), listing(state)]))


def _stale_words(state: HostState, params: Mapping[str, Any], name_key: str) -> list[Message]:
    """With `current_image`: name the containers that still run the image's older build."""
    name, image, current = selector_of(params, name_key)
    if not (current and image):
        return []
    stale = [c.name for c in select(state, {name_key: name, "image": image} if name else {"image": image}, name_key)]
    if not stale:
        return []
    return [
        N_(
            "Container(s) %(names)s run the %(image)s image as it was before the rebuild: "
            "make a new container from the new image.",
            names=", ".join(stale[:5]),
            image=short_ref(image),
        )
    ]


def claim_selected(name_key: str = "name") -> Claims:
    """Claims: the containers this check selects (so `strict` does not count them as leftovers)."""

    def claims(ctx: Context, params: dict[str, Any]) -> tuple[set[str], set[str]]:
        return {c.id for c in select(ctx.state, params, name_key)}, set()

    return claims


def states(containers: Sequence[ContainerView]) -> Message:
    """`The container web is stopped (Exited (0)).` for each container."""
    return sentences([N_("The container %(name)s is %(status)s.", name=c.name, status=c.status()) for c in containers])
