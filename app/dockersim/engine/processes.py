"""Process models: what programs inside containers print, serve, and do on signals."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.dockersim.core.format import access_time, log_time
from app.dockersim.core.fs import FS, FsError, norm
from app.dockersim.engine.registry import HELLO
from app.dockersim.shell.interp import resolve_exe

SIGNALS = {"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGKILL": 9, "SIGUSR1": 10, "SIGTERM": 15, "SIGWINCH": 28}
ONE_SHOT = {
    "echo",
    "ls",
    "cat",
    "true",
    "false",
    "pwd",
    "env",
    "hostname",
    "mkdir",
    "touch",
    "rm",
    "cp",
    "mv",
    "whoami",
}
SHELLS = {"sh", "bash", "ash"}
NODE_VERSION = "v24.1.0"


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP answer from a process model."""

    status: int
    headers: dict[str, str]
    body: str


class ExecError(Exception):
    """The container's command cannot be started (OCI runtime error)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class Ctx(Protocol):
    """What a process model may use: the container's files, time, log output and a shell."""

    fs: FS
    now: float
    proc: dict[str, Any]
    workdir: str

    def emit(self, stream: str, text: str) -> None: ...
    def shell(self, argv: list[str]) -> tuple[str, str, int]: ...


def _lines(text: str) -> list[str]:
    return text.splitlines()


@dataclass
class Selection:
    """Which model runs a container command, with its initial state."""

    model: str
    state: dict[str, Any] = field(default_factory=dict)


def select(argv: list[str], fs: FS, workdir: str, stdin_open: bool) -> Selection:
    """Pick the process model for an argv, as the runtime would exec it."""
    if not argv:
        raise ExecError("no command specified", 125)
    argv = list(argv)
    while argv and posixpath.basename(argv[0]) in ("docker-entrypoint.sh",):
        argv = argv[1:]
        # the official entrypoints prepend their program for flags (redis) or non-commands (node)
        if argv and argv[0].startswith("-") and resolve_exe(fs, "redis-server"):
            argv = ["redis-server"] + argv
        elif argv and (argv[0].startswith("-") or resolve_exe(fs, argv[0]) is None) and resolve_exe(fs, "node"):
            argv = ["node"] + argv
    if argv and argv[0] == "/docker-entrypoint.sh":
        argv = argv[1:]
    if not argv:
        return Selection("exit", {"code": 0})
    exe = resolve_exe(fs, argv[0])
    if exe is None:
        if "/" in argv[0]:
            raise ExecError(f'exec: "{argv[0]}": stat {argv[0]}: no such file or directory', 127)
        raise ExecError(f'exec: "{argv[0]}": executable file not found in $PATH', 127)
    prog = posixpath.basename(exe)
    args = argv[1:]
    if prog == "hello":
        return Selection("hello")
    if prog == "nginx":
        return Selection("nginx")
    if prog == "httpd-foreground":
        return Selection("httpd")
    if prog == "redis-server":
        return Selection("redis")
    if prog == "node":
        if args[:1] in (["-v"], ["--version"]):
            return Selection("oneshot", {"argv": ["sh", "-c", "echo v$NODE_VERSION"]})
        if args[:1] in (["-e"], ["--eval"]):
            return Selection("nodeeval", {"code": args[1] if len(args) > 1 else ""})
        if not args:
            return Selection("repl" if stdin_open else "exit", {"prompt": "> ", "code": 0, "lang": "node"})
        return Selection("node", {"script": norm(args[0], workdir or "/")})
    if prog in ("python", "python3"):
        if args:  # scripts and -c are not interpreted: say so rather than exit silently
            return Selection("unmodelled", {"prog": prog})
        return Selection("repl" if stdin_open else "exit", {"prompt": ">>> ", "code": 0, "lang": "python"})
    if prog in SHELLS:
        if args[:1] == ["-c"] and len(args) > 1:
            return Selection("oneshot", {"argv": [prog, "-c", args[1]]})
        return Selection("shell" if stdin_open else "exit", {"shell": prog, "code": 0})
    if prog == "sleep":
        return Selection("sleep", {"seconds": _duration(args[0] if args else "0")})
    if prog in ONE_SHOT:
        return Selection("oneshot", {"argv": [prog] + args})
    return Selection("unmodelled", {"prog": prog})


