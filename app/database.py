"""Database set-up that SQLAlchemy leaves to us: SQLite pragmas."""

from __future__ import annotations

import sqlite3

from flask import Flask
from sqlalchemy import event

from app.extensions import db

#: SQLite's durability setting with WAL (see _sqlite_pragmas); 1 is NORMAL in `PRAGMA synchronous`.
SQLITE_SYNCHRONOUS = "NORMAL"


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """WAL for concurrent readers, foreign keys on, and wait on locks instead of failing.

    `synchronous=NORMAL` is SQLite's recommended setting in WAL mode: the database cannot be
    corrupted, but a commit made just before a power cut (not a crash of the process) may be
    rolled back. It saves an fsync per commit, which under disk load was most of a lab command's
    time (bench/README.md). A lost last command after a power cut is an acceptable trade here.
    """
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def init_app(app: Flask) -> None:
    """Install the pragmas on every new SQLite connection of this app's engine."""
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)
