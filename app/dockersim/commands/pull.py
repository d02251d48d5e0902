"""Pulling from the built-in registry, shared by run, create, pull and build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.core.clock import EPOCH
from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.format import short_id
from app.dockersim.core.fs import FileTree
from app.dockersim.core.hints import hint_with
from app.dockersim.core.message import N_, is_note
from app.dockersim.core.refs import ReferenceError_, parse
from app.dockersim.engine.models import Image, Layer
from app.dockersim.engine.registry import UNMODELLED_HUB, RegistryImage, available_repos, known_repo, lookup

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

REGISTRY_CREATED = EPOCH - 14 * 86400  # official images were built two weeks before the session


def _json_list(items: list[str]) -> str:
    return "[" + " ".join(f'"{x}"' for x in items) + "]"


def registry_history(reg: RegistryImage) -> list[tuple[str, bool]]:
    """(created_by, empty_layer) entries like an official image's history, oldest first."""
    cfg = reg.config
    alpine = "/bin/busybox" in reg.files
    root = (
        "ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit"
        if alpine
        else "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'"
    )
    entries: list[tuple[str, bool]] = [(root, False)]
    for env in (cfg.get("Env") or [])[1:]:
        entries.append((f"ENV {env}", True))
    for i in range(1, len(reg.layer_ids)):
        entries.append((f"RUN /bin/sh -c set -eux; install {reg.repo} (step {i}) # buildkit", False))
    if cfg.get("WorkingDir"):
        entries.append((f"WORKDIR {cfg['WorkingDir']}", True))
    for vol in cfg.get("Volumes") or {}:
        entries.append((f"VOLUME [{vol}]", True))
    if cfg.get("Entrypoint"):
        entries.append((f"ENTRYPOINT {_json_list(cfg['Entrypoint'])}", True))
    if cfg.get("ExposedPorts"):
        entries.append(("EXPOSE map[" + " ".join(f"{p}:{{}}" for p in cfg["ExposedPorts"]) + "]", True))
    if cfg.get("StopSignal"):
        entries.append((f"STOPSIGNAL {cfg['StopSignal']}", True))
    entries.append((f"CMD {_json_list(cfg.get('Cmd') or [])}", True))
    return entries


def registry_image(host: Host, reg: RegistryImage) -> Image:
    """Turn a registry entry into a local Image."""
    ids = iter(reg.layer_ids)
    per = reg.size // max(1, len(reg.layer_ids))
    layers = []
    for created_by, empty in registry_history(reg):
        lid = "" if empty else "sha256:" + next(ids)
        layers.append(Layer(lid, created_by, 0 if empty else per, REGISTRY_CREATED, empty))
    tree = FileTree(reg.files, reg.dirs)  # adds every ancestor directory
    return Image(reg.id, [], dict(reg.config), layers, tree.files, tree.dirs, REGISTRY_CREATED, reg.size)


def pull(host: Host, ref: str) -> tuple[Image, str]:
    """Pull ref; returns the image and the progress text. Raises DockerError with the daemon's message."""
    repo, tag = parse(ref)
    reg = lookup(repo, tag)
    if reg is None and "/" in repo and f"{repo}:{tag}" in host.hub["repos"]:
        return _pull_shared(host, repo, tag)
    if reg is None:
        if repo in UNMODELLED_HUB:
            note = N_(
                "'%(repo)s' is a real Docker Hub image, but this simulator's registry only has %(available)s.",
                repo=repo,
                available=", ".join(available_repos()),
            )
            raise sim_error(note, 1, "not_in_registry")
        pushed = sorted(key.rpartition(":")[2] for key in host.hub["repos"] if key.rpartition(":")[0] == repo)
        if known_repo(repo) or pushed:
            # moby distribution/errors.go notFoundError over distribution's ErrorCodeManifestUnknown ("manifest
            # unknown"), for a tag the registry lacks in a repository it has (official or pushed by the learner)
            tip = (
                hint_with("tag_unknown_pushed", repo=repo, tag=tag, tags=", ".join(pushed)) if pushed else "tag_unknown"
            )
            raise DockerError(f"manifest for {repo}:{tag} not found: manifest unknown: manifest unknown", 1, tip)
        raise DockerError(
            f"pull access denied for {repo}, repository does not exist or may require 'docker login': "
            "denied: requested access to the resource is denied",
            1,
            "pull_denied",
        )
    have_layers = {layer.id for img in host.images for layer in img.layers if not layer.empty}
    existing = host.image_by_id(reg.id)
    lines = [f"{tag}: Pulling from library/{repo}"]
    if existing is not None and f"{repo}:{tag}" in existing.repo_tags:
        return (
            existing,
            f"{tag}: Pulling from library/{repo}\nDigest: {reg.digest}\nStatus: Image is up to date for {repo}:{tag}\n",
        )
    for lid in reg.layer_ids:
        lines.append(f"{short_id(lid)}: {'Already exists' if 'sha256:' + lid in have_layers else 'Pull complete'}")
    lines += [f"Digest: {reg.digest}", f"Status: Downloaded newer image for {repo}:{tag}"]
    img = existing or registry_image(host, reg)
    host.add_image(img)
    host.tag_image(img, f"{repo}:{tag}")
    return img, "\n".join(lines) + "\n"


def _pull_shared(host: Host, repo: str, tag: str) -> tuple[Image, str]:
    """Pull an image a learner pushed to the simulated Docker Hub (same id, layers and config)."""
    entry = host.hub["repos"][f"{repo}:{tag}"]
    existing = host.image_by_id(entry["image"]["id"])
    if existing is not None and f"{repo}:{tag}" in existing.repo_tags:
        return (
            existing,
            f"{tag}: Pulling from {repo}\nDigest: {entry['digest']}\nStatus: Image is up to date for {repo}:{tag}\n",
        )
    have = {layer.id for img in host.images for layer in img.layers if not layer.empty}
    lines = [f"{tag}: Pulling from {repo}"]
    lines += [
        f"{lid.removeprefix('sha256:')[:12]}: {'Already exists' if lid in have else 'Pull complete'}"
        for lid in reversed(entry["layer_ids"])
    ]
    lines += [f"Digest: {entry['digest']}", f"Status: Downloaded newer image for {repo}:{tag}"]
    img = existing or Image.from_json({**entry["image"], "repo_tags": []})
    host.add_image(img)
    host.tag_image(img, f"{repo}:{tag}")
    return img, "\n".join(lines) + "\n"


def ensure_image(host: Host, ref: str, policy: str = "missing") -> tuple[Image, str]:
    """Resolve an image for run/create, pulling per --pull; errors are raw daemon/client messages."""
    local = host.image(ref)
    if local is not None and policy != "always":
        return local, ""
    try:
        repo, tag = parse(ref)
    except ReferenceError_ as e:
        raise DockerError(str(e), 125, "lowercase" if "lowercase" in str(e) else "reference") from None
    if policy == "never":
        raise DockerError(f"Error response from daemon: No such image: {repo}:{tag}.", 125, "no_image")
    prefix = "" if policy == "always" else f"Unable to find image '{repo}:{tag}' locally\n"
    try:
        img, progress = pull(host, ref)
    except DockerError as e:
        if not is_note(e.text):
            e.text = "Error response from daemon: " + e.text
        e.preamble = prefix
        raise
    return img, prefix + progress