def _duration(text: str) -> float:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smhd]?)", text)
    if text in ("inf", "infinity"):
        return float(10**9)
    if not m:
        return 0.0
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


class Model:
    """Base process model: exits at once, ignores signals as PID 1 does, serves nothing."""

    interactive = False

    def start(self, ctx: Ctx) -> int | None:
        """Run start-up; an int means the process already exited with that code."""
        return int(ctx.proc.get("code", 0))

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """Deliver a signal; an int means the process exited with that code."""
        return 137 if sig == "SIGKILL" else None

    def ports(self, ctx: Ctx) -> set[int]:
        """Container ports the process listens on."""
        return set()

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """Answer one HTTP request."""
        return HttpResponse(404, {}, "")


class Hello(Model):
    """hello-world: prints its message and exits 0."""

    def start(self, ctx: Ctx) -> int | None:
        """Print the greeting."""
        for line in _lines(HELLO):
            ctx.emit("stdout", line)
        return 0


class OneShot(Model):
    """echo/ls/cat/true/false or `sh -c '...'`: output to logs, then exit."""

    def start(self, ctx: Ctx) -> int | None:
        """Run through the container shell."""
        out, err, code = ctx.shell(ctx.proc["argv"])
        for line in _lines(out):
            ctx.emit("stdout", line)
        for line in _lines(err):
            ctx.emit("stderr", line)
        return code


UNMODELLED_EXIT = 126  # as the container shell answers for the same programs


class Unmodelled(Model):
    """A program that exists in the image but is not modelled: says so plainly and exits non-zero."""

    def start(self, ctx: Ctx) -> int | None:
        """Explain, then exit."""
        ctx.emit(
            "stderr",
            f"docker-dojo: '{ctx.proc['prog']}' exists in this image, but the simulator does not model "
            f"this program; it exits at once with code {UNMODELLED_EXIT}",
        )
        return UNMODELLED_EXIT


class NodeEval(Model):
    """`node -e CODE`: prints the string literals passed to console.log, then exits 0."""

    def start(self, ctx: Ctx) -> int | None:
        """Print console.log literals."""
        for text in re.findall(r"console\.log\((['\"])(.*?)\1\)", ctx.proc.get("code", "")):
            ctx.emit("stdout", text[1])
        return 0


class Sleep(Model):
    """sleep N: runs until the simulated clock passes its deadline."""

    def start(self, ctx: Ctx) -> int | None:
        """Set the deadline."""
        ctx.proc["deadline"] = ctx.now + float(ctx.proc.get("seconds", 0))
        return None


class Shell(Model):
    """An interactive sh/bash as the main process (docker run -it alpine)."""

    interactive = True

    def start(self, ctx: Ctx) -> int | None:
        """Wait for input."""
        return None


class Repl(Model):
    """node/python read-eval-print loop: only exit is modelled."""

    interactive = True

    def start(self, ctx: Ctx) -> int | None:
        """Print the banner."""
        if ctx.proc.get("lang") == "node":
            ctx.emit("stdout", f"Welcome to Node.js {NODE_VERSION}.")
            ctx.emit("stdout", 'Type ".help" for more information.')
        else:
            ctx.emit("stdout", "Python 3.13.3 (main) [GCC 12.2.0] on linux")
            ctx.emit("stdout", 'Type "help", "copyright", "credits" or "license" for more information.')
        return None


