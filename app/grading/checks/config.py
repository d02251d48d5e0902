"""Checks on how a container was configured (-e, the command after the image, -P) and on dangling images."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import (
    SELECT_IMAGE,
    SELECT_NAME,
    CheckKind,
    Context,
    Outcome,
    claim_selected,
    need_selector,
    not_found,
    select,
    who,
)
from app.grading.params import Param
from app.grading.state import ContainerView
from app.grading.words import joined

_KEYS = ("env", "cmd", "entrypoint", "publishes")


def _words(value: object) -> tuple[str, ...]:
    """`cmd: ls /app` or `cmd: [ls, /app]` as the exec-form list Docker stores."""
    return tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[attr-defined]


def _show(words: tuple[str, ...]) -> Message | str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]" if words else N_("(none)")


def _env_ok(c: ContainerView, want: str) -> bool:
    """`KEY=VALUE` must be set exactly; a bare `KEY` only needs to be set."""
    if "=" in want:
        return want in c.env
    return any(e.split("=", 1)[0] == want for e in c.env)


Fact = tuple[str, "Message | str", "Message | str", bool]


def _facts(c: ContainerView, p: Mapping[str, Any]) -> list[Fact]:
    """(setting, wanted, found, same) for every setting the check asks about."""
    facts: list[Fact] = []
    for want in p.get("env") or ():
        have = next((e for e in c.env if e.split("=", 1)[0] == want.split("=", 1)[0]), None)
        facts.append(("ENV", want, have or N_("(none)"), _env_ok(c, want)))
    if "cmd" in p:
        want = _words(p["cmd"])
        facts.append(("CMD", _show(want), _show(c.cmd), c.cmd == want))
    if "entrypoint" in p:
        want = _words(p["entrypoint"])
        facts.append(("ENTRYPOINT", _show(want), _show(c.entrypoint), c.entrypoint == want))
    if "publishes" in p:
        port = int(p["publishes"])
        bound = ", ".join(b.label() for b in c.ports if b.container_port == port)
        running = c.state == "running"
        found: Message | str = bound or N_("(not published)")
        if not running:
            found = N_("%(ports)s, %(state)s", ports=found, state=c.state)
        facts.append(("PORT", N_("%(port)s/tcp → a host port", port=port), found, bool(bound) and running))
    return facts


def differences(wrong: list[Fact]) -> Message | str:
    """`CMD should be ["a"] but is (none); ENV ...` for the settings that differ."""
    parts = [N_("%(setting)s should be %(want)s but is %(have)s", setting=k, want=w, have=h) for k, w, h, _ in wrong]
    result: Message | str = parts[-1]
    for part in reversed(parts[:-1]):
        result = N_("%(head)s; %(tail)s", head=part, tail=result)
    return result


def _container_config(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    for c in found:
        if all(f[3] for f in _facts(c, p)):
            return Outcome(True, N_("The container %(name)s is configured as asked.", name=c.name))
    c = found[0]
    wrong = [f for f in _facts(c, p) if not f[3]]
    return Outcome(
        False,
        N_(
            "The container %(name)s is configured differently: %(differences)s. "
            "These are set at docker run: make a new container.",
            name=c.name,
            differences=differences(wrong),
        ),
    )


def _config_rule(p: Mapping[str, Any]) -> list[str]:
    if isinstance(p, Mapping) and not any(k in p for k in _KEYS):
        return ["container_config: give at least one of " + ", ".join(repr(k) for k in _KEYS)]
    return []


def _describe(p: dict[str, Any]) -> Message:
    parts: list[Message | str] = [f"ENV {e}" for e in p.get("env") or ()]
    if "cmd" in p:
        parts.append(N_("CMD %(words)s", words=_show(_words(p["cmd"]))))
    if "entrypoint" in p:
        parts.append(N_("ENTRYPOINT %(words)s", words=_show(_words(p["entrypoint"]))))
    if "publishes" in p:
        parts.append(N_("port %(port)s published to a host port", port=p["publishes"]))
    return N_("The %(who)s was created with %(settings)s", who=who(p), settings=joined(parts))


# ---------------------------------------------------------------- dangling images


def _dangling(ctx: Context, p: dict[str, Any]) -> Outcome:
    used = {c.image_id for c in ctx.state.containers}
    left = [i for i in ctx.state.images if not i.tags and i.id not in used]
    if not left:
        return Outcome(True, N_("No untagged (<none>) image is left that no container uses."))
    ids = ", ".join(i.id.removeprefix("sha256:")[:12] for i in left[:5])
    return Outcome(
        False, N_("%(count)s untagged (<none>) image(s) no container uses are left: %(ids)s.", count=len(left), ids=ids)
    )


def _dangling_describe(p: dict[str, Any]) -> Message:
    return N_("No dangling image is left (untagged and used by no container)")


CONFIG_CHECKS = (
    CheckKind(
        "container_config",
        "the selected container was created with these settings (-e, the command after the image, -P / -p)",
        (
            SELECT_NAME,
            SELECT_IMAGE,
            Param("env", "names", "KEY=VALUE settings (or a bare KEY that must be set) the container must have"),
            Param("cmd", "words", "the container's command (what follows the image in docker run, or the image's CMD)"),
            Param("entrypoint", "words", "the container's entrypoint"),
            Param("publishes", "port", "a container port the running container publishes to some host port (-P, -p)"),
        ),
        _container_config,
        _describe,
        {"name": "web", "env": ["GREETING=hi"]},
        lambda p: need_selector("container_config", "name", "image")(p) + _config_rule(p),
        claim_selected(),
    ),
    CheckKind(
        "no_dangling_images",
        "no untagged image is left that no container uses (what docker image prune removes)",
        (),
        _dangling,
        _dangling_describe,
        {},
    ),
)
