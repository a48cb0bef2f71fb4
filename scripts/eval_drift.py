"""Drift-injection benchmark: plant known translation errors in the booklet and measure how many
the checks find.

Each run takes the booklet's source text, plants several errors of ONE kind (``--per-run``,
default 8) in it, runs the whole pipeline once (load → align → check) and scores the findings.
Every kind is named after the check expected to find it:

  number        a number of one sentence is changed: its leading digit (``15%`` → ``25%``,
                ``68亿`` → ``78亿``) or its scale word (``900 million`` → ``900 billion``,
                ``6,8 млрд`` → ``6,8 млн``, ``万`` ↔ ``亿``); only numbers that are neither years
                nor part of a date, in units whose other languages hold a number too; the new
                number occurs nowhere in the unit.
  date          the day or the month of a date is changed (``July 5, 2005`` → ``July 15, 2005``
                or ``June 5, 2005``; ``5 июля`` → ``5 июня``, any case form of the Russian month
                names; ``2000年7月5日`` → ``2000年8月5日``), in units whose other languages hold a
                date too.
  omission      a body paragraph is blanked (its lines made empty, so that no other line moves)
                or, half of the time, one of its sentences is cut out of its line; only where
                every unit concerned has all three languages, so the text has counterparts.
  duplicate     a body paragraph of 3+ sentences is repeated: a blank line and a copy of its
                lines are inserted right after it (the lines after it move down).
  untranslated  an English or Chinese body sentence is replaced by the Russian text of its unit.

Places are drawn with ``random.Random`` seeded by the seed and the kind, so a seed always plants
the same errors. Each error goes into one language: English or Chinese mostly, Russian
sometimes (never for ``untranslated``); preferably each in another section, and never two in the
same unit, in neighbouring units, or in the same paragraph of any language (nor two duplicates
of different languages in one section: the duplicate check takes a passage that two languages
repeat for the original's). Places come from the
alignment of the unmodified booklet, in clean text only: no finding of the unmodified booklet
names a line of the place (or, for an omission, of its counterpart). Only sentences found
verbatim on one source line are edited.

Detection rule. The checks are first run on the unmodified booklet. A finding of a planted run
is "new" unless the unmodified booklet has one with the same ``id``, or with the same check and
lines once the lines inserted by ``duplicate`` are mapped back (ids may involve unit numbers,
which planted errors shift). An error counts as found when a new finding of the expected check
has, in the modified language, lines intersecting the planted lines (for ``duplicate``: the
paragraph or its copy); for ``omission``, instead, a new ``omission`` finding must have, in some
other language, lines intersecting the lines of the removed text's counterpart. Only the
expected check counts (an untranslated sentence reported only as ``low_confidence`` is a miss).
New findings of other checks whose lines (first to last, per language) reach a planted place are
counted as "other"; new findings that reach no planted place are false alarms.

Options: ``--seeds`` (default 1,2,3; one table per seed, then all seeds summed), ``--per-run``,
``--kinds``, ``--cache-dir`` (embedding cache, default ~/.cache/sco_corpus/embeddings),
``--source`` (another trilingual text), ``--show`` (list misses and false alarms), ``--dry-run``
(print the planted changes, run no planted pipeline). The findings of the unmodified booklet are
listed at the end, for review.

    python scripts/eval_drift.py [--seeds 1,2,3] [--per-run 8] [--kinds number,date]
                                 [--cache-dir DIR] [--show] [--dry-run] [--source FILE]
"""
from __future__ import annotations

import argparse
import os
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import sco_corpus
from sco_corpus.corpus import from_source
from sco_corpus.ingest.source import decode

KINDS = ("number", "date", "omission", "duplicate", "untranslated", "rename", "clause",
         "moved", "epigraph", "foreign", "magnitude")
#: How often each language receives an error.
LANG_WEIGHTS = {"en": 0.45, "zh": 0.45, "ru": 0.1}
#: Kinds whose languages are weighted otherwise: a foreign word goes into the Russian or the
#: English text alike.
KIND_WEIGHTS = {"foreign": {"ru": 0.5, "en": 0.5}}
#: Sentence kinds whose numbers and dates may be changed.
TEXT_KINDS = ("heading", "epigraph", "paragraph", "list_item", "caption", "footnote")
#: Sentence kinds that may be dropped or left untranslated.
BODY_KINDS = ("paragraph", "list_item")

# --- numbers -------------------------------------------------------------------------------

_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "ru": r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    "zh": r"\d+(?:\.\d+)?",
}
#: Scale words and the one each is changed into.
_SCALE_SWAP = {
    "en": {"thousand": "million", "million": "billion", "billion": "million",
           "trillion": "billion"},
    "ru": {"миллиард": "миллион", "миллион": "миллиард", "триллион": "миллиард",
           "млрд": "млн", "млн": "млрд", "трлн": "млрд"},
    "zh": {"万亿": "亿", "亿": "万", "万": "亿"},
}
_SCALE_WORD = {lang: "|".join(words) for lang, words in _SCALE_SWAP.items()}
_NUMBER = {
    lang: re.compile(rf"(?<![\w.,/-])(?P<digits>{_DIGITS[lang]})"
                     rf"(?:\s*(?P<scale>{_SCALE_WORD[lang]})[a-zа-я]*)?(?![\w-]|[.,]\d)",
                     re.IGNORECASE)
    for lang in ("en", "ru")
}
_NUMBER["zh"] = re.compile(rf"(?<![\d.,/A-Za-z-])(?P<digits>{_DIGITS['zh']})"
                           rf"(?P<scale>{_SCALE_WORD['zh']})?(?![\d.年月日号A-Za-z-])")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

