"""Checks on what happened, read from the host's command history: order, terminal, how a container stopped.

The end state cannot tell a feedback written *before* a stop/start from one written after, or a
container stopped with Ctrl+C from one stopped with `docker stop` in another terminal. The
simulator records every command line with its terminal and each command's expanded argv and exit
code; these checks read only that (and which terminals are still held), never the simulator itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.dockersim import N_, Message, ShellSyntaxError, split_line
from app.grading import commandline
from app.grading.checks.base import CheckKind, Context, Outcome, not_found, states
from app.grading.params import Param
from app.grading.state import ContainerView, HistoryEntry, HostState
from app.grading.words import sentences

#: Commands that (re)start a container, and those that stop one from outside.
_STARTS = frozenset({"run", "start", "restart"})
_STOPPERS = frozenset({"stop", "kill"})


@dataclass(frozen=True)
class Ran:
    """One command that succeeded: its position in the history, its terminal (0-based), what it was."""

    position: int
    terminal: int
    line: str
    inv: commandline.Invocation


def _entry_commands(entry: HistoryEntry) -> list[commandline.Invocation]:
    """The commands of one line that succeeded, from their expanded argv when the history has it."""
    if not entry.commands:
        return commandline.succeeded_invocations(entry.line, entry.exit_code)
    found = []
    for argv, code in entry.commands:
        inv = commandline.read_invocation(list(argv))
        if inv is None:
            continue
        if code in (0, commandline.INTERRUPTED) or (code > 128 and commandline.holds_terminal(inv)):
            found.append(inv)
    return found


def succeeded(state: HostState) -> list[Ran]:
    """Every command that succeeded, in the order it ran."""
    out: list[Ran] = []
    for entry in state.history:
        for inv in _entry_commands(entry):
            out.append(Ran(len(out), entry.terminal, entry.line, inv))
    return out


# ---------------------------------------------------------------- steps ("stop feedback", "curl /create")


@dataclass(frozen=True)
class Step:
    """A step an author writes: a command with required flags, and words its arguments must hold."""

    text: str
    want: commandline.Invocation
    words: tuple[str, ...]
    shell: bool

    def shown(self) -> str:
        """The step as a learner would type it."""
        return self.text if self.shell else f"docker {self.text}"

    def matches(self, inv: commandline.Invocation) -> bool:
        """Same command and flags; each word is an argument (a `/path` word may end a URL or path)."""
        if self.shell:
            if inv.name != self.want.name:
                return False
            return all(any(a == w or (w.startswith("/") and a.endswith(w)) for a in inv.args) for w in self.words)
        return commandline.matches(inv, self.want, self.words)


def _words(text: str) -> list[str]:
    """The words of a step, read by the simulator's own tokenizer (one command per step)."""
    return split_line(text)[0][1]


def step_error(text: object) -> str | None:
    """Why a step cannot be read, or None."""
    if not isinstance(text, str) or not text.strip():
        return f"each step must be a command such as 'stop web', got {text!r}"
    try:
        words = _words(text)
    except ShellSyntaxError as exc:
        return f"step {text!r}: {exc}"
    if words[0] == "docker":
        words = words[1:]
    if not words:
        return f"step {text!r} names no command"
    if words[0] in commandline.SHELL_COMMANDS:
        return None
    path, rest = commandline.command_path(words)
    if path is None:
        return f"step {text!r}: unknown command {words[0]!r}"
    kind = " ".join([path, *(w for w in rest if w.startswith("-"))])
    errors = commandline.kind_errors(kind)
    return f"step {text!r}: {errors[0].removeprefix('command_run: ')}" if errors else None


def read_step(text: str) -> Step:
    """A step (validated by `step_error` first)."""
    words = _words(text)
    if words[0] == "docker":
        words = words[1:]
    shown = " ".join(words)
    if words[0] in commandline.SHELL_COMMANDS:
        return Step(shown, commandline.Invocation(words[0]), tuple(words[1:]), True)
    path, rest = commandline.command_path(words)
    flags = [w for w in rest if w.startswith("-")]
    kind = " ".join([str(path), *flags])
    return Step(shown, commandline.read_kind(kind), tuple(w for w in rest if not w.startswith("-")), False)


def _steps_rules(p: Mapping[str, Any]) -> list[str]:
    steps = p.get("steps") if isinstance(p, Mapping) else None
    if not isinstance(steps, (list, tuple)):
        return []
    errors = [f"commands_in_order: {e}" for s in steps if (e := step_error(s))]
    if len(steps) < 2:
        errors.append("commands_in_order: give at least two steps (an order needs two commands)")
    return errors


