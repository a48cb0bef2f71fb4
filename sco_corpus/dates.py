"""Date patterns in Russian, English and Chinese text (used to recognise photo captions)."""
from __future__ import annotations

import re

RU_MONTH = (r"(?:январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
            r"[а-яё]*")
EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
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
