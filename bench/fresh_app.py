"""What the web benchmarks share: an app on a fresh, migrated SQLite file, CSRF off."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import upgrade

from app import create_app


def fresh_app(**config: Any) -> Flask:
    """A new app on its own SQLite file in a temporary folder, migrated to the newest schema."""
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            **config,
        }
    )
    with app.app_context():
        upgrade()
    return app
