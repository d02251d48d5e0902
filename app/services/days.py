"""Study days are counted in the school's time zone (setting `TIMEZONE`, default Asia/Seoul)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app


def school_zone() -> ZoneInfo:
    """The time zone whose midnight starts a study day."""
    return ZoneInfo(current_app.config["TIMEZONE"])
