"""A check on how a learner found something out: `docker inspect --format` picking one field.

Reading the whole JSON of `docker inspect web` and picking `--format '{{json .Mounts}}'` leave the
same end state; only the command history tells them apart. This check reads the history's successful
commands (as `history.succeeded` gives them, from each command's expanded argv), never the simulator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.dockersim import N_, Message
from app.grading.checks.base import CheckKind, Context, Outcome
from app.grading.checks.history import Ran, succeeded
from app.grading.params import Param

#: the commands that take `--format` and answer with inspect JSON (`container inspect` and
#: `image inspect` are already read as `inspect`)
_INSPECTS = frozenset({"inspect", "volume inspect"})

#: a field path as Go templates write it: `.Mounts`, `.State.Status`, `.Config.Env`
_FIELD = re.compile(r"\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def mentions(template: str, field: str) -> bool:
    """Whether the template reads `field` (or a field under it): `{{ .State.Status }}` reads `.State`,
    `{{json .Mounts}}` and `{{range .Mounts}}…{{end}}` read `.Mounts`, `{{.StateX}}` does not read `.State`."""
    return re.search(rf"(?<![\w.]){re.escape(field)}(?!\w)", template) is not None


def _field_rules(p: Mapping[str, Any]) -> list[str]:
    field = p.get("field") if isinstance(p, Mapping) else None
    if isinstance(field, str) and not _FIELD.fullmatch(field):
        return [
            f"inspected_with_format: 'field' must be a template field such as .Mounts or .State.Status, got {field!r}"
        ]
    return []


def _format_of(ran: Ran) -> str | None:
    value = ran.inv.flags.get("format")
    return value if isinstance(value, str) else None


def _inspected(ctx: Context, p: dict[str, Any]) -> Outcome:
    field, target = p["field"], p.get("target")
    shown = f"docker inspect --format '{{{{{field}}}}}'" + (f" {target}" if target else "")
    aimed = [r for r in succeeded(ctx.state) if r.inv.name in _INSPECTS and (target is None or target in r.inv.args)]
    for ran in aimed:
        template = _format_of(ran)
        if template is not None and mentions(template, field):
            return Outcome(True, N_("You read %(field)s with ‘%(line)s’.", field=field, line=ran.line))
    formatted = [r for r in aimed if _format_of(r) is not None]
    if formatted:
        return Outcome(
            False,
            N_(
                "‘%(line)s’ used --format but does not read %(field)s. Put %(field)s in the template (e.g. %(shown)s).",
                line=formatted[-1].line,
                field=field,
                shown=shown,
            ),
        )
    if aimed:
        return Outcome(
            False,
            N_(
                "‘%(line)s’ printed the whole JSON. Pick just %(field)s with --format (e.g. %(shown)s).",
                line=aimed[-1].line,
                field=field,
                shown=shown,
            ),
        )
    return Outcome(False, N_("You have not run a command such as %(shown)s yet.", shown=shown))


def _describe(p: dict[str, Any]) -> Message:
    field, target = p["field"], p.get("target")
    if target:
        return N_("You read %(field)s of %(target)s with docker inspect --format", field=field, target=target)
    return N_("You read %(field)s with docker inspect --format", field=field)


INSPECTION_CHECKS = (
    CheckKind(
        "inspected_with_format",
        "a docker inspect whose --format template reads this field succeeded (optionally naming the target)",
        (
            Param("field", "str", "the template field that must be read, e.g. .Mounts or .State.Status", required=True),
            Param("target", "str", "the container, image or volume name that must be among the arguments"),
        ),
        _inspected,
        _describe,
        {"field": ".Mounts", "target": "web"},
        _field_rules,
    ),
)
