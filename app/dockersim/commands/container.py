"""Container lifecycle commands: start, stop, restart, kill, rm, attach, logs, exec, rename, prune, port, diff, cp."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, frame_error, register
from app.dockersim.commands.run import NAME_RE, start_container
from app.dockersim.core.errors import DockerError, daemon_error, sim_error
from app.dockersim.core.format import human_size
from app.dockersim.core.fs import FS, FsError, norm, walk_dirs, walk_files
from app.dockersim.core.layers import LayeredFS
from app.dockersim.core.message import N_
from app.dockersim.engine import runtime
from app.dockersim.engine.models import Container, LogEntry
from app.dockersim.engine.processes import SIGNALS
from app.dockersim.engine.restart_policy import signal_name
from app.dockersim.shell.interp import copy_tree, resolve_exe

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]


def get(host: Host, ref: str) -> Container:
    """A container or the daemon's 'No such container' error."""
    c = host.container(ref)
    if c is None:
        raise daemon_error(f"No such container: {ref}", "no_container")
    return c


def _each(host: Host, refs: list[str], action: Callable[[Container, str], None]) -> tuple[list[str], list[str]]:
    out, errs = [], []
    for ref in refs:
        try:
            action(get(host, ref), ref)
            out.append(ref + "\n")
        except DockerError as e:
            errs.append(e.text)
    return out, errs


def _frame_multi(host: Host, out: list[str], errs: list[str], key: str) -> Out:
    if not errs:
        return "".join(out), "", 0
    raise DockerError("".join(errs), 1, key, stdout="".join(out))


def stop(host: Host, c: Container, timeout: int | None = None, sig: str = "", by: str = "stop") -> None:
    """SIGTERM (or the image's StopSignal), then SIGKILL after the grace period."""
    if not c.up:
        return
    signal = signal_name(sig or c.config.get("StopSignal") or "SIGTERM")
    code = runtime.deliver_signal(host, c, signal, by)
    if code is None and c.running:
        host.clock.advance(10 if timeout is None else max(0, timeout))
        runtime.deliver_signal(host, c, "SIGKILL", by)


def _signal_name(raw: str) -> str:
    name = raw.upper()
    if name.isdigit():
        for k, v in SIGNALS.items():
            if v == int(name):
                return k
        raise daemon_error(f"Invalid signal: {raw}", "flag")
    name = name if name.startswith("SIG") else "SIG" + name
    if name not in SIGNALS:
        raise daemon_error(f"Invalid signal: {raw}", "flag")
    return name


