"""Numbers written in Russian, English or Chinese text, read as values.

``6,8 млрд`` (ru), ``6.8 billion`` (en) and ``68亿`` (zh) all read as 6.8e9: decimal comma or point
by language, thousands separators, scale words, the Chinese 万/亿 units and Chinese numerals
(``十三``, ``第二十四次``), spelled-out numbers with a scale word (``twenty-five million``,
``двадцать пять тысяч``), and approximate values (``300余万``, ``近千``, ``more than 3 million``,
``около 300``), which allow a range (:meth:`Number.bounds`). Small numbers spelled as words
are read apart (:func:`find_number_words`); magnitude words without a number (``hundreds``,
``десятки``, ``数百``, ``weeks``, ``десятилетия``) by :func:`find_magnitudes`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


#: Words before a number (or 余/多 after it) that make it approximate: a lower bound, an upper
#: bound, or a round value.
_APPROX = {
    "more": {"ru": r"более(?:\s+чем)?|свыше|больше|не\s+менее|не\s+меньше",
             "en": r"more\s+than|over|above|in\s+excess\s+of|at\s+least",
             "zh": r"超过|逾|多于"},
    "less": {"ru": r"почти|менее|меньше|не\s+более|около\s+почти",
             "en": r"nearly|almost|close\s+to|less\s+than|under|up\s+to",
             "zh": r"将近|接近|(?<!最)近|不到|不足"},
    "about": {"ru": r"около|примерно|приблизительно|порядка|ориентировочно",
              "en": r"about|around|approximately|roughly|some|an\s+estimated",
              "zh": r"约|大约|大概"},
}


@dataclass(frozen=True)
class Number:
    """A number found in text: its value after scale words, and where it is.

    ``approx`` is ``""`` for an exact value, else ``more`` (``300余万``, ``more than``),
    ``less`` (``近千``, ``nearly``) or ``about`` (``около``); ``step`` is the place value of
    its last significant digit (``300余万``: 1e6), which sets the range it allows.
    """

    value: float
    text: str
    start: int
    end: int
    approx: str = ""
    step: float = 1.0

    def bounds(self) -> tuple[float, float]:
        """The values this number allows: itself when exact; above it by up to one ``step``
        when a lower bound (``300余万``: 3e6–4e6); within a tenth (or half a step) below or
        around it when ``nearly`` or ``about`` (``近千``: 500–1000)."""
        margin = max(0.1 * self.value, self.step / 2)
        return {"": (self.value, self.value), "more": (self.value, self.value + self.step),
                "less": (self.value - margin, self.value),
                "about": (self.value - margin, self.value + margin)}[self.approx]

    def matches(self, other: Number) -> bool:
        """Whether the two can be the same quantity (their ranges overlap)."""
        (a, b), (c, d) = self.bounds(), other.bounds()
        return a <= d * (1 + 1e-9) and c <= b * (1 + 1e-9)

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
        if lang in ("ru", "en", "zh"):
            grouped = len(numbers[-1]) == 3 and (last == "," and lang != "ru"
                                                 or seps.count(last) > 1)
        else:  # language-neutral: three digits after the last separator are a group
            grouped = len(numbers[-1]) == 3
        if not grouped:
            decimal = numbers.pop()
            seps.pop()
    if any(len(n) != 3 for n in numbers[1:]):
        return None
    whole = "".join(numbers)
    return float(f"{whole}.{decimal}" if decimal else whole)


def _step(digits: str) -> float:
    """Place value of the last significant digit of ``300`` (100), ``6,8`` (0.1), ``1 000``."""
    decimals = re.search(r"[.,](\d{1,2})$", digits)
    if decimals and not re.search(r"[.,]\d{3}$", digits):
        return 10.0 ** -len(decimals.group(1))
    whole = re.sub(r"\D", "", digits)
    return 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0


def _approx_before(text: str, start: int, lang: str) -> str:
    """``more``, ``less`` or ``about`` when a word of :data:`_APPROX` ends right before
    ``start``, else ``""``."""
    before = text[max(0, start - 30):start]
    for kind, words in _APPROX.items():
        if lang in words and re.search(rf"(?<![\w])(?:{words[lang]})\s*$" if lang != "zh"
                     else rf"(?:{words[lang]})$", before, re.IGNORECASE):
            return kind
    return ""


def find_numbers(text: str, lang: str) -> list[Number]:
    """Every number in ``text`` (``lang`` is ``ru``, ``en`` or ``zh``; any other code reads
    digits only, by language-neutral rules) with scale words applied; approximate ones marked
    (``approx``)."""
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
        end, step, factor = match.end(), _step(raw), 1.0
        # Chinese 余/多 between the number and its scale or measure word: more than
        odd = re.match(r"[余多](?=[万亿千百]|[" + _MEASURE + "])", text[end:]) if lang == "zh" \
            else None
        if odd:
            end += 1
        for pattern, scale_factor in scales:
            scale = re.match(rf"\s*(?:{pattern})(?![а-яa-z])", text[end:], re.IGNORECASE)
            if scale:
                factor = scale_factor
                end += scale.end()
                break
        approx = "more" if odd else _approx_before(text, match.start(), lang)
        found.append(Number(value * factor, text[match.start():end], match.start(), end,
                            approx, step * factor))
    if lang == "zh":
        found += find_cjk_numbers(text)
    else:
        found += find_spelled_numbers(text, lang)
    return sorted(found, key=lambda n: n.start)


_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = re.compile(r"(第)?([零〇一二两三四五六七八九十百千]+)([余多])?(万亿|亿|万)?")
#: Before a Chinese numeral: a magnitude (``数百``, ``几十``, ``上千``), not a number.
_CJK_VAGUE = "数几上成"
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
    taken, nor a magnitude (``数百``, ``几十``). ``十余``, ``近千`` are approximate."""
    found = []
    for match in _CJK_NUMERAL.finditer(text):
        ordinal, numeral, odd, scale = match.groups()
        end = match.end()
        counted = end < len(text) and text[end] in _MEASURE
        if not (ordinal or scale or counted or len(numeral) > 1) or numeral == "一" and not (
                ordinal or scale) or text[max(0, match.start() - 1):match.start()] in _CJK_VAGUE \
                and match.start() > 0 or odd == "多" and not (scale or counted):
            continue
        value = cjk_value(numeral)
        if value is None:
            continue
        factor = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(scale or "", 1)
        approx = "more" if odd else _approx_before(text, match.start(), "zh")
        found.append(Number(float(value) * factor, match.group(), match.start(), end, approx,
                            _step(str(value)) * factor))
    return found


