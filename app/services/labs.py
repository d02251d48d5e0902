"""Labs and the playground: what the learner does in the simulated terminal, kept in the database.

Each public function is one thing the lab page can ask for. It finds the learner (a guest on
first need), loads the attempt, changes it through `lab_store.mutate` and answers with plain
JSON-able data: new terminal output since what the client already shows, busy terminals and
prompts, the state panel, the goal ticks and the attempt's progress.
"""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import gettext as _

from app.curriculum import Lab, render_markdown
from app.dockersim import MAX_LINE, N_, DockerHost, blocked_command
from app.extensions import db
from app.models import Activity
from app.services import accounts, lab_store, lab_view
from app.services import course as course_service
from app.services.lab_output import write_result
from app.services.lab_store import PLAYGROUND_ID, PRACTICE, LabConflict, LabTooLarge, Workspace

__all__ = ["PLAYGROUND_ID", "LabConflict", "LabError", "LabNotFound", "LabTooLarge"]


class LabNotFound(LookupError):
    """No lab with this id in the course."""


class LabError(ValueError):
    """A request the lab cannot act on (bad terminal, missing confirmation...); the message says why."""


# --- finding the lab ------------------------------------------------------------------------


def find_lab(lab_id: str) -> Lab | None:
    """The lab with this id; None for the playground; LabNotFound otherwise."""
    if lab_id == PLAYGROUND_ID:
        return None
    item = course_service.get_course().by_id.get(lab_id)
    if not isinstance(item, Lab):
        raise LabNotFound(lab_id)
    return item


