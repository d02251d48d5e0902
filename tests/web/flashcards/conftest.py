"""Fixtures of the flashcard tests: an app on a five-card course (three new cards a day), a learner."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import create_app
from app.extensions import db
from app.models import User
from tests.conftest import base_config
from tests.web.flashcards.helpers import LESSON_ONE, LESSON_TWO


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "lessons").mkdir(parents=True)
    (root / "lessons" / "01-one.md").write_text(LESSON_ONE, encoding="utf-8")
    (root / "lessons" / "02-two.md").write_text(LESSON_TWO, encoding="utf-8")
    return root


@pytest.fixture
def app(database_uri: str, tmp_path: Path, content_dir: Path):  # type: ignore[no-untyped-def]
    """The app on a small course of five cards, with a daily limit of three new cards."""
    config = base_config(database_uri, tmp_path)
    config.update(CONTENT_DIR=str(content_dir), NEW_CARDS_PER_DAY=3)
    app = create_app(config)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def svc(app):  # type: ignore[no-untyped-def]
    """Run service calls inside a short request context (the service reads config and the session)."""

    def call(function, *args, **kwargs):  # type: ignore[no-untyped-def]
        with app.test_request_context():
            try:
                return function(*args, **kwargs)
            finally:
                db.session.remove()

    return call


@pytest.fixture
def learner(dbs) -> int:
    with dbs() as s:
        user = User(is_guest=True)
        s.add(user)
        s.commit()
        return user.id
