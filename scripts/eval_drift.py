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
same unit, in neighbouring units, or in the same paragraph of any language. Places come from the
alignment of the unmodified booklet; only sentences found verbatim on one source line are edited.

Detection rule. The checks are first run on the unmodified booklet; its findings are "known".
A finding of a planted run is "new" when its ``id`` is not known (also after mapping its line
numbers back through the lines inserted by ``duplicate``). An error counts as found when a new
finding of the expected check has, in the modified language, lines intersecting the planted
lines (for ``duplicate``: the paragraph and its copy); for ``omission``, instead, a new
``omission`` finding must have, in some other language, lines intersecting the lines of the
removed text's counterpart. Only the expected check counts (an untranslated sentence reported
only as ``low_confidence`` is a miss). New findings of other checks that touch a planted place
are counted as "other"; new findings touching no planted place are false alarms.

    python scripts/eval_drift.py [--seeds 1,2,3] [--per-run 8] [--kinds number,date]
                                 [--cache-dir DIR] [--show] [--dry-run] [--source FILE]
"""
from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

import sco_corpus
from sco_corpus.corpus import from_source
from sco_corpus.source import decode

KINDS = ("number", "date", "omission", "duplicate", "untranslated")
#: How often each language receives an error.
LANG_WEIGHTS = {"en": 0.45, "zh": 0.45, "ru": 0.1}
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
           "млрд": "млн", "млн": "млрд", "трлн": "млрд", "тыс": "млн"},
    "zh": {"万亿": "亿", "亿": "万", "万": "亿"},
}
_SCALE_WORD = {lang: "|".join(words) for lang, words in _SCALE_SWAP.items()}
_NUMBER = {
    lang: re.compile(rf"(?<![\w.,-])(?P<digits>{_DIGITS[lang]})"
                     rf"(?:\s*(?P<scale>{_SCALE_WORD[lang]})[a-zа-я]*)?(?![\w-]|[.,]\d)",
                     re.IGNORECASE)
    for lang in ("en", "ru")
}
_NUMBER["zh"] = re.compile(rf"(?<![\d.,A-Za-z-])(?P<digits>{_DIGITS['zh']})"
                           rf"(?P<scale>{_SCALE_WORD['zh']})?(?![\d.年月日号A-Za-z])")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

# --- dates ---------------------------------------------------------------------------------

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
#: Russian month names in every case form (the accusative is the nominative).
RU_MONTHS = {
    "nom": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "gen": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "dat": "январю февралю марту апрелю маю июню июлю августу сентябрю октябрю ноябрю декабрю",
    "ins": "январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём "
           "ноябрём декабрём",
    "pre": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
}
RU_MONTHS = {case: tuple(forms.split()) for case, forms in RU_MONTHS.items()}
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
           re.compile(rf"\b(?P<month>{_EN_MONTH})\s+(?:of\s+)?(?=\d{{4}})")],
    "ru": [re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_DAY_RANGE}\s+(?P<month>{_RU_MONTH})\b",
                      re.IGNORECASE),
           re.compile(rf"\b(?P<month>{_RU_MONTH})\s+(?=\d{{4}})", re.IGNORECASE)],
    "zh": [re.compile(r"(?<!\d)(?P<month>1[0-2]|0?[1-9])月"
                      r"(?:(?P<day>\d{1,2})(?=\s*(?:[-–至]\s*\d{1,2}\s*)?日))?")],
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
    alignment units (by index) and the blocks (all languages) the error concerns.
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


@dataclass(frozen=True)
class Booklet:
    """The unmodified source with its corpus and alignment."""

    corpus: sco_corpus.Corpus
    units: tuple[sco_corpus.Unit, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        return self.corpus.source.lines

    def unit_index(self) -> dict[str, int]:
        """Sentence id → index of its unit."""
        return {s.id: index for index, unit in enumerate(self.units)
                for sentences in unit.sentences.values() for s in sentences}

    def full_units(self) -> Iterable[tuple[int, sco_corpus.Unit]]:
        """The units that have text in every language."""
        for index, unit in enumerate(self.units):
            if all(unit.sentences.get(lang) for lang in self.corpus.languages):
                yield index, unit

    def blocks_of(self, units: Iterable[int]) -> frozenset[str]:
        return frozenset(s.block for index in units
                         for sentences in self.units[index].sentences.values() for s in sentences)

    def locate(self, sentence: sco_corpus.Sentence) -> int | None:
        """Where ``sentence`` starts on its line, if it stands there verbatim on one line."""
        if len(sentence.lines) != 1:
            return None
        start = self.lines[sentence.lines[0] - 1].find(sentence.text)
        return start if start >= 0 else None

    def edit_plan(self, kind: str, index: int, sentence: sco_corpus.Sentence, start: int,
                  span: tuple[int, int], new: str, description: str,
                  counterpart: dict[str, tuple[int, ...]] | None = None) -> Plan:
        """A plan replacing ``sentence.text[span]`` (the sentence starts at ``start`` of its
        line) by ``new``."""
        number = sentence.lines[0]
        line = self.lines[number - 1]
        a, b = start + span[0], start + span[1]
        return Plan(kind, sentence.lang, sentence.section, frozenset([index]),
                    self.blocks_of([index]), {number: (line[:a] + new + line[b:],)},
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


def _bare(digits: str) -> str:
    return re.sub(r"\D", "", digits)


def change_number(match: re.Match, lang: str, rng: random.Random) -> str:
    """The text of ``match`` with its scale word or its leading digit changed."""
    digits, scale = match.group("digits"), match.group("scale")
    start = match.start()
    if scale and rng.random() < 0.5:
        a, b = match.span("scale")
        swap = _SCALE_SWAP[lang][scale.lower()]
        return match.group()[:a - start] + swap + match.group()[b - start:]
    digit = rng.choice([d for d in "123456789" if d != digits[0]])
    return digit + match.group()[1:]


def change_date(match: re.Match, lang: str, rng: random.Random) -> str:
    """The text of ``match`` with its day or its month changed."""
    if match.group("day") and rng.random() < 0.5:
        old = int(match.group("day"))
        group, new = "day", str(rng.choice([d for d in range(1, 29) if d != old]))
    else:
        month = match.group("month")
        if lang == "zh":
            index = int(month) - 1
        elif lang == "en":
            index = EN_MONTHS.index(month)
        else:
            case, index = _RU_FORM[month.lower()]
        other = rng.choice([i for i in range(12) if i != index])
        if lang == "zh":
            new = str(other + 1)
        elif lang == "en":
            new = EN_MONTHS[other]
        else:
            new = RU_MONTHS[case][other]
            new = new if "ё" in month.lower() else new.replace("ё", "е")
            new = new.capitalize() if month[0].isupper() else new
        group = "month"
    a, b = match.span(group)
    text, start = match.group(), match.start()
    return text[:a - start] + new + text[b - start:]


# --- possible errors of each kind ----------------------------------------------------------

def value_plans(booklet: Booklet, rng: random.Random, kind: str,
                find: Callable[[str, str], list[re.Match]],
                change: Callable[[re.Match, str, random.Random], str]) -> list[Plan]:
    """Numbers or dates that can be changed: in units whose every language has one."""
    langs = booklet.corpus.languages
    plans = []
    for index, unit in booklet.full_units():
        if not all(find(unit.text(lang), lang) for lang in langs):
            continue
        numbers = {_bare(m.group("digits")) for lang in langs
                   for m in find_numbers(unit.text(lang), lang)}
        for lang in langs:
            for sentence in unit.sentences[lang]:
                start = booklet.locate(sentence)
                if start is None or sentence.kind not in TEXT_KINDS:
                    continue
                for match in find(sentence.text, lang):
                    new = change(match, lang, rng)
                    if kind == "number" and _bare(new) != _bare(match.group("digits")) \
                            and _bare(new.split()[0]) in numbers:
                        continue  # the new number would match another one of the unit
                    plans.append(booklet.edit_plan(kind, index, sentence, start, match.span(),
                                                   new, f"{match.group()!r} → {new!r}"))
    return plans


def number_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    return value_plans(booklet, rng, "number", find_numbers, change_number)


def date_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    return value_plans(booklet, rng, "date", find_dates, change_date)


def _body_paragraphs(booklet: Booklet):
    """(block, its sentences, their unit indexes) of each body paragraph."""
    index_of = booklet.unit_index()
    for section in booklet.corpus.sections:
        if section.lang not in booklet.corpus.languages:
            continue
        for block in section.blocks:
            sentences = [s for s in section.sentences if s.block == block.id]
            if block.kind == "paragraph" and sentences:
                yield block, sentences, sorted({index_of[s.id] for s in sentences})


def omission_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """One plan per eligible paragraph: the paragraph blanked, or one of its sentences cut."""
    langs = booklet.corpus.languages
    full = dict(booklet.full_units())
    plans = []
    for block, sentences, units in _body_paragraphs(booklet):
        own = {s.id for s in sentences}
        if not all(i in full and set(full[i].ids(block.lang)) <= own for i in units):
            continue  # a unit lacks a language, or reaches outside this paragraph
        others = [lang for lang in langs if lang != block.lang]
        single = [s for s in sentences if len(full[units[0]].sentences) and
                  booklet.locate(s) is not None and len(full[booklet.unit_index()[s.id]]
                                                        .ids(block.lang)) == 1]
        if len(sentences) > 1 and single and rng.random() < 0.5:
            sentence = rng.choice(single)
            index = booklet.unit_index()[sentence.id]
            start = booklet.locate(sentence)
            counterpart = {lang: full[index].lines(lang) for lang in others}
            joiner = "" if block.lang == "zh" else " "
            plan = booklet.edit_plan("omission", index, sentence, start,
                                     (0, len(sentence.text)), "",
                                     f"sentence removed: {sentence.text!r}", counterpart)
            number, = plan.edits
            line = booklet.lines[number - 1]
            end = start + len(sentence.text)
            cut = joiner.join(part for part in (line[:start].rstrip(), line[end:].lstrip())
                              if part)
            plans.append(replace(plan, edits={number: (cut,)}))
        else:
            counterpart = {lang: tuple(sorted({n for i in units for n in full[i].lines(lang)}))
                           for lang in others}
            plans.append(Plan("omission", block.lang, block.section, frozenset(units),
                              booklet.blocks_of(units), {n: ("",) for n in block.lines},
                              tuple((n, 0) for n in block.lines), counterpart,
                              f"{block.section} {block.lang} lines {_span(block.lines)}: "
                              f"paragraph of {len(sentences)} sentence(s) removed: "
                              f"{_short(block.text)}"))
    return plans


def duplicate_plans(booklet: Booklet, rng: random.Random) -> list[Plan]:
    """Paragraphs of 3+ sentences on consecutive lines, repeated right after themselves."""
    plans = []
    for block, sentences, units in _body_paragraphs(booklet):
        first, last = min(block.lines), max(block.lines)
        span = range(first, last + 1)
        if len(sentences) < 3 or any(booklet.lines[n - 1].strip() and n not in block.lines
                                     for n in span):
            continue
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
    """English or Chinese body sentences that can be replaced by their unit's Russian."""
    plans = []
    for index, unit in booklet.full_units():
        russian = unit.text("ru")
        for lang in ("en", "zh"):
            sentence, = unit.sentences[lang][:1]
            start = booklet.locate(sentence)
            if len(unit.sentences[lang]) != 1 or start is None \
                    or sentence.kind not in BODY_KINDS:
                continue
            plans.append(booklet.edit_plan(
                "untranslated", index, sentence, start, (0, len(sentence.text)), russian,
                f"{_short(sentence.text)} replaced by the Russian {_short(russian)}"))
    return plans


