"""Composed file systems of a container: the image under a read-write layer (LayeredFS), a folder of another
FS (SubFS, for volumes and binds), and mounts laid over a root (MountedFS)."""

from __future__ import annotations

from app.dockersim.core.fs import FS, FileTree, FsError, ancestors, parent


class LayeredFS:
    """A container root: read-only image files under a read-write layer with whiteouts."""

    def __init__(
        self,
        lower_files: dict[str, str],
        lower_dirs: set[str],
        upper: FileTree,
        deleted: set[str],
        read_only: bool = False,
    ) -> None:
        self.lower_files = lower_files
        self.lower_dirs = lower_dirs
        self.upper = upper
        self.deleted = deleted
        self.read_only = read_only  # --read-only: the root refuses writes (EROFS); mounts stay writable

    def _guard(self, path: str) -> None:
        if self.read_only:
            raise FsError("EROFS", path)

    def _hidden(self, path: str) -> bool:
        if not self.deleted:
            return False
        if path in self.deleted:
            return True
        return any(a in self.deleted for a in ancestors(path))

    def _lower_kind(self, path: str) -> str | None:
        if self._hidden(path):
            return None
        if path in self.lower_files:
            return "file"
        return "dir" if path in self.lower_dirs else None

    def kind(self, path: str) -> str | None:
        """'file', 'dir' or None."""
        return self.upper.kind(path) or self._lower_kind(path)

    def read(self, path: str) -> str:
        """File text or FsError."""
        k = self.kind(path)
        if k == "file":
            return self.upper.files[path] if path in self.upper.files else self.lower_files[path]
        raise FsError("EISDIR" if k == "dir" else "ENOENT", path)

    def _copy_up_dirs(self, path: str) -> None:
        for a in ancestors(path):
            if a not in self.upper.dirs:
                self.upper.dirs.add(a)

    def write(self, path: str, text: str, append: bool = False) -> None:
        """Write into the read-write layer (copy-up on append)."""
        self._guard(path)
        k = self.kind(path)
        if k == "dir":
            raise FsError("EISDIR", path)
        pk = self.kind(parent(path))
        if pk != "dir":
            raise FsError("ENOTDIR" if pk == "file" else "ENOENT", path)
        if append and k == "file" and path not in self.upper.files:
            text = self.lower_files[path] + text
            append = False
        self._copy_up_dirs(path)
        self.upper.write(path, text, append)

    def mkdir(self, path: str) -> None:
        """Create a directory in the read-write layer."""
        self._guard(path)
        if self.kind(path) is not None:
            raise FsError("EEXIST", path)
        if self.kind(parent(path)) != "dir":
            raise FsError("ENOENT", path)
        self._copy_up_dirs(path)
        self.upper.dirs.add(path)

    def remove(self, path: str) -> None:
        """Remove a file or empty dir; lower entries get a whiteout."""
        self._guard(path)
        k = self.kind(path)
        if k is None or path == "/":
            raise FsError("ENOENT", path)
        if k == "dir" and self.listdir(path):
            raise FsError("ENOTEMPTY", path)
        if path in self.upper.files:
            self.upper.remove(path)
        elif path in self.upper.dirs:
            self.upper.dirs.discard(path)
        if self._lower_kind(path) is not None:
            self.deleted.add(path)

    def listdir(self, path: str) -> list[str]:
        """Children from both layers, minus whiteouts."""
        k = self.kind(path)
        if k != "dir":
            raise FsError("ENOTDIR" if k == "file" else "ENOENT", path)
        names = set(self.upper.listdir(path)) if path in self.upper.dirs else set()
        if self._lower_kind(path) == "dir":
            prefix = path.rstrip("/") + "/"
            for p in list(self.lower_files) + list(self.lower_dirs):
                if p.startswith(prefix) and p != path:
                    child = prefix + p[len(prefix) :].split("/", 1)[0]
                    if not self._hidden(child):
                        names.add(child[len(prefix) :])
        return sorted(names)

    def diff(self) -> list[tuple[str, str]]:
        """`docker diff` entries (kind letter, path), sorted by path."""
        changes: dict[str, str] = {}
        for p in list(self.upper.files) + [d for d in self.upper.dirs if d != "/"]:
            in_lower = p in self.lower_files or p in self.lower_dirs
            changes[p] = "C" if in_lower else "A"
            for a in ancestors(p):
                if a != "/" and a not in changes:
                    changes[a] = "C" if (a in self.lower_dirs) else "A"
        for d in self.deleted:
            if d not in changes:
                changes[d] = "D"
            for a in ancestors(d):
                if a != "/" and a not in changes:
                    changes[a] = "C"
        return [(changes[p], p) for p in sorted(changes)]


