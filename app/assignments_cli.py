"""`flask assignments close-overdue` and `flask demo`: commands for classes and assignments."""

from __future__ import annotations

import json

import click
from flask import Flask
from flask.cli import AppGroup

from app.services import attempts, demo
from app.services.classes import utc_now


def register(app: Flask) -> None:
    """Attach the commands to the app."""
    group = AppGroup("assignments", help="Assigned quizzes.")
    app.cli.add_command(group)

    @group.command("close-overdue")
    def close_overdue() -> None:
        """Submit every attempt whose deadline has passed (safe to run from cron)."""
        count = attempts.close_overdue(utc_now())
        click.echo(f"{count} attempt(s) submitted")

    @app.cli.command("demo")
    @click.option("--learners", type=click.IntRange(1, 2000), default=30, show_default=True)
    @click.option("--seed", type=int, default=None, help="Same seed, same names and answers.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    def demo_command(learners: int, seed: int | None, as_json: bool) -> None:
        """A demo instructor, a class of N learners, two assignments and graded attempts."""
        result = demo.create_demo(learners, seed, utc_now())
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
            return
        click.echo(f"class code {result['class_code']} ({learners} learners)")
        click.echo(f"instructor {result['instructor']} password {result['instructor_password']}")
        click.echo(f"assignments {', '.join(str(i) for i in result['assignments'])}")
