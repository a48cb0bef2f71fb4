"""Numbers written in Russian, English or Chinese text, read as values.

``6,8 млрд`` (ru), ``6.8 billion`` (en) and ``68亿`` (zh) all read as 6.8e9: decimal comma or point
by language, thousands separators, scale words and the Chinese 万/亿 units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {
    "ru": [(r"трлн\.?|триллион[а-я]*", 1e12), (r"млрд\.?|миллиард[а-я]*", 1e9),
           (r"млн\.?|миллион[а-я]*", 1e6), (r"тыс\.?|тысяч[а-я]*", 1e3)],
    "en": [(r"trillions?|trn", 1e12), (r"billions?|bn|bln", 1e9), (r"millions?|mln|mn", 1e6),
           (r"thousands?", 1e3)],
    "zh": [(r"万亿", 1e12), (r"亿", 1e8), (r"万", 1e4), (r"千", 1e3)],
}
_SPACE = "[ \u00a0\u202f]"
#: Digits with optional group separators and decimals; which separator is which depends on lang.
_DIGITS = re.compile(rf"(?<![0-9A-Za-zА-Яа-яЁё.,])\d+(?:(?:[.,]|{_SPACE})\d+)*")


@dataclass(frozen=True)
class Number:
    """A number found in text: its value after scale words, and where it is."""

    value: float
    text: str
    start: int
    end: int

    @property
    def is_year(self) -> bool:
        return self.value.is_integer() and 1800 <= self.value <= 2100 and self.text.isdigit()


def _plain_value(digits: str, lang: str) -> float | None:
    """The value of a digit string such as ``1 000``, ``6,8``, ``1,200.5``."""
    parts = re.split(rf"({_SPACE}|[.,])", digits)
    numbers, seps = parts[0::2], parts[1::2]
    decimal = None
    if seps and seps[-1] in ".,":
        last = seps[-1]
        grouped = len(numbers[-1]) == 3 and (last == "," and lang != "ru" or seps.count(last) > 1)
        if not grouped:
            decimal = numbers.pop()
            seps.pop()
    if any(len(n) != 3 for n in numbers[1:]):
        return None
    whole = "".join(numbers)
    return float(f"{whole}.{decimal}" if decimal else whole)


def find_numbers(text: str, lang: str) -> list[Number]:
    """Every number in ``text`` (``lang`` is ``ru``, ``en`` or ``zh``) with scale words applied."""
    scales = _SCALE.get(lang, [])
    found = []
    for match in _DIGITS.finditer(text):
        raw = match.group()
        value = _plain_value(raw, lang)
        if value is None:  # a list such as "2, 3 and 4" glued by commas: read each part
            for sub in re.finditer(r"\d+", raw):
                found.append(Number(float(sub.group()), sub.group(), match.start() + sub.start(),
                                    match.start() + sub.end()))
            continue
        end = match.end()
        rest = text[end:]
        for pattern, factor in scales:
            scale = re.match(rf"\s*(?:{pattern})(?![а-яa-z])", rest, re.IGNORECASE)
            if scale:
                value *= factor
                end += scale.end()
                break
        found.append(Number(value, text[match.start():end], match.start(), end))
    return found
