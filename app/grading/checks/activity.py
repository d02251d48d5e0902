"""Checks on what happened and what is left: logs, HTTP answers, commands run, leftovers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.grading import commandline
from app.grading.checks.base import SELECT_IMAGE, CheckKind, Context, Outcome, not_found, select, who
from app.grading.params import Param
from app.grading.state import short_ref
from app.grading.text import nfc

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
            return Outcome(
                True,
                f"{c.name} 컨테이너의 로그에 ‘{p['text']}’ 문구가 있습니다.",
                f"The logs of {c.name} contain ‘{p['text']}’.",
            )
    last = (ctx.state.logs.get(found[0].id, "").strip().splitlines() or [""])[-1][:80]
    shown_ko = f"마지막 줄: ‘{last}’" if last else "로그가 비어 있습니다"
    shown_en = f"last line: ‘{last}’" if last else "the logs are empty"
    return Outcome(
        False,
        f"{who(p, 'ko', 'container')}의 로그에 ‘{p['text']}’ 문구가 없습니다 ({shown_ko}).",
        f"The logs of {who(p, 'en', 'container')} do not contain ‘{p['text']}’ ({shown_en}).",
    )


def _http(ctx: Context, p: dict[str, Any]) -> Outcome:
    method, port, path = p.get("method", "GET"), p["port"], p.get("path", "/")
    target = f"{method} http://localhost:{port}{path}"
    answer = ctx.live.http(method, port, path, p.get("body"))
    if answer is None:
        return Outcome(
            False,
            f"{target} 요청에 아무도 응답하지 않습니다. {port}번 포트를 게시(-p)한 실행 중인 컨테이너가 없습니다.",
            f"Nothing answers {target}: no running container publishes port {port} (-p).",
        )
    status, body = answer
    want_status = p.get("status")
    if want_status is not None and status != want_status:
        return Outcome(
            False,
            f"{target} 요청이 {want_status} 대신 {status} 상태로 응답합니다.",
            f"{target} answers {status} instead of {want_status}.",
        )
    if want_status is None and status >= 400:
        return Outcome(
            False,
            f"{target} 요청의 응답 상태 코드가 {status}입니다 (400 이상은 오류).",
            f"{target} answers with error status {status}.",
        )
    want = p.get("contains")
    if want is not None and nfc(want) not in nfc(body):
        sample = " ".join(_TAGS.sub(" ", nfc(body)).split())[:60]  # the page's words, not its markup
        return Outcome(
            False,
            f"{target} 응답에 ‘{want}’ 문구가 없습니다 (받은 응답: ‘{sample}’).",
            f"The answer to {target} does not contain ‘{want}’ (got ‘{sample}’).",
        )
    return Outcome(
        True,
        f"{target} 요청이 {status} 상태로 응답합니다" + (f" (‘{want}’ 포함)." if want else "."),
        f"{target} answers {status}" + (f" containing ‘{want}’." if want else "."),
    )


def _http_describe(p: dict[str, Any], lang: str) -> str:
    target = f"{p.get('method', 'GET')} http://localhost:{p['port']}{p.get('path', '/')}"
    want, status = p.get("contains"), p.get("status")
    if lang == "en":
        return f"{target} answers" + (f" {status}" if status is not None else "") + (f" with ‘{want}’" if want else "")
    return (
        f"{target} 요청에 "
        + (f"{status} 상태로 " if status is not None else "")
        + (f"‘{want}’ 문구가 담긴 응답이 온다" if want else "응답이 온다")
    )


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
            return Outcome(True, f"‘{entry.line}’ 명령을 실행했습니다.", f"You ran ‘{entry.line}’.")
        typed = [commandline.read_invocation(words) for _, words in commandline.split_segments(entry.line)]
        if not ran and any(inv is not None and commandline.matches(inv, want, words) for inv in typed):
            tried += 1
    if tried:
        return Outcome(
            False,
            f"{shown} 명령이 성공한 적이 없습니다 (실패 {tried}번). 오류 메시지를 읽고 다시 실행해 보세요.",
            f"{shown} never succeeded ({tried} failed attempt(s)). Read the error and try again.",
        )
    return Outcome(False, f"{shown} 명령을 아직 실행하지 않았습니다.", f"You have not run {shown} yet.")


def _command_describe(p: dict[str, Any], lang: str) -> str:
    shown = _shown(p)
    return f"{shown} 명령을 성공적으로 실행했다" if lang == "ko" else f"You ran {shown} successfully"


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
        return Outcome(True, "필요 없는 컨테이너가 남아 있지 않습니다.", "No extra containers are left.")
    names = ", ".join(f"{c.name}({c.status_ko()})" for c in extra[:5])
    names_en = ", ".join(f"{c.name} ({c.status_en()})" for c in extra[:5])
    return Outcome(
        False,
        f"목표에 없는 컨테이너 {len(extra)}개가 남아 있습니다: {names}. docker rm으로 정리하세요.",
        f"{len(extra)} container(s) not in the goal are left: {names_en}. Clean up with docker rm.",
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
        return Outcome(True, "필요 없는 볼륨이 남아 있지 않습니다.", "No extra volumes are left.")
    label = ", ".join("익명 볼륨 " + v.name[:12] if v.anonymous else v.name for v in extra[:5])
    label_en = ", ".join("anonymous " + v.name[:12] if v.anonymous else v.name for v in extra[:5])
    return Outcome(
        False,
        f"목표에 없는 볼륨 {len(extra)}개가 남아 있습니다: {label}. "
        "docker volume rm(익명 볼륨은 docker volume prune)으로 정리하세요.",
        f"{len(extra)} volume(s) not in the goal are left: {label_en}. "
        "Clean up with docker volume rm (anonymous ones: docker volume prune).",
    )


def _leftover_words(p: Mapping[str, Any], lang: str, ko: str, en: str) -> str:
    """`ko` carries its own subject particle (컨테이너가, 볼륨이): Korean picks it by the last syllable."""
    allowed = ", ".join(p.get("allowed") or ())
    if lang == "en":
        return f"No {en} are left besides those in the goal" + (f" (allowed: {allowed})" if allowed else "")
    return f"목표에 없는 {ko} 남아 있지 않다" + (f" (허용: {allowed})" if allowed else "")


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
        lambda p, lang: (
            f"{who(p, 'ko', 'container')}의 로그에 ‘{p['text']}’ 문구가 있다"
            if lang == "ko"
            else f"The logs of {who(p, 'en', 'container')} contain ‘{p['text']}’"
        ),
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
        lambda p, lang: _leftover_words(p, lang, "컨테이너가", "containers"),
        {"allowed": ["db"]},
    ),
    CheckKind(
        "no_extra_volumes",
        "no volume is left except those the other checks require, those mounted "
        "by required containers, or allowed ones",
        (ALLOWED,),
        _no_extra_volumes,
        lambda p, lang: _leftover_words(p, lang, "볼륨이", "volumes"),
        {},
    ),
)
