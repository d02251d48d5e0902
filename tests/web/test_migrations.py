"""The migrations make exactly the schema the models describe, and convert existing rows, on every backend."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from app import create_app
from app.extensions import db
from app.models import Activity, ActivityKind, CardReview, CardStage, CardState, QuestionAnswer
from tests.conftest import _postgres_admin_url, _postgres_connect, _with_database, base_config

_names = itertools.count()


def test_models_and_migrations_agree(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, on each backend (PostgreSQL as the `app` fixture finds it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    request.getfixturevalue("postgres_template")  # skips or fails as every PostgreSQL test does
    name = f"dojo_m_{os.getpid()}_{next(_names)}"
    with _postgres_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _with_database(_postgres_admin_url(), name)
    with _postgres_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


OLD_ROWS = [
    "INSERT INTO users (id, is_guest, role, created_at) VALUES (1, :yes, 'learner', :at)",
    "INSERT INTO question_answers (user_id, question_id, token, answer_json, verdict_json, score, max_score,"
    " passed, created_at) VALUES (1, 'q-1', 't', :answer, :verdict, 1.0, 1.0, :yes, :at)",
    "INSERT INTO card_states (user_id, card_id, fsrs, due, state, reps, lapses, first_seen_at, updated_at)"
    " VALUES (1, 'fc-1', :fsrs, :at, 'review', 2, 0, :at, :at)",
    "INSERT INTO card_reviews (user_id, card_id, rating, reviewed_at, state_before, due_after)"
    " VALUES (1, 'fc-1', 3, :at, 'new', :at)",
    "INSERT INTO activities (user_id, kind, item_id, detail, created_at) VALUES (1, 'lab_solved', 'lab-1', NULL, :at)",
]
VERDICT = {"score": 1.0, "passed": True, "checks": [{"passed": True, "message_ko": "정답", "message_en": "Right"}]}
FSRS = {"card_id": 7, "state": 2, "step": None, "stability": 3.2, "due": "2026-03-02T01:00:00+00:00"}


def test_0006_converts_rows_written_in_the_old_form(empty_database: str, tmp_path: Path):
    """Rows stored as JSON text (0004) read back as JSON values and enums after the upgrade, and back again."""
    app = create_app(base_config(empty_database, tmp_path))
    at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    params = {
        "yes": True,
        "at": at,
        "answer": json.dumps(["docker", 2], ensure_ascii=False),
        "verdict": json.dumps(VERDICT, ensure_ascii=False),
        "fsrs": json.dumps(FSRS),
    }
    with app.app_context():
        upgrade(revision="0004")
        for statement in OLD_ROWS:
            db.session.execute(text(statement), params)
        db.session.commit()
        upgrade()
        answer = db.session.scalar(select(QuestionAnswer))
        assert answer.answer == ["docker", 2] and answer.verdict == VERDICT
        state = db.session.scalar(select(CardState))
        assert state.fsrs == FSRS and state.state is CardStage.review and state.due == at
        assert db.session.scalar(select(CardReview.state_before)) is CardStage.new
        assert db.session.scalar(select(Activity.kind)) is ActivityKind.lab_solved
        db.session.remove()
        downgrade(revision="0004")
        old = db.session.execute(text("SELECT answer_json, verdict_json FROM question_answers")).one()
        assert json.loads(old[0]) == ["docker", 2] and json.loads(old[1]) == VERDICT
        db.session.remove()
        db.engine.dispose()


def test_rebuilding_the_users_table_keeps_rows_that_point_at_users(empty_database: str, tmp_path: Path):
    """Downgrading past 0005 rebuilds `users` on SQLite; no user-owned row may be cascade-deleted."""
    app = create_app(base_config(empty_database, tmp_path))
    at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with app.app_context():
        upgrade()
        db.session.execute(
            text(
                "INSERT INTO users (id, is_guest, role, created_at, session_epoch) VALUES (1, :yes, 'learner', :at, 0)"
            ),
            {"at": at, "yes": True},
        )
        db.session.execute(
            text("INSERT INTO activities (user_id, kind, item_id, created_at) VALUES (1, 'lab_solved', 'lab-1', :at)"),
            {"at": at},
        )
        db.session.commit()
        db.session.remove()
        downgrade(revision="0004s")
        assert db.session.scalar(text("SELECT count(*) FROM activities")) == 1
        upgrade()
        assert db.session.scalar(text("SELECT count(*) FROM activities")) == 1
        db.session.remove()
        db.engine.dispose()
