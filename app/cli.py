"""`flask` commands: create-instructor (and, as they land, content and export commands)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import Flask

from app import assignments_cli
from app.cli_export import export
from app.curriculum import course_stats
from app.services import accounts
from app.services.content_check import check_course
from app.services.course import content_dir, parse_content


def register_cli(app: Flask) -> None:
    """Attach the commands to the app."""
    app.cli.add_command(export)
    assignments_cli.register(app)

    @app.cli.command("create-instructor")
    @click.argument("username")
    @click.option("--display-name", default=None, help="Name shown to learners.")
    @click.password_option(help="Password (asked for when not given).")
    def create_instructor(username: str, display_name: str | None, password: str) -> None:
        """Create an instructor account."""
        if len(password) < 8:
            raise click.ClickException("password must have at least 8 characters")
        try:
            user = accounts.create_instructor(username, password, display_name)
        except accounts.AccountError as error:
            raise click.ClickException(f"{username}: user name is taken") from error
        click.echo(f"instructor {user.username} created (id {user.id})")

    content = click.Group("content", help="Check the course and count what is in it.")
    app.cli.add_command(content)

    @content.command("check")
    @click.option(
        "--dir",
        "folder",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Content folder (default: CONTENT_DIR).",
    )
    def content_check(folder: Path | None) -> None:
        """Parse everything, replay every lab and command answer; non-zero exit on any problem."""
        course, errors = check_course(folder or content_dir())
        for error in errors:
            click.echo(str(error), err=True)
        stats = course_stats(course)
        summary = (
            f"{stats['lessons']} lessons, {stats['flashcards']} flashcards, "
            f"{sum(stats['questions'].values())} questions, {stats['labs']} labs"
        )
        if errors:
            raise click.ClickException(f"{len(errors)} problem(s) in the content ({summary})")
        click.echo(
            f"content OK: {summary}; every lab's solution passes and every command answer's reference grades right"
        )

    @content.command("stats")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=None)
    def content_stats(as_json: bool, folder: Path | None) -> None:
        """Count lessons, flashcards, questions by kind and labs."""
        course, _errors = parse_content(folder or content_dir())
        stats = course_stats(course)
        if as_json:
            click.echo(json.dumps(stats, ensure_ascii=False))
            return
        click.echo(f"lessons {stats['lessons']}, flashcards {stats['flashcards']}, labs {stats['labs']}")
        for kind, count in sorted(stats["questions"].items()):
            click.echo(f"questions {kind}: {count}")
