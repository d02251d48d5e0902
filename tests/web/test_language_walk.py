"""Every page in both languages, and every simulator message id: no string in the wrong language.

- English UI: no Hangul outside course text (elements marked `lang="ko"`).
- Korean UI: no English UI sentence (four English words in a row) outside code, terminal text and
  elements marked `lang="en"`, and no text that is exactly an English catalogue entry left untranslated.
- Every message the simulator and the graders mark with `N_(...)` has a Korean translation, and the
  English text has no Hangul (pure-format ids such as "%(head)s, %(tail)s" are copied unchanged).
- The graders' messages, which appear only after an answer, are walked in `test_grader_language.py`.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from flask import Flask

from app.dockersim import HINTS, DockerHost, Message
from app.services.messages import translate
from tests.catalogue import korean_catalogue
from tests.web.test_every_endpoint import SAMPLE_ARGS, app_config, client_as  # noqa: F401 - the fixture is reused

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: [a-z]{2,}){3,}\b")
# Text that is code or what a terminal prints, in any UI language.
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
APP = Path(__file__).resolve().parents[2] / "app"
PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")
#: Ids whose Korean rightly has no Hangul because a symbol stands for the word (‘a’ → ‘b’ → ‘c’).
SYMBOL_FOR_WORD = {"‘%(first)s’, then %(rest)s"}


def same_in_every_language(msgid: str) -> bool:
    """Only parameters and punctuation ("%(head)s, %(tail)s", "CMD %(words)s"), or a symbol for a word."""
    return msgid in SYMBOL_FOR_WORD or not re.search(r"[a-z]{2,}", PLACEHOLDER.sub("", msgid))


class _Text(HTMLParser):
    """Visible text and labelling attributes with the element language and verbatim-ness they sit in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.pieces: list[tuple[str | None, bool, str, str]] = []  # (language, verbatim, element, text)

    def _here(self) -> tuple[str | None, bool]:
        lang = next((lang for _, lang, _ in reversed(self.stack) if lang), None)
        return lang, any(verbatim for _, _, verbatim in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        own_lang = values.get("lang")
        verbatim = tag in VERBATIM or "terminal" in (values.get("class") or "").split()
        lang, inside = self._here()
        for name in SHOWN_ATTRIBUTES:
            if values.get(name):
                self.pieces.append((own_lang or lang, inside, tag, values[name] or ""))
        if tag not in VOID:
            self.stack.append((tag, own_lang, verbatim))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip():
            lang, verbatim = self._here()
            element = self.stack[-1][0] if self.stack else ""
            self.pieces.append((lang, verbatim, element, " ".join(data.split())))


def wrong_language(html: str, ui: str) -> list[str]:
    """The pieces of a page that are not in the UI language `ui`.

    <title> cannot hold a lang="ko" span: there the course title (Korean course text) stands beside the UI's words.
    """
    parser = _Text()
    parser.feed(html)
    english_ids = _untranslated_markers()
    if ui == "en":
        return [t for lang, _, element, t in parser.pieces if lang != "ko" and HANGUL.search(t) and element != "title"]
    return [
        t
        for lang, verbatim, _, t in parser.pieces
        if lang != "en" and not verbatim and (ENGLISH_SENTENCE.search(t) or t in english_ids)
    ]


def _untranslated_markers() -> set[str]:
    """English catalogue entries that are whole UI words or phrases (seen alone in the Korean UI: untranslated)."""
    return {
        msgid for msgid, text in korean_catalogue().items() if msgid != text and re.fullmatch(r"[A-Z][a-z ]+", msgid)
    }


def test_the_checker_catches_both_directions():
    assert wrong_language('<p>실습</p><p lang="ko">도커</p>', "en") == ["실습"]
    assert wrong_language("<p>Solve it another way now.</p><code>docker run -p 80 the image</code>", "ko") == [
        "Solve it another way now."
    ]
    assert wrong_language('<button title="Hint">다음</button>', "ko") == ["Hint"]


@pytest.mark.parametrize("ui", ["ko", "en"])
@pytest.mark.parametrize("role", ["guest", "learner", "instructor"])
def test_every_page_is_in_the_ui_language(app: Flask, role: str, ui: str) -> None:
    client = client_as(app, role)
    client.get("/")  # flashed messages of the setup were said in the language of their moment
    client.post(f"/lang/{ui}")
    problems = {}
    for url in page_urls(app):
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        wrong = wrong_language(response.get_data(as_text=True), ui)
        if wrong:
            problems[url] = wrong[:5]
    assert not problems, problems


def page_urls(app: Flask) -> list[str]:
    """A URL for every GET rule, with sample values (numbers for numeric variables: class 1, assignment 1)."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in (rule.methods or ()) or rule.endpoint == "static":
                continue
            args = {}
            for name in rule.arguments:
                numeric = type(rule._converters[name]).__name__ == "IntegerConverter"
                args[name] = 1 if numeric else SAMPLE_ARGS.get(name, ["x"])[0]
            found.append(rule.build(args, append_unknown=False)[1])
    return sorted(found)


def _marked_messages() -> dict[str, str]:
    """msgid -> where, for every N_("...") in the simulator and the graders."""
    found = {}
    for package in ("dockersim", "grading"):
        for filename, lineno, message, _comments, _context in extract_from_dir(
            APP / package, method_map=[("**.py", "python")], keywords={"N_": None}
        ):
            if isinstance(message, str):
                found[message] = f"{package}/{filename}:{lineno}"
    return found


def test_every_simulator_and_grader_message_has_korean_and_english():
    marked = _marked_messages()
    assert {m.id for m in HINTS.values()} <= set(marked)
    catalogue = korean_catalogue()
    missing = {
        where: msgid
        for msgid, where in marked.items()
        if not HANGUL.search(catalogue.get(msgid, "")) and not (same_in_every_language(msgid) and msgid in catalogue)
    }
    assert not missing, missing
    hangul_ids = {where: msgid for msgid, where in marked.items() if HANGUL.search(msgid)}
    assert not hangul_ids, hangul_ids


@pytest.mark.parametrize("ui", ["ko", "en"])
def test_hints_and_the_busy_note_are_in_the_ui_language(app: Flask, ui: str) -> None:
    host = DockerHost(seed=0, hints=True)
    host.run("docker run --name web nginx")
    busy = host.run("docker ps")
    # every note the simulator can write (not only hints): its own refusals, limits and cut notes too
    own = [
        Message(msgid, tuple((field, "web") for field in sorted(set(re.findall(r"%\((\w+)\)s", msgid)))))
        for msgid, where in _marked_messages().items()
        if where.startswith("dockersim/")
    ]
    notes: list[Message] = [*HINTS.values(), *own, *busy.notes]
    with app.test_request_context(headers={"Accept-Language": ui}):
        from flask import session

        session["lang"] = ui
        shown = [translate(note) for note in notes]
    for text in shown:
        assert bool(HANGUL.search(text)) == (ui == "ko"), text
    assert "1" in shown[-1] and "0" not in shown[-1].replace("web", "")  # terminals count from 1, as the tabs


@pytest.mark.parametrize("ui", ["ko", "en"])
def test_terminal_notes_are_in_the_ui_language(app: Flask, ui: str) -> None:
    client = client_as(app, "guest")
    client.post(f"/lang/{ui}")
    for line in ("docker rm nope", "docker run --name web nginx", "docker ps"):
        reply = client.post("/labs/lab-sample-detached/run", json={"line": line, "terminal": 0}).get_json()
    notes = [chunk for entries in reply["output"].values() for _, kind, chunk in entries if kind == "note"]
    assert len(notes) == 2, notes  # the hint on the missing container, the busy terminal
    for note in notes:
        assert bool(HANGUL.search(note)) == (ui == "ko"), note
    assert ("터미널 1" if ui == "ko" else "Terminal 1") in notes[1]  # counted from 1, as the tabs are
    # stored as messages: after switching language the same notes read in the other one (page and poll)
    other = "en" if ui == "ko" else "ko"
    client.post(f"/lang/{other}")
    page = client.get("/labs/lab-sample-detached").get_data(as_text=True)
    initial = json.loads(re.search(r'id="lab-data">(.*?)</script>', page, re.DOTALL).group(1))
    poll = client.post("/labs/lab-sample-detached/poll", json={"since": {}, "epoch": -1}).get_json()
    for output in (initial["output"], poll["output"]):
        again = [chunk for entries in output.values() for _, kind, chunk in entries if kind == "note"]
        assert len(again) == 2 and all(bool(HANGUL.search(note)) == (other == "ko") for note in again), again
