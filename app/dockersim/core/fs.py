"""In-memory POSIX-ish file trees: host fs, image layers, read-write layers, mounts."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any, Protocol

MESSAGES = {
    "ENOENT": "No such file or directory",
    "EISDIR": "Is a directory",
    "ENOTDIR": "Not a directory",
    "EEXIST": "File exists",
    "ENOTEMPTY": "Directory not empty",
    "EROFS": "Read-only file system",
    "ENOSPC": "No space left on device",
}


class FsError(Exception):
    """A failed file operation: errno name plus the path."""

    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"{path}: {MESSAGES[code]}")
        self.code = code
        self.path = path
        self.message = MESSAGES[code]


def norm(path: str, cwd: str = "/") -> str:
    """Absolute normalised path (no trailing slash, '//' collapsed)."""
    joined = posixpath.join(cwd, path) if not path.startswith("/") else path
    result = posixpath.normpath(joined)
    return "/" + result.lstrip("/") if result != "/" else "/"


def parent(path: str) -> str:
    """Parent directory of an absolute path."""
    return posixpath.dirname(path) or "/"


def ancestors(path: str) -> list[str]:
    """All proper ancestors of an absolute path, root first."""
    out: list[str] = []
    p = parent(path)
    while p != "/":
        out.append(p)
        p = parent(p)
    out.append("/")
    return out[::-1] if path != "/" else []


class FS(Protocol):
    """The operations the shell and commands need from any file system view."""

    def kind(self, path: str) -> str | None: ...
    def read(self, path: str) -> str: ...
    def write(self, path: str, text: str, append: bool = False) -> None: ...
    def mkdir(self, path: str) -> None: ...
    def remove(self, path: str) -> None: ...
    def listdir(self, path: str) -> list[str]: ...


class FileTree:
    """A mutable tree: files maps absolute path -> text, dirs holds directory paths."""

    def __init__(self, files: dict[str, str] | None = None, dirs: Iterable[str] | None = None) -> None:
        self.files: dict[str, str] = dict(files or {})
        self.dirs: set[str] = {"/"}
        for d in list(dirs or ()) + [parent(f) for f in self.files]:
            while d not in self.dirs:  # add d and its ancestors, stopping at the first known one
                self.dirs.add(d)
                d = parent(d)
        self.size = sum(len(t.encode()) for t in self.files.values())
        self.limiter: Callable[[int], None] | None = None

    def kind(self, path: str) -> str | None:
        """'file', 'dir' or None."""
        if path in self.files:
            return "file"
        return "dir" if path in self.dirs else None

    def read(self, path: str) -> str:
        """File text or FsError."""
        if path in self.files:
            return self.files[path]
        raise FsError("EISDIR" if path in self.dirs else "ENOENT", path)

    def write(self, path: str, text: str, append: bool = False) -> None:
        """Create or overwrite (or append to) a file whose parent exists."""
        if path in self.dirs:
            raise FsError("EISDIR", path)
        par = parent(path)
        if par not in self.dirs:
            raise FsError("ENOTDIR" if par in self.files else "ENOENT", path)
        old = self.files.get(path, "")
        new = old + text if append else text
        delta = len(new.encode()) - len(old.encode())
        if self.limiter is not None and delta > 0:
            self.limiter(delta)
        self.files[path] = new
        self.size += delta

    def mkdir(self, path: str) -> None:
        """Create one directory whose parent exists."""
        if path in self.dirs or path in self.files:
            raise FsError("EEXIST", path)
        if parent(path) not in self.dirs:
            raise FsError("ENOTDIR" if parent(path) in self.files else "ENOENT", path)
        self.dirs.add(path)

    def makedirs(self, path: str) -> None:
        """mkdir -p."""
        for p in ancestors(path) + [path]:
            if p in self.files:
                raise FsError("ENOTDIR", p)
            self.dirs.add(p)

    def remove(self, path: str) -> None:
        """Remove a file or an empty directory."""
        if path in self.files:
            self.size -= len(self.files.pop(path).encode())
            return
        if path not in self.dirs or path == "/":
            raise FsError("ENOENT", path)
        if self.listdir(path):
            raise FsError("ENOTEMPTY", path)
        self.dirs.discard(path)

    def listdir(self, path: str) -> list[str]:
        """Sorted child names of a directory."""
        if path in self.files:
            raise FsError("ENOTDIR", path)
        if path not in self.dirs:
            raise FsError("ENOENT", path)
        prefix = path.rstrip("/") + "/"
        names = {p[len(prefix) :].split("/", 1)[0] for p in self.files if p.startswith(prefix)}
        names |= {p[len(prefix) :].split("/", 1)[0] for p in self.dirs if p.startswith(prefix) and p != path}
        return sorted(names)

    def subtree(self, root: str) -> tuple[dict[str, str], set[str]]:
        """Files and dirs under root, re-rooted at '/'."""
        root = root.rstrip("/")
        files = {"/" + p[len(root) + 1 :]: t for p, t in self.files.items() if p.startswith(root + "/")}
        dirs = {"/" + d[len(root) + 1 :] for d in self.dirs if d.startswith(root + "/")} | {"/"}
        return files, dirs

    def clear(self) -> None:
        """Remove everything."""
        self.files.clear()
        self.dirs = {"/"}
        self.size = 0

    def to_json(self) -> dict[str, object]:
        """Stable JSON form."""
        return {"dirs": sorted(self.dirs), "files": {k: self.files[k] for k in sorted(self.files)}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileTree:
        """Inverse of to_json."""
        return cls(data["files"], data["dirs"])


def walk_files(fs: FS, root: str) -> dict[str, str]:
    """All files below root (or root itself if it is a file), by absolute path."""
    out: dict[str, str] = {}
    k = fs.kind(root)
    if k == "file":
        out[root] = fs.read(root)
        return out
    if k != "dir":
        return out
    stack = [root]
    while stack:
        d = stack.pop()
        for name in fs.listdir(d):
            p = norm(name, d)
            if fs.kind(p) == "dir":
                stack.append(p)
            else:
                out[p] = fs.read(p)
    return out


def walk_dirs(fs: FS, root: str) -> list[str]:
    """All directories at or below root."""
    out: list[str] = []
    stack = [root] if fs.kind(root) == "dir" else []
    while stack:
        d = stack.pop()
        out.append(d)
        stack.extend(norm(n, d) for n in fs.listdir(d) if fs.kind(norm(n, d)) == "dir")
    return sorted(out)
