"""Terminal adapter (the only module here that does I/O): REPL, or --json one command per line."""

from __future__ import annotations

import argparse
import json
import sys

from app.dockersim import CommandResult, DockerHost


def _special(host: DockerHost, line: str) -> CommandResult | None:
    """'^C' is Ctrl+C and '^P^Q' is Ctrl+P Ctrl+Q when typed as a line."""
    if line == "^C":
        return host.interrupt()
    if line == "^P^Q":
        return host.detach_keys()
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the interactive simulator or the JSON line protocol."""
    ap = argparse.ArgumentParser(prog="python -m app.dockersim", description="Docker Dojo simulated terminal")
    ap.add_argument("--json", action="store_true", help="read one command per line, print one JSON object per line")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-hints", action="store_true")
    ap.add_argument("--snapshot", help="start from this snapshot JSON file")
    args = ap.parse_args(argv)
    if args.snapshot:
        try:
            with open(args.snapshot, encoding="utf-8") as f:
                host = DockerHost.from_snapshot(json.load(f))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            print(f"python -m app.dockersim: cannot load snapshot {args.snapshot}: {e}", file=sys.stderr)
            return 2
        host.hints = not args.no_hints
    else:
        host = DockerHost(seed=args.seed, hints=not args.no_hints)
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # undecodable bytes become U+FFFD, never a crash
    if args.json:
        for raw in sys.stdin:
            line = raw.rstrip("\n").rstrip("\r")  # CRLF input (Windows) is one line too
            result = _special(host, line) or host.run(line)
            extra = host.drain_output()
            print(
                json.dumps(
                    {
                        "command": line,
                        "stdout": result.stdout + extra,
                        "stderr": result.stderr,
                        "exit_code": result.exit_code,
                    }
                    # the simulator's own notes (hints), untranslated, only when there are some
                    | ({"notes": [note.english() for note in result.notes]} if result.notes else {}),
                    ensure_ascii=False,
                ),
                flush=True,
            )
        return 0
    print("도커 도장 시뮬레이터 — Ctrl+C: SIGINT 보내기, ^P^Q 입력: -it 컨테이너에서 빠져나오기, Ctrl+D: 종료")
    while True:
        try:
            line = input(host.prompt())
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:
            result = host.interrupt()
        else:
            result = _special(host, line) or host.run(line)
        for stream, text in result.screen or (("stdout", result.stdout), ("stderr", result.stderr)):
            (sys.stdout if stream == "stdout" else sys.stderr).write(text)
            (sys.stdout if stream == "stdout" else sys.stderr).flush()  # in the order a terminal shows
        sys.stdout.write(host.drain_output())
        sys.stderr.write("".join(f"\n💡 {note.english()}\n" for note in result.notes))
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
