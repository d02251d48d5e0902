"""docker build: flags, context gathering, base image resolution, storing and tagging the result.

The build itself (Dockerfile parsing, steps, cache, BuildKit output) is app.dockersim.build.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.build.builder import BaseImage, BaseImageNotFound, BuildRequest, BuiltImage, run_build
from app.dockersim.build.context import Context, canonical_json, sha256_hex
from app.dockersim.cli.flags import Parsed, usage_error
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.pull import registry_image
from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.fs import norm
from app.dockersim.core.message import N_, note_marker
from app.dockersim.core.refs import ReferenceError_, familiar, parse
from app.dockersim.engine.models import Image, Layer
from app.dockersim.engine.registry import UNMODELLED_HUB, lookup

_LINE_NUMBER = re.compile(r"^[^\s:]+:\d+$", re.M)

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
MAX_CACHE_ENTRIES = 500


def _base(host: Host, ref: str) -> tuple[BaseImage, Image]:
    img = host.image(ref)
    if img is None:
        try:
            repo, tag = parse(ref)
        except ReferenceError_:
            raise BaseImageNotFound() from None
        reg = lookup(repo, tag)
        if reg is None and repo in UNMODELLED_HUB:
            note = N_(
                "'%(repo)s' is a real Docker Hub image, but this simulator's registry does not carry it.", repo=repo
            )
            raise BaseImageNotFound(note_marker(note))
        if reg is None:
            raise BaseImageNotFound()
        img = registry_image(host, reg)  # BuildKit keeps pulled bases in its own store, not in `docker images`
    try:
        reg_image = lookup(*parse(ref))
    except ReferenceError_:
        reg_image = None
    base = BaseImage(
        ref,
        img.id,
        img.files,
        frozenset(img.dirs),
        img.config,
        tuple(layer.id for layer in img.layers if not layer.empty),
        reg_image.digest if reg_image is not None else "",  # a local-only image has no registry digest
    )
    return base, img


PROGRESS_MODES = ("auto", "tty", "plain", "quiet", "rawjson")


def _progress_mode(p: Parsed) -> str:
    """buildx --progress (docker build is buildx on Docker 28); rawjson is shown as plain here."""
    mode = str(p.get("progress") or "auto")
    if mode not in PROGRESS_MODES:
        raise DockerError(f'ERROR: invalid progress mode "{mode}"\n', 1, "flag")
    return "plain" if mode == "rawjson" else mode


def _context(host: Host, root: str) -> tuple[dict[str, str], set[str]]:
    prefix = root.rstrip("/") + "/"
    files = {p[len(prefix) :]: t for p, t in host.fs.files.items() if p.startswith(prefix)}
    dirs = {d[len(prefix) :] for d in host.fs.dirs if d.startswith(prefix)}
    return files, dirs


def context_hash(host: Host, path: str) -> str:
    """The build-input hash a build of this folder would record (Image.build_hash), .dockerignore applied."""
    files, dirs = _context(host, norm(path, "/home/learner"))
    context = Context.from_request(files, dirs)
    return "sha256:" + sha256_hex(canonical_json(sorted(context.files.items())))


def _tags(p: Parsed, inv: Caller) -> list[str]:
    """-t names, normalised (Docker's flag error for a bad one)."""
    tags: list[str] = []
    for t in p.get("tag", []):
        try:
            tags.append(familiar(t))
        except ReferenceError_ as e:
            err = usage_error(inv.path, f'invalid argument "{t}" for "-t, --tag" flag: {e}')
            err.hint = "lowercase" if "lowercase" in str(e) else "reference"
            raise err from None
    return tags


def _context_root(host: Host, path: str, cwd: str) -> str:
    """The build context folder (only a local folder is modelled)."""
    if path == "-" or "://" in path or path.startswith("git@"):
        note = N_(
            "Building from %(source)s is real but not supported by this simulator; use a folder.", source=repr(path)
        )
        raise sim_error(note, 1, "unsupported")
    root = norm(path, cwd)
    if host.fs.kind(root) != "dir":
        raise DockerError(f'ERROR: unable to prepare context: path "{path}" not found\n', 1, "build_plain")
    return root


def _store(host: Host, built: BuiltImage, base: Image | None) -> Image:
    """The built image in the host's store: the base's layers, then one per build step (empty for metadata)."""
    img = host.image_by_id(built.id)
    if img is not None:
        return img
    layers = [Layer(x.id, x.created_by, x.size, x.created, x.empty) for x in base.layers] if base else []
    added = iter(built.layers)
    for h in built.history:
        if h.get("empty_layer"):
            layers.append(Layer("", h["created_by"], 0, built.created, True))
        elif (layer := next(added, None)) is not None:
            layers.append(Layer(layer.id, layer.created_by, layer.size, built.created))
    size = (base.size if base else 0) + sum(x.size for x in built.layers)
    img = Image(
        built.id,
        [],
        dict(built.config),
        layers,
        dict(built.files),
        set(built.dirs),
        built.created,
        size,
        built.context_hash,
        built.base_id,
    )
    host.add_image(img)
    return img


@register("build|image build", flags="tag file no-cache quiet build-arg target progress")
def cmd_build(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker build [-t name:tag]... [-f file] [--no-cache] [-q] PATH."""
    tags = _tags(p, inv)
    root = _context_root(host, p.args[0], inv.cwd)
    dockerfile = norm(p.get("file") or "Dockerfile", inv.cwd if p.get("file") else root)
    files, dirs = _context(host, root)
    bases: dict[str, Image] = {}

    def resolve(ref: str) -> BaseImage:
        base, img = _base(host, ref)
        bases[base.id] = img
        return base

    request = BuildRequest(
        context_files=files,
        context_dirs=frozenset(dirs),
        dockerfile_text=host.fs.files.get(dockerfile),
        dockerfile_name=p.get("file") or "Dockerfile",
        tags=tuple(tags),
        no_cache=p.flag("no-cache"),
        quiet=p.flag("quiet"),
        progress=_progress_mode(p),
        build_args=dict(a.partition("=")[::2] for a in p.get("build-arg", [])),
        now=host.clock.now,
        target=p.get("target", ""),
    )
    outcome = run_build(request, resolve, host.build_cache)
    host.build_cache = dict(list(outcome.cache.items())[-MAX_CACHE_ENTRIES:])
    host.clock.advance(outcome.duration)
    if outcome.exit_code != 0 or outcome.image is None:
        # the tip to read the error's line number only where BuildKit printed one ("Dockerfile:3")
        key = "build" if _LINE_NUMBER.search(outcome.stderr) else "build_plain"
        raise DockerError(outcome.stderr, outcome.exit_code or 1, key, stdout=outcome.stdout)
    img = _store(host, outcome.image, bases.get(outcome.image.base_id))
    for tag in tags:
        host.tag_image(img, tag)
    return outcome.stdout, outcome.stderr, 0
