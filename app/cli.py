"""`flask` commands: create-instructor (and, as they land, content and export commands)."""
from __future__ import annotations

import click
from flask import Flask

from app.services import accounts


def register_cli(app: Flask) -> None:
    """Attach the commands to the app."""

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
