"""Writing systems of characters and strings (Cyrillic, Latin, CJK) and the language each implies."""
from __future__ import annotations

import re
from collections import Counter

#: The language each writing system stands for in a ru–en–zh publication.
SCRIPT_LANG = {"cyrillic": "ru", "latin": "en", "cjk": "zh"}
LANG_NAMES = {"ru": "Russian", "en": "English", "zh": "Chinese"}

_URL = re.compile(r"<?(?:https?://|www\.)\S+")


def char_script(ch: str) -> str | None:
    """The writing system of one letter, or None for digits, punctuation and other scripts."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "cjk"
    if not ch.isalpha():
        return None
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return None


def script_counts(text: str) -> Counter:
    """Letters per writing system in ``text``, ignoring web addresses."""
    return Counter(s for s in map(char_script, _URL.sub(" ", text)) if s)


def dominant_script(text: str) -> str | None:
    """The writing system with most letters in ``text`` (None when it has no letters)."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def has_cjk(text: str) -> bool:
    return any(char_script(ch) == "cjk" for ch in text)
