"""`flask export ...`: files for teachers, other tools and learners (more subcommands join this group)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from app.services import accounts, assignment_stats, exports, exports_learner, gradebook, gradebook_exports
from app.services.classes import utc_now

# An AppGroup: each subcommand runs inside the app context (the test runner and `flask` alike).
export = AppGroup(
    "export",
    help="Write the question bank, the flashcards, a learner's progress, a gradebook or an item analysis to a file.",
)
OUTPUT = click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="File to write.",
)


def _write(path: Path, data: bytes | str) -> None:
    """Write the file and say where it went."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.write_bytes(payload)
    click.echo(f"wrote {path} ({len(payload)} bytes)")


@export.command("questions")
@click.option("--format", "fmt", type=click.Choice(exports.QUESTION_FORMATS), required=True)
@OUTPUT
def export_questions(fmt: str, output: Path) -> None:
    """The course's question bank, categories by lesson; approximations and skips go to stderr."""
    bank = exports.question_bank(fmt)
    for question_id, note in bank.approximated:
        click.echo(f"approximated {question_id}: {note}", err=True)
    for question_id, reason in bank.skipped:
        click.echo(f"skipped {question_id}: {reason}", err=True)
    _write(output, bank.text)
    click.echo(
        f"{bank.exported} questions exported, {len(bank.approximated)} approximated, {len(bank.skipped)} skipped"
    )


@export.command("cards")
@click.option("--format", "fmt", type=click.Choice(["apkg"]), default="apkg", show_default=True)
@OUTPUT
def export_cards(fmt: str, output: Path) -> None:
    """The flashcards as an Anki deck (stable note GUIDs: re-importing updates the notes)."""
    _write(output, exports.anki_package())


@export.command("progress")
@click.argument("username")
@click.option("--format", "fmt", type=click.Choice(["pdf", "csv", "xlsx", "json"]), required=True)
@click.option(
    "--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True, help="Language of the report."
)
@OUTPUT
def export_progress(username: str, fmt: str, lang: str, output: Path) -> None:
    """One learner's progress report."""
    user = accounts.find_user(username)
    if user is None:
        raise click.ClickException(f"{username}: no such user")
    # Templates and gettext need a request context; the language is the one asked for.
    with current_app.test_request_context(), force_locale(lang):
        data, _mimetype = exports_learner.learner_export(user, fmt)
    _write(output, data)


@export.command("gradebook")
@click.argument("class_code")
@click.option("--format", "fmt", type=click.Choice(list(gradebook_exports.GRADEBOOK_FORMATS)), required=True)
@click.option("--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True, help="Language of headers.")
@OUTPUT
def export_gradebook(class_code: str, fmt: str, lang: str, output: Path) -> None:
    """A class's gradebook (the PDF is the class report: gradebook, statistics and charts)."""
    try:
        school_class = gradebook_exports.class_by_code(class_code)
    except gradebook_exports.ExportRefused as refused:
        raise click.ClickException(str(refused)) from None
    now = utc_now()
    with current_app.test_request_context(), force_locale(lang):
        data = gradebook_exports.gradebook_file(gradebook.build(school_class, now), fmt, now)
    _write(output, data)


@export.command("item-analysis")
@click.argument("class_code")
@click.argument("assignment_id", type=int)
@click.option("--format", "fmt", type=click.Choice(list(gradebook_exports.ITEM_FORMATS)), required=True)
@click.option("--all-attempts", is_flag=True, help="Every attempt instead of each learner's first.")
@click.option("--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True, help="Language of headers.")
@OUTPUT
def export_item_analysis(
    class_code: str, assignment_id: int, fmt: str, all_attempts: bool, lang: str, output: Path
) -> None:
    """One assignment's item statistics (the assignment must belong to the class)."""
    try:
        school_class = gradebook_exports.class_by_code(class_code)
        assignment = gradebook_exports.assignment_of(school_class, assignment_id)
    except gradebook_exports.ExportRefused as refused:
        raise click.ClickException(str(refused)) from None
    with current_app.test_request_context(), force_locale(lang):
        stats = assignment_stats.compute(assignment, school_class, all_attempts)
        data = gradebook_exports.item_analysis_file(stats, fmt)
    _write(output, data)
