"""HTTP delivery: compressed HTML and JSON, and static files cached for a year under hashed URLs.

Every `url_for('static', filename=...)` gets `?v=<hash of the file>` (a URL default, so no
template changes); a request carrying the file's current hash is answered with
`Cache-Control: public, max-age=31536000, immutable`. A changed file gets a new URL.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from flask import Flask, current_app, request
from flask_compress import Compress
from werkzeug.security import safe_join
from werkzeug.wrappers import Response

compress = Compress()
IMMUTABLE = "public, max-age=31536000, immutable"
_hashes: dict[str, tuple[float, str]] = {}


def file_hash(filename: str) -> str | None:
    """A short content hash of a static file (cached per modification time); None if missing."""
    folder = current_app.static_folder
    path = safe_join(folder, filename) if folder else None
    if path is None:
        return None
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    cached = _hashes.get(path)
    if cached is None or cached[0] != mtime:
        with open(path, "rb") as handle:
            cached = (mtime, hashlib.sha256(handle.read()).hexdigest()[:12])
        _hashes[path] = cached
    return cached[1]


def _version_static_urls(endpoint: str | None, values: dict[str, Any]) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        digest = file_hash(values["filename"])
        if digest:
            values["v"] = digest


def _cache_hashed(response: Response) -> Response:
    if request.endpoint == "static" and response.status_code == 200:
        version = request.args.get("v")
        if version and version == file_hash(request.view_args.get("filename", "") if request.view_args else ""):
            response.cache_control.no_cache = None
            response.headers["Cache-Control"] = IMMUTABLE
    return response


def init_app(app: Flask) -> None:
    """Compression (brotli or gzip) for HTML and JSON; hashed, long-cached static URLs."""
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/html", "application/json", "text/css", "text/javascript"])
    compress.init_app(app)
    app.url_defaults(_version_static_urls)
    app.after_request(_cache_hashed)