PLANNERS = {"number": number_plans, "date": date_plans, "omission": omission_plans,
            "duplicate": duplicate_plans, "untranslated": untranslated_plans}


def _short(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[:width - 1] + "…")


def _span(lines: Sequence[int]) -> str:
    return str(lines[0]) if len(lines) == 1 else f"{min(lines)}-{max(lines)}"


# --- choosing places and planting them ------------------------------------------------------

def _compatible(plan: Plan, chosen: list[Plan]) -> bool:
    """Not in the same unit, a neighbouring unit, or the same paragraph as a chosen plan."""
    return all(not plan.blocks & other.blocks
               and all(abs(i - j) > 1 for i in plan.units for j in other.units)
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
        lang, = rng.choices(langs, weights=[LANG_WEIGHTS[lang] for lang in langs])
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
    if finding.check != injection.kind:
        return False
    if injection.kind == "omission":
        return any(_meets(finding.lines.get(lang, ()), lines)
                   for lang, lines in injection.counterpart_lines.items())
    return _meets(finding.lines.get(injection.lang, ()), injection.lines)


def touches(finding, injection: Injection) -> bool:
    return _meets(finding.lines.get(injection.lang, ()), injection.lines) or any(
        _meets(finding.lines.get(lang, ()), lines)
        for lang, lines in injection.counterpart_lines.items())


def rebased(finding, original: dict[int, int]):
    """``finding`` as it would read on the unmodified source (its id recomputed), when line
    numbers moved."""
    lines = {lang: tuple(original[n] for n in numbers if n in original)
             for lang, numbers in finding.lines.items()}
    return finding if lines == finding.lines else replace(finding, lines=lines, id="")


@dataclass
class Score:
    injected: int = 0
    found: int = 0
    other: int = 0
    false_alarms: int = 0

    def add(self, other: Score) -> None:
        for name in ("injected", "found", "other", "false_alarms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        recall = f"{self.found / self.injected:.0%}" if self.injected else "-"
        return (f"{name:<14}{self.injected:>9}{self.found:>7}{recall:>8}{self.other:>7}"
                f"{self.false_alarms:>14}")


HEADER = f"{'kind':<14}{'injected':>9}{'found':>7}{'recall':>8}{'other':>7}{'false alarms':>14}"


def score(injections: list[Injection], findings: list, known: set[str],
          original: dict[int, int], show: bool) -> Score:
    new = [f for f in findings if f.id not in known and rebased(f, original).id not in known]
    missed = [i for i in injections if not any(detects(f, i) for f in new)]
    touching = [f for f in new if any(touches(f, i) for i in injections)]
    alarms = [f for f in new if not any(touches(f, i) for i in injections)]
    if show:
        for injection in missed:
            print(f"    miss  {injection.kind}: {injection.description}")
        for finding in alarms:
            print(f"    false alarm  {_finding_line(finding)}")
    return Score(len(injections), len(injections) - len(missed),
                 sum(f.check != injections[0].kind for f in touching) if injections else 0,
                 len(alarms))


def _finding_line(finding) -> str:
    lines = " ".join(f"{lang}:{_span(n)}" for lang, n in finding.lines.items() if n)
    return f"{finding.check:<14}{finding.section:<10}{lines:<28}{finding.message}"


# --- the command -------------------------------------------------------------------------

def print_diff(lines: Sequence[str], plan: Plan) -> None:
    print(f"  [{plan.kind}] {plan.description}")
    for number, new in sorted(plan.edits.items()):
        old, new_text = lines[number - 1], "\n".join(new)
        if len(new) == 1:
            old, new_text = _snippet(old, new_text)
        print(f"    {number:>5} - {old}")
        for piece in new_text.split("\n"):
            print(f"          + {_short(piece, 110)[1:-1] if len(new) > 1 else piece}")


def _snippet(old: str, new: str, context: int = 40) -> tuple[str, str]:
    """The changed part of ``old`` and ``new`` with some context."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = max(0, head - context)

    def cut(text: str) -> str:
        end = min(len(text), len(text) - tail + context)
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
    baseline = [] if args.dry_run else list(corpus.check(alignment=alignment))
    known = {f.id for f in baseline}

    total = {kind: Score() for kind in kinds}
    for seed in seeds:
        print(f"seed {seed}" + ("" if args.dry_run else f"\n{HEADER}"))
        for kind in kinds:
            rng = random.Random(f"{seed}-{kind}")
            plans = choose(PLANNERS[kind](booklet, rng), args.per_run, rng)
            if args.dry_run:
                for plan in plans:
                    print_diff(booklet.lines, plan)
                continue
            modified, injections, original = plant(booklet.lines, plans)
            text = "\n".join(modified) + "\n"
            planted = from_source(decode(text.encode("utf-8"), f"{kind}-{seed}.txt"))
            result = score(injections, run_checks(planted, embedder), known, original,
                           args.show)
            print(result.row(kind))
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