@register("start|container start", flags="attach interactive")
def cmd_start(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker start [-a] [-i]: detached unless -a/-i."""
    attach = p.flag("attach") or p.flag("interactive")
    if attach and len(p.args) > 1:
        raise DockerError("you cannot start and attach multiple containers at once\n", 1, "start_attach_multi")
    if attach:
        c = get(host, p.args[0])
        if c.running:
            return _attach(host, c, inv, p.flag("interactive"))
        c.attached = True
        mark = c.logs_dropped + len(c.logs)
        try:
            start_container(host, c)
        except DockerError as e:
            raise DockerError(
                f"Error response from daemon: {e.text}\nError: failed to start containers: {p.args[0]}\n", 1, e.hint
            ) from None
        emitted = c.logs[max(0, mark - c.logs_dropped) :]
        out = "".join(e.text + "\n" for e in emitted if e.stream == "stdout" or c.config.get("Tty"))
        err = "".join(e.text + "\n" for e in emitted if e.stream == "stderr" and not c.config.get("Tty"))
        if c.running:
            _hold(host, c, inv, p.flag("interactive"))
            return out, err, 0
        return out, err, c.exit_code
    started: list[str] = []
    errs: list[str] = []
    failed: list[str] = []
    for ref in p.args:
        try:
            c = get(host, ref)
            if not c.up:
                c.attached = False
                start_container(host, c)
            started.append(ref + "\n")
        except DockerError as e:
            text = e.text if e.text.startswith("Error response") else f"Error response from daemon: {e.text}\n"
            errs.append(text if text.endswith("\n") else text + "\n")
            failed.append(ref)
    if errs:
        raise DockerError(
            "".join(errs) + f"Error: failed to start containers: {', '.join(failed)}\n",
            1,
            "no_container",
            stdout="".join(started),
        )
    return "".join(started), "", 0


def _hold(host: Host, c: Container, inv: Caller, interactive: bool) -> None:
    tty, stdin = bool(c.config.get("Tty")), interactive and bool(c.config.get("OpenStdin"))
    kind = {"shell": "shell", "repl": "repl"}.get(c.process, "attach") if stdin else "attach"
    host.attach_terminal(inv.terminal, c, kind, tty=tty, stdin=stdin)


def _attach(host: Host, c: Container, inv: Caller, interactive: bool = True, sig_proxy: bool = True) -> Out:
    if c.state == "restarting":  # docker/cli attach.go inspectContainerAndCheckState
        raise DockerError("You cannot attach to a restarting container, wait until it is running\n", 1, "not_running")
    if not c.running:
        raise DockerError("You cannot attach to a stopped container, start it first\n", 1, "attach_stopped")
    _hold(host, c, inv, interactive)
    host.terminal(inv.terminal).sig_proxy = sig_proxy
    return "", "", 0


@register("attach|container attach", flags="sig-proxy no-stdin")
def cmd_attach(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker attach: stream output, forward Ctrl+C (unless --sig-proxy=false)."""
    c = get(host, p.args[0])
    return _attach(host, c, inv, not p.flag("no-stdin"), p.get("sig-proxy", True) is not False)


@register("stop|container stop", flags="timeout signal")
def cmd_stop(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker stop: SIGTERM then SIGKILL; an already stopped container is fine."""
    sig = _signal_name(p.get("signal")) if p.get("signal") else ""
    out, errs = _each(host, p.args, lambda c, ref: stop(host, c, p.get("timeout"), sig))
    return _frame_multi(host, out, errs, "no_container")


@register("restart|container restart", flags="timeout signal")
def cmd_restart(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker restart: stop then start (detached)."""
    sig = _signal_name(p.get("signal")) if p.get("signal") else ""

    def act(c: Container, ref: str) -> None:
        stop(host, c, p.get("timeout"), sig, "restart")
        c.attached = False
        start_container(host, c)  # a new restart manager: RestartCount counts restart-policy restarts only

    out, errs = _each(host, p.args, act)
    return _frame_multi(host, out, errs, "no_container")


@register("kill|container kill", flags="signal")
def cmd_kill(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker kill [-s SIGNAL]."""
    sig = _signal_name(p.get("signal") or "KILL")

    def act(c: Container, ref: str) -> None:
        if not c.up:
            raise daemon_error(f"cannot kill container: {ref}: container {c.id} is not running", "not_running")
        runtime.deliver_signal(host, c, sig, "kill")

    out, errs = _each(host, p.args, act)
    return _frame_multi(host, out, errs, "not_running")


@register("rm|container rm|container remove", flags="force volumes")
def cmd_rm(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker rm [-f] [-v]."""
    out, errs, code = [], [], 0
    for ref in p.args:
        c = host.container(ref)
        if c is None:
            errs.append(f"Error response from daemon: No such container: {ref}\n")
            code = code if p.flag("force") else 1
            continue
        if c.up and not p.flag("force"):
            errs.append(
                f'Error response from daemon: cannot remove container "{ref}": container is {c.state}: '
                "stop the container before removing or force remove\n"
            )
            code = 1
            continue
        if c.up:
            runtime.deliver_signal(host, c, "SIGKILL", "rm")
        if host.container(c.id):
            host.remove_container(c, volumes=p.flag("volumes"))
        out.append(ref + "\n")
    if errs:
        key = "rm_running" if "stop the container" in "".join(errs) else "no_container"
        e = DockerError("".join(errs), code, key, stdout="".join(out))
        if code == 0:
            return frame_error(host, e)
        raise e
    return "".join(out), "", 0


@register("logs|container logs", flags="follow tail timestamps")
def cmd_logs(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker logs [-f] [--tail N] [-t]: works on stopped containers; -f follows."""
    c = get(host, p.args[0])
    entries = c.logs
    tail = p.get("tail", "all")
    if tail != "all":
        try:
            n = int(tail)
        except ValueError:
            n = -1
        if n >= 0:
            entries = entries[len(entries) - n :] if n else []
    timestamps = p.flag("timestamps")

    def stamp(e: LogEntry) -> str:
        return host.clock.iso(e.time) + " " if timestamps else ""

    out = "".join(stamp(e) + e.text + "\n" for e in entries if e.stream == "stdout" or c.config.get("Tty"))
    err = "".join(stamp(e) + e.text + "\n" for e in entries if e.stream == "stderr" and not c.config.get("Tty"))
    if p.flag("follow") and c.running:
        host.attach_terminal(inv.terminal, c, "logs")
    return out, err, 0


@register("exec|container exec", flags="detach interactive tty workdir env")
def cmd_exec(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker exec [-it] [-d] [-w] [-e]: run a command in a running container."""
    c = get(host, p.args[0])
    if c.state == "restarting":  # moby daemon/exec.go getActiveContainer
        raise daemon_error(f"Container {c.id} is restarting, wait until the container is running", "not_running")
    if not c.running:
        raise daemon_error(f"container {c.id} is not running", "not_running")
    argv = p.args[1:]
    workdir = p.get("workdir") or c.config.get("WorkingDir") or "/"
    fs = runtime.container_fs(host, c)
    exe = resolve_exe(fs, argv[0])
    if exe is None:
        msg = (
            f'OCI runtime exec failed: exec failed: unable to start container process: exec: "{argv[0]}": '
            f"{'stat ' + argv[0] + ': no such file or directory' if '/' in argv[0] else 'executable file not found in $PATH'}: unknown"
        )
        return "", msg + "\n", 127
    prog = posixpath.basename(exe)
    if prog in ("sh", "bash", "ash") and len(argv) == 1:
        if p.flag("interactive") and not p.flag("detach"):
            host.attach_terminal(inv.terminal, c, "exec", tty=p.flag("tty"), stdin=True, cwd=workdir)
        return "", "", 0
    out, err, code = runtime.run_in_container(host, c, argv, workdir, p.get("env", []))
    if p.flag("detach"):
        return "", "", 0
    return out, err, code


@register("rename|container rename")
def cmd_rename(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker rename OLD NEW."""
    c = get(host, p.args[0])
    new = p.args[1].lstrip("/")
    if not NAME_RE.match(new):
        raise daemon_error(
            f"Invalid container name ({new}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", "name_invalid"
        )
    if new == c.name:
        raise daemon_error("Renaming a container with the same name as its current name", "rename")
    other = host.name_taken(new)
    if other:
        raise daemon_error(
            f'Error when allocating new name: Conflict. The container name "/{new}" is already in use by '
            f'container "{other.id}". You have to remove (or rename) that container to be able to reuse that name.',
            "rename",
        )
    host.rename_container(c, new)
    return "", "", 0


@register("container prune", flags="force")
def cmd_container_prune(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker container prune [-f]: removes all stopped containers."""
    warning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] "
    if not p.flag("force"):
        host.ask(inv.terminal, ["container", "prune", "--force"])
        return warning, "", 0
    gone = [c for c in host.containers if not c.up]
    size = sum(c.rw.size for c in gone)
    for c in gone:
        host.remove_container(c)
    body = ("Deleted Containers:\n" + "".join(c.id + "\n" for c in gone) + "\n") if gone else ""
    return body + f"Total reclaimed space: {human_size(size)}\n", "", 0


@register("port|container port")
def cmd_port(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker port CONTAINER [PRIVATE_PORT[/PROTO]]."""
    c = get(host, p.args[0])
    lines = []
    want = p.args[1] if len(p.args) > 1 else ""
    if want and "/" not in want:
        want += "/tcp"
    bindings = sorted(c.ports, key=lambda b: (b.container_port, b.proto)) if c.running else []
    for b in bindings:
        key = f"{b.container_port}/{b.proto}"
        if want and key != want:
            continue
        ips = [b.host_ip] if b.host_ip else ["0.0.0.0", "::"]
        for ip in (f"[{a}]" if ":" in a else a for a in ips):  # net.JoinHostPort brackets IPv6
            lines.append((f"{key} -> " if not want else "") + f"{ip}:{b.host_port}")
    if want and not lines:
        raise DockerError(f"Error: No public port '{want}' published for {p.args[0]}\n", 1, "port_spec")
    return "".join(line + "\n" for line in lines), "", 0


@register("diff|container diff")
def cmd_diff(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker diff: A/C/D changes in the read-write layer."""
    c = get(host, p.args[0])
    image = host.image_by_id(c.image_id)
    layered = LayeredFS(image.files if image else {}, image.dirs if image else {"/"}, c.rw, c.deleted)
    mounts = [m.destination for m in c.mounts]
    lines = [
        f"{k} {path}" for k, path in layered.diff() if not any(path == m or path.startswith(m + "/") for m in mounts)
    ]
    return "".join(line + "\n" for line in lines), "", 0


def _tar_size(fs: FS, root: str) -> int:
    """Bytes of the tar stream docker cp sends: 512-byte headers, data padded to 512, 1 KiB trailer."""
    dirs = walk_dirs(fs, root)
    files = walk_files(fs, root)
    return 512 * len(dirs) + sum(512 + -(-len(t.encode()) // 512) * 512 for t in files.values()) + 1024


@register("cp|container cp", flags="archive quiet")
def cmd_cp(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker cp CONTAINER:SRC DEST | SRC CONTAINER:DEST (container paths are relative to /)."""
    src, dst = p.args
    remote = [":" in x and not x.startswith(("/", ".")) for x in (src, dst)]
    if all(remote):
        raise DockerError("copying between containers is not supported\n", 1, "cp")
    if not any(remote):
        raise DockerError("must specify at least one container source\n", 1, "cp")
    ref, _, path = (src if remote[0] else dst).partition(":")
    c = get(host, ref)
    cfs: FS = runtime.container_fs(host, c)
    cpath = norm(path or "/", "/")
    if remote[0]:
        from_fs: FS
        to_fs: FS
        from_fs, source, to_fs, local = cfs, cpath, host.fs, norm(dst, inv.cwd)
        if cfs.kind(source) is None:
            raise daemon_error(f"Could not find the file {path} in container {ref}", "cp")
        target = local
        if host.fs.kind(local) == "dir":
            target = norm(posixpath.basename(source), local)
        elif host.fs.kind(norm("..", local)) != "dir":
            raise DockerError(f"invalid output path: directory {norm('..', local)} does not exist\n", 1, "cp")
        shown = local + (
            "/." if dst == "." or dst.endswith("/.") else "/" if dst.endswith("/") and local != "/" else ""
        )
    else:
        from_fs, source, to_fs = host.fs, norm(src, inv.cwd), cfs
        if host.fs.kind(source) is None:
            raise DockerError(f"lstat {source}: no such file or directory\n", 1, "cp")
        target = norm(posixpath.basename(source), cpath) if cfs.kind(cpath) == "dir" else cpath
        if cfs.kind(norm("..", target)) != "dir":
            raise daemon_error(f"Could not find the file {norm('..', target)} in container {ref}", "cp")
        shown = f"{ref}:{path}"
    try:
        copy_tree(from_fs, source, to_fs, target)
    except FsError as e:
        if e.code == "ENOSPC":
            note = N_("cp failed: No space left on device (this simulated host keeps at most 1 MiB of files).")
            raise sim_error(note, 1, "limit") from None
        raise sim_error(N_("cp failed: %(error)s", error=str(e) if e.path else e.message), 1, "cp") from None
    if p.flag("quiet"):
        return "", "", 0
    return "", f"Successfully copied {human_size(_tar_size(from_fs, source))} to {shown}\n", 0
