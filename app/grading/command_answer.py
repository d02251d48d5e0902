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

from app.dockersim import CommandResult, DockerHost
from app.grading import hostview
from app.grading.errors import AnswerError, ContentError
from app.grading.state import ContainerView, HostState, short_ref
from app.grading.text import nfc
from app.grading.verdict import CheckResult, Verdict

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
        return AnswerError("답은 명령어 글자(문자열)여야 합니다.", "The answer must be command text (a string).")
    if len(answer) > MAX_ANSWER_CHARS:
        return AnswerError(
            f"답은 {MAX_ANSWER_CHARS}자까지 입력할 수 있습니다.",
            f"An answer may be at most {MAX_ANSWER_CHARS} characters.",
        )
    lines = answer_lines(answer)
    if not lines:
        return AnswerError("명령어를 입력하세요.", "Type a command.")
    if len(lines) > MAX_LINES:
        return AnswerError(f"명령어는 {MAX_LINES}줄까지 입력할 수 있습니다.", f"At most {MAX_LINES} command lines.")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        return AnswerError(
            f"한 줄은 {MAX_LINE_CHARS}자까지 입력할 수 있습니다.", f"A line may be at most {MAX_LINE_CHARS} characters."
        )
    return None


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class Failure:
    """The first line that failed: Docker's own error text and the catalogue id of the simulator's hint."""

    line: str
    stderr: str
    hint: str = ""


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
    hint = result.notes[0].id if result.notes else ""
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
    """Set up a fresh host from the key, run `lines`, read what it left (hints: Korean tips on errors)."""
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

# Korean subjects carry their own particle (이름이, 이미지가): it depends on the word's last syllable.
_FIELD_WORDS = {
    "name": ("컨테이너 이름이", "name"),
    "image": ("컨테이너의 이미지가", "image"),
    "state": ("컨테이너 상태가", "state"),
    "exit_code": ("컨테이너 종료 코드가", "exit code"),
    "attached": ("연결/분리 모드가", "attached/detached"),
    "ports": ("포트 게시가", "published ports"),
    "mounts": ("컨테이너 마운트가", "mounts"),
    "env": ("컨테이너 환경 변수가", "environment"),
    "cmd": ("컨테이너 실행 명령이", "command"),
    "entrypoint": ("컨테이너 ENTRYPOINT가", "entrypoint"),
    "workdir": ("컨테이너 작업 폴더가", "workdir"),
    "auto_remove": ("--rm 여부가", "--rm"),
    "files": ("컨테이너 안에서 만든 파일이", "files inside"),
}


def _differs(subject: str, want: str, got: str) -> str:
    """`포트 게시가 다릅니다: 정답 명령으로는 8000->80/tcp, 입력한 명령으로는 8080->80/tcp.`"""
    return f"{subject} 다릅니다: 정답 명령으로는 {want}, 입력한 명령으로는 {got}."


def _show(field: str, value: Any, lang: str) -> str:
    if value is None or value == ():
        return "없음" if lang == "ko" else "none"
    if field == "attached":
        return {True: ("연결 모드", "attached"), False: ("분리 모드(-d)", "detached (-d)")}[value][lang == "en"]
    if field == "state":
        words = {
            "running": ("실행 중(Up)", "running"),
            "exited": ("종료(Exited)", "exited"),
            "created": ("생성됨(Created)", "created"),
        }
        return str(words.get(value, (value, value))[lang == "en"])
    if field == "files":
        return ", ".join(path for path, _ in value)
    if field == "ports":
        return ", ".join(f"{hp}->{cp}/{proto}" for _, hp, cp, proto in value)
    if field == "mounts":
        anon = "익명 볼륨" if lang == "ko" else "anonymous volume"
        return ", ".join(
            f"{anon if src == '<anonymous>' else src}:{dst}{':ro' if ro else ''}" for _, src, dst, ro in value
        )
    if isinstance(value, tuple):
        return " ".join(value)
    return str(value)