_SPELLED = {
    "en": [(r"one", 1), (r"two", 2), (r"three", 3), (r"four", 4), (r"five", 5), (r"six", 6),
           (r"seven", 7), (r"eight", 8), (r"nine", 9), (r"ten", 10), (r"eleven", 11),
           (r"twelve", 12), (r"thirteen", 13), (r"fourteen", 14), (r"fifteen", 15),
           (r"sixteen", 16), (r"seventeen", 17), (r"eighteen", 18), (r"nineteen", 19),
           (r"twenty", 20), (r"thirty", 30), (r"forty", 40), (r"fifty", 50), (r"sixty", 60),
           (r"seventy", 70), (r"eighty", 80), (r"ninety", 90), (r"a", 1)],
    "ru": [(r"од(?:ин|на|ну|ного|ной|ному|ним|ном)", 1), (r"дв(?:а|е|ух|ум|умя)", 2),
           (r"тр(?:и|ех|ёх|ем|ём|емя)", 3), (r"четыр(?:е|ех|ёх|ем|ём|ьмя)", 4),
           (r"пят(?:ь|и|ью)", 5), (r"шест(?:ь|и|ью)", 6), (r"сем(?:ь|и|ью)", 7),
           (r"вос(?:емь|ьми|емью|ьмью)", 8), (r"девят(?:ь|и|ью)", 9), (r"десят(?:ь|и|ью)", 10),
           (r"одиннадцат[ьи]", 11), (r"двенадцат[ьи]", 12), (r"тринадцат[ьи]", 13),
           (r"четырнадцат[ьи]", 14), (r"пятнадцат[ьи]", 15), (r"шестнадцат[ьи]", 16),
           (r"семнадцат[ьи]", 17), (r"восемнадцат[ьи]", 18), (r"девятнадцат[ьи]", 19),
           (r"двадцат(?:ь|и|ью)", 20), (r"тридцат(?:ь|и|ью)", 30), (r"сорок[а]?", 40),
           (r"пят(?:ь|и)десят(?:и)?", 50), (r"шест(?:ь|и)десят(?:и)?", 60),
           (r"сем(?:ь|и)десят(?:и)?", 70), (r"восем(?:ь|и)десят(?:и)?|восьмидесяти", 80),
           (r"девяност[оа]", 90), (r"сто|ста", 100), (r"двест[иа]|двухсот", 200),
           (r"трист[а]|трехсот|трёхсот", 300), (r"четырест[а]|четырехсот", 400),
           (r"(?:пять|шесть|семь|восемь|девять)сот|(?:пяти|шести|семи|восьми|девяти)сот", 0)],
}
_HUNDREDS_RU = {"пят": 500, "шест": 600, "сем": 700, "вос": 800, "дев": 900}
_SCALE_WORD = {"en": [(r"hundred", 100), (r"thousand", 1e3), (r"million", 1e6),
                      (r"billion", 1e9), (r"trillion", 1e12)],
               "ru": [(r"тысяч[аиуе]?|тысячами|тысячах", 1e3),
                      (r"миллион(?:а|ов|ы|ами|ах)?", 1e6), (r"миллиард(?:а|ов|ы|ами|ах)?", 1e9),
                      (r"триллион(?:а|ов|ы)?", 1e12)]}