# --- dates ---------------------------------------------------------------------------------

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
#: Russian month names in every case form (the accusative is the nominative).
RU_MONTHS = {case: tuple(forms.split()) for case, forms in {
    "nom": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "gen": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "dat": "январю февралю марту апрелю маю июню июлю августу сентябрю октябрю ноябрю декабрю",
    "ins": "январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём "
           "ноябрём декабрём",
    "pre": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
}.items()}
#: Russian month form (also spelt with е for ё) → (case, month index).
_RU_FORM = {form.replace("ё", spelling): (case, index)
            for case, forms in RU_MONTHS.items() for index, form in enumerate(forms)
            for spelling in "ёе"}

_EN_MONTH = "|".join(EN_MONTHS)
_RU_MONTH = "|".join(sorted(_RU_FORM, key=len, reverse=True))
_DAY_RANGE = r"(?:\s*[-–]\s*\d{1,2})?"
_DATES = {
    "en": [re.compile(rf"\b(?P<month>{_EN_MONTH})\s+(?P<day>\d{{1,2}})\b"
                      rf"(?={_DAY_RANGE},?\s+\d{{4}})"),
           re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_DAY_RANGE}\s+(?P<month>{_EN_MONTH})\b"),
           re.compile(rf"\b(?P<month>{_EN_MONTH})(?=\s+(?:of\s+)?\d{{4}})")],
    "ru": [re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_DAY_RANGE}\s+(?P<month>{_RU_MONTH})\b",
                      re.IGNORECASE),
           re.compile(rf"\b(?P<month>{_RU_MONTH})(?=\s+\d{{4}})", re.IGNORECASE)],
    "zh": [re.compile(r"(?<!\d)(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>\d{1,2})(?!\d))?")],
}


@dataclass(frozen=True)
class Injection:
    """One planted error, with line numbers of the modified source.

    ``lines``: the planted lines in ``lang``; ``counterpart_lines``: for ``omission``, the lines
    of the removed text's counterpart in each other language (empty for the other kinds).
    """

    kind: str
    lang: str
    lines: tuple[int, ...]
    description: str
    counterpart_lines: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Plan:
    """A possible error, in line numbers of the unmodified source.

    ``edits`` maps a line to the lines that replace it; ``marked`` lists the planted lines as
    (original line, index among its replacement lines); ``units`` and ``blocks`` are the
    alignment units (by index) and the blocks (all languages) the error concerns;
    ``subject``, if any, what the error changes (a renamed name): one error per subject and
    run, as an editor finds one slip among a name's correct renderings.
    """

    kind: str
    lang: str
    section: str
    units: frozenset[int]
    blocks: frozenset[str]
    edits: dict[int, tuple[str, ...]]
    marked: tuple[tuple[int, int], ...]
    counterpart: dict[str, tuple[int, ...]]
    description: str
    subject: str = ""


