"""The learner's "download my data" zip, readable: what is stored as messages also as text.

Grader verdicts (`question_answers.verdict_json`) and the app's notes in a lab's scrollback
(inside `lab_attempts.term_data`) are stored as messages (catalogue id + parameters) and
translated when shown. The zip translates them the same way, in the language of the request:
- `everything.json` keeps every row whole, as stored (compressed blobs as hex), and adds the text
  next to it: `verdict_text` ({feedback, checks, hint}) on each answer (`question_answers`, and
  `item_responses` for assigned quizzes, with `transcript_text` for a lab's transcript),
  `scrollback` (one entry per line: terminal, seq, kind, `stored` as stored, `text` as shown) on
  each lab attempt;
- the CSV files are for reading: an answer's verdict becomes `feedback`, `checks` and `hint`
  columns, an assigned lab's transcript a `transcript` text column, a lab's scrollback its own
  `csv/lab_scrollback.csv` (one row per line). Rows stored
  before messages existed (text already translated) come out as stored, as on the pages.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from app.reports.tables import Column, Table, table_csv
from app.services import lab_format
from app.services.lab_scrollback import shown_entry, shown_text
from app.services.messages import stored_checks, stored_feedback, stored_hint

Rows = list[dict[str, Any]]
TERMINAL_COLUMNS = ("term_data", "terminals")  # where an attempt's scrollback is stored (formats 2 and 1)


def _screens(row: dict[str, Any]) -> dict[str, Any]:
    """A lab attempt's scrollback per terminal ({} when there is none or it cannot be read)."""
    try:
        if row.get("term_data"):
            screens = lab_format.decode_terminals(bytes.fromhex(row["term_data"]))[0]
        else:
            screens = json.loads(row.get("terminals") or "{}")
        terms = screens.get("terms", {})
        return terms if isinstance(terms, dict) else {}
    except (lab_format.TooLarge, ValueError, KeyError, TypeError, AttributeError, zlib.error):
        return {}


def scrollback(row: dict[str, Any]) -> Rows:
    """A lab attempt's scrollback line by line: as stored and as shown in the request's language."""
    out: Rows = []
    for terminal, screen in sorted(_screens(row).items()):
        for entry in screen.get("lines", []) if isinstance(screen, dict) else []:
            if isinstance(entry, list) and len(entry) >= 3:
                text = shown_text(entry[2])
                out.append({"terminal": terminal, "seq": entry[0], "kind": entry[1], "stored": entry[2], "text": text})
    return out


def verdict_text(verdict: Any) -> dict[str, Any]:
    """A stored verdict as the lesson page words it: overall feedback, checks, the simulator's hint."""
    if not isinstance(verdict, dict):
        return {"feedback": "", "checks": [], "hint": ""}
    hint = stored_hint(verdict.get("details") if isinstance(verdict.get("details"), dict) else None)
    return {"feedback": stored_feedback(verdict), "checks": stored_checks(verdict), "hint": hint}


def transcript_text(entries: Any) -> str:
    """An assigned lab's stored transcript as the attempt's detail page shows it (notes translated)."""
    shown = [shown_entry(e) for e in entries or [] if isinstance(e, list) and len(e) >= 3]
    return "".join((f"[{t + 1}] " if kind == "in" and isinstance(t, int) else "") + text for t, kind, text in shown)


def with_text(data: dict[str, Rows]) -> dict[str, Rows]:
    """Every row as stored, plus the text of what is stored as messages (for everything.json)."""
    out = dict(data)
    out["question_answers"] = [
        {**r, "verdict_text": verdict_text(r.get("verdict_json"))} for r in data.get("question_answers", [])
    ]
    out["lab_attempts"] = [{**r, "scrollback": scrollback(r)} for r in data.get("lab_attempts", [])]
    out["item_responses"] = [
        {**r, "verdict_text": verdict_text(r.get("verdict")), "transcript_text": transcript_text(r.get("transcript"))}
        for r in data.get("item_responses", [])
    ]
    return out


def _answer_cells(row: dict[str, Any], column: str) -> dict[str, Any]:
    """A row with its verdict (in `column`) as three text columns: feedback, checks (✓/✗ a line), hint."""
    words = verdict_text(row.get(column))
    checks = "\n".join(("✓ " if c["passed"] else "✗ ") + c["message"] for c in words["checks"])
    plain = {k: v for k, v in row.items() if k != column}
    return {**plain, "feedback": words["feedback"], "checks": checks, "hint": words["hint"]}


def readable_tables(data: dict[str, Rows]) -> dict[str, Rows]:
    """The tables for the CSV files: verdicts and scrollback as text, no stored messages."""
    out = dict(data)
    out["question_answers"] = [_answer_cells(r, "verdict_json") for r in data.get("question_answers", [])]
    out["item_responses"] = [
        _answer_cells(r, "verdict") | {"transcript": transcript_text(r.get("transcript"))}
        for r in data.get("item_responses", [])
    ]
    attempts = data.get("lab_attempts", [])
    out["lab_attempts"] = [{k: v for k, v in r.items() if k not in TERMINAL_COLUMNS} for r in attempts]
    out["lab_scrollback"] = [
        {"lab_attempt_id": r.get("id"), "lab_id": r.get("lab_id"), "scope": r.get("scope")}
        | {k: v for k, v in line.items() if k != "stored"}
        for r in attempts
        for line in scrollback(r)
    ]
    return {name: rows for name, rows in out.items() if rows}


def csv_text(name: str, rows: Rows) -> str:
    """One table as the project's CSV: UTF-8 with BOM, CRLF, formula-like cells neutralised."""
    columns = sorted({k for row in rows for k in row})
    cells = [
        {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in row.items()}
        for row in rows
    ]
    return table_csv(Table(name, tuple(Column(c, c) for c in columns), cells))