class SubFS:
    """A view of another tree rooted at a prefix (bind mounts, volumes)."""

    def __init__(self, tree: FileTree, root: str, read_only: bool = False) -> None:
        self.tree = tree
        self.root = root.rstrip("/")
        self.read_only = read_only

    def _map(self, path: str) -> str:
        return (self.root + path) if path != "/" else (self.root or "/")

    def kind(self, path: str) -> str | None:
        """'file', 'dir' or None."""
        return self.tree.kind(self._map(path))

    def read(self, path: str) -> str:
        """File text or FsError."""
        try:
            return self.tree.read(self._map(path))
        except FsError as e:
            raise FsError(e.code, path) from None

    def _guard(self, path: str) -> str:
        if self.read_only:
            raise FsError("EROFS", path)
        return self._map(path)

    def write(self, path: str, text: str, append: bool = False) -> None:
        """Write through to the backing tree."""
        try:
            self.tree.write(self._guard(path), text, append)
        except FsError as e:
            raise FsError(e.code, path) from None

    def mkdir(self, path: str) -> None:
        """mkdir in the backing tree."""
        try:
            self.tree.mkdir(self._guard(path))
        except FsError as e:
            raise FsError(e.code, path) from None

    def remove(self, path: str) -> None:
        """Remove from the backing tree."""
        try:
            self.tree.remove(self._guard(path))
        except FsError as e:
            raise FsError(e.code, path) from None

    def listdir(self, path: str) -> list[str]:
        """Children in the backing tree."""
        try:
            return self.tree.listdir(self._map(path))
        except FsError as e:
            raise FsError(e.code, path) from None


class MountedFS:
    """A container's merged view: root layers plus mounts at their destinations."""

    def __init__(self, root: FS, mounts: list[tuple[str, FS]]) -> None:
        self.root = root
        self.mounts = sorted(mounts, key=lambda m: -len(m[0]))

    def _route(self, path: str) -> tuple[FS, str]:
        for dest, fs in self.mounts:
            if path == dest:
                return fs, "/"
            if path.startswith(dest + "/"):
                return fs, path[len(dest) :]
        return self.root, path

    def kind(self, path: str) -> str | None:
        """'file', 'dir' or None."""
        fs, sub = self._route(path)
        if sub == "/" and fs is not self.root:
            return "dir"
        return fs.kind(sub)

    def read(self, path: str) -> str:
        """File text or FsError."""
        fs, sub = self._route(path)
        try:
            return fs.read(sub)
        except FsError as e:
            raise FsError(e.code, path) from None

    def write(self, path: str, text: str, append: bool = False) -> None:
        """Write through the right mount."""
        fs, sub = self._route(path)
        try:
            fs.write(sub, text, append)
        except FsError as e:
            raise FsError(e.code, path) from None

    def mkdir(self, path: str) -> None:
        """mkdir through the right mount."""
        fs, sub = self._route(path)
        try:
            fs.mkdir(sub)
        except FsError as e:
            raise FsError(e.code, path) from None

    def remove(self, path: str) -> None:
        """Remove through the right mount (a mount point itself is busy)."""
        fs, sub = self._route(path)
        if sub == "/" and fs is not self.root:
            raise FsError("EROFS", path)
        try:
            fs.remove(sub)
        except FsError as e:
            raise FsError(e.code, path) from None

    def listdir(self, path: str) -> list[str]:
        """Children, including mount points below this directory."""
        fs, sub = self._route(path)
        try:
            names = set(fs.listdir(sub))
        except FsError as e:
            raise FsError(e.code, path) from None
        prefix = path.rstrip("/") + "/"
        for dest, _ in self.mounts:
            if dest.startswith(prefix) and "/" not in dest[len(prefix) :]:
                names.add(dest[len(prefix) :])
        return sorted(names)
