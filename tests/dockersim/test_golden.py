"""Golden transcripts of the course notes' story, compared exactly (UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.dockersim import DockerHost
from tests.catalogue import korean
from tests.dockersim.invariants import check_invariants

GOLDEN = Path(__file__).parent / "golden"
SCRIPTS = sorted(GOLDEN.glob("*.script"))


def transcript(script: str) -> str:
    """Run a script: lines are commands ('[N] cmd' on terminal N), '^C' / '^C N', '@drain N', '^P^Q'."""
    host = DockerHost(seed=0, hints=True)
    out: list[str] = []
    for raw in script.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        terminal, line = 0, raw
        if raw.startswith("["):
            terminal, line = int(raw[1 : raw.index("]")]), raw[raw.index("]") + 1 :].strip()
        if line.startswith("^C"):
            t = int(line[2:] or terminal)
            r = host.interrupt(t)
            out.append(f"[{t}] <Ctrl+C>\n")
        elif line == "^P^Q":
            r = host.detach_keys(terminal)
            out.append(f"[{terminal}] <Ctrl+P Ctrl+Q>\n")
        elif line.startswith("@drain"):
            t = int(line.split()[1])
            out.append(f"[{t}] <output streamed while attached>\n{host.drain_output(t)}")
            continue
        else:
            r = host.run(line, terminal)
            out.append(f"[{terminal}] $ {line}\n")
        # stdout and stderr (lines marked "!") in the order the terminal shows them (CommandResult.screen)
        for stream, text in r.screen or (("stdout", r.stdout), ("stderr", r.stderr)):
            if stream == "stdout":
                out.append(text if text.endswith("\n") or not text else text + "\u23ce\n")
            elif text:
                out.append(_marked(text))
        # the simulator's notes as the Korean terminal shows them, under Docker's text after a blank line
        notes = "".join(f"\n💡 {korean(n)}\n" for n in r.notes)
        if notes:
            out.append(_marked(notes))
        out.append(f"(exit {r.exit_code}{', terminal held' if r.busy else ''})\n")
        for t in sorted(host.terminals):
            if t != terminal and host.terminal_busy(t) is False and host.terminals[t].pending:
                out.append(f"[{t}] <output streamed while attached>\n{host.drain_output(t)}")
        check_invariants(host)
    return "".join(out).replace("\r", "\u240d")  # show CR visibly; golden files stay plain LF text


def _marked(text: str) -> str:
    return "".join(f"!{x}\n" for x in text.rstrip("\n").split("\n"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_golden_transcript(script: Path) -> None:
    got = transcript(script.read_text(encoding="utf-8"))
    golden = script.with_suffix(".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"{golden.name} missing: run with UPDATE_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")
