"""The translation catalogues are whole: `.po` files are merged by union (.gitattributes), and a union
merge can leave a message defined twice or two translations run together in one msgstr."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[1] / "app" / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
#: five or more English words in a row inside a Korean translation: an English msgid glued on by a merge
ENGLISH_RUN = re.compile(r"(?:\b[A-Za-z']+\b[ ,.]+){5,}")


def msgids(text: str) -> list[str]:
    """Every msgid (active or obsolete `#~`) as written, continuation lines joined."""
    ids, current = [], None
    for line in text.splitlines():
        line = line.removeprefix("#~ ").strip()
        if line.startswith("msgid "):
            current = [line[len("msgid ") :]]
            ids.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            current = None
    return ["".join(parts) for parts in ids if "".join(parts) != '""']


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_no_message_is_defined_twice(path: Path) -> None:
    seen = msgids(path.read_text(encoding="utf-8"))
    twice = sorted({m for m in seen if seen.count(m) > 1})
    assert not twice, f"{path}: defined twice (run pybabel update --ignore-obsolete): {twice[:3]}"


def test_korean_translations_have_no_english_sentence_glued_on() -> None:
    with (TRANSLATIONS / "ko" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    glued = [(m.id, m.string) for m in catalog if m.id and isinstance(m.string, str) and ENGLISH_RUN.search(m.string)]
    assert not glued, glued[:3]


def test_the_checks_catch_what_a_union_merge_leaves() -> None:
    damaged = 'msgid "Labs"\nmsgstr "실습"\n\n#~ msgid "Labs"\n#~ msgstr "실습"\n'
    assert msgids(damaged) == ['"Labs"', '"Labs"']
    assert ENGLISH_RUN.search("연습 실습은 들어가지 않습니다.Failing commands typed in the labs of submitted")
