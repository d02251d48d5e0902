"""Checks on containers: exists, running, exited, removed, started detached/attached, ports."""

from __future__ import annotations

from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import (
    SELECT_CURRENT,
    SELECT_IMAGE,
    SELECT_NAME,
    CheckKind,
    Context,
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
from app.grading.words import sentences

SELECTOR = (SELECT_NAME, SELECT_IMAGE, SELECT_CURRENT)


def _exists(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    return Outcome(True, sentences([N_("The %(who)s exists.", who=who(p)), states(found)]))


def _running(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    running = [c for c in found if c.state == "running"]
    if running and "name" in p:
        return Outcome(True, N_("The %(who)s is running.", who=who(p)))
    if running:
        names = ", ".join(c.name for c in running)
        return Outcome(True, N_("The %(who)s is running (%(names)s).", who=who(p), names=names))
    return Outcome(False, sentences([N_("No %(who)s is running.", who=who(p)), states(found)]))


def _exited_words(p: dict[str, Any], held: bool) -> Message:
    code = p.get("exit_code")
    if code is None:
        return N_("The %(who)s has exited.", who=who(p)) if held else N_("The %(who)s has not exited.", who=who(p))
    if held:
        return N_("The %(who)s has exited with code %(code)s.", who=who(p), code=code)
    return N_("The %(who)s has not exited with code %(code)s.", who=who(p), code=code)


def _exited(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    code = p.get("exit_code")
    ok = [c for c in found if c.state == "exited" and (code is None or c.exit_code == code)]
    if ok:
        return Outcome(True, _exited_words(p, True))
    return Outcome(False, sentences([_exited_words(p, False), states(found)]))


def _removed(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return Outcome(True, N_("The %(who)s is gone.", who=who(p)))
    return Outcome(
        False,
        sentences([N_("The %(who)s still exists.", who=who(p)), states(found), N_("Remove it with docker rm.")]),
    )


def _started(attached: bool) -> Evaluate:
    def evaluate(ctx: Context, p: dict[str, Any]) -> Outcome:
        found = select(ctx.state, p)
        if not found:
            return not_found(ctx.state, p)
        started = [c for c in found if c.attached is not None]
        if not started:
            return Outcome(False, sentences([N_("The %(who)s was never started.", who=who(p)), states(found)]))
        ok = [c for c in started if c.attached is attached]
        if ok and attached:
            return Outcome(True, N_("The %(who)s was last started attached.", who=who(p)))
        if ok:
            return Outcome(True, N_("The %(who)s was last started detached (-d).", who=who(p)))
        if attached:
            return Outcome(
                False, N_("The %(who)s should be started attached, but was last started detached.", who=who(p))
            )
        return Outcome(
            False, N_("The %(who)s should be started detached (-d), but was last started attached.", who=who(p))
        )

    return evaluate


def _exited_describe(p: dict[str, Any]) -> Message:
    code = p.get("exit_code")
    if code is None:
        return N_("The %(who)s has exited", who=who(p))
    return N_("The %(who)s has exited with code %(code)s", who=who(p), code=code)


# ---------------------------------------------------------------- ports


def _binding_matches(b: PortView, p: dict[str, Any]) -> bool:
    if b.host_port != p["host_port"] or b.container_port != p["container_port"]:
        return False
    if b.proto != p.get("protocol", "tcp"):
        return False
    ip = p.get("host_ip")
    return ip is None or b.host_ip == ip or (ip in ("0.0.0.0", "::") and b.host_ip in ("", "0.0.0.0", "::"))


def _port_words(p: dict[str, Any]) -> Message:
    """`host port 8000 published to container port 80/tcp` (Korean names the protocol only when not tcp)."""
    proto, ip = p.get("protocol", "tcp"), p.get("host_ip")
    ports = {"host": p["host_port"], "container": p["container_port"]}
    if ip and proto == "tcp":
        return N_("%(ip)s:%(host)s published to container port %(container)s/tcp", ip=ip, **ports)
    if ip:
        return N_("%(ip)s:%(host)s published to container port %(container)s/%(proto)s", ip=ip, proto=proto, **ports)
    if proto == "tcp":
        return N_("host port %(host)s published to container port %(container)s/tcp", **ports)
    return N_("host port %(host)s published to container port %(container)s/%(proto)s", proto=proto, **ports)


def _running_who(p: dict[str, Any]) -> Message:
    """`running container web from the nginx image`."""
    name, image = p.get("name"), p.get("image")
    img = short_ref(normalise_ref(image)) if image else None
    if name and img:
        return N_("running container %(name)s from the %(image)s image", name=name, image=img)
    if img:
        return N_("running container from the %(image)s image", image=img)
    if name:
        return N_("running container %(name)s", name=name)
    return N_("running container")


def _ports_of(c: ContainerView, with_ip: bool = False) -> Message:
    """What a container publishes now; `with_ip` when the goal names a host address."""
    if c.state != "running":
        return N_("The container %(name)s is %(status)s.", name=c.name, status=c.status())
    if not c.ports:
        return N_("The container %(name)s is running but publishes no port (missing -p?).", name=c.name)
    labels = ", ".join(dict.fromkeys(b.label(with_ip) for b in c.ports))
    return N_("The container %(name)s publishes %(ports)s.", name=c.name, ports=labels)


def _port_published(ctx: Context, p: dict[str, Any]) -> Outcome:
    selected = "name" in p or "image" in p
    found = select(ctx.state, p) if selected else list(ctx.state.containers)
    ok = [c for c in found if c.state == "running" and any(_binding_matches(b, p) for b in c.ports)]
    words = {"who": _running_who(p), "ports": _port_words(p)}
    if ok:
        return Outcome(True, N_("A %(who)s has %(ports)s (%(found)s).", found=ok[0].name, **words))
    missing = N_("No %(who)s has %(ports)s.", **words)
    if not found:
        return Outcome(False, sentences([missing, listing(ctx.state)]))
    return Outcome(False, sentences([missing, *(_ports_of(c, "host_ip" in p) for c in found[:3])]))


def _port_describe(p: dict[str, Any]) -> Message:
    return N_("A %(who)s has %(ports)s", who=_running_who(p), ports=_port_words(p))


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
        lambda p: N_("The %(who)s exists (any state)", who=who(p)),
        {"name": "web"},
        need_selector("container_exists", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "container_running",
        "a selected container is running",
        SELECTOR,
        _running,
        lambda p: N_("The %(who)s is running", who=who(p)),
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
        lambda p: N_("The %(who)s has been removed", who=who(p)),
        {"name": "web"},
        need_selector("container_removed", "name", "image"),
    ),
    CheckKind(
        "started_detached",
        "the selected container was last started detached (run -d, or start without -a)",
        SELECTOR,
        _started(False),
        lambda p: N_("The %(who)s was started detached (-d)", who=who(p)),
        {"name": "web"},
        need_selector("started_detached", "name", "image"),
        claim_selected(),
    ),
    CheckKind(
        "started_attached",
        "the selected container was last started attached to a terminal",
        SELECTOR,
        _started(True),
        lambda p: N_("The %(who)s was started attached", who=who(p)),
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
