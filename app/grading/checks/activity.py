"""Checks on what happened and what is left: logs, HTTP answers, commands run, leftovers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading import commandline
from app.grading.checks.base import SELECT_IMAGE, CheckKind, Context, Outcome, not_found, select, who
from app.grading.params import Param
from app.grading.state import short_ref
from app.grading.text import nfc
from app.grading.words import joined

_TAGS = re.compile(r"<[^>]*>")


def _need_container(p: Mapping[str, Any]) -> list[str]:
    if isinstance(p, Mapping) and "container" not in p and "image" not in p:
        return ["logs_contain: give 'container' (a name) or 'image' to select the container"]
    return []


def _logs_contain(ctx: Context, p: dict[str, Any]) -> Outcome:
    found = select(ctx.state, p, "container")
    if not found:
        return not_found(ctx.state, p, "container")
    want = nfc(p["text"])
    for c in found:
        if want in nfc(ctx.state.logs.get(c.id, "")):
            return Outcome(True, N_("The logs of %(name)s contain ‘%(text)s’.", name=c.name, text=p["text"]))
    last = (ctx.state.logs.get(found[0].id, "").strip().splitlines() or [""])[-1][:80]
    words = {"who": who(p, "container"), "text": p["text"]}
    if last:
        return Outcome(
            False, N_("The logs of the %(who)s do not contain ‘%(text)s’ (last line: ‘%(last)s’).", last=last, **words)
        )
    return Outcome(False, N_("The logs of the %(who)s do not contain ‘%(text)s’ (the logs are empty).", **words))


def _http(ctx: Context, p: dict[str, Any]) -> Outcome:
    method, port, path = p.get("method", "GET"), p["port"], p.get("path", "/")
    target = f"{method} http://localhost:{port}{path}"
    answer = ctx.live.http(method, port, path, p.get("body"))
    if answer is None:
        return Outcome(
            False,
            N_(
                "Nothing answers %(target)s: no running container publishes port %(port)s (-p).",
                target=target,
                port=port,
            ),
        )
    status, body = answer
    want_status = p.get("status")
    if want_status is not None and status != want_status:
        return Outcome(
            False,
            N_("%(target)s answers %(status)s instead of %(want)s.", target=target, status=status, want=want_status),
        )
    if want_status is None and status >= 400:
        return Outcome(False, N_("%(target)s answers with error status %(status)s.", target=target, status=status))
    want = p.get("contains")
    if want is not None and nfc(want) not in nfc(body):
        sample = " ".join(_TAGS.sub(" ", nfc(body)).split())[:60]  # the page's words, not its markup
        return Outcome(
            False,
            N_(
                "The answer to %(target)s does not contain ‘%(text)s’ (got ‘%(sample)s’).",
                target=target,
                text=want,
                sample=sample,
            ),
        )
    if want:
        return Outcome(
            True, N_("%(target)s answers %(status)s containing ‘%(text)s’.", target=target, status=status, text=want)
        )
    return Outcome(True, N_("%(target)s answers %(status)s.", target=target, status=status))


def _http_describe(p: dict[str, Any]) -> Message:
    target = f"{p.get('method', 'GET')} http://localhost:{p['port']}{p.get('path', '/')}"
    want, status = p.get("contains"), p.get("status")
    if status is not None and want:
        return N_("%(target)s answers %(status)s with ‘%(text)s’", target=target, status=status, text=want)
    if status is not None:
        return N_("%(target)s answers %(status)s", target=target, status=status)
    if want:
        return N_("%(target)s answers with ‘%(text)s’", target=target, text=want)
    return N_("%(target)s answers", target=target)


# ---------------------------------------------------------------- commands run


def _words(p: Mapping[str, Any]) -> tuple[str, ...]:
    value = p.get("args_contain")
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _command_rules(p: Mapping[str, Any]) -> list[str]:
    if isinstance(p, Mapping) and isinstance(p.get("kind"), str):
        kind, _ = commandline.resolve_kind(p["kind"], _words(p))
        return commandline.kind_errors(kind)
    return []


def _shown(p: Mapping[str, Any]) -> str:
    kind, words = commandline.resolve_kind(p["kind"], _words(p))
    first = kind.split()[0]
    shown = kind if first in commandline.SHELL_COMMANDS else f"docker {kind}"
    return shown + "".join(f" {w}" for w in words)


def _command_run(ctx: Context, p: dict[str, Any]) -> Outcome:
    kind, words = commandline.resolve_kind(p["kind"], _words(p))
    want = commandline.read_kind(kind)
    shown = _shown(p)
    tried = 0
    for entry in ctx.state.history:
        ran = commandline.succeeded_invocations(entry.line, entry.exit_code)
        if any(commandline.matches(inv, want, words) for inv in ran):
            return Outcome(True, N_("You ran ‘%(line)s’.", line=entry.line))
        typed = [commandline.read_invocation(words) for _, words in commandline.split_segments(entry.line)]
        if not ran and any(inv is not None and commandline.matches(inv, want, words) for inv in typed):
            tried += 1
    if tried:
        return Outcome(
            False,
            N_(
                "%(command)s never succeeded (%(tried)s failed attempt(s)). Read the error and try again.",
                command=shown,
                tried=tried,
            ),
        )
    return Outcome(False, N_("You have not run %(command)s yet.", command=shown))


def _command_describe(p: dict[str, Any]) -> Message:
    return N_("You ran %(command)s successfully", command=_shown(p))


# ---------------------------------------------------------------- leftovers


def _allowed(p: Mapping[str, Any]) -> set[str]:
    return set(p.get("allowed") or ())


def _no_extra_containers(ctx: Context, p: dict[str, Any]) -> Outcome:
    allowed = _allowed(p)
    extra = [
        c
        for c in ctx.state.containers
        if c.id not in ctx.claimed_containers
        and c.name not in allowed
        and short_ref(c.image_ref) not in allowed
        and c.image_ref not in allowed
    ]
    if not extra:
        return Outcome(True, N_("No extra containers are left."))
    names = joined([N_("%(name)s (%(status)s)", name=c.name, status=c.status()) for c in extra[:5]])
    return Outcome(
        False,
        N_(
            "%(count)s container(s) not in the goal are left: %(names)s. Clean up with docker rm.",
            count=len(extra),
            names=names,
        ),
    )


def _no_extra_volumes(ctx: Context, p: dict[str, Any]) -> Outcome:
    allowed = _allowed(p)
    in_use = {
        m.source for c in ctx.state.containers if c.id in ctx.claimed_containers for m in c.mounts if m.type == "volume"
    }
    extra = [
        v
        for v in ctx.state.volumes
        if v.name not in ctx.claimed_volumes and v.name not in allowed and v.name not in in_use
    ]
    if not extra:
        return Outcome(True, N_("No extra volumes are left."))
    label = joined([N_("anonymous volume %(id)s", id=v.name[:12]) if v.anonymous else v.name for v in extra[:5]])
    return Outcome(
        False,
        N_(
            "%(count)s volume(s) not in the goal are left: %(names)s. "
            "Clean up with docker volume rm (anonymous ones: docker volume prune).",
            count=len(extra),
            names=label,
        ),
    )


def _leftover_containers(p: Mapping[str, Any]) -> Message:
    allowed = ", ".join(p.get("allowed") or ())
    if allowed:
        return N_("No containers are left besides those in the goal (allowed: %(allowed)s)", allowed=allowed)
    return N_("No containers are left besides those in the goal")


def _leftover_volumes(p: Mapping[str, Any]) -> Message:
    allowed = ", ".join(p.get("allowed") or ())
    if allowed:
        return N_("No volumes are left besides those in the goal (allowed: %(allowed)s)", allowed=allowed)
    return N_("No volumes are left besides those in the goal")


ALLOWED = Param(
    "allowed",
    "names",
    "names (containers: also image refs) that may be left besides those the other checks require",
    default=(),
)

ACTIVITY_CHECKS = (
    CheckKind(
        "logs_contain",
        "the selected container's logs contain text",
        (
            Param("container", "str", "the container's name"),
            SELECT_IMAGE,
            Param("text", "text", "the text to find", required=True),
        ),
        _logs_contain,
        lambda p: N_("The logs of the %(who)s contain ‘%(text)s’", who=who(p, "container"), text=p["text"]),
        {"container": "web", "text": "start worker processes"},
        _need_container,
        lambda ctx, p: ({c.id for c in select(ctx.state, p, "container")}, set()),
    ),
    CheckKind(
        "http_responds",
        "an HTTP request to a host port answers (optionally with text / status)",
        (
            Param("port", "port", "the host port", required=True),
            Param("path", "path", "the URL path", default="/"),
            Param("method", "enum", "the HTTP method", default="GET", choices=("GET", "POST", "HEAD")),
            Param("contains", "text", "text the answer body must contain"),
            Param("status", "int", "the exact status code (default: any status below 400)"),
            Param("body", "str", "a request body, e.g. title=hi&text=yo for a form POST (optional)"),
        ),
        _http,
        _http_describe,
        {"port": 8000, "path": "/", "contains": "Welcome to nginx!"},
    ),
    CheckKind(
        "command_run",
        "a command of this kind (command and flags) succeeded at least once",
        (
            Param("kind", "str", "the command and required flags, e.g. 'logs -f', 'ps -a', 'inspect'", required=True),
            Param("args_contain", "words", "word(s) that must appear among its arguments or flag values"),
        ),
        _command_run,
        _command_describe,
        {"kind": "logs -f", "args_contain": "web"},
        _command_rules,
    ),
    CheckKind(
        "no_extra_containers",
        "no container is left except those the other checks require (or allowed)",
        (ALLOWED,),
        _no_extra_containers,
        _leftover_containers,
        {"allowed": ["db"]},
    ),
    CheckKind(
        "no_extra_volumes",
        "no volume is left except those the other checks require, those mounted "
        "by required containers, or allowed ones",
        (ALLOWED,),
        _no_extra_volumes,
        _leftover_volumes,
        {},
    ),
)
