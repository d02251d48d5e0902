"""Image references: parsing, validation and familiar names (distribution/reference rules)."""

from __future__ import annotations

import re

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"
_DOMAIN = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)"
_NAME = re.compile(rf"^(?:({_DOMAIN})/)?({_COMPONENT}(?:/{_COMPONENT})*)$")
_TAG = re.compile(r"^[\w][\w.-]{0,127}$")


class ReferenceError_(ValueError):
    """An invalid image reference, with the client's exact message."""


def split(ref: str) -> tuple[str, str, str]:
    """(name, tag, digest) without validation; tag defaults to 'latest' only if no digest."""
    digest = ""
    if "@" in ref:
        ref, digest = ref.split("@", 1)
    name, tag = ref, ""
    slash = ref.rfind("/")
    colon = ref.rfind(":")
    if colon > slash:
        name, tag = ref[:colon], ref[colon + 1 :]
    return name, tag, digest


def parse(ref: str) -> tuple[str, str]:
    """Validate and normalise to (familiar repository, tag)."""
    if not ref:
        raise ReferenceError_("invalid reference format")
    name, tag, digest = split(ref)
    if re.fullmatch(r"[a-f0-9]{64}", name):
        raise ReferenceError_(f"invalid repository name ({name}), cannot specify 64-byte hexadecimal strings")
    if tag and not _TAG.match(tag):
        raise ReferenceError_("invalid reference format")
    m = _NAME.match(name)
    if not m:
        lowered = name.lower()
        if _NAME.match(lowered) and name != lowered:
            path = name
            if "/" not in name:
                path = "library/" + name
            elif _looks_domain(name.split("/", 1)[0]):
                path = name.split("/", 1)[1]
            raise ReferenceError_(f"invalid reference format: repository name ({path}) must be lowercase")
        raise ReferenceError_("invalid reference format")
    domain, path = m.group(1), m.group(2)
    if domain and not _looks_domain(domain):
        path = f"{domain}/{path}"
        domain = None
    if domain in ("docker.io", "index.docker.io"):
        domain = None
    if not domain and path.startswith("library/") and path.count("/") == 1:
        path = path[len("library/") :]
    repo = f"{domain}/{path}" if domain else path
    if digest and not tag:
        return repo, "@" + digest
    return repo, tag or "latest"


def _looks_domain(part: str) -> bool:
    return "." in part or ":" in part or part == "localhost" or part != part.lower()


def familiar(ref: str) -> str:
    """'nginx' -> 'nginx:latest'; raises ValueError if invalid."""
    repo, tag = parse(ref)
    return f"{repo}{tag}" if tag.startswith("@") else f"{repo}:{tag}"


def full_name(repo: str) -> str:
    """'nginx' -> 'docker.io/library/nginx' (for build output)."""
    if "/" not in repo:
        return f"docker.io/library/{repo}"
    first = repo.split("/", 1)[0]
    return repo if _looks_domain(first) else f"docker.io/{repo}"


def is_id_like(ref: str) -> bool:
    """True for a full or short hex id (optionally with sha256:)."""
    return bool(re.fullmatch(r"(sha256:)?[0-9a-f]{12,64}", ref))
