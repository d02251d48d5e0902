"""Process models of the web and data servers: nginx, httpd (Apache) and redis."""

from __future__ import annotations

import urllib.parse

from app.dockersim.core.format import access_time, log_time
from app.dockersim.core.fs import FsError, norm
from app.dockersim.engine.process_base import SIGNALS, Ctx, HttpResponse, Model, mime_type


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
            ctype = mime_type(target)
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
