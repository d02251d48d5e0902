"""The class every model derives from: Flask-SQLAlchemy's `db.Model`, typed as the declarative base.

`db.Model` is made at run time (mypy cannot use it as a base class); it derives from
`app.extensions.Base`, which is what the type checker sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.extensions import db

if TYPE_CHECKING:
    from app.extensions import Base as Model
else:
    Model = db.Model

__all__ = ["Model"]
