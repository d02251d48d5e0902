"""The pieces every lab check is made of: CheckKind, Outcome, Context, container selectors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.grading.params import Param
from app.grading.state import ContainerView, HostState, normalise_ref, short_ref


@dataclass(frozen=True)
class Outcome:
    """Whether a check holds, with what the host shows, in Korean and English."""

    passed: bool
    ko: str
    en: str


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
Describe = Callable[[dict[str, Any], str], str]
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


def who(params: Mapping[str, Any], lang: str, name_key: str = "name") -> str:
    """Words for the selected container: `web 컨테이너` / `container web`."""
    name, image, current = selector_of(params, name_key)
    img = short_ref(image) if image else None
    if lang == "en":
        text = f"container {name}" if name else "a container"
        if img:
            text += f" from the {'current ' if current else ''}{img} image"
        return text
    prefix = ""
    if img:
        prefix = f"{img} 이미지의 현재 버전으로 만든 " if current else f"{img} 이미지로 만든 "
    return f"{prefix}{name} 컨테이너" if name else f"{prefix}컨테이너"


def listing(state: HostState, lang: str, limit: int = 5) -> str:
    """A short list of the containers that do exist, for `not found` messages."""
    if not state.containers:
        return "컨테이너가 하나도 없습니다." if lang == "ko" else "There are no containers at all."
    parts = []
    for c in state.containers[:limit]:
        if lang == "ko":
            parts.append(f"{c.name}({short_ref(c.image_ref)}, {c.status_ko()})")
        else:
            parts.append(f"{c.name} ({short_ref(c.image_ref)}, {c.status_en()})")
    more = len(state.containers) - limit
    if more > 0:
        parts.append(f"외 {more}개" if lang == "ko" else f"and {more} more")
    return ("지금 있는 컨테이너: " if lang == "ko" else "Containers now: ") + ", ".join(parts) + "."


def not_found(state: HostState, params: Mapping[str, Any], name_key: str = "name") -> Outcome:
    """The standard failure when no container matches the selector."""
    en = who(params, "en", name_key).removeprefix("a ")
    ko_more, en_more = _stale_words(state, params, name_key)
    return Outcome(
        False,
        f"{who(params, 'ko', name_key)}가 없습니다.{ko_more} {listing(state, 'ko')}",
        f"There is no {en}.{en_more} {listing(state, 'en')}",
    )


def _stale_words(state: HostState, params: Mapping[str, Any], name_key: str) -> tuple[str, str]:
    """With `current_image`: name the containers that still run the image's older build."""
    name, image, current = selector_of(params, name_key)
    if not (current and image):
        return "", ""
    stale = [c.name for c in select(state, {name_key: name, "image": image} if name else {"image": image}, name_key)]
    if not stale:
        return "", ""
    names = ", ".join(stale[:5])
    return (
        f" {names} 컨테이너는 다시 빌드하기 전의 옛 {short_ref(image)} 이미지로 만든 것이라, 새 이미지로 컨테이너를 "
        "새로 만들어야 합니다.",
        f" Container(s) {names} run the {short_ref(image)} image as it was before the rebuild: "
        "make a new container from the new image.",
    )


def claim_selected(name_key: str = "name") -> Claims:
    """Claims: the containers this check selects (so `strict` does not count them as leftovers)."""

    def claims(ctx: Context, params: dict[str, Any]) -> tuple[set[str], set[str]]:
        return {c.id for c in select(ctx.state, params, name_key)}, set()

    return claims


def states(containers: Sequence[ContainerView], lang: str) -> str:
    """`web 컨테이너는 종료(Exited (0)) 상태입니다.` for each container."""
    if lang == "en":
        return " ".join(f"Container {c.name} is {c.status_en()}." for c in containers)
    return " ".join(f"{c.name} 컨테이너는 {c.status_ko()} 상태입니다." for c in containers)
