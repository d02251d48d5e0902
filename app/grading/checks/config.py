"""Checks on how a container was configured (-e, the command after the image, -P) and on dangling images."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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

_KEYS = ("env", "cmd", "entrypoint", "publishes")


def _words(value: object) -> tuple[str, ...]:
    """`cmd: ls /app` or `cmd: [ls, /app]` as the exec-form list Docker stores."""
    return tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[attr-defined]


def _show(words: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]" if words else "(없음)"


def _env_ok(c: ContainerView, want: str) -> bool:
    """`KEY=VALUE` must be set exactly; a bare `KEY` only needs to be set."""
    if "=" in want:
        return want in c.env
    return any(e.split("=", 1)[0] == want for e in c.env)


def _facts(c: ContainerView, p: Mapping[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(setting, wanted, found, same) for every setting the check asks about."""
    facts = []
    for want in p.get("env") or ():
        have = next((e for e in c.env if e.split("=", 1)[0] == want.split("=", 1)[0]), "(없음)")
        facts.append(("ENV", want, have, _env_ok(c, want)))
    if "cmd" in p:
        want = _words(p["cmd"])
        facts.append(("CMD", _show(want), _show(c.cmd), c.cmd == want))
    if "entrypoint" in p:
        want = _words(p["entrypoint"])
        facts.append(("ENTRYPOINT", _show(want), _show(c.entrypoint), c.entrypoint == want))
    if "publishes" in p:
        port = int(p["publishes"])
        bound = [b.label() for b in c.ports if b.container_port == port]
        running = c.state == "running"
        found = (", ".join(bound) if bound else "(게시 안 됨)") + ("" if running else f", {c.state}")
        facts.append(("PORT", f"{port}/tcp → 호스트 포트", found, bool(bound) and running))
    return facts


def _en(text: str) -> str:
    """The few Korean words `_facts` puts in values, in English."""
    for ko, en in (("(없음)", "(none)"), ("(게시 안 됨)", "(not published)"), ("호스트 포트", "a host port")):
        text = text.replace(ko, en)
    return text


def _container_config(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p)
    if not found:
        return not_found(ctx.state, p)
    for c in found:
        if all(f[3] for f in _facts(c, p)):
            return Outcome(
                True,
                f"{c.name} 컨테이너의 설정이 요구한 대로입니다.",
                f"Container {c.name} is configured as asked.",
            )
    c = found[0]
    wrong = [f for f in _facts(c, p) if not f[3]]
    ko = "; ".join(f"{k} — 기대한 값 {want}, 지금 값 {have}" for k, want, have, _ in wrong)
    en = "; ".join(f"{k} should be {_en(want)} but is {_en(have)}" for k, want, have, _ in wrong)
    return Outcome(
        False,
        f"{c.name} 컨테이너의 설정이 다릅니다: {ko}. 이런 설정은 docker run 때 정해지니, 컨테이너를 새로 만들어야 합니다.",
        f"Container {c.name} is configured differently: {en}. These are set at docker run: make a new container.",
    )


def _config_rule(p: Mapping[str, Any]) -> list[str]:
    if isinstance(p, Mapping) and not any(k in p for k in _KEYS):
        return ["container_config: give at least one of " + ", ".join(repr(k) for k in _KEYS)]
    return []


def _describe(p: dict[str, Any], lang: str) -> str:
    parts = [f"ENV {e}" for e in p.get("env") or ()]
    if "cmd" in p:
        parts.append(f"CMD {_show(_words(p['cmd']))}")
    if "entrypoint" in p:
        parts.append(f"ENTRYPOINT {_show(_words(p['entrypoint']))}")
    if "publishes" in p:
        parts.append(
            f"{p['publishes']}번 포트를 호스트 포트로 게시"
            if lang == "ko"
            else f"port {p['publishes']} published to a host port"
        )
    settings = ", ".join(parts)
    if lang == "en":
        return f"{who(p, 'en').capitalize()} was created with {settings}"
    return f"{who(p, 'ko')}가 {settings} 설정으로 만들어져 있다"


# ---------------------------------------------------------------- dangling images


def _dangling(ctx: Context, p: dict[str, Any]) -> Outcome:
    used = {c.image_id for c in ctx.state.containers}
    left = [i for i in ctx.state.images if not i.tags and i.id not in used]
    if not left:
        return Outcome(
            True,
            "어떤 컨테이너도 쓰지 않는 이름 없는(<none>) 이미지가 없습니다.",
            "No untagged (<none>) image is left that no container uses.",
        )
    ids = ", ".join(i.id.removeprefix("sha256:")[:12] for i in left[:5])
    return Outcome(
        False,
        f"어떤 컨테이너도 쓰지 않는 이름 없는(<none>) 이미지가 {len(left)}개 남아 있습니다: {ids}.",
        f"{len(left)} untagged (<none>) image(s) no container uses are left: {ids}.",
    )


def _dangling_describe(p: dict[str, Any], lang: str) -> str:
    if lang == "en":
        return "No dangling image is left (untagged and used by no container)"
    return "어떤 컨테이너도 쓰지 않는 이름 없는(<none>) 이미지가 남아 있지 않다"


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
