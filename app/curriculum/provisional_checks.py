"""The lab check vocabulary the course uses, until the grading registry lands.

PROVISIONAL: the grading helper implements these checks in ``app.grading``; once its registry
exists, the caller should pass the grader's validator to ``load_course`` instead of this one
and this module can go. Every check name the course uses is listed here, so reconciling
names means editing this table and ``grep -rn "check: " content/lessons``.
"""

from __future__ import annotations

from typing import Any, Mapping

# name -> {param: (python types, required)}
_S, _I, _B = (str,), (int,), (bool,)
_FILE = {
    "where": (_S, True),
    "path": (_S, True),
    "container": (_S, False),
    "volume": (_S, False),
    "contains": (_S, False),
}
PROVISIONAL_CHECKS: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "container_exists": {"name": (_S, True)},
    "container_running": {"name": (_S, False), "image": (_S, False)},
    "container_exited": {"name": (_S, True)},
    "container_removed": {"name": (_S, True)},
    "started_detached": {"name": (_S, True)},
    "started_attached": {"name": (_S, True)},
    "port_published": {
        "name": (_S, False),
        "host_port": (_I, True),
        "container_port": (_I, True),
        "protocol": (_S, False),
    },
    "image_exists": {"ref": (_S, True)},
    "image_built_from_current": {"ref": (_S, True), "context": (_S, True)},
    "volume_exists": {"name": (_S, True)},
    "anonymous_volume_at": {"container": (_S, True), "path": (_S, True)},
    "mount_at": {
        "container": (_S, True),
        "path": (_S, True),
        "type": (_S, True),
        "source": (_S, False),
        "read_only": (_B, False),
    },
    "file_exists": _FILE,
    "file_absent": _FILE,
    "logs_contain": {"container": (_S, True), "text": (_S, True)},
    "http_responds": {
        "port": (_I, True),
        "path": (_S, True),
        "contains": (_S, True),
        "method": (_S, False),
    },
    "command_run": {"kind": (_S, True), "args_contain": (_S, False)},
    "no_extra_containers": {},
    "no_extra_volumes": {},
}
_CHOICES = {
    ("mount_at", "type"): ("volume", "bind"),
    ("file_exists", "where"): ("host", "container", "volume"),
    ("file_absent", "where"): ("host", "container", "volume"),
    ("port_published", "protocol"): ("tcp", "udp"),
    ("http_responds", "method"): ("GET", "POST"),
}


def provisional_check_validator(name: str, params: Mapping[str, Any]) -> list[str]:
    """Messages for an unknown check name or bad parameters (empty list when fine)."""
    spec = PROVISIONAL_CHECKS.get(name)
    if spec is None:
        return [f"unknown check (known: {', '.join(sorted(PROVISIONAL_CHECKS))})"]
    out: list[str] = []
    for key, value in params.items():
        if key not in spec:
            out.append(f"unknown parameter '{key}'")
            continue
        types, _ = spec[key]
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            out.append(f"parameter '{key}' must be {'/'.join(t.__name__ for t in types)}")
        elif (name, key) in _CHOICES and value not in _CHOICES[(name, key)]:
            out.append(f"parameter '{key}' must be one of: {', '.join(_CHOICES[(name, key)])}")
    out.extend(f"missing parameter '{k}'" for k, (_, req) in spec.items() if req and k not in params)
    if name == "container_running" and ("name" in params) == ("image" in params):
        out.append("give exactly one of 'name' or 'image'")
    if name in ("file_exists", "file_absent"):
        where = params.get("where")
        if where in ("container", "volume") and where not in params:
            out.append(f"where: {where} needs the parameter '{where}'")
    return out
