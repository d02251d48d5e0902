"""HTTP delivery: compressed HTML and JSON, static files under hashed URLs cached for a year, and
the completion words served once as a cached file instead of inside every lab page."""

from __future__ import annotations

import gzip
import json
import re

from app.services import lab_view

PLAYGROUND = "@playground"


def test_html_and_json_are_compressed_for_a_client_that_accepts_it(client):
    page = client.get("/playground", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in page.headers["Vary"]
    assert "<!doctype html>" in gzip.decompress(page.get_data()).decode()
    reply = client.post(
        f"/labs/{PLAYGROUND}/run", json={"line": "docker ps" + " " * 600}, headers={"Accept-Encoding": "br, gzip"}
    )
    assert reply.headers["Content-Encoding"] in ("br", "gzip")
    plain = client.get("/playground")
    assert "Content-Encoding" not in plain.headers


def test_static_urls_carry_a_content_hash_and_are_cached_for_a_year(client):
    html = client.get("/playground").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert urls and all(re.search(r"\?v=[0-9a-f]{12}$", u) for u in urls), urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    stale = client.get(urls[0].split("?")[0] + "?v=000000000000")
    assert "immutable" not in stale.headers.get("Cache-Control", "")
    assert "immutable" not in client.get(urls[0].split("?")[0]).headers.get("Cache-Control", "")


def test_the_completion_words_are_a_cached_file_not_part_of_the_page(client):
    html = client.get("/playground").get_data(as_text=True)
    initial = json.loads(re.search(r'id="lab-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert "words" not in initial and "--publish" not in html
    response = client.get(initial["words_url"])
    assert response.status_code == 200 and response.get_json() == lab_view.completion_words()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    again = client.get(initial["words_url"], headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_the_csp_still_forbids_inline_script(client):
    csp = client.get("/playground").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