class Nginx(Model):
    """nginx with the official image's entrypoint and log lines."""

    def start(self, ctx: Ctx) -> int | None:
        """Entry point messages and worker start-up."""
        for line in (
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ):
            ctx.emit("stdout", line)
        t = log_time(ctx.now)
        for msg in (
            'using the "epoll" event method',
            "nginx/1.27.5",
            "built by gcc 12.2.0 (Debian 12.2.0-14) ",
            "OS: Linux 6.10.14-linuxkit",
            "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
            "start worker processes",
            "start worker process 29",
        ):
            ctx.emit("stderr", f"{t} [notice] 1#1: {msg}")
        return None

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """INT/TERM: fast shutdown; QUIT: graceful; both exit 0."""
        if sig == "SIGKILL":
            return 137
        if sig not in ("SIGINT", "SIGTERM", "SIGQUIT"):
            return None
        t = log_time(ctx.now)
        what = "shutting down" if sig == "SIGQUIT" else "exiting"
        lines = [f"1#1: signal {SIGNALS[sig]} ({sig}) received, {what}"]
        if sig == "SIGQUIT":
            lines += ["29#29: gracefully shutting down"]
        lines += [
            "29#29: exiting",
            "29#29: exit",
            "1#1: signal 17 (SIGCHLD) received from 29",
            "1#1: worker process 29 exited with code 0",
            "1#1: exit",
        ]
        for line in lines:
            ctx.emit("stderr", f"{t} [notice] {line}")
        return 0

    def ports(self, ctx: Ctx) -> set[int]:
        """nginx listens on 80."""
        return {80}

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """Serve /usr/share/nginx/html; log the access line."""
        url = urllib.parse.urlsplit(path).path or "/"
        target = norm(urllib.parse.unquote(url).lstrip("/"), "/usr/share/nginx/html")
        if not target.startswith("/usr/share/nginx/html"):
            target = "/usr/share/nginx/html"
        if ctx.fs.kind(target) == "dir":
            target = norm("index.html", target)
        status, text, ctype = 200, "", "text/html"
        try:
            text = ctx.fs.read(target)
            ctype = _mime(target)
        except FsError:
            status, text = 404, _nginx_error(404, "Not Found")
        if method not in ("GET", "HEAD") and status == 200:
            status, text = 405, _nginx_error(405, "Not Allowed")
        size = len(text.encode())
        ctx.emit(
            "stdout",
            f'172.17.0.1 - - [{access_time(ctx.now)}] "{method} {path} HTTP/1.1" {status} {size} "-" "curl/8.5.0" "-"',
        )
        headers = {
            "Server": "nginx/1.27.5",
            "Content-Type": ctype,
            "Content-Length": str(size),
            "Connection": "keep-alive",
        }
        return HttpResponse(status, headers, "" if method == "HEAD" else text)


def _nginx_error(code: int, reason: str) -> str:
    return (
        f"<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n"
        "<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n"
    )


def _mime(path: str) -> str:
    ext = posixpath.splitext(path)[1]
    return {
        ".html": "text/html",
        ".css": "text/css",
        ".js": "application/javascript",
        ".txt": "text/plain",
        ".json": "application/json",
    }.get(ext, "application/octet-stream")


class Httpd(Model):
    """Apache httpd serving /usr/local/apache2/htdocs."""

    def start(self, ctx: Ctx) -> int | None:
        """Start-up notices."""
        ctx.emit(
            "stderr",
            "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, "
            "using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message",
        )
        ctx.emit(
            "stderr",
            "[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations",
        )
        return None

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """WINCH/TERM/INT stop httpd cleanly."""
        if sig == "SIGKILL":
            return 137
        if sig in ("SIGWINCH", "SIGTERM", "SIGINT"):
            ctx.emit(
                "stderr",
                "[mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully"
                if sig == "SIGWINCH"
                else "[mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down",
            )
            return 0
        return None

    def ports(self, ctx: Ctx) -> set[int]:
        """httpd listens on 80."""
        return {80}

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """Serve htdocs."""
        target = norm(urllib.parse.urlsplit(path).path.lstrip("/"), "/usr/local/apache2/htdocs")
        if ctx.fs.kind(target) == "dir":
            target = norm("index.html", target)
        try:
            text, status = ctx.fs.read(target), 200
        except FsError:
            text, status = (
                '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
                404,
            )
        ctx.emit(
            "stdout",
            f'172.17.0.1 - - [{access_time(ctx.now)}] "{method} {path} HTTP/1.1" {status} {len(text.encode())}',
        )
        return HttpResponse(status, {"Server": "Apache/2.4.63 (Unix)", "Content-Type": "text/html"}, text)


