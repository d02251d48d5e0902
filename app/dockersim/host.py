"""DockerHost: the simulated machine as the outside sees it — the engine's Host with the porcelain
wired in (the command loop, prompts, Ctrl+C, snapshots). Nothing below this module imports it."""

from __future__ import annotations

import unicodedata
from typing import Any

from app.dockersim import terminals
from app.dockersim.commands import context_hash, host_shell
from app.dockersim.core.clock import STEP_SECONDS
from app.dockersim.core.errors import LEAD_MARK, CommandResult, ConnectionRefused, ConnectionReset
from app.dockersim.core.fs import norm, walk_files
from app.dockersim.core.message import N_, NOTE_MARK, Message, split_notes
from app.dockersim.engine import runtime, snapshot
from app.dockersim.engine.fixtures import HOME
from app.dockersim.engine.host import MAX_LINE, MAX_TERMINALS, Host
from app.dockersim.engine.limits import cut_output
from app.dockersim.engine.models import Container
from app.dockersim.engine.terminal import HistoryEntry, Terminal
from app.dockersim.shell.interp import run_line

INTERNAL = "docker-dojo: internal simulator error"


class DockerHost(Host):
    """A deterministic simulated Docker host; see docs/simulator.md for the read API."""

    def container_files(self, c: Container | str) -> dict[str, str]:
        """Merged view of a container's files (image + rw layer + mounts), by absolute path."""
        cont = self.container(c) if isinstance(c, str) else c
        return walk_files(runtime.container_fs(self, cont), "/") if cont else {}

    def container_fs(self, c: Container) -> Any:
        """The merged FS object of a container (kind/read/listdir...)."""
        return runtime.container_fs(self, c)

    def context_hash(self, path: str) -> str:
        """Hash of a folder's current build inputs; equals Image.build_hash of an image built from it now."""
        return context_hash(self, HOME + path[1:] if path.startswith("~") else path)

    def prompt(self, tid: int = 0) -> str:
        """The prompt the terminal shows now ('' while output streams or a [y/N] question waits)."""
        return terminals.prompt(self, self.terminal(tid))

    def detach_keys(self, terminal: int = 0) -> CommandResult:
        """Ctrl+P Ctrl+Q: detach from an -it container, leaving it running."""
        return _with_notes(terminals.detach_keys(self, self.terminal(terminal)))

    def drain_output(self, tid: int = 0) -> str:
        """Output that appeared on the terminal since the last call (attached streams), Docker's text only."""
        return split_notes(self.take_output(tid))[0]

    def drain_with_notes(self, tid: int = 0) -> tuple[str, tuple[Message, ...]]:
        """Like drain_output, with the simulator's notes that came with it (e.g. a cut note)."""
        return split_notes(self.take_output(tid))

    def drain_result(self, tid: int = 0) -> CommandResult:
        """Like drain_output, split by stream, with notes; exit_code is the held command's once it has ended."""
        return _with_notes(super().drain_result(tid))

    def write_file(self, path: str, text: str) -> None:
        """Write a host file (parents created); `~/x` is the learner's home folder."""
        p = norm(unicodedata.normalize("NFC", _expand_home(path)), HOME)
        self.fs.makedirs(norm("..", p))
        self.fs.write(p, unicodedata.normalize("NFC", text).replace(NOTE_MARK, "\ufffd").replace(LEAD_MARK, "\ufffd"))

    def read_file(self, path: str) -> str:
        """Read a host file; `~/x` is the learner's home folder."""
        return self.fs.read(norm(_expand_home(path), HOME))

    def http_request(
        self, method: str, host_port: int, path: str = "/", body: str | None = None
    ) -> tuple[int, dict[str, str], str]:
        """What curl gets from localhost:host_port; raises ConnectionRefused / ConnectionReset."""
        try:
            return runtime.http_request(self, method, host_port, path, body)
        finally:
            self.fit_logs()

    def run(self, line: str, terminal: int = 0) -> CommandResult:
        """Execute one command line typed on a terminal."""
        # lone surrogates (undecodable input bytes, or "\ud800" in JSON from a browser) become U+FFFD
        line = line.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        # Hangul typed by an IME may arrive decomposed; names and file contents compare as NFC
        line = unicodedata.normalize("NFC", line)
        line = line.replace(NOTE_MARK, "\ufffd").replace(LEAD_MARK, "\ufffd")  # only the simulator writes these
        try:
            r = _with_notes(self._run(line, terminal))
            self.fit_logs()
        except Exception as exc:  # keep the learner's session alive; tests assert this never happens
            return CommandResult("", f"{INTERNAL}: {type(exc).__name__}: {exc}\n", 1)
        stdout, stderr = cut_output(r.stdout), cut_output(r.stderr)
        screen = r.screen if (stdout, stderr) == (r.stdout, r.stderr) else ()  # a cut: stdout, then stderr
        return _with_notes(CommandResult(stdout, stderr, r.exit_code, r.busy, r.notes, screen))

    def _run(self, line: str, terminal: int) -> CommandResult:
        if len(line.encode()) > MAX_LINE:
            size = len(line.encode())
            return self._fail(
                N_("Command line too long (%(size)s bytes; the limit is %(limit)s).", size=size, limit=MAX_LINE)
            )
        if terminal not in self.terminals and len(self.terminals) >= MAX_TERMINALS:
            return self._fail(N_("Too many terminals (the limit is %(limit)s per host).", limit=MAX_TERMINALS))
        t = self.terminal(terminal)
        self.clock.advance(STEP_SECONDS)
        self.reap()
        runtime.restart_due(self)
        if t.kind:
            held = terminals.busy_input(self, t, line)
            # None: the held container is gone and the terminal was freed; run the line afresh (a new step)
            return held if held is not None else self._run(line, terminal)
        if not line.strip():
            return CommandResult("", "", 0)
        sh = host_shell(self, t)
        index = self.record(terminal, line, 0)
        sh.trace, sh.screen = [], []
        out, err, code = run_line(line, sh)
        t.cwd, t.status = sh.cwd, code
        self._set_exit(index, code, tuple(sh.trace))
        if t.kind:
            t.history_index = index
        return CommandResult(out, err, code, bool(t.kind), screen=tuple(sh.screen))

    def _fail(self, note: Message, code: int = 1) -> CommandResult:
        return CommandResult("", "", code, False, (note,))

    def interrupt(self, terminal: int = 0) -> CommandResult:
        """Ctrl+C on a terminal."""
        try:
            r = _with_notes(terminals.interrupt(self, self.terminal(terminal)))
            self.fit_logs()
            return r
        except Exception as exc:  # pragma: no cover - same safety net as run()
            return CommandResult("", f"{INTERNAL}: {type(exc).__name__}: {exc}\n", 1)

    def snapshot(self, copy: bool = True) -> dict[str, Any]:
        """The whole host as JSON-able data (versioned, stable key order, lossless). copy=False skips the deep
        copies: the result then shares the host's data, so serialise it at once and keep none of it."""
        return snapshot.dump(self, copy)

    @classmethod
    def from_snapshot(cls, data: dict[str, Any], owned: bool = False) -> DockerHost:
        """Rebuild a host from snapshot(). owned=True: the caller gives `data` away (say, a dict just decoded
        from JSON for this restore), so the host takes its parts without copying; never pass a snapshot that is
        kept (an undo step in memory, a lab setup reused across attempts) or restored again."""
        snapshot.check_version(data)
        host = cls(seed=data["seed"], hints=data["hints"])
        snapshot.load(host, data, owned)
        return host


__all__ = ["CommandResult", "ConnectionRefused", "ConnectionReset", "DockerHost", "HistoryEntry", "Terminal"]


def _expand_home(path: str) -> str:
    """`~` and `~/x` name the home folder, as in the shell."""
    if path == "~" or path.startswith("~/"):
        return HOME + path[1:]
    return path


def _with_notes(result: CommandResult) -> CommandResult:
    """The result with the simulator's notes taken out of stderr into `notes` (Docker's text stays exact)."""
    stdout, out_notes = split_notes(result.stdout)  # a container's own note can arrive with its output
    stderr, notes = split_notes(result.stderr)
    if not notes and not out_notes:
        return result
    pieces = ((stream, split_notes(text)[0]) for stream, text in result.screen)
    screen = tuple((stream, text) for stream, text in pieces if text)
    return CommandResult(stdout, stderr, result.exit_code, result.busy, result.notes + out_notes + notes, screen)
