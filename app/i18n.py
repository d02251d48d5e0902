"""Language choice: Korean first, English second."""

from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import get_locale
from flask_login import current_user


def select_locale() -> str:
    """The learner's chosen language (session, then account), else Korean."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if isinstance(chosen, str) and chosen in languages:
        return chosen
    user_locale = getattr(current_user, "locale", None) if current_user else None
    if isinstance(user_locale, str) and user_locale in languages:
        return user_locale
    if request and request.args.get("lang") in languages:
        return request.args["lang"]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    """Expose the current language to templates, and the readers of stored grader messages."""
    from app.services.messages import stored_check_message, stored_feedback

    app.add_template_global(stored_feedback)
    app.add_template_global(stored_check_message)

    @app.context_processor
    def inject_language() -> dict[str, object]:
        return {"current_lang": str(get_locale()), "languages": app.config["LANGUAGES"]}