@lru_cache(maxsize=8192)  # up to 40 patterns per word, and the words of a text recur
def _spelled_word(word: str, lang: str) -> float | None:
    for pattern, value in _SPELLED[lang]:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return float(value or _HUNDREDS_RU[word.lower()[:3]])
    return None


@lru_cache(maxsize=8192)
def _scale_word(word: str, lang: str) -> float | None:
    return next((factor for pattern, factor in _SCALE_WORD[lang]
                 if re.fullmatch(pattern, word, re.IGNORECASE)), None)


def find_spelled_numbers(text: str, lang: str) -> list[Number]:
    """Numbers spelled as words with a scale word (``twenty-five million``, ``two hundred
    thousand``, ``двадцать пять тысяч``), read as values; without a scale word a spelled
    number is left to :func:`find_number_words`."""
    if lang not in _SPELLED:
        return []
    words = list(re.finditer(r"[A-Za-zА-Яа-яЁё]+", text))
    found, k = [], 0
    while k < len(words):
        total, current, last = 0.0, 0.0, None  # ``last``: the last scale word read
        for j in range(k, len(words)):
            word = words[j].group()
            if j > k and not re.fullmatch(r"[\s-]+", text[words[j - 1].end():words[j].start()]):
                break
            value, factor = _spelled_word(word, lang), _scale_word(word, lang)
            following = words[j + 1].group() if j + 1 < len(words) else ""
            if value is not None and (word.lower() != "a" or _scale_word(following, lang)):
                current += value
            elif factor and current:
                total, current = (total, current * factor) if factor == 100 else (
                    total + current * factor, 0.0)
                last = j
            elif word.lower() != "and" or not current:
                break
        if last is None:
            k += 1
            continue
        start, end, value = words[k].start(), words[last].end(), total + current
        found.append(Number(value, text[start:end], start, end, _approx_before(text, start, lang),
                            _step(str(int(value)))))
        k = last + 1
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