def _terminal(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise LabError(_("Unknown terminal.")) from None
    if not 0 <= number < lab_store.MAX_TERMINALS:
        raise LabError(_("Unknown terminal."))
    return number


# --- the page ---------------------------------------------------------------------------------


def lab_page(lab_id: str, lang: str) -> dict[str, Any]:
    """Everything a lab page renders (the playground has its own page)."""
    if lab_id == PLAYGROUND_ID:
        raise LabNotFound(lab_id)
    return page(lab_id, lang)


def page(lab_id: str, lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Everything the lab (or playground) page renders, including the initial client state."""
    lab = find_lab(lab_id)
    user = accounts.current_or_none()
    ws = lab_store.read_only(user, lab_id, lab, scope)
    data = build_reply(ws, lab, lang, known={}, epoch=None, full=True)
    data["history"] = ws.history
    data["start"] = user is not None and ws.attempt.id is None  # the page's script starts the attempt
    data["words_url"] = url_for("labs.words", v=lab_view.completion_words_json()[1])
    data["chips"] = list(lab_view.CHIPS)
    attempt = ws.attempt
    context: dict[str, Any] = {
        "lab": lab,
        "initial": data,
        "status": attempt.status,
        "best_score": attempt.best_score,
        "terminal_count": data["terminal_count"],
        "chips": lab_view.CHIPS,
    }
    if lab is not None:
        context["task_html"] = render_markdown(lab.task)
        context["goal"] = list(zip(lab_view.describe_goal(lab), data["goal"], strict=False))
        context["hints_html"] = [render_markdown(h) for h in lab.hints[: attempt.hints_used]]
        context["hints_total"] = len(lab.hints)
        context["solution"] = _solution(lab) if attempt.status == "solution_seen" else None
        context["lesson"] = course_service.get_course().lessons_by_id.get(lab.lesson_id)
    db.session.commit()
    return context


def _solution(lab: Lab) -> list[dict[str, Any]]:
    return [{"terminal": s.terminal + 1, "command": s.command} for s in lab.solution_steps()]


# --- replies ----------------------------------------------------------------------------------


def build_reply(
    ws: Workspace, lab: Lab | None, lang: str, known: dict[str, int], epoch: int | None, full: bool = True, **extra: Any
) -> dict[str, Any]:
    """The client's view of the attempt; `full` adds the state panel and goal ticks."""
    host = ws.host
    terms = sorted(int(t) for t in ws.screens["terms"])
    count = max(2, max(terms, default=0) + 1)
    reply: dict[str, Any] = {
        "ok": True,
        "version": ws.attempt.version,
        "epoch": ws.epoch,
        "output": ws.since(known, epoch),
        "busy": {str(t): host.terminal_busy(t) for t in range(count)},
        "prompts": {str(t): host.prompt(t) for t in range(count)},
        "terminal_count": count,
        "status": ws.attempt.status,
        "best_score": ws.attempt.best_score,
        "undo": lab_store.undo_count(ws.attempt),
        "hints_used": ws.attempt.hints_used,
    }
    if full:
        reply["state"] = lab_view.state_panel(host)
        if lab is not None:
            verdict = ws.verdict or lab_view.grade(lab, host)
            reply["goal"] = [c.passed for c in verdict.checks]
            reply["passed"] = verdict.passed
    reply.update(extra)
    return reply


def record_progress(ws: Workspace, lab: Lab | None) -> None:
    """After a change: a passing goal solves the lab (unless the solution was seen first)."""
    if lab is None:
        return
    verdict = ws.verdict = lab_view.grade(lab, ws.host)
    attempt = ws.attempt
    attempt.best_score = max(attempt.best_score or 0.0, verdict.fraction)
    if verdict.passed and attempt.status == "in_progress":
        attempt.status = "solved"
        db.session.add(Activity(user_id=attempt.user_id, kind="lab_solved", item_id=attempt.lab_id))


def client_view(body: dict[str, Any]) -> tuple[dict[str, int], int | None]:
    """What the client already shows: the last entry per terminal and its epoch."""
    since = body.get("since")
    known = since if isinstance(since, dict) else {}
    clean: dict[str, int] = {}
    for key, value in known.items():
        try:
            clean[str(int(key))] = int(value)
        except (TypeError, ValueError):
            continue
    epoch = body.get("epoch")
    return clean, epoch if isinstance(epoch, int) else None


# --- commands ---------------------------------------------------------------------------------


def disabled_reason(lab: Lab | None, line: str) -> str | None:
    """The disabled command this line would run, if any: the simulator reads the line (`sudo docker run`,
    `"docker" run`, `echo $(docker run …)` count; `docker container rm` is `docker rm`)."""
    if lab is None or not lab.disabled_commands:
        return None
    return blocked_command(line, lab.disabled_commands)


def run_command(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Run one typed line on a terminal; a repeated command id answers without running again."""
    lab = find_lab(lab_id)
    terminal = _terminal(body.get("terminal", 0))
    line = body.get("line")
    if not isinstance(line, str):
        raise LabError(_("Type a command."))
    line = line.replace("\r", "").split("\n", 1)[0]
    command_id = str(body.get("command_id") or "")[:64]
    known, epoch = client_view(body)
    user = accounts.ensure_learner()

    def change(ws: Workspace) -> dict[str, Any]:
        stored = next((r[1] for r in ws.recent if command_id and r[0] == command_id), None)
        if stored is not None:
            ws.skip_save = True
            return build_reply(ws, lab, lang, known, epoch, result=stored, repeat=True)
        result = _execute(ws, lab, terminal, line)
        if command_id:
            ws.recent.append([command_id, result])
        record_progress(ws, lab)
        return build_reply(ws, lab, lang, known, epoch, result=result)

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


def _execute(ws: Workspace, lab: Lab | None, terminal: int, line: str) -> dict[str, Any]:
    """Echo, run and record one line; remember an undo step when it changed the host."""
    host = ws.host
    busy = host.terminal_busy(terminal)
    size = len(line.encode("utf-8"))
    if size > MAX_LINE:
        ws.write(terminal, "in", host.prompt(terminal) + line[:60] + "…")
        too_long = N_(
            "The command is too long (%(size)d bytes; at most %(limit)d). Nothing was run.", size=size, limit=MAX_LINE
        )
        ws.note(terminal, too_long, kind="err")
        return {"exit_code": 1, "busy": busy}
    # the prompt the terminal shows now: a container shell held by `run -it` keeps `root@id:/#` on every line
    ws.write(terminal, "in", host.prompt(terminal) + line)
    if not busy:
        ws.remember_history(line)
        disabled = disabled_reason(lab, line)
        if disabled:
            refusal = N_("In this lab you cannot use ‘%(command)s’. Solve it another way.", command=disabled)
            ws.note(terminal, refusal, kind="err")
            return {"exit_code": 1, "busy": False}
    result = host.run(line, terminal)
    write_result(ws, terminal, result)
    ws.collect_streams()
    if result.exit_code == 0 or result.busy:  # kept only if the state changed (lab_store.save)
        ws.mark_undo_point(line)
    return {"exit_code": result.exit_code, "busy": bool(result.busy)}


def _begin(lab_id: str, body: dict[str, Any]) -> tuple[Lab | None, dict[str, int], int | None, Any]:
    """What every terminal request starts with: the lab, what the client already shows, the learner."""
    lab = find_lab(lab_id)
    known, epoch = client_view(body)
    return lab, known, epoch, accounts.ensure_learner()


def interrupt(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Ctrl+C on a terminal: stops an attached run or `logs -f`."""
    return _keys(lab_id, body, lang, scope, "^C")


def detach(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Ctrl+P Ctrl+Q on a terminal: leave an `-it` container running and get the host prompt back."""
    return _keys(lab_id, body, lang, scope, "^P^Q")


def _keys(lab_id: str, body: dict[str, Any], lang: str, scope: str, keys: str) -> dict[str, Any]:
    """A control key sent to a terminal (`^C` or `^P^Q`), recorded as an undo point."""
    terminal = _terminal(body.get("terminal", 0))
    lab, known, epoch, user = _begin(lab_id, body)

    def change(ws: Workspace) -> dict[str, Any]:
        result = ws.host.interrupt(terminal) if keys == "^C" else ws.host.detach_keys(terminal)
        write_result(ws, terminal, result)
        ws.collect_streams()
        ws.mark_undo_point(keys)
        record_progress(ws, lab)
        return build_reply(
            ws, lab, lang, known, epoch, result={"exit_code": result.exit_code, "busy": bool(result.busy)}
        )

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


def poll(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Output that arrived since the client's last entries (another tab, a container's logs)."""
    client_version = body.get("version")
    lab, known, epoch, user = _begin(lab_id, body)

    def change(ws: Workspace) -> dict[str, Any]:
        if not any(t.pending for t in ws.host.terminals.values()):
            ws.skip_save = True
            return build_reply(ws, lab, lang, known, epoch, full=ws.attempt.version != client_version)
        ws.collect_streams()
        return build_reply(ws, lab, lang, known, epoch)

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


def clear_screen(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Ctrl+L: the terminal starts a clean screen (kept across reloads)."""
    terminal = _terminal(body.get("terminal", 0))
    lab, known, epoch, user = _begin(lab_id, body)

    def change(ws: Workspace) -> dict[str, Any]:
        ws.write(terminal, "clear", " ")
        return build_reply(ws, lab, lang, known, epoch, full=False)

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


# --- undo, reset, hints, solution, grading ------------------------------------------------


def undo(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Put the host back as it was before the last state-changing command."""
    terminal = _terminal(body.get("terminal", 0))
    lab, known, epoch, user = _begin(lab_id, body)

    def change(ws: Workspace) -> dict[str, Any]:
        step = lab_store.pop_undo(ws)
        try:
            if step is None:
                raise ValueError("nothing to undo")
            ws.host = DockerHost.from_snapshot(step[1], owned=True)  # decoded from the row for this undo alone
        except (ValueError, KeyError, TypeError):  # none, or saved by an older simulator: cannot go back
            lab_store.clear_undo(ws)
            return build_reply(ws, lab, lang, known, epoch, message=_("There is nothing to undo."))
        ws.note(terminal, N_("Undone: %(command)s", command=step[0]))
        record_progress(ws, lab)
        return build_reply(ws, lab, lang, known, epoch, message=_("Undone: %(command)s", command=step[0]))

    return lab_store.mutate(user, lab_id, lab, change, expected_version=expected_version(body), scope=scope)


def reset(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Start again from the lab's fresh setup (progress, hints and history are kept)."""
    lab, known, epoch, user = _begin(lab_id, body)

    def change(ws: Workspace) -> dict[str, Any]:
        return build_reply(ws, lab, lang, known, epoch, message=_("The lab was reset."))

    # The stored attempt is not read: a reset must work even on one over a limit.
    return lab_store.reset_attempt(user, lab_id, lab, scope, change)


def next_hint(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Reveal the next hint (one at a time; each one is counted)."""
    lab = find_lab(lab_id)
    if lab is None:
        raise LabError(_("The playground has no hints."))
    user = accounts.ensure_learner()

    def change(ws: Workspace) -> dict[str, Any]:
        if ws.attempt.hints_used < len(lab.hints):
            ws.attempt.hints_used += 1
        shown = lab.hints[: ws.attempt.hints_used]
        return {
            "ok": True,
            "hints_html": [render_markdown(h) for h in shown],
            "hints_used": len(shown),
            "hints_total": len(lab.hints),
            "version": ws.attempt.version,
        }

    reply = lab_store.mutate(user, lab_id, lab, change, scope=scope)
    return reply


def reveal_solution(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Show the solution after an explicit confirmation; the attempt counts as "solution seen"."""
    lab = find_lab(lab_id)
    if lab is None:
        raise LabError(_("The playground has no solution."))
    if body.get("confirm") is not True:
        raise LabError(_("Confirm that you want to see the solution."))
    user = accounts.ensure_learner()

    def change(ws: Workspace) -> dict[str, Any]:
        if ws.attempt.status == "in_progress":
            ws.attempt.status = "solution_seen"
            db.session.add(Activity(user_id=ws.attempt.user_id, kind="lab_solution_seen", item_id=lab_id))
        return {"ok": True, "solution": _solution(lab), "status": ws.attempt.status, "version": ws.attempt.version}

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


def grade(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """The final verdict with feedback per check."""
    lab = find_lab(lab_id)
    if lab is None:
        raise LabError(_("The playground has no goal to grade."))
    user = accounts.ensure_learner()

    def change(ws: Workspace) -> dict[str, Any]:
        record_progress(ws, lab)
        verdict = ws.verdict
        return {
            "ok": True,
            "verdict": lab_view.verdict_json(verdict),
            "status": ws.attempt.status,
            "best_score": ws.attempt.best_score,
        }

    return lab_store.mutate(user, lab_id, lab, change, scope=scope)


def expected_version(body: dict[str, Any]) -> int | None:
    value = body.get("version")
    return value if isinstance(value, int) and not isinstance(value, bool) else None