def _container_diffs(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pair up containers and say which facts differ, Korean and English."""
    diffs: list[tuple[str, str]] = []
    remaining = list(actual)
    for want in expected:
        exact = next((a for a in remaining if _same(want, a)), None)
        if exact is not None:
            remaining.remove(exact)
            continue
        scored = sorted(remaining, key=lambda a: -sum(_field_same(want, a, f) for f in want))
        if not scored:
            img = short_ref(want["image"])
            diffs.append(
                (
                    f"{img} 이미지로 만든 컨테이너가 있어야 하는데 없습니다.",
                    f"A container from image {img} is expected but there is none.",
                )
            )
            continue
        got = scored[0]
        remaining.remove(got)
        for f in want:
            if not _field_same(want, got, f):
                ko, en = _FIELD_WORDS[f]
                diffs.append(
                    (
                        _differs(ko, _show(f, want[f], "ko"), _show(f, got[f], "ko")),
                        f"Container {en}: expected {_show(f, want[f], 'en')}, got {_show(f, got[f], 'en')}.",
                    )
                )
    for extra in remaining:
        img = short_ref(extra["image"])
        diffs.append(
            (
                f"기대하지 않은 컨테이너가 생겼습니다 ({img} 이미지, {extra['state']}).",
                f"An unexpected container was made (image {img}, {extra['state']}).",
            )
        )
    return diffs


def _field_same(want: dict[str, Any], got: dict[str, Any], field: str) -> bool:
    return want[field] is None if field == "name" and want[field] is None else want[field] == got[field]


def _same(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return all(_field_same(want, got, f) for f in want)


def compare(reference: Run, learner: Run) -> list[tuple[str, str]]:
    """Every difference between the reference's and the learner's effect ([] when equal)."""
    ref_state, got_state = reference.state, learner.state
    diffs = _container_diffs(
        [container_facts(c, c.name_given, reference.layers.get(c.id, ())) for c in ref_state.containers],
        [container_facts(c, True, learner.layers.get(c.id, ())) for c in got_state.containers],
    )
    want_images, got_images = _images(ref_state), _images(got_state)
    for tag in sorted(set(want_images) | set(got_images)):
        if tag not in got_images:
            diffs.append((f"{short_ref(tag)} 이미지가 있어야 하는데 없습니다.", f"Image {short_ref(tag)} is missing."))
        elif tag not in want_images:
            diffs.append(
                (f"기대하지 않은 {short_ref(tag)} 이미지가 생겼습니다.", f"Unexpected image {short_ref(tag)}.")
            )
        elif want_images[tag] != got_images[tag]:
            diffs.append(
                (f"{short_ref(tag)} 이미지의 내용이 기대와 다릅니다.", f"Image {short_ref(tag)} has other content.")
            )
    (want_named, want_anon), (got_named, got_anon) = _volumes(ref_state), _volumes(got_state)
    if want_named != got_named:
        diffs.append(
            (
                _differs("명명된 볼륨이", ", ".join(want_named) or "없음", ", ".join(got_named) or "없음"),
                f"Volumes: expected {', '.join(want_named) or 'none'}, got {', '.join(got_named) or 'none'}.",
            )
        )
    if want_anon != got_anon:
        diffs.append(
            (
                _differs("익명 볼륨 개수가", f"{want_anon}개", f"{got_anon}개"),
                f"Anonymous volumes: expected {want_anon}, got {got_anon}.",
            )
        )
    diffs += _file_diffs(reference.files, learner.files)
    return diffs


def _file_diffs(want: dict[str, Any], got: dict[str, Any]) -> list[tuple[str, str]]:
    diffs = []
    host_w, host_g = want["host"], got["host"]
    for path in sorted(set(host_w) | set(host_g)):
        if path not in host_g:
            diffs.append((f"호스트에 {path} 파일이 있어야 하는데 없습니다.", f"Host file {path} is missing."))
        elif path not in host_w:
            diffs.append((f"호스트에 기대하지 않은 {path} 파일이 생겼습니다.", f"Unexpected host file {path}."))
        elif host_w[path] != host_g[path]:
            diffs.append((f"호스트의 {path} 파일 내용이 기대와 다릅니다.", f"Host file {path} has other content."))
    dirs_w, dirs_g = set(want["dirs"]), set(got["dirs"])
    for path in sorted(dirs_w - dirs_g):
        diffs.append((f"호스트에 {path} 폴더가 있어야 하는데 없습니다.", f"Host folder {path} is missing."))
    for path in sorted(dirs_g - dirs_w):
        diffs.append((f"호스트에 기대하지 않은 {path} 폴더가 생겼습니다.", f"Unexpected host folder {path}."))
    vol_w, vol_g = dict(want["volumes"]), dict(got["volumes"])
    for name in sorted(set(vol_w) & set(vol_g)):
        if vol_w[name] != vol_g[name]:
            diffs.append((f"{name} 볼륨 안의 파일이 기대와 다릅니다.", f"The files in volume {name} differ."))
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
        diffs = [("출력이 기대한 명령의 출력과 다릅니다.", "The output differs from what the expected command prints.")]
    failure = learner.failure
    details: tuple[tuple[str, str], ...] = ()
    if failure is not None:
        details = (("line", failure.line), ("stderr", failure.stderr)) + (
            (("hint", failure.hint),) if failure.hint else ()
        )
    if not diffs:
        note_ko = note_en = ""
        if failure is not None:
            note_ko = f" 다만 ‘{failure.line}’ 명령은 실패했습니다:\n{failure.stderr}"
            note_en = f" Note: ‘{failure.line}’ failed:\n{failure.stderr}"
        check = CheckResult(
            "effect", True, 1.0, "기대한 결과와 같은 상태가 되었습니다.", "The host ends up in the expected state."
        )
        return Verdict(1.0, 1.0, True, (check,), note_ko.strip(), note_en.strip(), details)
    checks: list[CheckResult] = []
    if failure is not None:
        checks.append(
            CheckResult(
                "command succeeded",
                False,
                1.0,
                f"‘{failure.line}’ 명령이 실패했습니다. Docker의 오류 메시지:\n{failure.stderr}",
                f"‘{failure.line}’ failed. Docker says:\n{failure.stderr}",
            )
        )
    checks += [CheckResult("effect", False, 1.0, ko, en) for ko, en in diffs]
    return Verdict(0.0, 1.0, False, tuple(checks), "기대한 결과와 다릅니다.", "Not the expected result.", details)
