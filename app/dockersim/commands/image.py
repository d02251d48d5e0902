"""Image commands: images, rmi, tag, pull, history, image prune, image inspect."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.contexts import IMAGE_HEADERS, header, image_context
from app.dockersim.commands.formatting import format_list
from app.dockersim.commands.listing import inspect_image, render
from app.dockersim.commands.pull import pull
from app.dockersim.core.errors import DockerError, daemon_error
from app.dockersim.core.format import ellipsis, human_duration, human_size, short_id, table
from app.dockersim.core.message import Message, is_note
from app.dockersim.core.refs import ReferenceError_, familiar, full_name, parse
from app.dockersim.engine.models import Image

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]


def _rows(host: Host, images: list[Image]) -> list[tuple[str, str, Image]]:
    rows: list[tuple[str, str, Image]] = []
    for img in sorted(images, key=lambda i: -i.created):
        if not img.repo_tags:
            rows.append(("<none>", "<none>", img))
        for ref in img.repo_tags:
            repo, _, tag = ref.rpartition(":")
            rows.append((repo, tag, img))
    return rows


@register("images|image ls|image list", flags="all quiet filter no-trunc format")
def cmd_images(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker images [-a] [-q] [-f dangling=true|reference=...] [REPOSITORY[:TAG]]."""
    images = host.images
    for f in p.get("filter", []):
        key, _, value = f.partition("=")
        if key == "dangling":
            if value not in ("true", "false", "1", "0"):
                raise daemon_error(f"Invalid filter 'dangling=[{value}]'", "flag")
            dangling = value in ("true", "1")
            images = [i for i in images if (not i.repo_tags) == dangling]
        elif key == "reference":
            pattern = re.escape(value).replace(r"\*", "[^/]*")
            images = [i for i in images if any(re.fullmatch(pattern + "(:.*)?", t) for t in i.repo_tags)]
        elif key not in ("before", "since", "label", "until"):
            raise daemon_error(f"invalid filter '{key}'", "flag")
    rows = _rows(host, images)
    if p.args:
        want = p.args[0]
        rows = [r for r in rows if r[0] == want.split(":")[0] and (":" not in want or r[1] == want.split(":", 1)[1])]
    trunc = not p.flag("no-trunc")
    ident = (lambda i: short_id(i.id)) if trunc else (lambda i: i.id)
    if p.flag("quiet"):
        seen: list[str] = []
        for _, _, img in rows:
            if ident(img) not in seen:
                seen.append(ident(img))
        return "".join(s + "\n" for s in seen), "", 0
    contexts = [image_context(host, repo, tag, img, trunc) for repo, tag, img in rows]
    fmt = str(p.get("format") or "")
    if fmt not in ("", "table"):
        return format_list(fmt, contexts, header("*formatter.imageContext", IMAGE_HEADERS)), "", 0
    keys = ("Repository", "Tag", "ID", "CreatedSince", "Size")
    return table(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], [[c[k] for k in keys] for c in contexts]), "", 0


def _delete_lines(host: Host, img: Image) -> list[str]:
    others = {layer.id for i in host.images if i.id != img.id for layer in i.layers}
    lines = [f"Deleted: {img.id}"]
    lines += [f"Deleted: {layer.id}" for layer in reversed(img.layers) if layer.id not in others and not layer.empty]
    host.delete_image(img.id)
    return lines


def remove_image(host: Host, ref: str, force: bool) -> list[str]:
    """One `docker rmi` argument; returns the Untagged/Deleted lines."""
    img = host.image(ref)
    if img is None:
        try:
            name = familiar(ref)
        except ValueError:
            name = ref
        raise daemon_error(f"No such image: {name}", "no_image")
    by_tag = not re.fullmatch(r"(sha256:)?[0-9a-f]{4,64}", ref) or ref in img.repo_tags
    users = host.image_users(img.id)
    running = [c for c in users if c.running]
    if by_tag:
        tag = familiar(ref)
        if len(img.repo_tags) > 1 or (users and force):
            host.untag(tag)
            return [f"Untagged: {tag}"]
        if users:
            raise daemon_error(
                f'conflict: unable to remove repository reference "{ref}" (must force) - container '
                f"{users[0].id[:12]} is using its referenced image {short_id(img.id)}",
                "image_in_use",
            )
        lines = [f"Untagged: {tag}"]
        host.untag(tag)
        return lines + _delete_lines(host, img)
    if running:
        raise daemon_error(
            f"conflict: unable to delete {short_id(img.id)} (cannot be forced) - image is being used by "
            f"running container {running[0].id[:12]}",
            "image_in_use",
        )
    if users and not force:
        raise daemon_error(
            f"conflict: unable to delete {short_id(img.id)} (must be forced) - image is being used by "
            f"stopped container {users[0].id[:12]}",
            "image_in_use",
        )
    if len(img.repo_tags) > 1 and not force:
        raise daemon_error(
            f"conflict: unable to delete {short_id(img.id)} (must be forced) - image is referenced in "
            "multiple repositories",
            "image_in_use",
        )
    lines = []
    for tag in list(img.repo_tags):
        host.untag(tag)
        lines.append(f"Untagged: {tag}")
    if users:  # the simulator keeps an image while containers use it (forced: untagged only)
        return lines
    return lines + _delete_lines(host, img)


