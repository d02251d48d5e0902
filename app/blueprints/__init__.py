"""HTTP layer: one module per area, each exposes `bp`."""

from __future__ import annotations

from app.blueprints import account, assignments, auth, cards, classes, gradebook, labs, lessons, main, progress

BLUEPRINTS = (
    main.bp,
    auth.bp,
    account.bp,
    lessons.bp,
    cards.bp,
    labs.bp,
    progress.bp,
    classes.bp,
    assignments.bp,
    gradebook.bp,
)
