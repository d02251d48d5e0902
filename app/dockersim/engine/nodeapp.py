"""The process model of `node server.js`: the course's Express app, read from its script."""

from __future__ import annotations

import posixpath
import re
import urllib.parse

from app.dockersim.core.fs import FsError, norm
from app.dockersim.engine.process_base import NODE_VERSION, Ctx, HttpResponse, Model, mime_type


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
                        {"X-Powered-By": "Express", "Content-Type": mime_type(target) + "; charset=UTF-8"},
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