def _in_order(ctx: Context, p: dict[str, Any]) -> Outcome:
    steps = [read_step(s) for s in p["steps"]]
    ran = succeeded(ctx.state)
    at, done = -1, list[Ran]()
    for i, step in enumerate(steps):
        hit = next((r for r in ran if r.position > at and step.matches(r.inv)), None)
        if hit is None:
            return _order_failure(steps, i, ran, done)
        at = hit.position
        done.append(hit)
    return Outcome(True, N_("You ran %(steps)s, in this order.", steps=_chain([r.line for r in done])))


def _chain(lines: list[str]) -> Message | str:
    """`‘a’, then ‘b’, then ‘c’` / `‘a’ → ‘b’ → ‘c’`."""
    result: Message | str = f"‘{lines[-1]}’"
    for line in reversed(lines[:-1]):
        result = N_("‘%(first)s’, then %(rest)s", first=line, rest=result)
    return result


def _order_failure(steps: list[Step], i: int, ran: list[Ran], done: list[Ran]) -> Outcome:
    step = steps[i]
    if i == 0:
        return Outcome(False, N_("‘%(step)s’ never succeeded.", step=step.shown()))
    before = steps[i - 1].shown()
    earlier = any(step.matches(r.inv) for r in ran)
    if earlier:
        return Outcome(
            False,
            N_("You ran ‘%(step)s’, but before ‘%(before)s’: it must come after it.", step=step.shown(), before=before),
        )
    return Outcome(False, N_("You have not run ‘%(step)s’ after ‘%(before)s’.", step=step.shown(), before=before))


def _in_order_describe(p: dict[str, Any]) -> Message:
    return N_("You ran %(steps)s, in this order", steps=_chain([read_step(s).shown() for s in p["steps"]]))


# ---------------------------------------------------------------- how a container stopped


def refers_to(inv: commandline.Invocation, c: ContainerView) -> bool:
    """The command names this container: its name, or a prefix of its id, as an argument or flag value."""
    pool = set(inv.args)
    for value in inv.flags.values():
        pool.update(value if isinstance(value, list) else [str(value)])
    return c.name in pool or any(len(w) >= 2 and c.id.startswith(w) for w in pool)


def _stop_trail(state: HostState, c: ContainerView) -> tuple[Ran | None, list[Ran]]:
    """The last command that started the container, and the stop/kill commands naming it after that."""
    ran = succeeded(state)
    start = next((r for r in reversed(ran) if r.inv.name in _STARTS and refers_to(r.inv, c)), None)
    after = start.position if start else -1
    return start, [r for r in ran if r.position > after and r.inv.name in _STOPPERS and refers_to(r.inv, c)]


def _stopped_by(ctx: Context, p: dict[str, Any]) -> Outcome:
    c = ctx.state.container_named(p["name"])
    if c is None:
        return not_found(ctx.state, p)
    if c.state != "exited":
        return Outcome(False, sentences([states([c]), N_("It should be stopped (Exited).")]))
    _start, stoppers = _stop_trail(ctx.state, c)
    if p["how"] == "ctrl_c":
        return _by_ctrl_c(c, stoppers)
    return _by_command(c, stoppers, p.get("terminal"))


def _by_ctrl_c(c: ContainerView, stoppers: list[Ran]) -> Outcome:
    """The simulator's record of the stop decides; hosts saved before it kept one are judged by history."""
    if c.stopped_by == "exited":
        return Outcome(
            False,
            N_(
                "The container %(name)s ended by itself (its process exited), not by Ctrl+C. "
                "Run a container that keeps running, attached, and press Ctrl+C in the terminal it holds.",
                name=c.name,
            ),
        )
    if c.stopped_by == "ctrl_c":
        return Outcome(
            True,
            N_(
                "The container %(name)s was stopped with Ctrl+C (%(signal)s) in the terminal it held.",
                name=c.name,
                signal=c.stop_signal or "SIGINT",
            ),
        )
    if stoppers:
        r = stoppers[-1]
        return Outcome(
            False,
            N_(
                "The container %(name)s was stopped by ‘%(line)s’ in terminal %(terminal)s, not by Ctrl+C. "
                "Run it attached again and press Ctrl+C in the terminal it holds.",
                name=c.name,
                line=r.line,
                terminal=r.terminal + 1,
            ),
        )
    if not c.attached:
        return Outcome(
            False,
            N_(
                "The container %(name)s was last started detached: to stop it with Ctrl+C it must run attached.",
                name=c.name,
            ),
        )
    return Outcome(
        True,
        N_(
            "The container %(name)s was stopped with Ctrl+C in the terminal it held (no docker stop or kill).",
            name=c.name,
        ),
    )


