"""Command answers graded by effect.

The learner's command lines and the reference run on two fresh hosts made with the same
seed and setup; the normalised states are compared (ids, random names and times
normalised away), so `docker run -p 8000:80 -d nginx`, `docker run -d -p 8000:80 nginx` and
`docker container run --publish 8000:80 --detach nginx` are all right. A reference that
changes nothing (`docker ps`) is compared by its normalised output instead. A failing line
shows Docker's own error as feedback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.dockersim import N_, CommandResult, DockerHost, Message
from app.grading import hostview
from app.grading.errors import AnswerError, ContentError
from app.grading.state import ContainerView, HostState, short_ref
from app.grading.text import nfc
from app.grading.verdict import CheckResult, Verdict
from app.grading.words import joined

MAX_LINES = 20
MAX_LINE_CHARS = 4096
#: The grader's work on one answer; each line is also bounded by the simulator's limits (docs/simulator.md).
MAX_ANSWER_CHARS = 8 * 1024  # the whole answer as sent
MAX_STEPS = 200  # simple commands run over all lines (`a; b; c` is three)
MAX_OUTPUT_CHARS = 256 * 1024  # output kept over all lines; past it the rest is not run


# ---------------------------------------------------------------- key and answer


def key_errors(key: Mapping[str, Any]) -> list[str]:
    """Content errors in a command key: setup, reference, seed."""
    errors = []
    setup, reference, seed = key.get("setup", ()), key.get("reference"), key.get("seed", 0)
    if not isinstance(setup, (list, tuple)) or not all(isinstance(s, str) for s in setup):
        errors.append("command: 'setup' must be a list of command lines")
    if (
        not isinstance(reference, (list, tuple))
        or not reference
        or not all(isinstance(r, str) and r.strip() for r in reference)
    ):
        errors.append("command: 'reference' must be a non-empty list of command lines")
    if isinstance(seed, bool) or not isinstance(seed, int):
        errors.append("command: 'seed' must be an integer")
    return errors


_PROMPT = re.compile(r"^(?:[\w.-]+@[\w.-]+:[^$#\s]*[$#]|\$) ")


def answer_lines(answer: str) -> list[str]:
    """The command lines of an answer (NFC): pasted prompts (`$ `, `user@host:~$ `) and `#` comments dropped."""
    lines = []
    for raw in nfc(answer).replace("\r\n", "\n").split("\n"):  # Hangul NFC at the boundary
        line = _PROMPT.sub("", raw.strip(), count=1).strip()
        if line and not line.startswith("#"):  # a shell comment
            lines.append(line)
    return lines


def answer_error(key: Mapping[str, Any], answer: Any) -> AnswerError | None:
    """Why a command answer cannot be run (not text, empty, too long)."""
    if not isinstance(answer, str):
        return N_("The answer must be command text (a string).")
    if len(answer) > MAX_ANSWER_CHARS:
        return N_("An answer may be at most %(limit)s characters.", limit=MAX_ANSWER_CHARS)
    lines = answer_lines(answer)
    if not lines:
        return N_("Type a command.")
    if len(lines) > MAX_LINES:
        return N_("At most %(limit)s command lines.", limit=MAX_LINES)
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        return N_("A line may be at most %(limit)s characters.", limit=MAX_LINE_CHARS)
    return None


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class Failure:
    """The first line that failed: Docker's own error text and the simulator's hint (a message), if any."""

    line: str
    stderr: str
    hint: Message | None = None


@dataclass(frozen=True)
class Run:
    """What running some lines did: the final state, files, outputs, the first failure."""

    state: HostState
    files: dict[str, Any]
    layers: dict[str, Any]  # container id -> read-write layer files
    stdout: str
    failure: Failure | None


_TOO_MUCH = f"docker-dojo: the grader runs at most {MAX_STEPS} commands of an answer; the rest was not run"


def _failure(line: str, result: CommandResult) -> Failure:
    hint = result.notes[0] if result.notes else None
    # strip only the blank lines around it: a multi-line Docker error keeps its lines
    return Failure(line, result.stderr.strip("\n") or f"exit code {result.exit_code}", hint)


def _play(host: DockerHost, lines: Sequence[str]) -> tuple[str, Failure | None]:
    """Run lines; a line that holds its terminal (attached run, logs -f) moves on to a new tab."""
    terminal, out, failure = 0, [], None
    while host.terminal_busy(terminal):  # a terminal the setup holds is not the learner's
        terminal += 1
    steps, size = 0, 0
    for line in lines:
        if steps >= MAX_STEPS or size >= MAX_OUTPUT_CHARS:
            failure = failure or Failure(line, _TOO_MUCH)
            break
        result = host.run(line, terminal=terminal)
        steps += max(1, len(host.history[-1].commands)) if host.history else 1
        size += len(result.stdout)
        out.append(result.stdout)
        if result.busy:
            terminal += 1
        elif result.exit_code != 0 and failure is None:
            failure = _failure(line, result)
    return "".join(out), failure


def run_on_fresh_host(key: Mapping[str, Any], lines: Sequence[str], hints: bool = False) -> Run:
    """Set up a fresh host from the key, run `lines`, read what it left (hints: the simulator's tips on errors)."""
    host = hostview.fresh_host(int(key.get("seed", 0)), hints=hints)
    for line in key.get("setup", ()):
        result = host.run(line)
        if result.exit_code != 0 and not result.busy:
            raise ContentError(f"command: setup line {line!r} failed: {_failure(line, result).stderr}")
    stdout, failure = _play(host, lines)
    return Run(hostview.read_state(host), hostview.file_state(host), hostview.layer_files(host), stdout, failure)


# ---------------------------------------------------------------- normalising

_TIME = re.compile(r"(About )?(an?|\d+|Less than a) (second|minute|hour|day|week|month|year)s?( ago)?")
_HEX = re.compile(r"\b[0-9a-f]{12}(?:[0-9a-f]{52})?\b")
_SHA = re.compile(r"sha256:[0-9a-f]{64}")


def normalise_output(text: str) -> str:
    """Output with ids, digests and relative times replaced, trailing spaces dropped."""
    text = _SHA.sub("sha256:<id>", text)
    text = _HEX.sub("<id>", text)
    text = _TIME.sub("<time>", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def container_facts(c: ContainerView, keep_name: bool, layer: Any = ()) -> dict[str, Any]:
    """The comparable facts of a container (no id, no times; the name only when it was chosen)."""
    return {
        "files": layer,
        "name": c.name if keep_name else None,
        "image": c.image_ref,
        "state": c.state,
        "exit_code": c.exit_code if c.state == "exited" else None,
        "attached": c.attached,
        "ports": tuple(sorted((p.host_ip or "0.0.0.0", p.host_port, p.container_port, p.proto) for p in c.ports)),
        "mounts": tuple(
            sorted((m.type, "<anonymous>" if m.anonymous else m.source, m.destination, m.read_only) for m in c.mounts)
        ),
        "env": tuple(sorted(c.env)),
        "cmd": tuple(c.cmd),
        "entrypoint": tuple(c.entrypoint),
        "workdir": c.workdir,
        "auto_remove": c.auto_remove,
    }


def _images(state: HostState) -> dict[str, str]:
    return {tag: image.id for image in state.images for tag in image.tags}


def _volumes(state: HostState) -> tuple[tuple[str, ...], int]:
    return tuple(sorted(v.name for v in state.volumes if not v.anonymous)), sum(v.anonymous for v in state.volumes)


# ---------------------------------------------------------------- comparing

#: What each compared fact is called in a message ("Different published ports: ...").
_FIELD_WORDS = {
    "name": N_("container name"),
    "image": N_("container image"),
    "state": N_("container state"),
    "exit_code": N_("container exit code"),
    "attached": N_("attached/detached mode"),
    "ports": N_("published ports"),
    "mounts": N_("container mounts"),
    "env": N_("container environment variables"),
    "cmd": N_("container command"),
    "entrypoint": N_("container ENTRYPOINT"),
    "workdir": N_("container working folder"),
    "auto_remove": N_("--rm setting"),
    "files": N_("files made inside the container"),
}
_STATE_WORDS = {"running": N_("running (Up)"), "exited": N_("exited (Exited)"), "created": N_("created (Created)")}


def _differs(field: Message, want: Message | str, got: Message | str) -> Message:
    """`Different published ports: expected 8000->80/tcp, got 8080->80/tcp.`"""
    return N_("Different %(field)s: expected %(want)s, got %(got)s.", field=field, want=want, got=got)


def _show(field: str, value: Any) -> Message | str:
    if value is None or value == ():
        return N_("(none)")
    if field == "attached":
        return N_("attached mode") if value else N_("detached mode (-d)")
    if field == "state":
        return _STATE_WORDS.get(value, str(value))
    if field == "files":
        return ", ".join(path for path, _ in value)
    if field == "ports":
        return ", ".join(f"{hp}->{cp}/{proto}" for _, hp, cp, proto in value)
    if field == "mounts":
        return joined(
            [
                N_("%(source)s:%(rest)s", source=N_("anonymous volume"), rest=f"{dst}{':ro' if ro else ''}")
                if src == "<anonymous>"
                else f"{src}:{dst}{':ro' if ro else ''}"
                for _, src, dst, ro in value
            ]
        )
    if isinstance(value, tuple):
        return " ".join(value)
    return str(value)


def _container_diffs(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[Message]:
    """Pair up containers and say which facts differ."""
    diffs: list[Message] = []
    remaining = list(actual)
    for want in expected:
        exact = next((a for a in remaining if _same(want, a)), None)
        if exact is not None:
            remaining.remove(exact)
            continue
        scored = sorted(remaining, key=lambda a: -sum(_field_same(want, a, f) for f in want))
        if not scored:
            img = short_ref(want["image"])
            diffs.append(N_("A container from image %(image)s is expected but there is none.", image=img))
            continue
        got = scored[0]
        remaining.remove(got)
        for f in want:
            if not _field_same(want, got, f):
                diffs.append(_differs(_FIELD_WORDS[f], _show(f, want[f]), _show(f, got[f])))
    for extra in remaining:
        img = short_ref(extra["image"])
        state = _show("state", extra["state"])
        diffs.append(N_("An unexpected container was made (image %(image)s, %(state)s).", image=img, state=state))
    return diffs


def _field_same(want: dict[str, Any], got: dict[str, Any], field: str) -> bool:
    return want[field] is None if field == "name" and want[field] is None else want[field] == got[field]


def _same(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return all(_field_same(want, got, f) for f in want)


def compare(reference: Run, learner: Run) -> list[Message]:
    """Every difference between the reference's and the learner's effect ([] when equal)."""
    ref_state, got_state = reference.state, learner.state
    diffs = _container_diffs(
        [container_facts(c, c.name_given, reference.layers.get(c.id, ())) for c in ref_state.containers],
        [container_facts(c, True, learner.layers.get(c.id, ())) for c in got_state.containers],
    )
    want_images, got_images = _images(ref_state), _images(got_state)
    for tag in sorted(set(want_images) | set(got_images)):
        if tag not in got_images:
            diffs.append(N_("Image %(ref)s is missing.", ref=short_ref(tag)))
        elif tag not in want_images:
            diffs.append(N_("Unexpected image %(ref)s.", ref=short_ref(tag)))
        elif want_images[tag] != got_images[tag]:
            diffs.append(N_("Image %(ref)s has other content.", ref=short_ref(tag)))
    (want_named, want_anon), (got_named, got_anon) = _volumes(ref_state), _volumes(got_state)
    if want_named != got_named:
        want, got = ", ".join(want_named) or N_("(none)"), ", ".join(got_named) or N_("(none)")
        diffs.append(_differs(N_("named volumes"), want, got))
    if want_anon != got_anon:
        diffs.append(_differs(N_("number of anonymous volumes"), str(want_anon), str(got_anon)))
    diffs += _file_diffs(reference.files, learner.files)
    return diffs


def _file_diffs(want: dict[str, Any], got: dict[str, Any]) -> list[Message]:
    diffs = []
    host_w, host_g = want["host"], got["host"]
    for path in sorted(set(host_w) | set(host_g)):
        if path not in host_g:
            diffs.append(N_("Host file %(path)s is missing.", path=path))
        elif path not in host_w:
            diffs.append(N_("Unexpected host file %(path)s.", path=path))
        elif host_w[path] != host_g[path]:
            diffs.append(N_("Host file %(path)s has other content.", path=path))
    dirs_w, dirs_g = set(want["dirs"]), set(got["dirs"])
    for path in sorted(dirs_w - dirs_g):
        diffs.append(N_("Host folder %(path)s is missing.", path=path))
    for path in sorted(dirs_g - dirs_w):
        diffs.append(N_("Unexpected host folder %(path)s.", path=path))
    vol_w, vol_g = dict(want["volumes"]), dict(got["volumes"])
    for name in sorted(set(vol_w) & set(vol_g)):
        if vol_w[name] != vol_g[name]:
            diffs.append(N_("The files in volume %(name)s differ.", name=name))
    return diffs


# ---------------------------------------------------------------- grading


def grade(key: Mapping[str, Any], answer: str) -> Verdict:
    """Run the learner's lines and the reference on fresh hosts and compare their effects."""
    reference = run_on_fresh_host(key, tuple(nfc(line) for line in key["reference"]))
    if reference.failure is not None:
        raise ContentError(f"command: reference line {reference.failure.line!r} failed: {reference.failure.stderr}")
    learner = run_on_fresh_host(key, answer_lines(answer), hints=True)
    baseline = run_on_fresh_host(key, ())
    diffs = compare(reference, learner)
    # A reference that only looks (docker ps, docker logs) is compared by what it printed.
    only_looks = not compare(reference, baseline) and not diffs
    if only_looks and normalise_output(reference.stdout) != normalise_output(learner.stdout):
        diffs = [N_("The output differs from what the expected command prints.")]
    failure = learner.failure
    details: tuple[tuple[str, Any], ...] = ()
    if failure is not None:
        details = (("line", failure.line), ("stderr", failure.stderr)) + (
            (("hint", failure.hint),) if failure.hint else ()
        )
    if not diffs:
        note = None
        if failure is not None:
            note = N_("Note: ‘%(line)s’ failed:\n%(stderr)s", line=failure.line, stderr=failure.stderr)
        check = CheckResult("effect", True, 1.0, N_("The host ends up in the expected state."))
        return Verdict(1.0, 1.0, True, (check,), note, details)
    checks: list[CheckResult] = []
    if failure is not None:
        failed = N_("‘%(line)s’ failed. Docker says:\n%(stderr)s", line=failure.line, stderr=failure.stderr)
        checks.append(CheckResult("command succeeded", False, 1.0, failed))
    checks += [CheckResult("effect", False, 1.0, diff) for diff in diffs]
    return Verdict(0.0, 1.0, False, tuple(checks), N_("Not the expected result."), details)
