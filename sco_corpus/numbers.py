"""Numbers written in Russian, English or Chinese text, read as values.

``6,8 млрд`` (ru), ``6.8 billion`` (en) and ``68亿`` (zh) all read as 6.8e9: decimal comma or point
by language, thousands separators, scale words, the Chinese 万/亿 units and Chinese numerals
(``十三``, ``第二十四次``). Numbers spelled as words are read apart (:func:`find_number_words`).
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
        return (self.value.is_integer() and 1800 <= self.value <= 2100
                and re.fullmatch(r"\d{4}|[零〇一二三四五六七八九]{4}", self.text) is not None)


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
    if lang == "zh":
        found = sorted(found + find_cjk_numbers(text), key=lambda n: n.start)
    return found


_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = re.compile(r"(第)?([零〇一二两三四五六七八九十百千]+)(万亿|亿|万)?")
#: Measure words (and units) after a Chinese numeral that counts something.
_MEASURE = "个名次届年月日倍项国人家所种条位天周岁部多%％"


def cjk_value(numeral: str) -> int | None:
    """``十三`` -> 13, ``二十四`` -> 24, ``两`` -> 2, ``一百零五`` -> 105, ``二〇一四`` -> 2014."""
    if all(ch in _CJK_DIGITS for ch in numeral) and len(numeral) > 1:
        return int("".join(str(_CJK_DIGITS[ch]) for ch in numeral))
    total, digit = 0, None
    for ch in numeral:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def find_cjk_numbers(text: str) -> list[Number]:
    """Chinese numerals that count something: after 第 (ordinals), before a measure word or a
    scale (万/亿), or of several characters (``十三``); a lone ``一`` (also "a", "the same") is not
    taken."""
    found = []
    for match in _CJK_NUMERAL.finditer(text):
        ordinal, numeral, scale = match.groups()
        end = match.end()
        counted = end < len(text) and text[end] in _MEASURE
        if not (ordinal or scale or counted or len(numeral) > 1) or numeral == "一" and not (
                ordinal or scale):
            continue
        value = cjk_value(numeral)
        if value is None:
            continue
        factor = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(scale or "", 1)
        found.append(Number(float(value) * factor, match.group(), match.start(), end))
    return found


_WORDS = {
    "en": [(r"one|first", 1), (r"two|second|both", 2), (r"three|third", 3), (r"four(?:th)?", 4),
           (r"five|fifth", 5), (r"six(?:th)?", 6), (r"seven(?:th)?", 7), (r"eight(?:h)?", 8),
           (r"nine|ninth", 9), (r"ten(?:th)?", 10), (r"eleven(?:th)?", 11),
           (r"twelve|twelfth", 12), (r"twenty|twentieth", 20), (r"hundred", 100)],
    "ru": [(r"од(?:ин|на|но|ного|ной|ному|ним|ном)|перв\w*", 1),
           (r"дв(?:а|е|ух|ум|умя)|втор\w*|об(?:а|е|оих|еих)", 2),
           (r"тр(?:и|ех|ём|ем|емя)|трет\w*", 3),
           (r"четыр\w*|четверт\w*", 4), (r"пят\w*", 5), (r"шест\w*", 6),
           (r"сем(?:ь|и|ью)|седьм\w*", 7), (r"восем\w*|восьм\w*", 8), (r"девят\w*", 9),
           (r"десят\w*", 10), (r"двадцат\w*", 20), (r"сто|ста|сотн\w*", 100)],
}


def find_number_words(text: str, lang: str) -> list[float]:
    """Values of numbers written as words (``six``, ``шести``, ``девятая``, Chinese ``一``):
    a translation may spell a number the original writes in digits."""
    if lang == "zh":
        return [float(_CJK_DIGITS[m.group()]) for m in re.finditer("[一两二三四五六七八九]", text)]
    values = []
    for pattern, value in _WORDS.get(lang, []):
        values += [float(value)] * len(re.findall(rf"\b(?:{pattern})\b", text, re.IGNORECASE))
    return values
