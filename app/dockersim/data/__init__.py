"""The simulator's data files (JSON in this folder), read from the package itself.

This is the one place in the pure package that reads anything: `load` opens a file shipped inside
`app/dockersim/data/` through importlib.resources, by a fixed name, at import time of the module that
needs it. It never reads a path a learner (or any caller) supplies. See docs/architecture.md.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

FILES = frozenset({"cli.json", "names.json"})


def load(name: str) -> Any:
    """The parsed JSON of one of this package's data files (FILES)."""
    if name not in FILES:
        raise ValueError(f"not a data file of app.dockersim: {name!r}")
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
