"""What the lab page shows, as plain JSON-able data: the state panel, the goal, completion words."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from app.curriculum import Lab
from app.dockersim import COMMANDS, HOME, HOST_COMMANDS, DockerHost
from app.grading import POLICIES, Verdict, describe_check, grade_lab
from app.services.messages import translate

MAX_FILES_SHOWN = 200
SHELL_COMMANDS = tuple(sorted(HOST_COMMANDS))  # the simulator's one list of host-shell programs
CHIPS = (
    "docker ps",
    "docker ps -a",
    "docker images",
    "docker volume ls",
    "docker logs ",
    "docker stop ",
    "docker rm ",
    "curl localhost:",
)


# --- state panel ------------------------------------------------------------------------------


def _short_id(full: str) -> str:
    return full.removeprefix("sha256:")[:12]


def _ports(container: Any) -> str:
    return ", ".join(f"{p.host_ip or '0.0.0.0'}:{p.host_port}->{p.container_port}/{p.proto}" for p in container.ports)


def _mount(m: Any) -> str:
    source = m.source
    if m.type == "bind" and (source == HOME or source.startswith(HOME + "/")):
        source = "~" + source[len(HOME) :]
    return f"{m.type} {source} → {m.destination}{' (ro)' if m.read_only else ''}"


def host_files(host: DockerHost) -> list[str]:
    """The learner's files under the home folder, as `~/...` paths."""
    paths = sorted(p for p in host.fs.files if p.startswith(HOME + "/"))
    return ["~" + p[len(HOME) :] for p in paths[:MAX_FILES_SHOWN]]


def state_panel(host: DockerHost) -> dict[str, Any]:
    """Images, containers (status, ports, mounts), volumes and the project files."""
    now = host.clock.now
    return {
        "images": [{"id": _short_id(i.id), "tags": list(i.repo_tags) or ["<none>:<none>"]} for i in host.images],
        "containers": [
            {
                "id": c.id[:12],
                "name": c.name.lstrip("/"),
                "image": c.image_ref,
                "status": c.status(now),
                "running": bool(c.running),
                "ports": _ports(c),
                "mounts": [_mount(m) for m in c.mounts],
            }
            for c in host.containers
        ],
        "volumes": [
            {
                "name": v.name,
                "anonymous": bool(v.anonymous),
                "used_by": [c.name.lstrip("/") for c in host.volume_users(v.name)],
            }
            for v in host.volumes
        ],
        "files": host_files(host),
    }


# --- goal ---------------------------------------------------------------------------------------


def goal_checks(lab: Lab) -> list[tuple[str, dict[str, Any]]]:
    """The checks the grader runs: the goal's, then the ones its policy adds."""
    checks = [(c.name, dict(c.params)) for c in lab.goal.checks]
    names = {name for name, _ in checks}
    checks += [(extra, {}) for extra in POLICIES[lab.goal.policy] if extra not in names]
    return checks


def describe_goal(lab: Lab) -> list[str]:
    """Every check in plain words, in the request's language."""
    return [translate(describe_check(name, params)) for name, params in goal_checks(lab)]


def grade(lab: Lab, host: DockerHost) -> Verdict:
    """Grade the live host: grading only reads it (probes with side effects make their own copy)."""
    return grade_lab(
        lab.goal.checks, lab.goal.policy, host, setup_lines=sum(1 for c in lab.setup.commands if c.strip())
    )


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """A verdict for the page, messages in the request's language."""
    return {
        "score": verdict.score,
        "max_score": verdict.max_score,
        "passed": verdict.passed,
        "feedback": translate(verdict.feedback) if verdict.feedback else "",
        "checks": once_each([{"passed": c.passed, "message": translate(c.message)} for c in verdict.checks]),
    }


def once_each(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Checks whose words repeat an earlier one's are dropped: several goals that fail for one reason
    (no container `web`) show that reason once, not two or three times."""
    seen: set[tuple[bool, str]] = set()
    kept = []
    for check in checks:
        key = (check["passed"], check["message"])
        if key not in seen:
            seen.add(key)
            kept.append(check)
    return kept


# --- Tab completion -------------------------------------------------------------------------


def completion_words() -> dict[str, Any]:
    """Docker subcommands with their flags, and the shell's commands, for client-side Tab."""
    docker: dict[str, list[str]] = {}
    for path, spec in COMMANDS.items():
        flags = []
        for flag in spec.get("flags", ()):
            flags.append("--" + flag["long"])
            if flag.get("short"):
                flags.append("-" + flag["short"])
        docker[path] = sorted(set(flags))
    return {"docker": docker, "shell": list(SHELL_COMMANDS)}


@cache
def completion_words_json() -> tuple[str, str]:
    """The completion words as JSON and a hash of it (for a URL that can be cached for a year)."""
    body = json.dumps(completion_words(), sort_keys=True, separators=(",", ":"))
    return body, hashlib.sha256(body.encode()).hexdigest()[:12]
