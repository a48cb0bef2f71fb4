"""Writing systems of characters and strings (Cyrillic, Latin, CJK) and the language each implies."""
from __future__ import annotations

import re
from collections import Counter

#: The language each writing system stands for in a ru–en–zh publication.
SCRIPT_LANG = {"cyrillic": "ru", "latin": "en", "cjk": "zh"}
LANG_NAMES = {"ru": "Russian", "en": "English", "zh": "Chinese"}

_URL = re.compile(r"<?(?:https?://|www\.)\S+")
#: Invisible format characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen,
#: bidirectional controls, tags) that PDF extraction and web copies leave inside text.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                       "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]")


def visible(text: str) -> str:
    """``text`` without invisible format characters."""
    return INVISIBLE.sub("", text)


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
    """Letters per writing system in ``text``, ignoring web addresses (also those that an
    invisible character interrupts)."""
    return Counter(s for s in map(char_script, _URL.sub(" ", visible(text))) if s)


def dominant_script(text: str) -> str | None:
    """The writing system with most letters in ``text`` (None when it has no letters)."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def has_cjk(text: str) -> bool:
    return any(char_script(ch) == "cjk" for ch in text)