def _by_command(c: ContainerView, stoppers: list[Ran], terminal: int | None) -> Outcome:
    if not stoppers:
        return Outcome(
            False,
            N_(
                "The container %(name)s was not stopped with docker stop (or kill) after it was last started.",
                name=c.name,
            ),
        )
    r = stoppers[-1]
    if terminal is not None and r.terminal + 1 != terminal:
        return Outcome(
            False,
            N_(
                "The container %(name)s was stopped from terminal %(terminal)s; stop it from terminal %(want)s.",
                name=c.name,
                terminal=r.terminal + 1,
                want=terminal,
            ),
        )
    return Outcome(
        True,
        N_(
            "The container %(name)s was stopped by ‘%(line)s’ in terminal %(terminal)s.",
            name=c.name,
            line=r.line,
            terminal=r.terminal + 1,
        ),
    )


def _stopped_describe(p: dict[str, Any]) -> Message:
    name, where = p["name"], p.get("terminal")
    if p["how"] == "ctrl_c":
        return N_(
            "The container %(name)s was stopped with Ctrl+C in its attached terminal (not docker stop)", name=name
        )
    if where:
        return N_(
            "The container %(name)s was stopped with docker stop from terminal %(terminal)s", name=name, terminal=where
        )
    return N_("The container %(name)s was stopped with docker stop", name=name)


def _stopped_rules(p: Mapping[str, Any]) -> list[str]:
    if isinstance(p, Mapping) and p.get("how") == "ctrl_c" and "terminal" in p:
        return ["stopped_by: 'terminal' is for how: command (Ctrl+C is pressed in the terminal the container holds)"]
    terminal = p.get("terminal") if isinstance(p, Mapping) else None
    if isinstance(terminal, int) and not 1 <= terminal <= 4:
        return [f"stopped_by: 'terminal' must be 1 to 4, got {terminal}"]
    return []


# ---------------------------------------------------------------- terminals still held

_HOLDERS = {"logs": ("logs",), "attach": ("attach",), "exec": ("exec", "shell", "repl"), "any": ()}
_HOLDER_WORDS = {
    "logs": "docker logs -f",
    "attach": N_("an attached container"),
    "exec": "docker exec -it",
    "shell": N_("a shell in a container"),
    "repl": N_("a program in a container"),
}


def _released(ctx: Context, p: dict[str, Any]) -> Outcome:
    kinds = _HOLDERS[p.get("holding", "any")]
    held = [h for h in ctx.state.held if not kinds or h.kind in kinds]
    if held:
        h = held[0]
        return Outcome(
            False,
            N_(
                "Terminal %(terminal)s is still held by %(holder)s. End it with Ctrl+C in that terminal.",
                terminal=h.terminal + 1,
                holder=_HOLDER_WORDS.get(h.kind, h.kind),
            ),
        )
    return Outcome(True, N_("No terminal is held."))


def _released_describe(p: dict[str, Any]) -> Message:
    holding = p.get("holding", "any")
    if holding == "any":
        return N_("No terminal is still held by a command")
    return N_("No terminal is still held by %(holder)s", holder=_HOLDER_WORDS[holding])


HISTORY_CHECKS = (
    CheckKind(
        "commands_in_order",
        "commands of these kinds succeeded in this order (each after the one before)",
        (
            Param(
                "steps",
                "names",
                "two or more steps, each a command with the flags it needs and words its arguments must hold "
                "('curl /create', 'stop feedback', 'run -d feedback'); a word starting with / may end a URL",
                required=True,
            ),
        ),
        _in_order,
        _in_order_describe,
        {"steps": ["curl /create", "stop feedback", "start feedback"]},
        _steps_rules,
    ),
    CheckKind(
        "stopped_by",
        "the named container is stopped, and how: Ctrl+C in its attached terminal, or docker stop/kill",
        (
            Param("name", "str", "the container's name", required=True),
            Param(
                "how", "enum", "ctrl_c or command (docker stop / kill)", required=True, choices=("ctrl_c", "command")
            ),
            Param("terminal", "int", "with how: command, the terminal (1-4) the stop command ran in"),
        ),
        _stopped_by,
        _stopped_describe,
        {"name": "web", "how": "ctrl_c"},
        _stopped_rules,
        lambda ctx, p: ({c.id for c in ctx.state.containers if c.name == p["name"]}, set()),
    ),
    CheckKind(
        "terminal_released",
        "no terminal is still held by a command of this kind (logs -f, an attached container, exec -it)",
        (
            Param(
                "holding",
                "enum",
                "what must not hold a terminal: logs, attach, exec or any",
                default="any",
                choices=("logs", "attach", "exec", "any"),
            ),
        ),
        _released,
        _released_describe,
        {"holding": "logs"},
    ),
)
