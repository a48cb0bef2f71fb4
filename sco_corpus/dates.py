"""Dates in Russian, English and Chinese text: patterns (to recognise photo captions) and
:func:`find_dates`, which reads them as year, month and days (for the date check)."""
from __future__ import annotations

import re
from dataclasses import dataclass

#: A Russian month name in any case form, as a whole word (``мая`` but not ``самая``).
RU_MONTH = (r"(?<![А-Яа-яЁё])(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)"
            r"(?:ь|я|е|ю|ём|ем)|март(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем)|август(?:а|е|у|ом)?)"
            r"(?![А-Яа-яЁё])")
#: An English month name or abbreviation, as a whole word.
EN_MONTH = (r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
_DAYS = r"\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
_YEAR = r"(?:1[89]|20)\d{2}"

#: A date as a caption writes it: "18 августа 2007 г.", "апрель 1996 г.", "2010 г."
RU_DATE = rf"(?:(?:{_DAYS}\s+)?{RU_MONTH}\s+)?{_YEAR}(?:\s*(?:г\.?|года))?"
#: "July 5, 2005", "June 15-16, 2009", "5 July 2005", "April 1996", "2010"
EN_DATE = (rf"(?:{EN_MONTH}\s+{_DAYS},?\s+{_YEAR}|{_DAYS}\s+{EN_MONTH}\s+{_YEAR}|"
           rf"{EN_MONTH}\s+{_YEAR}|{_YEAR})")
#: "2007年8月18日", "2009年6月15至16日", "2010年", "1996年4月"
ZH_DATE = rf"{_YEAR}年(?:\d{{1,2}}月(?:\d{{1,2}}(?:\s*[-–至]\s*\d{{1,2}})?日?)?)?"

DATE = {"ru": RU_DATE, "en": EN_DATE, "zh": ZH_DATE}
MONTH_WORD = re.compile(rf"^(?:{RU_MONTH}|{EN_MONTH})\b", re.IGNORECASE)


_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
              "сентябр", "октябр", "ноябр", "декабр")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_RANGE = r"(\d{1,2})(?:\s*[-–—]\s*(\d{1,2}))?"
_YEAR4 = r"((?:1[89]|20)\d{2})"
_RU_MONTH_GROUP = f"({RU_MONTH})"
_EN_MONTH_GROUP = f"({EN_MONTH})"
#: Each pattern's groups: (day, day_to, month, year) in some order, given by the tuple.
_MENTIONS = {
    "ru": [(re.compile(rf"(?<!\d){_RANGE}\s+{_RU_MONTH_GROUP}(?:\s+{_YEAR4})?", re.I),
            ("day", "day_to", "month", "year")),
           (re.compile(rf"{_RU_MONTH_GROUP}\s+{_YEAR4}", re.I), ("month", "year")),
           (re.compile(rf"(?<!\d){_YEAR4}(?!\d)"), ("year",))],
    "en": [(re.compile(rf"{_EN_MONTH_GROUP}\s+{_RANGE}(?!\d)(?:,?\s+{_YEAR4})?"),
            ("month", "day", "day_to", "year")),
           (re.compile(rf"(?<!\d){_RANGE}\s+{_EN_MONTH_GROUP}(?:,?\s+{_YEAR4})?"),
            ("day", "day_to", "month", "year")),
           (re.compile(rf"{_EN_MONTH_GROUP},?\s+{_YEAR4}"), ("month", "year")),
           (re.compile(rf"(?<!\d){_YEAR4}(?!\d)"), ("year",))],
    "zh": [(re.compile(r"(?:((?:1[89]|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})(?:\s*[-–—至到]\s*"
                       r"(\d{1,2}))?日?)?"), ("year", "month", "day", "day_to")),
           (re.compile(rf"(?<!\d){_YEAR4}(?!\d)"), ("year",))],
}


@dataclass(frozen=True)
class DateMention:
    """A date as written: any of year, month, first and last day (a range ``14-15 июня``)."""

    year: int | None
    month: int | None
    day: int | None
    day_to: int | None
    text: str
    start: int
    end: int

    def value(self) -> tuple:
        return (self.year, self.month, self.day, self.day_to or self.day)

    def fits(self, other: DateMention) -> bool:
        """Equal wherever both say something (a date without year fits one with it)."""
        return all(a is None or b is None or a == b for a, b in zip(self.value(), other.value()))

    def __str__(self) -> str:
        parts = [str(self.year) if self.year else "?", f"{self.month:02d}" if self.month else "?"]
        if self.day:
            parts.append(f"{self.day:02d}" + (f"–{self.day_to:02d}" if self.day_to else ""))
        return "-".join(parts)


def _month_number(word: str, lang: str) -> int:
    word = word.lower().rstrip(".")
    if lang == "ru":
        return next(k for k, stem in enumerate(_RU_MONTHS, 1) if word.startswith(stem))
    if lang == "en":
        return next(k for k, name in enumerate(_EN_MONTHS, 1) if name.lower().startswith(word[:3]))
    return int(word)


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Dates in ``text``: day, month, year where written, the longest reading first."""
    found: list[DateMention] = []
    taken = bytearray(len(text))  # characters a longer reading already holds
    for pattern, names in _MENTIONS.get(lang, []):
        for match in pattern.finditer(text):
            if any(taken[match.start():match.end()]):
                continue
            fields = dict(zip(names, match.groups()))
            if not fields.get("year") and not (fields.get("month") and fields.get("day")):
                continue  # a month alone (``в августе``, ``8月``) is not a date
            month = _month_number(fields["month"], lang) if fields.get("month") else None
            if month is not None and not 1 <= month <= 12:
                continue
            found.append(DateMention(
                int(fields["year"]) if fields.get("year") else None, month,
                int(fields["day"]) if fields.get("day") else None,
                int(fields["day_to"]) if fields.get("day_to") else None,
                match.group(), match.start(), match.end()))
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda d: d.start)


_MONTH_WORDS = {"ru": re.compile(RU_MONTH, re.IGNORECASE), "en": re.compile(EN_MONTH),
                "zh": re.compile(r"(\d{1,2})月")}


def months(text: str, lang: str) -> list[int]:
    """The months ``text`` names (``июня``, ``June``, ``6月`` -> 6), with or without a day."""
    found = []
    for match in _MONTH_WORDS.get(lang, re.compile("(?!)")).finditer(text):
        word = match.group(1) if lang == "zh" else match.group()
        near = text[max(0, match.start() - 4):match.end() + 6]
        if lang == "en" and word == "May" and not re.search(r"\d", near):
            continue  # the modal verb, not the month: a month has a day or a year next to it
        number = _month_number(word, lang)
        if 1 <= number <= 12:
            found.append(number)
    return found
