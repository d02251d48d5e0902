"""HTTP layer: one module per area, each exposes `bp`."""
from __future__ import annotations

from app.blueprints import auth, main

BLUEPRINTS = (main.bp, auth.bp)