@register("rmi|image rm|image remove", flags="force")
def cmd_rmi(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker rmi [-f] IMAGE..."""
    out, errs = [], []
    key: str | Message = "no_image"
    for ref in p.args:
        try:
            out += remove_image(host, ref, p.flag("force"))
        except DockerError as e:
            errs.append(e.text)
            key = e.hint
    text = "".join(line + "\n" for line in out)
    if errs:
        raise DockerError("".join(errs), 1, key, stdout=text)
    return text, "", 0


@register("tag|image tag")
def cmd_tag(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker tag SOURCE TARGET."""
    src, target = p.args
    try:
        new = familiar(target)
    except ReferenceError_ as e:
        raise DockerError(
            f'Error parsing reference: "{target}" is not a valid repository/tag: {e}\n',
            1,
            "lowercase" if "lowercase" in str(e) else "reference",
        ) from None
    img = host.image(src)
    if img is None:
        try:
            name = familiar(src)
        except ValueError:
            name = src
        raise daemon_error(f"No such image: {name}", "no_image")
    host.tag_image(img, new)
    return "", "", 0


@register("pull|image pull", flags="quiet")
def cmd_pull(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker pull NAME[:TAG]."""
    try:
        repo, tag = parse(p.args[0])
    except ReferenceError_ as e:
        raise DockerError(f"{e}\n", 1, "lowercase" if "lowercase" in str(e) else "reference") from None
    try:
        _, progress = pull(host, p.args[0])
    except DockerError as e:
        if is_note(e.text):
            raise DockerError(e.text, 1, e.hint) from None
        raise daemon_error(e.text, e.hint) from None
    final = f"{full_name(repo)}:{tag}\n"
    return (final if p.flag("quiet") else progress + final), "", 0


@register("history|image history", flags="quiet no-trunc")
def cmd_history(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker history IMAGE."""
    img = host.image(p.args[0])
    if img is None:
        raise daemon_error(f"No such image: {p.args[0]}", "no_image")
    trunc = not p.flag("no-trunc")
    layers = list(reversed(img.layers))
    if p.flag("quiet"):
        return "".join((short_id(img.id) if i == 0 else "<missing>") + "\n" for i in range(len(layers))), "", 0
    now = host.clock.now
    rows = []
    for i, layer in enumerate(layers):
        by = layer.created_by
        rows.append(
            [
                (short_id(img.id) if trunc else img.id) if i == 0 else "<missing>",
                human_duration(now - (layer.created or img.created)) + " ago",
                ellipsis(by, 45) if trunc else by,
                human_size(0 if layer.empty else layer.size),
                "",
            ]
        )
    return table(["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"], rows), "", 0


@register("image prune", flags="all force")
def cmd_image_prune(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker image prune [-a] [-f]."""
    if not p.flag("force"):
        what = (
            "all images without at least one container associated to them" if p.flag("all") else "all dangling images"
        )
        host.ask(inv.terminal, ["image", "prune", "--force"] + (["--all"] if p.flag("all") else []))
        return f"WARNING! This will remove {what}.\nAre you sure you want to continue? [y/N] ", "", 0
    lines: list[str] = []
    size = 0
    for img in host.images:
        if host.image_users(img.id) or (img.repo_tags and not p.flag("all")):
            continue
        freed, deleted = delete_unused_image(host, img)
        size += freed
        lines += deleted
    body = ("Deleted Images:\n" + "".join(line + "\n" for line in lines) + "\n") if lines else ""
    return body + f"Total reclaimed space: {human_size(size)}\n", "", 0


def delete_unused_image(host: Host, img: Image) -> tuple[int, list[str]]:
    """Prune one image: untag and delete it; returns the bytes freed and the untagged/deleted lines.

    moby counts what the deletion frees: layers no other image shares (not the whole image size)."""
    others = {layer.id for i in host.images if i.id != img.id for layer in i.layers}
    freed = sum(layer.size for layer in img.layers if layer.id not in others and not layer.empty)
    lines: list[str] = []
    for tag in list(img.repo_tags):
        host.untag(tag)
        lines.append(f"untagged: {tag}")
    lines += [line.replace("Deleted", "deleted") for line in _delete_lines(host, img)]
    return freed, lines


@register("image inspect", flags="format")
def cmd_image_inspect(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker image inspect IMAGE..."""
    found, missing = [], []
    for ref in p.args:
        img = host.image(ref)
        (found.append(inspect_image(host, img)) if img else missing.append(ref))
    if missing:
        raise DockerError(
            "".join(f"Error: No such image: {m}\n" for m in missing), 1, "no_image", stdout=render(p, found)
        )
    return render(p, found), "", 0
