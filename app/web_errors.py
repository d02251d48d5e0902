"""Error pages (404, 413, 429, 500, expired CSRF token), in the learner's language."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def bad_input_message() -> str:
    """What a learner reads when the request edge refused their input (400)."""
    return _("Something in what was sent could not be read. Reload the page and try again; nothing was saved.")


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return render_template(
            "errors/error.html",
            code=400,
            title=_("This form has expired"),
            message=_(
                "The page was open too long or the form was sent twice. Reload the page and try again; nothing was saved."
            ),
        ), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        titles = {
            400: (_("This request could not be read"), bad_input_message()),
            404: (
                _("Page not found"),
                _("There is no page at this address. Check the address or go back to the course."),
            ),
            413: (_("Too much data"), _("What you sent is larger than this site accepts. Send less and try again.")),
            429: (_("Too many attempts"), _("Please wait a minute before trying again.")),
        }
        title, message = titles.get(code, (error.name, _("The request could not be completed.")))
        return render_template("errors/error.html", code=code, title=title, message=message), code

    @app.errorhandler(500)
    def server_error(error: Exception) -> tuple[str, int]:
        return render_template(
            "errors/error.html",
            code=500,
            title=_("Something went wrong"),
            message=_("An error occurred on our side. Your work up to the last saved step is safe; please try again."),
        ), 500