@dataclass(frozen=True)
class Booklet:
    """The unmodified source with its corpus and alignment."""

    corpus: sco_corpus.Corpus
    units: tuple[sco_corpus.Unit, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        return self.corpus.source.lines

    @cached_property
    def unit_of(self) -> dict[str, int]:
        """Sentence id → index of its unit."""
        return {s.id: index for index, unit in enumerate(self.units)
                for sentences in unit.sentences.values() for s in sentences}

    @cached_property
    def full_units(self) -> dict[int, sco_corpus.Unit]:
        """The units that have text in every language, by index."""
        return {index: unit for index, unit in enumerate(self.units)
                if all(unit.sentences.get(lang) for lang in self.corpus.languages)}

    def blocks_of(self, units: Iterable[int]) -> frozenset[str]:
        return frozenset(s.block for index in units
                         for sentences in self.units[index].sentences.values() for s in sentences)

    def locate(self, sentence: sco_corpus.Sentence) -> int | None:
        """Where ``sentence`` starts on its line, if it stands there verbatim on one line."""
        if len(sentence.lines) != 1:
            return None
        start = self.lines[sentence.lines[0] - 1].find(sentence.text)
        return start if start >= 0 else None

    def paragraphs(self) -> Iterable[tuple[sco_corpus.Block, list[sco_corpus.Sentence]]]:
        """Each body paragraph with its sentences."""
        for lang in self.corpus.languages:
            for section in self.corpus.get_sections(lang):
                for block in section.blocks:
                    sentences = [s for s in section.sentences if s.block == block.id]
                    if block.kind == "paragraph" and sentences:
                        yield block, sentences

    def edit_plan(self, kind: str, sentence: sco_corpus.Sentence, span: tuple[int, int],
                  new: str, description: str,
                  counterpart: dict[str, tuple[int, ...]] | None = None) -> Plan:
        """A plan replacing ``span`` of ``sentence``'s line by ``new``."""
        number = sentence.lines[0]
        line = self.lines[number - 1]
        index = self.unit_of[sentence.id]
        return Plan(kind, sentence.lang, sentence.section, frozenset([index]),
                    self.blocks_of([index]), {number: (line[:span[0]] + new + line[span[1]:],)},
                    ((number, 0),), counterpart or {},
                    f"{sentence.section} {sentence.lang} line {number}: {description}")


# --- finding and changing numbers and dates -------------------------------------------------

def find_dates(text: str, lang: str) -> list[re.Match]:
    """Dates with a month (and maybe a day) in ``text``, in order, none overlapping."""
    found = sorted((m for pattern in _DATES[lang] for m in pattern.finditer(text)),
                   key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def find_numbers(text: str, lang: str) -> list[re.Match]:
    """Numbers in ``text`` that are neither years nor part of a date."""
    dates = [m.span() for m in find_dates(text, lang)]
    return [m for m in _NUMBER[lang].finditer(text)
            if not (m.group("scale") is None and _YEAR.fullmatch(m.group("digits")))
            and not any(a < m.end() and m.start() < b for a, b in dates)]


def _replace_group(match: re.Match, group: str, new: str) -> str:
    """The text of ``match`` with ``group`` replaced by ``new``."""
    a, b = match.span(group)
    return match.group()[:a - match.start()] + new + match.group()[b - match.start():]


def change_number(match: re.Match, lang: str, rng: random.Random) -> str:
    """The text of ``match`` with its scale word or its leading digit changed."""
    scale = match.group("scale")
    if scale and rng.random() < 0.5:
        return _replace_group(match, "scale", _SCALE_SWAP[lang][scale.lower()])
    digits = match.group("digits")
    return rng.choice([d for d in "123456789" if d != digits[0]]) + match.group()[1:]


def change_date(match: re.Match, lang: str, rng: random.Random) -> str:
    """The text of ``match`` with its day (unless it starts a range) or its month changed."""
    day = match.groupdict().get("day")
    ranged = day and re.match(r"\s*[-–至]", match.string[match.end("day"):])
    if day and not ranged and rng.random() < 0.5:
        return _replace_group(match, "day",
                              str(rng.choice([d for d in range(1, 29) if d != int(day)])))
    month = match.group("month")
    if lang == "zh":
        new = str(rng.choice([m for m in range(1, 13) if m != int(month)]))
    elif lang == "en":
        new = rng.choice([name for name in EN_MONTHS if name != month])
    else:
        case, index = _RU_FORM[month.lower()]
        new = rng.choice([f for k, f in enumerate(RU_MONTHS[case]) if k != index])
        new = new if "ё" in month.lower() else new.replace("ё", "е")
        new = new.capitalize() if month[0].isupper() else new
    return _replace_group(match, "month", new)


# --- possible errors of each kind ----------------------------------------------------------

def _value_sites(booklet: Booklet, find: Callable[[str, str], list[re.Match]]):
    """(unit, sentence, match in it, where the sentence starts on its line) for each value
    found by ``find`` in units whose every language has such a value."""
    langs = booklet.corpus.languages
    for unit in booklet.full_units.values():
        if not all(find(unit.text(lang), lang) for lang in langs):
            continue
        for lang in langs:
            for sentence in unit.sentences[lang]:
                start = booklet.locate(sentence)
                if start is not None and sentence.kind in TEXT_KINDS:
                    for match in find(sentence.text, lang):
                        yield unit, sentence, match, start


def _bare(digits: str) -> str:
    return re.sub(r"\D", "", digits)


def number_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """Numbers with their scale word changed, or their digits changed into digits that no
    other number of the unit has."""
    plans = []
    for unit, sentence, match, start in _value_sites(booklet, find_numbers):
        new = change_number(match, sentence.lang, rng)
        digits = _bare(_NUMBER[sentence.lang].match(new).group("digits"))
        present = {_bare(m.group("digits")) for lang in booklet.corpus.languages
                   for m in find_numbers(unit.text(lang), lang)}
        if digits != _bare(match.group("digits")) and digits in present:
            continue
        span = (start + match.start(), start + match.end())
        plans.append(booklet.edit_plan("number", sentence, span, new,
                                       f"{match.group()!r} → {new!r}"))
    return plans


def date_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """Dates with their day or month changed."""
    plans = []
    for _, sentence, match, start in _value_sites(booklet, find_dates):
        new = change_date(match, sentence.lang, rng)
        span = (start + match.start(), start + match.end())
        plans.append(booklet.edit_plan("date", sentence, span, new,
                                       f"{match.group()!r} → {new!r}"))
    return plans


def omission_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """One plan per paragraph whose units all have every language and stay inside it: the
    paragraph blanked, or (half of the time, if it has 2+ sentences) one sentence cut out."""
    plans = []
    for block, sentences in booklet.paragraphs():
        units = sorted({booklet.unit_of[s.id] for s in sentences})
        own = {s.id for s in sentences}
        if not all(i in booklet.full_units
                   and set(booklet.full_units[i].ids(block.lang)) <= own for i in units):
            continue
        others = [lang for lang in booklet.corpus.languages if lang != block.lang]
        alone = [s for s in sentences if booklet.locate(s) is not None
                 and booklet.full_units[booklet.unit_of[s.id]].ids(block.lang) == (s.id,)]
        if len(sentences) > 1 and alone and rng.random() < 0.5:
            plans.append(_cut_sentence(booklet, rng.choice(alone), others))
            continue
        counterpart = {lang: tuple(sorted({n for i in units
                                           for n in booklet.full_units[i].lines(lang)}))
                       for lang in others}
        plans.append(Plan("omission", block.lang, block.section, frozenset(units),
                          booklet.blocks_of(units), {n: ("",) for n in block.lines},
                          tuple((n, 0) for n in block.lines), counterpart,
                          f"{block.section} {block.lang} lines {_span(block.lines)}: paragraph "
                          f"of {len(sentences)} sentence(s) removed: {_short(block.text)}"))
    return plans


def _cut_sentence(booklet: Booklet, sentence: sco_corpus.Sentence, others: list[str]) -> Plan:
    """A plan cutting ``sentence`` out of its line, with the space after (or before) it."""
    line = booklet.lines[sentence.lines[0] - 1]
    start = booklet.locate(sentence)
    end = start + len(sentence.text)
    after = len(line[end:]) - len(line[end:].lstrip())
    before = len(line[:start]) - len(line[:start].rstrip())
    span = (start, end + after) if after else (start - before, end)
    unit = booklet.units[booklet.unit_of[sentence.id]]
    return booklet.edit_plan("omission", sentence, span, "",
                             f"sentence removed: {_short(sentence.text)}",
                             {lang: unit.lines(lang) for lang in others})


def duplicate_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """Paragraphs of 3+ sentences on consecutive lines, repeated right after themselves."""
    plans = []
    for block, sentences in booklet.paragraphs():
        first, last = min(block.lines), max(block.lines)
        span = range(first, last + 1)
        if len(sentences) < 3 or any(booklet.lines[n - 1].strip() and n not in block.lines
                                     for n in span):
            continue
        units = {booklet.unit_of[s.id] for s in sentences}
        copy = tuple(booklet.lines[n - 1] for n in span)
        marked = tuple((n, 0) for n in block.lines) + tuple(
            (last, 2 + k) for k, n in enumerate(span) if n in block.lines)
        plans.append(Plan("duplicate", block.lang, block.section, frozenset(units),
                          booklet.blocks_of(units),
                          {last: (booklet.lines[last - 1], "") + copy}, marked, {},
                          f"{block.section} {block.lang} lines {_span(block.lines)}: paragraph "
                          f"of {len(sentences)} sentences repeated: {_short(block.text)}"))
    return plans


def untranslated_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """English or Chinese body sentences (alone in their unit) replaced by the unit's Russian."""
    plans = []
    for unit in booklet.full_units.values():
        for lang in ("en", "zh"):
            if len(unit.sentences[lang]) != 1:
                continue
            sentence, = unit.sentences[lang]
            start = booklet.locate(sentence)
            if start is None or sentence.kind not in BODY_KINDS:
                continue
            russian = unit.text("ru")
            plans.append(booklet.edit_plan(
                "untranslated", sentence, (start, start + len(sentence.text)), russian,
                f"{_short(sentence.text)} replaced by the Russian {_short(russian)}"))
    return plans



# --- errors inside sentences and moved blocks (issue 11) ------------------------------------

#: A name: an acronym or a run of capitalised words (Latin or Cyrillic).
_NAME = re.compile(r"(?<![\w-])(?:[A-ZА-ЯЁ]{2,}|[A-ZА-ЯЁ][\w’'-]*[a-zа-яё]"
                   r"(?: [A-ZА-ЯЁ][\w’'-]*[a-zа-яё])*)(?![\w-])")
#: Russian case endings, removed to find a name's stem.
_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ах|ях|ов|ев|ам|ям|ы|и|а|я|у|ю|е)$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: A name's rendering in another language is the string whose units agree best with the name's
#: (Dice coefficient), at least this well; names found in fewer units have no rendering.
MIN_DICE, MIN_NAME_UNITS = 0.7, 2


@dataclass(frozen=True)
class Name:
    """A name and its rendering in every language (Russian: every case form seen)."""

    forms: dict[str, tuple[str, ...]]
    units: frozenset[int]


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _stem(name: str) -> str:
    """A Russian name without the case ending of its last word (if four letters remain)."""
    stem = _ENDING.sub("", name)
    return stem if len(stem.split()[-1]) >= 4 else name


def _units_with(booklet: Booklet, lang: str, find: Callable[[str], Iterable[str]]
                ) -> dict[str, set[int]]:
    where: dict[str, set[int]] = {}
    for index, unit in booklet.full_units.items():
        for key in sorted(set(find(unit.text(lang)))):  # sorted: the same plans in every run
            where.setdefault(key, set()).add(index)
    return where


def _han_grams(text: str) -> Iterable[str]:
    for run in _HAN_RUN.findall(text):
        for size in range(2, 7):
            yield from (run[k:k + size] for k in range(len(run) - size + 1))


def _best(units: set[int], candidates: dict[str, set[int]]) -> str | None:
    """The candidate whose units agree best with ``units`` (the longest of equals)."""
    score, key = max(((_dice(units, where), len(key), key) for key, where in candidates.items()),
                     default=(0.0, 0, None))[::2]
    return key if score >= MIN_DICE else None


def _proper(name: str, text: str) -> bool:
    """Whether no word of ``name`` is also used in lower case in ``text`` (``Council``,
    ``Program``: words of names that are common nouns too)."""
    return not any(re.search(rf"(?<!\w){re.escape(word.lower())}", text)
                   for word in name.split())


def names(booklet: Booklet) -> list[Name]:
    """Proper names of the English text found in two or more full units with a Russian and a
    Chinese rendering: the Russian name stem and the Chinese character string whose units
    agree best. Found by this script alone (not by the term table the checks build), so that
    planted renames do not favour the names the checks know."""
    english_text = " ".join(u.text("en") for u in booklet.full_units.values())
    english = {name: units for name, units in _units_with(booklet, "en", _NAME.findall).items()
               if _proper(name, english_text)}
    russian = _units_with(booklet, "ru", lambda t: map(_stem, _NAME.findall(t)))
    chinese = _units_with(booklet, "zh", _han_grams)
    forms = {}
    for index, unit in booklet.full_units.items():
        for form in _NAME.findall(unit.text("ru")):
            forms.setdefault(_stem(form), set()).add(form)
    out = []
    for name, units in english.items():
        if len(units) < MIN_NAME_UNITS:
            continue
        stem, han = _best(units, russian), _best(units, chinese)
        if stem and han:
            out.append(Name({"en": (name,), "ru": tuple(sorted(forms[stem])), "zh": (han,)},
                            frozenset(units & russian[stem] & chinese[han])))
    return out


def _shape(name: str) -> tuple[int, bool]:
    """Words and whether an acronym: a name is replaced by one of the same shape."""
    return len(name.split()), name.isupper()


def _occurs(form: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None \
        if form[0].isalpha() and not _HAN_RUN.fullmatch(form) else form in text


def _closest_form(old: str, forms: Sequence[str]) -> str:
    """The form of another Russian name with the case ending of ``old``."""
    return max(forms, key=lambda f: (len(os.path.commonprefix([old[::-1], f[::-1]])), f))


def rename_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """A name, where every language names it, replaced in one language by the rendering of
    another name of the document that the unit does not mention in any language."""
    found = names(booklet)
    plans = []
    for name in found:
        for index in sorted(name.units):
            unit = booklet.units[index]
            texts = " ".join(unit.text(x) for x in booklet.corpus.languages)
            rivals = [other for other in found if other is not name
                      and _shape(other.forms["en"][0]) == _shape(name.forms["en"][0])
                      and not any(
                _occurs(form, texts) for forms in other.forms.values() for form in forms)]
            if not rivals:
                continue
            rival = rng.choice(rivals)
            for lang, forms in name.forms.items():
                for sentence in unit.sentences[lang]:
                    start = booklet.locate(sentence)
                    form = next((f for f in forms if _occurs(f, sentence.text)), None)
                    if start is None or form is None:
                        continue
                    at = next(m.start() for m in re.finditer(re.escape(form), sentence.text)
                              if _occurs(form, sentence.text[max(0, m.start() - 1):
                                                             m.end() + 1]))
                    new = _closest_form(form, rival.forms[lang])
                    plans.append(replace(booklet.edit_plan(
                        "rename", sentence, (start + at, start + at + len(form)), new,
                        f"{form!r} → {new!r}"), subject=name.forms["en"][0]))
                    break
    return plans


#: Clause punctuation an editor would cut at (independent of the checks' own cutting).
_CLAUSE_CUT = {"zh": re.compile(r"[，；：]|——"),
               None: re.compile(r"[,;:](?=\s)|\s[—–]\s")}
#: A list member: ``a, b and c`` / ``a, b и c`` / ``甲、乙和丙``.
_MEMBER_CUT = {"zh": re.compile(r"、"), None: re.compile(r",\s")}


def _clause_spans(text: str, cut: re.Pattern) -> list[tuple[int, int]]:
    """Each piece after a separator of ``cut``, with the separator before it (up to the final
    punctuation), so that removing it leaves a well-punctuated sentence."""
    marks = [m.span() for m in cut.finditer(text)]
    end = len(text.rstrip().rstrip("。.!?！？;；:："))
    ends = [start for start, _ in marks[1:]] + [end]
    return [(start, stop) for (start, _), stop in zip(marks, ends) if stop > start]


def _words(text: str, lang: str) -> int:
    """Words in ``text``; Chinese: two characters count as a word."""
    han = sum(len(run) for run in _HAN_RUN.findall(text)) if lang == "zh" else 0
    return han // 2 + len(re.findall(r"[^\W\d_]+|\d+", _HAN_RUN.sub(" ", text)))


def clause_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """A clause (3+ words, Chinese 6+ characters) or a list member cut out of a sentence of
    running text, with its separator."""
    plans = []
    for unit in booklet.full_units.values():
        for lang in booklet.corpus.languages:
            for sentence in unit.sentences[lang]:
                start = booklet.locate(sentence)
                if start is None or sentence.kind not in BODY_KINDS:
                    continue
                cut = _CLAUSE_CUT.get(lang, _CLAUSE_CUT[None])
                member = _MEMBER_CUT.get(lang, _MEMBER_CUT[None])
                sites = [(a, b, "clause") for a, b in _clause_spans(sentence.text, cut)
                         if _words(sentence.text[a:b], lang) >= 3]
                if len(member.findall(sentence.text)) >= 2:
                    sites += [(a, b, "list member")
                              for a, b in _clause_spans(sentence.text, member)
                              if 1 <= _words(sentence.text[a:b], lang) <= 4]
                sites = [s for s in sites if s[1] - s[0] < 0.6 * len(sentence.text)]
                if not sites:
                    continue
                a, b, what = rng.choice(sites)
                plans.append(booklet.edit_plan(
                    "clause", sentence, (start + a, start + b), "",
                    f"{what} removed: {sentence.text[a:b].strip()!r}",
                    {x: unit.lines(x) for x in booklet.corpus.languages if x != lang}))
    return plans


def _blocks(booklet: Booklet, kind: str) -> Iterable[tuple[sco_corpus.Block, list[int]]]:
    """Each block of ``kind`` whose sentences all lie in full units, with those units."""
    for lang in booklet.corpus.languages:
        for section in booklet.corpus.get_sections(lang):
            for block in section.blocks:
                ids = [s.id for s in section.sentences if s.block == block.id]
                units = sorted({booklet.unit_of[i] for i in ids if i in booklet.unit_of})
                if block.kind == kind and ids and all(i in booklet.full_units for i in units):
                    yield block, units


def moved_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """A caption taken out of its place (its lines left empty) and put, as a block of its own,
    after a paragraph of another chapter of the same language."""
    plans = []
    for block, units in _blocks(booklet, "caption"):
        targets = [b for b, _ in _blocks(booklet, "paragraph")
                   if b.lang == block.lang and b.section != block.section
                   and max(b.lines) < len(booklet.lines)
                   and not booklet.lines[max(b.lines)].strip()]
        if not targets:
            continue
        target = rng.choice(targets)
        after = max(target.lines)
        caption = tuple(booklet.lines[n - 1] for n in block.lines)
        edits = {n: ("",) for n in block.lines}
        edits[after] = (booklet.lines[after - 1], "", *caption)
        plans.append(Plan("moved", block.lang, block.section, frozenset(units),
                          booklet.blocks_of(units) | {target.id}, edits,
                          tuple((after, 2 + k) for k in range(len(caption))), {},
                          f"{block.section} {block.lang} lines {_span(block.lines)}: caption "
                          f"moved after line {after} ({target.section}): {_short(block.text)}"))
    return plans


def epigraph_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """An epigraph cut short: its last sentence removed or, for one sentence, everything
    after its middle clause punctuation (the closing quotation mark kept)."""
    plans = []
    for block, units in _blocks(booklet, "epigraph"):
        sentences = [s for section in booklet.corpus.get_sections(block.lang)
                     for s in section.sentences if s.block == block.id]
        last = sentences[-1]
        start = booklet.locate(last)
        if start is None:
            continue
        text = last.text
        closing = len(text) - len(text.rstrip("»”\"'》」』"))
        if len(sentences) > 1:
            cut = (0, len(text) - closing)
        else:
            marks = [m.start() for m in _CLAUSE_CUT.get(block.lang, _CLAUSE_CUT[None])
                     .finditer(text) if 0.3 * len(text) < m.start() < 0.8 * len(text)]
            if not marks:
                continue
            cut = (rng.choice(marks), len(text) - closing)
        end = "" if len(sentences) > 1 else ("。" if block.lang == "zh" else ".")
        plans.append(booklet.edit_plan("epigraph", last, (start + cut[0], start + cut[1]), end,
                                       f"epigraph cut: {text[cut[0]:cut[1]].strip()!r} removed"))
    return plans


#: Latin letters that look like Cyrillic ones.
_HOMOGLYPH = str.maketrans("аеорсух", "aeopcyx")
_LOWER_WORD = {"ru": re.compile(r"(?<![\w-])[а-яё]{4,}(?![\w-])"),
               "en": re.compile(r"(?<![\w-])[a-z]{4,}(?![\w-])")}


def foreign_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """One word of a Russian or English body sentence replaced by a word of the other
    language's side of the unit (``сотрудничество`` → ``cooperation``) or, for Russian a
    third of the time, spelt with Latin look-alike letters."""
    plans = []
    for unit in booklet.full_units.values():
        for lang, other in (("ru", "en"), ("en", "ru")):
            donors = _LOWER_WORD[other].findall(unit.text(other))
            for sentence in unit.sentences[lang]:
                start = booklet.locate(sentence)
                words = list(_LOWER_WORD[lang].finditer(sentence.text))
                if start is None or sentence.kind not in BODY_KINDS or not words or not donors:
                    continue
                word = rng.choice(words)
                homoglyph = word.group().translate(_HOMOGLYPH)
                if lang == "ru" and homoglyph != word.group() and rng.random() < 1 / 3:
                    new = homoglyph
                else:
                    new = rng.choice(donors)
                plans.append(booklet.edit_plan(
                    "foreign", sentence, (start + word.start(), start + word.end()), new,
                    f"{word.group()!r} → {new!r}"))
    return plans


#: Magnitude words by order of ten (``hundreds`` for 10², ``数十亿`` for 10⁹).
_MAGNITUDE = {
    "en": ("dozens of", "hundreds of", "thousands of", "tens of thousands of",
           "hundreds of thousands of", "millions of", "tens of millions of",
           "hundreds of millions of", "billions of", "tens of billions of"),
    "ru": ("десятки", "сотни", "тысячи", "десятки тысяч", "сотни тысяч", "миллионы",
           "десятки миллионов", "сотни миллионов", "миллиарды", "десятки миллиардов"),
    "zh": ("数十", "数百", "数千", "数万", "数十万", "数百万", "数千万", "数亿", "数十亿", "数百亿"),
}
#: What may follow a number that a magnitude word replaces: a counted noun (Russian: in the
#: genitive plural, as after ``сотни``; Chinese: a classifier or a noun).
_COUNTED = {"en": re.compile(r"\.? (?:of )?(?!percent)[a-z]{3,}"),
            "ru": re.compile(r"\.? (?!процент)[а-яё]{3,}"),
            "zh": re.compile(r"[个名位家项所座]?(?![年月日号])[\u4e00-\u9fff]")}
_SCALE = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "тысяч": 3, "тыс": 3,
          "миллион": 6, "млн": 6, "миллиард": 9, "млрд": 9, "триллион": 12, "трлн": 12,
          "万": 4, "亿": 8, "万亿": 12}


def _order(match: re.Match) -> int | None:
    """The order of ten of a matched number, if it is a whole number of 10 or more."""
    digits = re.sub(r"[\s\u00a0,]", "", match.group("digits")) if match.string else ""
    scale = (match.group("scale") or "").lower()
    if not digits.isdigit():
        digits = digits.replace(",", ".").split(".")[0]
        if not scale or not digits.isdigit():
            return None
    value = int(digits) * 10 ** _SCALE.get(scale, 0)
    return len(str(value)) - 1 if value >= 10 else None


def magnitude_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """A number before a counted noun replaced by a magnitude word of another order (``300
    students`` → ``thousands of students``, ``15 стран`` → ``сотни стран``, ``6,8 млрд
    долларов`` → ``десятки миллиардов долларов``, ``300名`` → ``数千名``), where every language
    of the unit has a number. Russian plain numbers only where the noun is in the genitive
    plural (ending in 0, 5-9, 11-19)."""
    plans = []
    for unit, sentence, match, start in _value_sites(booklet, find_numbers):
        lang, order = sentence.lang, _order(match)
        digits = match.group("digits")
        if order is None or not _COUNTED[lang].match(sentence.text, match.end()) \
                or re.search(r"[$€£¥]\s*$", sentence.text[:match.start()]) \
                or lang == "ru" and not match.group("scale") \
                and not re.search(r"(?:1\d|[05-9])$", digits):
            continue
        choices = [k for k in range(max(1, order - 2), min(10, order + 2) + 1) if k != order]
        new = _MAGNITUDE[lang][rng.choice(choices) - 1]
        plans.append(booklet.edit_plan("magnitude", sentence,
                                       (start + match.start(), start + match.end()), new,
                                       f"{match.group()!r} → {new!r}"))
    return plans


PLANNERS = {"number": number_plans, "date": date_plans, "omission": omission_plans,
            "duplicate": duplicate_plans, "untranslated": untranslated_plans,
            "rename": rename_plans, "clause": clause_plans, "moved": moved_plans,
            "epigraph": epigraph_plans, "foreign": foreign_plans, "magnitude": magnitude_plans}
#: The check expected to find each kind (a kind not listed: the check of its name).
EXPECTED = {"rename": "term", "clause": "omission", "moved": "structure",
            "epigraph": "structure", "foreign": "untranslated", "magnitude": "number"}


def _short(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[:width - 1] + "…")


def _span(lines: Sequence[int]) -> str:
    return str(lines[0]) if len(lines) == 1 else f"{min(lines)}-{max(lines)}"


# --- choosing places and planting them ------------------------------------------------------

def _compatible(plan: Plan, chosen: list[Plan]) -> bool:
    """Not in the same unit, a neighbouring unit, or the same paragraph as a chosen plan, nor
    of the same subject; for
    ``duplicate``, not in a section where another language has one (a passage that two
    languages repeat is taken for the original's)."""
    return all(not plan.blocks & other.blocks
               and not (plan.subject and plan.subject == other.subject)
               and all(abs(i - j) > 1 for i in plan.units for j in other.units)
               and not (plan.kind == "duplicate" and plan.section == other.section
                        and plan.lang != other.lang)
               for other in chosen)


def choose(plans: list[Plan], count: int, rng: random.Random) -> list[Plan]:
    """Up to ``count`` well separated plans: a language drawn by weight, then a plan of it,
    preferably in a section not chosen yet."""
    chosen: list[Plan] = []
    while len(chosen) < count:
        open_plans = [p for p in plans if _compatible(p, chosen)]
        if not open_plans:
            break
        langs = sorted({p.lang for p in open_plans})
        weights = KIND_WEIGHTS.get(plans[0].kind, LANG_WEIGHTS)
        lang, = rng.choices(langs, weights=[weights[lang] for lang in langs])
        pool = [p for p in open_plans if p.lang == lang]
        used = {p.section for p in chosen}
        chosen.append(rng.choice([p for p in pool if p.section not in used] or pool))
    return sorted(chosen, key=lambda p: min(p.edits))


def plant(lines: Sequence[str], plans: list[Plan]):
    """The modified lines, the :class:`Injection` of each plan, and a map from each modified
    line number to its original number (inserted lines have none)."""
    edits = {number: new for plan in plans for number, new in plan.edits.items()}
    modified: list[str] = []
    position: dict[tuple[int, int], int] = {}
    for number, text in enumerate(lines, 1):
        for k, piece in enumerate(edits.get(number, (text,))):
            modified.append(piece)
            position[number, k] = len(modified)
    injections = [Injection(plan.kind, plan.lang, tuple(position[m] for m in plan.marked),
                            plan.description,
                            {lang: tuple(position[n, 0] for n in numbers)
                             for lang, numbers in plan.counterpart.items()})
                  for plan in plans]
    original = {new: number for (number, k), new in position.items() if k == 0}
    return modified, injections, original


# --- running and scoring -----------------------------------------------------------------

def run_checks(corpus: sco_corpus.Corpus, embedder: sco_corpus.Embedder) -> list:
    return list(corpus.check(alignment=corpus.align(embedder=embedder)))


def _meets(lines: Iterable[int], others: Iterable[int]) -> bool:
    return not set(lines).isdisjoint(others)


def detects(finding, injection: Injection) -> bool:
    """The detection rule (see the module docstring)."""
    if finding.check != EXPECTED.get(injection.kind, injection.kind):
        return False
    if finding.check == "omission":
        return any(_meets(finding.lines.get(lang, ()), lines)
                   for lang, lines in injection.counterpart_lines.items())
    return _meets(finding.lines.get(injection.lang, ()), injection.lines)


def _overlaps(lines: Sequence[int], others: Sequence[int]) -> bool:
    """Whether the extents (first to last line) of ``lines`` and ``others`` overlap."""
    return bool(lines) and bool(others) and min(lines) <= max(others) \
        and min(others) <= max(lines)


def touches(finding, injection: Injection) -> bool:
    """Whether ``finding`` reaches the planted lines or, for an omission, their counterpart."""
    return _overlaps(finding.lines.get(injection.lang, ()), injection.lines) or any(
        _overlaps(finding.lines.get(lang, ()), lines)
        for lang, lines in injection.counterpart_lines.items())


def flagged(plan: Plan, findings: list) -> bool:
    """Whether one of ``findings`` (of the unmodified booklet) names a line of the plan's place:
    its lines or, for an omission, their counterpart."""
    lines = {plan.lang: [n for n, k in plan.marked if k == 0], **plan.counterpart}
    return any(_meets(f.lines.get(lang, ()), numbers)
               for f in findings for lang, numbers in lines.items())


def place(finding, original: dict[int, int] | None = None) -> tuple:
    """A finding's check and lines, mapped through ``original`` (modified → unmodified line
    numbers) if given."""
    lines = finding.lines if original is None else {
        lang: tuple(original[n] for n in numbers if n in original)
        for lang, numbers in finding.lines.items()}
    return finding.check, tuple(sorted((lang, tuple(n)) for lang, n in lines.items() if n))


@dataclass
class Score:
    """Injections, misses, new findings of other checks at planted places, false alarms."""

    injected: int = 0
    other: int = 0
    misses: list[Injection] = field(default_factory=list)
    alarms: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.injected += other.injected
        self.other += other.other
        self.misses += other.misses
        self.alarms += other.alarms

    def row(self, name: str) -> str:
        found = self.injected - len(self.misses)
        recall = f"{found / self.injected:.0%}" if self.injected else "-"
        return (f"{name:<14}{self.injected:>9}{found:>7}{recall:>8}{self.other:>7}"
                f"{len(self.alarms):>14}")

    def details(self) -> str:
        return "".join([f"    miss  {i.description}\n" for i in self.misses]
                       + [f"    false alarm  {_finding_line(f)}\n" for f in self.alarms])


HEADER = f"{'kind':<14}{'injected':>9}{'found':>7}{'recall':>8}{'other':>7}{'false alarms':>14}"


def score(kind: str, injections: list[Injection], findings: list, baseline: list,
          original: dict[int, int]) -> Score:
    """Score one run against the findings of the unmodified booklet (``baseline``)."""
    ids, places = {f.id for f in baseline}, {place(f) for f in baseline}
    new = [f for f in findings if f.id not in ids and place(f, original) not in places]
    result = Score(len(injections))
    result.misses = [i for i in injections if not any(detects(f, i) for f in new)]
    for finding in new:
        if not any(touches(finding, i) for i in injections):
            result.alarms.append(finding)
        elif finding.check != EXPECTED.get(kind, kind):
            result.other += 1
    return result


def _finding_line(finding) -> str:
    lines = " ".join(f"{lang}:{_span(n)}" for lang, n in finding.lines.items() if n)
    return f"{finding.check:<15}{finding.section:<9}{lines:<30} {finding.message}"


# --- the command -------------------------------------------------------------------------

def print_diff(lines: Sequence[str], plan: Plan) -> None:
    print(f"  {plan.kind}  {plan.description}")
    for number, new in sorted(plan.edits.items()):
        if len(new) > 1:
            print(f"    {number:>5} + {len(new) - 1} lines inserted after it")
            continue
        old, text = _snippet(lines[number - 1], new[0])
        print(f"    {number:>5} - {old}\n          + {text}")


def _snippet(old: str, new: str, context: int = 30, width: int = 160) -> tuple[str, str]:
    """The changed part of ``old`` and ``new`` with some context, at most ``width`` long."""
    head = len(os.path.commonprefix([old, new]))
    tail = len(os.path.commonprefix([old[head:][::-1], new[head:][::-1]]))
    start = max(0, head - context)

    def cut(text: str) -> str:
        end = min(len(text) - tail + context, start + width)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    return cut(old), cut(new)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2,3", help="comma-separated seeds (default 1,2,3)")
    parser.add_argument("--per-run", type=int, default=8, help="errors planted per run")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds")
    parser.add_argument("--cache-dir", default=str(Path.home() / ".cache/sco_corpus/embeddings"),
                        help="embedding cache directory")
    parser.add_argument("--source", help="trilingual text file (default: the embedded booklet)")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the planted changes without running the checks")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    kinds = args.kinds.split(",")
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")

    embedder = sco_corpus.Embedder(cache_dir=args.cache_dir)
    corpus = sco_corpus.load(args.source)
    alignment = corpus.align(embedder=embedder)
    booklet = Booklet(corpus, tuple(alignment))
    baseline = list(corpus.check(alignment=alignment))

    total = {kind: Score() for kind in kinds}
    for seed in seeds:
        print(f"seed {seed}" + ("" if args.dry_run else f"\n{HEADER}"))
        for kind in kinds:
            rng = random.Random(f"{seed}-{kind}")
            plans = [p for p in PLANNERS[kind](booklet, rng) if not flagged(p, baseline)]
            plans = choose(plans, args.per_run, rng)
            if args.dry_run:
                for plan in plans:
                    print_diff(booklet.lines, plan)
                continue
            modified, injections, original = plant(booklet.lines, plans)
            text = "\n".join(modified) + "\n"
            planted = from_source(decode(text.encode("utf-8"), f"{kind}-{seed}.txt"))
            result = score(kind, injections, run_checks(planted, embedder), baseline, original)
            print(result.row(kind))
            if args.show:
                print(result.details(), end="")
            total[kind].add(result)
    if args.dry_run:
        return 0

    print(f"\nall seeds ({', '.join(map(str, seeds))})\n{HEADER}")
    overall = Score()
    for kind in kinds:
        print(total[kind].row(kind))
        overall.add(total[kind])
    print(overall.row("all"))
    print(f"\nfindings on the unmodified booklet ({len(baseline)}):")
    for finding in baseline:
        print(f"  {_finding_line(finding)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