class Redis(Model):
    """redis-server: start-up banner; exits cleanly on TERM/INT."""

    def start(self, ctx: Ctx) -> int | None:
        """Banner lines."""
        t = log_time(ctx.now).replace("/", " ")
        for line in (
            "1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
            "1:C * Redis version=8.0.2, bits=64, commit=00000000, modified=1, pid=1, just started",
            "1:M * Running mode=standalone, port=6379.",
            "1:M * Server initialized",
            "1:M * Ready to accept connections tcp",
        ):
            ctx.emit("stdout", f"{line[:4]}{t} {line[4:]}")
        return None

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """TERM/INT: save and exit 0."""
        if sig == "SIGKILL":
            return 137
        if sig in ("SIGTERM", "SIGINT"):
            ctx.emit("stdout", f"1:signal-handler Received {sig}, scheduling shutdown...")
            ctx.emit("stdout", "1:M * Redis is now ready to exit, bye bye...")
            return 0
        return None

    def ports(self, ctx: Ctx) -> set[int]:
        """redis listens on 6379 (not HTTP)."""
        return {6379}

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """Redis does not speak HTTP."""
        return HttpResponse(0, {}, "")


class NodeApp(Model):
    """`node server.js`: reads the script to learn its port, messages and signal handling."""

    def start(self, ctx: Ctx) -> int | None:
        """Load the script (and its modules) or fail like node does."""
        script = ctx.proc["script"]
        try:
            source = ctx.fs.read(script)
        except FsError:
            self._crash(ctx, f"Error: Cannot find module '{script}'", "Module._resolveFilename")
            return 1
        base = posixpath.dirname(script)
        for mod in re.findall(r"require\(['\"]([^'\"./][^'\"]*)['\"]\)", source):
            if mod in ("fs", "path", "http", "os", "url", "util", "events", "child_process", "crypto"):
                continue
            if ctx.fs.kind(f"{base}/node_modules/{mod}") != "dir":
                self._crash(
                    ctx,
                    f"Error: Cannot find module '{mod}'\nRequire stack:\n- {script}",
                    "Module._resolveFilename",
                    script,
                )
                return 1
        ctx.proc["dir"] = base
        m = re.search(r"\.listen\((\d+)", source)
        ctx.proc["port"] = int(m.group(1)) if m else 0
        ctx.proc["sigint"] = "process.on('SIGINT'" in source or 'process.on("SIGINT"' in source
        ctx.proc["sigterm"] = "process.on('SIGTERM'" in source or 'process.on("SIGTERM"' in source
        if not m:
            for text in re.findall(r"console\.log\('([^']*)'\)", source):
                ctx.emit("stdout", text)
            return 0
        listen = source[m.start() :]
        msg = re.search(r"console\.log\(['\"]([^'\"]*)['\"]", listen)
        if msg:
            ctx.emit("stdout", msg.group(1))
        return None

    def _crash(self, ctx: Ctx, message: str, where: str, requirer: str = "") -> None:
        stack = f"[ '{requirer}' ]" if requirer else "[]"
        for line in (
            "node:internal/modules/cjs/loader:1413",
            "  throw err;",
            "  ^",
            "",
            *message.split("\n"),
            f"    at {where} (node:internal/modules/cjs/loader:1410:15)",
            "    at Module._load (node:internal/modules/cjs/loader:1127:27)",
            "    at node:internal/main/run_main_module:36:49 {",
            "  code: 'MODULE_NOT_FOUND',",
            f"  requireStack: {stack}",
            "}",
            "",
            f"Node.js {NODE_VERSION}",
        ):
            ctx.emit("stderr", line)

    def signal(self, ctx: Ctx, sig: str) -> int | None:
        """Handled SIGINT/SIGTERM exit 0; unhandled ones are ignored by PID 1."""
        if sig == "SIGKILL":
            return 137
        if (sig == "SIGINT" and ctx.proc.get("sigint")) or (sig == "SIGTERM" and ctx.proc.get("sigterm")):
            ctx.emit("stdout", f"Received {sig}, shutting down")
            return 0
        return None

    def ports(self, ctx: Ctx) -> set[int]:
        """The port given to app.listen()."""
        return {int(ctx.proc.get("port", 0))} - {0}

    def http(self, ctx: Ctx, method: str, path: str, body: str) -> HttpResponse:
        """The feedback app's routes: /, /exists, static public/ and feedback/, POST /create."""
        base = ctx.proc.get("dir", "/app")
        url = urllib.parse.urlsplit(path).path or "/"
        html = {"X-Powered-By": "Express", "Content-Type": "text/html; charset=UTF-8"}
        if method == "GET" and url in ("/", "/exists"):
            page = f"{base}/pages/{'feedback' if url == '/' else 'exists'}.html"
            try:
                return HttpResponse(200, html, ctx.fs.read(page))
            except FsError:
                ctx.emit("stderr", f"Error: ENOENT: no such file or directory, stat '{page}'")
                return HttpResponse(404, html, f"<pre>Error: ENOENT: no such file or directory, stat '{page}'</pre>\n")
        if method == "POST" and url == "/create":
            return self._create(ctx, base, body)
        if method in ("GET", "HEAD"):
            rel = urllib.parse.unquote(url).lstrip("/")
            for root, sub in (
                ("feedback", rel[len("feedback/") :] if rel.startswith("feedback/") else None),
                ("public", rel),
            ):
                if sub is None:
                    continue
                target = norm(sub, f"{base}/{root}")
                if target.startswith(f"{base}/{root}/") and ctx.fs.kind(target) == "file":
                    return HttpResponse(
                        200,
                        {"X-Powered-By": "Express", "Content-Type": _mime(target) + "; charset=UTF-8"},
                        ctx.fs.read(target),
                    )
        page = f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot {method} {url}</pre>\n</body>\n</html>\n'
        return HttpResponse(404, html, page)

    def _create(self, ctx: Ctx, base: str, body: str) -> HttpResponse:
        form = urllib.parse.parse_qs(body, keep_blank_values=True)
        title = (form.get("title") or [""])[0].lower()
        text = (form.get("text") or [""])[0]
        temp, final = f"{base}/temp/{title}.txt", f"{base}/feedback/{title}.txt"
        try:
            ctx.fs.write(temp, text)
            if ctx.fs.kind(final) == "file":
                return HttpResponse(
                    302, {"X-Powered-By": "Express", "Location": "/exists"}, "Found. Redirecting to /exists"
                )
            ctx.fs.write(final, text)
            ctx.fs.remove(temp)
        except FsError as e:
            ctx.emit("stderr", f"Error: {e.code}: {e.message.lower()}, open '{e.path}'")
            return HttpResponse(500, {"X-Powered-By": "Express"}, "Internal Server Error")
        ctx.emit("stdout", f"Feedback saved: {title}")
        return HttpResponse(302, {"X-Powered-By": "Express", "Location": "/"}, "Found. Redirecting to /")


MODELS: dict[str, Model] = {
    "exit": Model(),
    "hello": Hello(),
    "oneshot": OneShot(),
    "nodeeval": NodeEval(),
    "unmodelled": Unmodelled(),
    "sleep": Sleep(),
    "shell": Shell(),
    "repl": Repl(),
    "nginx": Nginx(),
    "httpd": Httpd(),
    "redis": Redis(),
    "node": NodeApp(),
}


def model(name: str) -> Model:
    """Look up a process model by name."""
    try:
        return MODELS[name]
    except KeyError:
        raise KeyError(f"unknown process model {name!r}; known: {sorted(MODELS)}") from None
