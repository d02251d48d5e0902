"""Checks on containers: exists, running, exited, removed, started detached/attached, ports."""

from __future__ import annotations

from typing import Any

from app.grading.checks.base import (
    SELECT_CURRENT,
    SELECT_IMAGE,
    SELECT_NAME,
    CheckKind,
    Context,
    Describe,
    Evaluate,
    Outcome,
    claim_selected,
    listing,
    need_selector,
    not_found,
    select,
    states,
    who,
)
from app.grading.params import Param
from app.grading.state import ContainerView, PortView, normalise_ref, short_ref

SELECTOR = (SELECT_NAME, SELECT_IMAGE, SELECT_CURRENT)


def _exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    return Outcome(
        True,
        f"{who(p, 'ko')}가 있습니다. {states(found, 'ko')}",
        f"{who(p, 'en').capitalize()} exists. {states(found, 'en')}",
    )


def _running(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    running = [c for c in found if c.state == "running"]
    if running:
        names = "" if "name" in p else f" ({', '.join(c.name for c in running)})"
        return Outcome(
            True, f"{who(p, 'ko')}가 실행 중입니다{names}.", f"{who(p, 'en').capitalize()} is running{names}."
        )
    return Outcome(
        False,
        f"실행 중인 {who(p, 'ko')}가 없습니다. {states(found, 'ko')}",
        f"No {who(p, 'en')} is running. {states(found, 'en')}",
    )


def _exited(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    code = p.get("exit_code")
    want_ko = "종료(Exited)" if code is None else f"종료(Exited ({code}))"
    ok = [c for c in found if c.state == "exited" and (code is None or c.exit_code == code)]
    if ok:
        return Outcome(
            True,
            f"{who(p, 'ko')}가 {want_ko} 상태입니다.",
            f"{who(p, 'en').capitalize()} has exited" + ("" if code is None else f" with code {code}") + ".",
        )
    return Outcome(
        False,
        f"{who(p, 'ko')}가 {want_ko} 상태가 아닙니다. {states(found, 'ko')}",
        f"{who(p, 'en').capitalize()} has not exited"
        + ("" if code is None else f" with code {code}")
        + f". {states(found, 'en')}",
    )


def _removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return Outcome(True, f"{who(p, 'ko')}가 삭제되어 없습니다.", f"{who(p, 'en').capitalize()} is gone.")
    return Outcome(
        False,
        f"{who(p, 'ko')}가 아직 남아 있습니다. {states(found, 'ko')} docker rm으로 삭제해야 합니다.",
        f"{who(p, 'en').capitalize()} still exists. {states(found, 'en')} Remove it with docker rm.",
    )


def _started(attached: bool) -> Evaluate:
    mode_ko = "연결 모드(attached)" if attached else "분리 모드(detached, -d)"
    mode_en = "attached" if attached else "detached (-d)"

    def evaluate(ctx: Context, p: dict[str, Any]) -> Outcome:
        found = select(ctx.state, p)
        if not found:
            return not_found(ctx.state, p)
        started = [c for c in found if c.attached is not None]
        if not started:
            return Outcome(
                False,
                f"{who(p, 'ko')}가 한 번도 시작되지 않았습니다. {states(found, 'ko')}",
                f"{who(p, 'en').capitalize()} was never started. {states(found, 'en')}",
            )
        ok = [c for c in started if c.attached is attached]
        if ok:
            return Outcome(
                True,
                f"{who(p, 'ko')}를 마지막에 {mode_ko}로 시작했습니다.",
                f"{who(p, 'en').capitalize()} was last started {mode_en}.",
            )
        other_ko = "분리 모드(detached)" if attached else "연결 모드(attached)"
        other_en = "detached" if attached else "attached"
        return Outcome(
            False,
            f"{who(p, 'ko')}를 {mode_ko}로 시작해야 하는데, 마지막에 {other_ko}로 시작했습니다.",
            f"{who(p, 'en').capitalize()} should be started {mode_en}, but was last started {other_en}.",
        )

    return evaluate


def _describe(ko: str, en: str) -> Describe:
    def describe(p: dict[str, Any], lang: str) -> str:
        return (ko if lang == "ko" else en).format(
            who=who(p, lang), Who=who(p, lang).capitalize(), code=p.get("exit_code")
        )

    return describe


def _exited_describe(p: dict[str, Any], lang: str) -> str:
    code = p.get("exit_code")
    if lang == "en":
        return f"{who(p, 'en').capitalize()} has exited" + ("" if code is None else f" with code {code}")
    return f"{who(p, 'ko')}가 종료(Exited{'' if code is None else f' ({code})'}) 상태이다"


# ---------------------------------------------------------------- ports


def _binding_matches(b: PortView, p: dict[str, Any]) -> bool:
    if b.host_port != p["host_port"] or b.container_port != p["container_port"]:
        return False
    if b.proto != p.get("protocol", "tcp"):
        return False
    ip = p.get("host_ip")
    return ip is None or b.host_ip == ip or (ip in ("0.0.0.0", "::") and b.host_ip in ("", "0.0.0.0", "::"))


def _port_words(p: dict[str, Any], lang: str) -> str:
    proto = p.get("protocol", "tcp")
    ip = p.get("host_ip")
    if lang == "en":
        where = f"{ip}:{p['host_port']}" if ip else f"host port {p['host_port']}"
        return f"{where} published to container port {p['container_port']}/{proto}"
    where = f"{ip}:{p['host_port']}" if ip else f"{p['host_port']}번"  # "호스트 8000번 포트로 게시한"
    suffix = "" if proto == "tcp" else f"/{proto}"
    return f"{p['container_port']}번{suffix} 포트를 호스트 {where} 포트로 게시한"


def _running_who(p: dict[str, Any], lang: str) -> str:
    """`nginx 이미지로 만든 실행 중인 web 컨테이너` / `running container web from the nginx image`."""
    name, image = p.get("name"), p.get("image")
    img = short_ref(normalise_ref(image)) if image else None
    if lang == "en":
        text = "running container" + (f" {name}" if name else "")
        return text + (f" from the {img} image" if img else "")
    return (f"{img} 이미지로 만든 " if img else "") + "실행 중인 " + (f"{name} " if name else "") + "컨테이너"


def _ports_of(c: ContainerView, lang: str, with_ip: bool = False) -> str:
    """What a container publishes now; `with_ip` when the goal names a host address."""
    if c.state != "running":
        return (
            f"{c.name} 컨테이너는 {c.status_ko()} 상태입니다."
            if lang == "ko"
            else f"Container {c.name} is {c.status_en()}."
        )
    if not c.ports:
        return (
            f"{c.name} 컨테이너는 실행 중이지만 게시된 포트가 없습니다 (-p를 빠뜨렸나요?)."
            if lang == "ko"
            else f"Container {c.name} is running but publishes no port (missing -p?)."
        )
    labels = ", ".join(dict.fromkeys(b.label(with_ip) for b in c.ports))
    return (
        f"{c.name} 컨테이너는 {labels} 포트를 게시하고 있습니다."
        if lang == "ko"
        else f"Container {c.name} publishes {labels}."
    )


def _port_published(ctx: Context, p: dict[str, Any]) -> Outcome:
    selected = "name" in p or "image" in p
    found = select(ctx.state, p) if selected else list(ctx.state.containers)
    ok = [c for c in found if c.state == "running" and any(_binding_matches(b, p) for b in c.ports)]
    if ok:
        return Outcome(
            True,
            f"{_port_words(p, 'ko')} {_running_who(p, 'ko')}가 있습니다 ({ok[0].name}).",
            f"A {_running_who(p, 'en')} has {_port_words(p, 'en')} ({ok[0].name}).",
        )
    ko = f"{_port_words(p, 'ko')} {_running_who(p, 'ko')}가 없습니다."
    en = f"No {_running_who(p, 'en')} has {_port_words(p, 'en')}."
    if not found:
        return Outcome(False, f"{ko} {listing(ctx.state, 'ko')}", f"{en} {listing(ctx.state, 'en')}")
    shown, with_ip = found[:3], "host_ip" in p
    return Outcome(
        False,
        ko + " " + " ".join(_ports_of(c, "ko", with_ip) for c in shown),
        en + " " + " ".join(_ports_of(c, "en", with_ip) for c in shown),
    )


def _port_describe(p: dict[str, Any], lang: str) -> str:
    if lang == "en":
        return f"A {_running_who(p, 'en')} has {_port_words(p, 'en')}"
    return f"{_port_words(p, 'ko')} {_running_who(p, 'ko')}가 있다"


def _port_claims(ctx: Context, p: dict[str, Any]) -> tuple[set[str], set[str]]:
    selected = "name" in p or "image" in p
    found = select(ctx.state, p) if selected else ctx.state.containers
    return {c.id for c in found if any(_binding_matches(b, p) for b in c.ports)}, set()


CONTAINER_CHECKS = (
    CheckKind(
        "container_exists",
        "a container selected by name and/or image exists (any state)",
        SELECTOR,
        _exists,
        _describe("{who}가 있다 (상태는 무관)", "{Who} exists (any state)"),
        {"name": "web"},
        need_selector("container_exists", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "container_running",
        "a selected container is running",
        SELECTOR,
        _running,
        _describe("{who}가 실행 중이다", "{Who} is running"),
        {"image": "nginx"},
        need_selector("container_running", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "container_exited",
        "a selected container has exited (optionally with this exit code)",
        SELECTOR + (Param("exit_code", "int", "the exit code it must have ended with"),),
        _exited,
        _exited_describe,
        {"name": "web", "exit_code": 0},
        need_selector("container_exited", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "container_removed",
        "no container matches the selector any more",
        SELECTOR,
        _removed,
        _describe("{who}가 삭제되어 없다", "{Who} has been removed"),
        {"name": "web"},
        need_selector("container_removed", "name", "image"),
    ),
    CheckKind(
        "started_detached",
        "the selected container was last started detached (run -d, or start without -a)",
        SELECTOR,
        _started(False),
        _describe("{who}를 분리 모드(detached, -d)로 실행했다", "{Who} was started detached (-d)"),
        {"name": "web"},
        need_selector("started_detached", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "started_attached",
        "the selected container was last started attached to a terminal",
        SELECTOR,
        _started(True),
        _describe("{who}를 연결 모드(attached)로 실행했다", "{Who} was started attached"),
        {"name": "web"},
        need_selector("started_attached", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "port_published",
        "a running container (optionally selected) publishes host_port to container_port",
        (
            Param("name", "str", "only this container (optional)"),
            Param("image", "ref", "only containers from this image (optional)"),
            Param("host_port", "port", "the port on the host", required=True),
            Param("container_port", "port", "the port inside the container", required=True),
            Param("protocol", "enum", "tcp or udp", default="tcp", choices=("tcp", "udp")),
            Param("host_ip", "str", "the host address it must be bound to, e.g. 127.0.0.1 (optional)"),
        ),
        _port_published,
        _port_describe,
        {"host_port": 8000, "container_port": 80},
        claims=_port_claims,
    ),
)
