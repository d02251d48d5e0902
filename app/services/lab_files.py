"""The lab page's file editor: read and save files in the learner's home folder on the host.

Saving counts as a change like a command (an undo step, goal ticks) and applies only to the
version of the attempt the learner was looking at (a stale tab gets a 409, not an overwrite).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from app.dockersim import HOME, FsError
from app.services import accounts, lab_store
from app.services.lab_store import PRACTICE, Workspace
from app.services.labs import LabError, build_reply, client_view, expected_version, find_lab, record_progress

MAX_FILE_CHARS = 64 * 1024


def _host_path(raw: Any) -> str:
    """`~/x` or `/home/learner/x` as an absolute path inside the home folder."""
    if not isinstance(raw, str) or not raw.strip():
        raise LabError(_("Choose a file in your home folder."))
    path = raw.strip()
    if path.startswith("~/"):
        path = HOME + path[1:]
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if not path.startswith(HOME + "/") or ".." in parts:
        raise LabError(_("Choose a file in your home folder."))
    return "/" + "/".join(parts)


def read_file(lab_id: str, raw_path: Any, scope: str = PRACTICE) -> dict[str, Any]:
    """A host file's text for the editor (a GET: it writes nothing, not even a guest)."""
    lab = find_lab(lab_id)
    path = _host_path(raw_path)
    ws = lab_store.read_only(accounts.current_or_none(), lab_id, lab, scope)
    text = ws.host.fs.files.get(path)
    if text is None:
        raise LabError(_("There is no such file."))
    return {"ok": True, "path": "~" + path[len(HOME) :], "text": text, "version": ws.attempt.version}


def save_file(lab_id: str, body: dict[str, Any], lang: str, scope: str = PRACTICE) -> dict[str, Any]:
    """Save a host file from the editor (only onto the version the learner was looking at)."""
    lab = find_lab(lab_id)
    path = _host_path(body.get("path"))
    text = body.get("text")
    if not isinstance(text, str) or len(text) > MAX_FILE_CHARS:
        raise LabError(_("The file is too large for the editor (at most 64 KiB)."))
    known, epoch = client_view(body)
    user = accounts.ensure_learner()

    def change(ws: Workspace) -> dict[str, Any]:
        try:
            ws.host.write_file(path, text.replace("\r\n", "\n"))
        except FsError:
            raise LabError(_("The host is full: remove some files first.")) from None
        label = "~" + path[len(HOME) :]
        ws.mark_undo_point(_("edit %(path)s", path=label))
        record_progress(ws, lab)
        return build_reply(ws, lab, lang, known, epoch, message=_("Saved %(path)s.", path=label))

    return lab_store.mutate(user, lab_id, lab, change, expected_version=expected_version(body), scope=scope)