#: Orders of ten of the count words that say a magnitude without a number.
_COUNT_ORDER = {"dozens": 1, "tens": 1, "hundreds": 2, "thousands": 3, "millions": 6,
                "billions": 9, "hundred": 2, "thousand": 3, "million": 6, "billion": 9,
                "десят": 1, "сот": 2, "сотн": 2, "тысяч": 3, "миллион": 6, "миллиард": 9,
                "十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
#: Time spans in ascending order: days, weeks, months, years, decades, centuries.
_TIME = {
    "en": [(r"days", 0), (r"weeks", 1), (r"months", 2), (r"years", 3), (r"decades", 4),
           (r"centuries", 5)],
    "ru": [(r"дней|днями", 0), (r"недел(?:и|ь|ями|ях)", 1), (r"месяц(?:ы|ев|ами|ах)", 2),
           (r"лет|годы|годами|годах", 3), (r"десятилети(?:я|й|ями|ях)", 4),
           (r"веков|веками|столетий|столетиями", 5)],
    "zh": [(r"(?:几|数|多|近)(?:个)?(?:天|日)", 0), (r"(?:几|数|多)(?:个)?(?:周|星期)", 1),
           (r"(?:几|数|多)个?月", 2), (r"(?:几|数|多|近)年", 3), (r"(?:几|数)十年", 4),
           (r"(?:几|数)百年|(?:几|数|多)个?世纪", 5)],
}
_COUNT = {
    "en": r"(?:(?:several|a\s+few|many)\s+(hundred|thousand|million|billion)|"
          r"(dozens|tens|hundreds|thousands|millions|billions))"
          r"(?:\s+of\s+(thousands|millions|billions))?",
    "ru": r"(?:(?:несколько|нескольких|многие|многих)\s+(сот|тысяч|миллион|миллиард)\w*|"
          r"(десят)(?:ки|ков|ками|ках|ок)|(сотн)(?:и|ям|ями|ях)|(тысяч)(?:и|ами|ах|ам)|"
          r"(миллион|миллиард)(?:ы|ов|ами|ах))(?![а-яё])(?:\s+(тысяч|миллионов|миллиардов))?",
    "zh": r"(?:成(千)上万|数以(百|千|万|亿)计|[数几上成](十|百|千|万|亿)(十|百|千)?(万|亿)?)",
}


@dataclass(frozen=True)
class Magnitude:
    """A word that says how large a quantity is without a number: ``hundreds`` (count, order
    2), ``десятки тысяч`` (count, 4), ``数百万`` (count, 6), ``weeks`` (time, 1)."""

    kind: str
    order: int
    text: str
    start: int
    end: int

    @property
    def name(self) -> str:
        if self.kind == "time":
            return ("days", "weeks", "months", "years", "decades", "centuries")[self.order]
        return {1: "tens", 2: "hundreds", 3: "thousands", 4: "tens of thousands",
                5: "hundreds of thousands", 6: "millions", 7: "tens of millions"}.get(
            self.order, f"~1e{self.order}")


def _after_number(text: str, start: int, lang: str) -> bool:
    """Whether a number (digits or a spelled numeral) ends right before ``start``: then the
    word is a unit of that number (``four decades``, ``20 лет``, ``十年``), not a magnitude."""
    before = text[max(0, start - 25):start]
    if lang == "zh":
        return bool(re.search(r"[\d零〇一二两三四五六七八九十百千][多余]?个?$", before))
    last = re.search(r"(\S+)\s*$", before)
    word = last.group(1) if last else ""
    return bool(re.search(r"\d", word) or lang in _SPELLED and _spelled_word(
        re.sub(r"^.*-", "", word), lang) is not None and word.lower() != "a"
        or lang in _SCALE_WORD and _scale_word(word, lang))


def find_magnitudes(text: str, lang: str) -> list[Magnitude]:
    """Magnitude words of ``text``: counts (``dozens``, ``сотни``, ``数千``, ``tens of
    thousands``) and time spans (``weeks``, ``месяцы``, ``几十年``), those right after a
    number excluded."""
    found: list[Magnitude] = []
    for pattern, order in _TIME.get(lang, []):
        bound = "" if lang == "zh" else r"(?<![\w-])"
        for match in re.finditer(rf"{bound}(?:{pattern})(?![\w-])" if lang != "zh" else pattern,
                                 text, re.IGNORECASE):
            if not _after_number(text, match.start(), lang):
                found.append(Magnitude("time", order, match.group(), *match.span()))
    for match in re.finditer(_COUNT.get(lang, "(?!)"), text, re.IGNORECASE):
        if any(m.start < match.end() and match.start() < m.end for m in found) \
                or lang != "zh" and (match.start() and text[match.start() - 1].isalnum()
                                     or _after_number(text, match.start(), lang)):
            continue
        order = sum(_COUNT_ORDER[g.lower()] for g in match.groups() if g)
        found.append(Magnitude("count", order, match.group(), *match.span()))
    return sorted(found, key=lambda m: m.start)
