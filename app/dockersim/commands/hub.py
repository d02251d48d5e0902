"""Sharing images through a simulated Docker Hub: `docker login` / `logout` / `push`, and pulling the
learner's own repositories back (see pull.py). Any user name logs in; a user may push only to their own
namespace (`NAME/repo`), as on Docker Hub.

Sources: docker/cli `cli/command/registry/login.go` (the --password warning, "Login Succeeded",
`--password` and `--password-stdin` conflict), `logout.go` ("Removing login credentials for …"),
`cli/command/image/push.go` + moby `distribution/push_v2.go` (progress: "The push refers to repository
[…]", `<layer>: Pushed` / `Layer already exists`, `<tag>: digest: sha256:… size: N`; "An image does not
exist locally with the tag: …"; "denied: requested access to the resource is denied")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.core.errors import DockerError, sim_error
from app.dockersim.core.message import N_
from app.dockersim.core.refs import ReferenceError_, parse
from app.dockersim.engine.hub_files import digest_hex
from app.dockersim.engine.registry import RegistryImage, by_id

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
INDEX = "https://index.docker.io/v1/"
HUB_USER = re.compile(r"[a-z0-9]{4,30}")  # Docker Hub user names: 4-30 lowercase letters and digits


def _log_in(host: Host, user: str) -> Out:
    if not HUB_USER.fullmatch(user):
        raise DockerError(
            'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: '
            "incorrect username or password\n",
            1,
            "login",
        )
    host.hub["user"] = user
    return "Login Succeeded\n", "", 0


@register("login", flags="username password password-stdin")
def cmd_login(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker login [-u USER] [-p PASSWORD | --password-stdin] (Docker Hub only)."""
    if p.args and p.args[0] not in ("docker.io", "index.docker.io", "registry-1.docker.io", INDEX):
        note = N_("Only Docker Hub is simulated; logging in to %(registry)s is not modelled.", registry=p.args[0])
        raise sim_error(note, 1, "not_modelled")
    user, password = str(p.get("username") or ""), p.get("password")
    if password is not None and p.flag("password-stdin"):
        raise DockerError("--password and --password-stdin are mutually exclusive\n", 1, "flag")
    if not user:
        note = N_("Docker Hub's browser login is not modelled here; type `docker login -u YOUR_NAME`.")
        raise sim_error(note, 1, "login")
    if p.flag("password-stdin"):
        raise DockerError("Error: Password Required\n", 1, "login")  # nothing is piped in this shell
    if password is None:
        host.ask(inv.terminal, ["login", user], secret=True)
        return "Password: ", "", 0
    warning = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n" if p.get("password") else ""
    if not password:
        raise DockerError(warning + "Error: Password Required\n", 1, "login")
    out, _, code = _log_in(host, user)
    return out, warning, code


@register("logout")
def cmd_logout(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker logout."""
    if not host.hub.get("user"):
        return f"Not logged in to {INDEX}\n", "", 0
    host.hub["user"] = ""
    return f"Removing login credentials for {INDEX}\n", "", 0


def _push_target(ref: str) -> tuple[str, str, str]:
    """(repository as pushed, tag, the 'Using default tag' line or '')."""
    try:
        repo, tag = parse(ref)
    except ReferenceError_ as e:
        raise DockerError(f"{e}\n", 1, "reference") from None
    default = "Using default tag: latest\n" if ":" not in ref.rsplit("/", 1)[-1] else ""
    return repo, tag, default


def _layer_status(layer_id: str, known: set[str], mounted: set[str], base: RegistryImage | None) -> str:
    """What the registry answers for one layer: already there, cross-mounted from the official base, or pushed."""
    if layer_id in known:
        return "Layer already exists"
    if base is not None and layer_id in mounted:
        return f"Mounted from library/{base.repo}"
    return "Pushed"


def finish_login(host: Host, user: str, password: str) -> Out:
    """The answer to the Password: prompt of `docker login -u USER`."""
    if not password:
        raise DockerError("Error: Password Required\n", 1, "login")
    return _log_in(host, user)


@register("push|image push", flags="quiet")
def cmd_push(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker push NAME[:TAG]: to the learner's namespace on the simulated Docker Hub."""
    ref = p.args[0]
    repo, tag, default = _push_target(ref)
    img = host.image(f"{repo}:{tag}")
    if img is None:
        raise DockerError(f"{default}An image does not exist locally with the tag: {repo}\n", 1, "no_image")
    full = repo if "/" in repo else f"library/{repo}"
    layers = [layer for layer in reversed(img.layers) if not layer.empty]
    head = f"{default}The push refers to repository [docker.io/{full}]\n"
    user = str(host.hub.get("user") or "")
    if not user or full.split("/", 1)[0] != user:
        preparing = "".join(f"{layer.id.removeprefix('sha256:')[:12]}: Preparing\n" for layer in layers)
        raise DockerError(
            "denied: requested access to the resource is denied\n", 1, "push_denied", stdout=head + preparing
        )
    known = {lid for entry in host.hub["repos"].values() for lid in entry["layer_ids"]}
    base = by_id(img.parent) or by_id(img.id)
    mounted = {"sha256:" + lid for lid in base.layer_ids} if base else set()
    lines = [
        f"{layer.id.removeprefix('sha256:')[:12]}: {_layer_status(layer.id, known, mounted, base)}\n"
        for layer in layers
    ]
    digest = "sha256:" + digest_hex("manifest", img.id, full)
    size = 400 + 160 * len(layers)  # the manifest's byte size: a header plus one descriptor per layer
    host.hub["repos"][f"{full}:{tag}"] = {"image": img.to_json(), "digest": digest, "layer_ids": [x.id for x in layers]}
    if p.flag("quiet"):
        return f"docker.io/{full}:{tag}\n", "", 0
    return head + "".join(lines) + f"{tag}: digest: {digest} size: {size}\n", "", 0
