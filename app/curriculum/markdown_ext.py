"""Python-Markdown setup: typed fenced blocks lifted out by a Preprocessor, and rendering."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.preprocessors import Preprocessor
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_all_lexers

from app.curriculum.model import BLOCK_KINDS, TocEntry

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ ]*(?P<info>[^`\s]*)[^`]*$")
# Fenced languages that are not typed blocks are code: any Pygments alias, or none.
CODE_LANGUAGES: frozenset[str] = frozenset(
    alias.lower() for _name, aliases, _files, _mimes in get_all_lexers(plugins=False) for alias in aliases
)
HIGHLIGHT_CLASS = "highlight"
_WORD = re.compile(r"[\w+#-]+")


@dataclass(frozen=True)
class RawBlock:
    """A typed fenced block as found in the text: kind, YAML body and where it is."""

    kind: str
    body: str
    fence_line: int  # 1-based line of the opening fence, counted in the text given
    closed: bool


@dataclass(frozen=True)
class UnknownFence:
    """A fenced block whose info word is neither a typed block kind nor a code language."""

    info: str
    fence_line: int


Found = RawBlock | UnknownFence  # what the preprocessor lifts out, in order


class DojoBlockPreprocessor(Preprocessor):
    """Lifts ```flashcard / ```question / ```lab blocks out and leaves a placeholder."""

    def __init__(self, md: markdown.Markdown, sink: list[Found]) -> None:
        super().__init__(md)
        self.sink = sink

    def run(self, lines: list[str]) -> list[str]:
        """Scan fences line by line so that line numbers stay exact."""
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _FENCE.match(lines[i])
            if not m:
                out.append(lines[i])
                i += 1
                continue
            fence, info = m.group("fence"), m.group("info").lower()
            end = _closing(lines, i + 1, fence)
            block = lines[i + 1 : end]
            if info in BLOCK_KINDS:
                raw = RawBlock(info, "\n".join(block), i + 1, end < len(lines))
                self.sink.append(raw)
                out.extend(["", self.md.htmlStash.store(_placeholder(raw)), ""])
                # keep the line count so later line-based tools see the same numbers
                out.extend([""] * (end - i + 1 - 3))
            else:
                if _WORD.fullmatch(info) and info not in CODE_LANGUAGES:
                    self.sink.append(UnknownFence(info, i + 1))
                out.extend(lines[i : end + 1])
            i = end + 1
        return out


def _closing(lines: list[str], start: int, fence: str) -> int:
    """Index of the line closing ``fence`` (CommonMark: same char, at least as long)."""
    for j in range(start, len(lines)):
        s = lines[j].rstrip()
        if s and set(s) == {fence[0]} and len(s) >= len(fence):
            return j
    return len(lines)


_ID_LINE = re.compile(r"^id:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def _placeholder(raw: RawBlock) -> str:
    """The element the web page replaces with the interactive widget."""
    m = _ID_LINE.search(raw.body)
    item_id = m.group(1) if m else ""
    return f'<div class="dojo-item" data-kind="{raw.kind}" data-id="{html.escape(item_id, quote=True)}"></div>'


class DojoBlocksExtension(Extension):
    """Registers the block preprocessor; found blocks go to ``sink``."""

    def __init__(self, sink: list[Found], **kwargs: Any) -> None:
        self.sink = sink
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Run after whitespace normalisation (30), before fenced_code (25)."""
        md.preprocessors.register(DojoBlockPreprocessor(md, self.sink), "dojo_blocks", 28)


def _markdown(extra: list[Extension] | None = None) -> markdown.Markdown:
    """A Markdown converter with the course's extensions."""
    return markdown.Markdown(
        extensions=[
            "fenced_code",
            "codehilite",
            "tables",
            "toc",
            "sane_lists",
            *(extra or []),
        ],
        extension_configs={
            "codehilite": {"css_class": HIGHLIGHT_CLASS, "guess_lang": False},
            "toc": {"slugify": slugify_unicode, "permalink": False},
        },
        output_format="html",
    )


def render_lesson_body(text: str) -> tuple[str, tuple[TocEntry, ...], list[Found]]:
    """Render a lesson body: (html, toc, found blocks and unknown fences in order)."""
    sink: list[Found] = []
    md = _markdown([DojoBlocksExtension(sink)])
    out = md.convert(text)
    return out, _flatten_toc(md.toc_tokens), sink  # type: ignore[attr-defined]


def render_markdown(text: str) -> str:
    """Render Markdown (card faces, prompts, tasks, hints) to HTML; typed blocks are not read."""
    return _markdown().convert(text)


def _flatten_toc(tokens: list[dict[str, Any]]) -> tuple[TocEntry, ...]:
    """Python-Markdown's nested toc tokens as a flat tuple."""
    out: list[TocEntry] = []
    for t in tokens:
        out.append(TocEntry(int(t["level"]), str(t["id"]), html.unescape(str(t["name"]))))
        out.extend(_flatten_toc(t.get("children", [])))
    return tuple(out)


def pygments_css(style: str = "default") -> str:
    """CSS for highlighted code blocks (class ``highlight``), for the web layer's stylesheet."""
    # pygments ships no type hints for its formatters
    css: str = HtmlFormatter(style=style).get_style_defs(f".{HIGHLIGHT_CLASS}")  # type: ignore[no-untyped-call]
    return css
