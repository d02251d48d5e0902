"""PDF from the app's Jinja templates with WeasyPrint (needs Debian's pango and fonts-nanum)."""

from __future__ import annotations

from typing import Any

from flask import render_template
from weasyprint import CSS, HTML


def render_pdf(template: str, **context: Any) -> bytes:
    """Render `template` as HTML and print it with the print stylesheet; no file is written.

    The HTML is fetched by nothing: templates of reports link no file, so WeasyPrint gets no
    base URL and cannot be led to read a local path or the network.
    """
    html = render_template(template, **context)
    stylesheet = CSS(string=render_template("reports/print.css"))
    pdf: bytes = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
    return pdf
