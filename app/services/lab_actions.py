"""What a lab terminal may ask for: one table for the practice lab and the assigned lab alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.services import lab_files, labs

#: action name -> handler(lab_id, body, lang, scope=...) answering the terminal's JSON request
ACTIONS: dict[str, Callable[..., dict[str, Any]]] = {
    "run": labs.run_command,
    "interrupt": labs.interrupt,
    "detach": labs.detach,
    "poll": labs.poll,
    "clear": labs.clear_screen,
    "undo": labs.undo,
    "reset": labs.reset,
    "hint": labs.next_hint,
    "solution": labs.reveal_solution,
    "grade": labs.grade,
    "file": lab_files.save_file,
}
#: the actions that help the learner (hidden in an assignment whose lab help is off)
HELP_ACTIONS = ("hint", "solution")
