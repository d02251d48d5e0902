"""Korean particles after a message parameter, picked when the message is translated.

A Korean catalogue text writes the particle after a parameter in its textbook double form —
`%(who)s이(가)`, `%(name)s을(를)`, `%(name)s은(는)`, `%(name)s과(와)`, `%(path)s(으)로` — and
`attach_particles` replaces (also across a closing quote: `‘%(answer)s’을(를)`) the double form with the one the *translated* parameter needs
(`web 컨테이너가`, `data 볼륨이`, `파일로`, `/app으로`). The particle is chosen by how the last word
is read aloud:

- a Hangul syllable: by its final consonant (받침); for (으)로 a final ㄹ counts as none (`파일로`);
- a number: as Sino-Korean (`3` 삼 → 이, `2` 이 → 가, `8000` 팔천 → 이, `1` 일 → 로);
- Latin letters (container, image and volume names): as Korean speakers usually read short English
  words — `web`(웹), `app`(앱), `feedback`(피드백), `main`(메인), `ping`(핑) end in a consonant,
  `mysql`, `html`, `file` in ㄹ, `nginx`, `redis`, `docker`, `node`, `db` in a vowel; a lone
  letter by its name (`L` 엘, `R` 알, `M` 엠, `N` 엔 end in consonants). This is a heuristic;
  unknown endings count as a vowel.

A parenthesis after the word (`실행 중(Up)`, `종료(Exited (0))`) and closing quotes are skipped:
the particle follows the word before them, as in print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: double form -> (after a final consonant, after a vowel); (으)로 treats a final ㄹ as a vowel.
PARTICLES: dict[str, tuple[str, str]] = {
    "이(가)": ("이", "가"),
    "을(를)": ("을", "를"),
    "은(는)": ("은", "는"),
    "과(와)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)다": ("이다", "다"),
}

_AFTER_PARAMETER = re.compile(r"(%\((\w+)\)[sd][’'\")]?)(" + "|".join(re.escape(form) for form in PARTICLES) + ")")
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # the index of final ㄹ among the 28 final-consonant slots
_CLOSERS = "’'\"”」』]>.,!?…` "
_VOWEL_LETTERS = set("aeiouy")
#: Sino-Korean readings of the last non-zero digit: True = ends in a consonant, "ㄹ" = in ㄹ.
_DIGITS: dict[str, bool | str] = {
    "1": "ㄹ", "2": False, "3": True, "4": False, "5": False, "6": True, "7": "ㄹ", "8": "ㄹ", "9": False,
}  # fmt: skip
#: Lone Latin letters read by their names (엘, 알, 엠, 엔); the others (에이, 비, 씨 ...) end in a vowel.
_LETTER_NAMES: dict[str, bool | str] = {"l": "ㄹ", "r": "ㄹ", "m": True, "n": True}


def _last_word(text: str) -> str:
    """The text without trailing quotes, punctuation and parenthesised remarks."""
    text = text.rstrip(_CLOSERS)
    while text.endswith(")"):
        depth, cut = 0, -1
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                cut = i
                break
        if cut <= 0:
            break
        text = text[:cut].rstrip(_CLOSERS)
    return text


def _latin_ending(word: str) -> bool | str:
    """How a Latin-letter ending is read: True consonant, False vowel, "ㄹ"."""
    letters = re.search(r"[a-z]+$", word.lower())
    tail = letters.group(0) if letters else ""
    if not tail:
        return False
    if len(tail) == 1:
        return _LETTER_NAMES.get(tail, False)
    last, before = tail[-1], tail[-2]
    if last == "e":  # a silent e: name 네임, file 파일, node 노드
        silent: dict[str, bool | str] = {"m": True, "n": True, "l": "ㄹ"}
        return silent.get(before, False)
    if last == "l":
        return "ㄹ"
    if last in "mn" or tail.endswith("ng"):
        return True
    if last in "bpk":  # web 웹, app 앱, feedback 피드백; db 디비, help 헬프, disk 디스크
        return before in _VOWEL_LETTERS or before == last or (last == "k" and before == "c")
    if last == "t":  # net 넷; root 루트, test 테스트
        return before in _VOWEL_LETTERS and (len(tail) < 3 or tail[-3] not in _VOWEL_LETTERS)
    return False


def ending(text: str) -> bool | str:
    """How `text` ends when read aloud: True a final consonant, "ㄹ" a final ㄹ, False a vowel."""
    word = _last_word(str(text))
    if not word:
        return False
    last = word[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        final = (ord(last) - _HANGUL_FIRST) % 28
        return "ㄹ" if final == _RIEUL else final != 0
    if 0x3131 <= ord(last) <= 0x314E:  # a lone consonant jamo
        return "ㄹ" if last == "ㄹ" else True
    if last.isdigit():
        digits = re.search(r"\d+$", word)
        number = digits.group(0) if digits else last
        significant = number.rstrip("0")
        if not significant:
            return True  # 영
        if len(significant) < len(number):
            return True  # 십, 백, 천, 만
        return _DIGITS.get(significant[-1], False)
    if last.isascii() and last.isalpha():
        return _latin_ending(word)
    return False


def particle(form: str, text: str) -> str:
    """The particle `form` (e.g. "이(가)") as it must read after `text`."""
    with_consonant, with_vowel = PARTICLES[form]
    end = ending(text)
    if form == "(으)로":
        return with_consonant if end is True else with_vowel
    return with_consonant if end else with_vowel


def attach_particles(template: str, values: Mapping[str, Any]) -> str:
    """The template with every double-form particle right after a parameter resolved by that parameter's value."""

    def resolve(match: re.Match[str]) -> str:
        placeholder, name, form = match.groups()
        return placeholder + (particle(form, str(values[name])) if name in values else form)

    return _AFTER_PARAMETER.sub(resolve, template)
