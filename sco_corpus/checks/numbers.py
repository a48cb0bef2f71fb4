"""Check 1, numbers: every number of a unit has its counterpart in the other languages.

Numbers are read as values (:mod:`sco_corpus.numbers`: decimal comma or point, thousands
separators, scale words, 万/亿), so ``6,8 млрд``, ``6.8 billion`` and ``68亿`` agree. Dates
and years are the date check's. A value one language has where the others agree on another
is an error, with the factor when it is a power of ten (a scale slip: ``900 million`` vs
``90亿``); a number the others lack is a warning, unless they spell it as a word (``six``,
``шести``, ``六``). An approximate value (``300余万``, ``more than 3 million``, ``около``)
agrees with any value in its range, and a number with a magnitude word of its order
(``сотни`` = ``300``).

Magnitude words without a number (``hundreds``, ``десятки тысяч``, ``数百``; ``weeks``,
``десятилетия``, ``几十年``) are compared too: where the other languages agree on one and this
one says another of the same kind (``тысячи`` for ``hundreds``, ``months`` for ``weeks``), it
is a warning.
"""
from __future__ import annotations

import math
from collections import Counter

from ..align.units import Alignment, Unit
from ..ingest.document import Document
from ..dates import find_dates
from ..numbers import Magnitude, Number, find_magnitudes, find_number_words, find_numbers
from .common import lines_of, present
from .finding import Finding


def _key(value: float) -> str:
    return f"{value:.6g}"


def unit_numbers(text: str, lang: str) -> list[Number]:
    """The numbers of ``text`` outside dates; years and Chinese month numbers (``8月``) left out."""
    dates = [(d.start, d.end) for d in find_dates(text, lang)]
    return [n for n in find_numbers(text, lang)
            if not n.is_year and not any(a <= n.start < b for a, b in dates)
            and not (lang == "zh" and text.startswith("月", n.end))]


def _show(number: Number) -> str:
    """``900 million = 9.0e8`` (large values), or the number as written."""
    if number.value < 1e4:
        return number.text.strip()
    exponent = math.floor(math.log10(number.value))
    return f"{number.text.strip()} = {number.value / 10 ** exponent:.1f}e{exponent}"


def _factor(a: float, b: float) -> str:
    if a <= 0 or b <= 0:
        return ""
    ratio = math.log10(b / a)
    if abs(ratio - round(ratio)) < 1e-9 and round(ratio) != 0:
        return f", ×{10 ** round(ratio):g}" if ratio > 0 else f", ×1/{10 ** -round(ratio):g}"
    return ""


def _order(value: float) -> int:
    return math.floor(math.log10(value)) if value > 0 else 0


def _keys(found: dict[str, list[Number]]) -> dict[str, list[str]]:
    """Each number's key: its value, or for an approximate one the value of another
    language's number in its range (an exact one first, then the nearest)."""
    keys = {}
    for lang, numbers in found.items():
        theirs = [n for x in found if x != lang for n in found[x]]
        keys[lang] = []
        for n in numbers:
            fits = [m for m in theirs if n.approx and n.matches(m)]
            best = min(fits, key=lambda m: (bool(m.approx), abs(math.log((m.value or 1) /
                                                                       (n.value or 1)))),
                       default=n)
            keys[lang].append(_key(best.value))
    return keys


def check_unit(unit: Unit) -> list[Finding]:
    langs = present(unit)
    if len(langs) < 2:
        return []
    found = {lang: unit_numbers(unit.text(lang), lang) for lang in langs}
    keys = _keys(found)
    counts = {lang: Counter(keys[lang]) for lang in langs}
    mags = {lang: find_magnitudes(unit.text(lang), lang) for lang in langs}
    spelled = {lang: {_key(v) for v in find_number_words(unit.text(lang), lang)}
               | {v for v in set().union(*counts.values())
                  if any(m.kind == "count" and m.order == _order(float(v)) for m in mags[lang])}
               for lang in langs}
    findings = []
    for lang in langs[1:] if len(langs) == 2 else langs:  # two languages: say it once
        others = [x for x in langs if x != lang]
        # values every other language has more often than this one, and the reverse
        lacking = [v for v in set().union(*(counts[x] for x in others))
                   if all(counts[x][v] > counts[lang][v] for x in others)
                   and v not in spelled[lang]]
        extra = [v for v in counts[lang]
                 if all(counts[lang][v] > counts[x][v] and v not in spelled[x] for x in others)]
        if not lacking and not extra:
            continue
        mine = dict(zip(keys[lang], found[lang]))
        theirs = {k: n for x in others for k, n in zip(keys[x], found[x])}
        if lacking and extra:
            pairs = list(zip(sorted(extra, key=float), sorted(lacking, key=float)))
            detail = "; ".join(
                f"{lang} {_show(mine[e])}, but {'/'.join(others)} {_show(theirs[v])}"
                f"{_factor(float(v), float(e))}" for e, v in pairs)
            findings.append(_finding(unit, "error", f"numbers differ: {detail}",
                                     f"{lang}:{sorted(extra)}:{sorted(lacking)}"))
        elif lacking and all(counts[x] for x in others):
            detail = ", ".join(theirs[v].text.strip() for v in sorted(lacking, key=float))
            findings.append(_finding(unit, "warning",
                                     f"{lang} lacks the number(s) {detail} of "
                                     f"{'/'.join(others)}", f"{lang}:lacks:{sorted(lacking)}"))
        elif extra and all(counts[x] for x in others):
            detail = ", ".join(mine[v].text.strip() for v in sorted(extra, key=float))
            findings.append(_finding(unit, "warning",
                                     f"{lang} has the number(s) {detail}, which "
                                     f"{'/'.join(others)} lack", f"{lang}:extra:{sorted(extra)}"))
    return findings + _magnitude_findings(unit, langs, mags, found)


def _magnitude_findings(unit: Unit, langs: tuple[str, ...], mags: dict[str, list[Magnitude]],
                        found: dict[str, list[Number]]) -> list[Finding]:
    """A magnitude the other languages say (one of them as a word, the others as a word or a
    number of that order) where this language says another of the same kind."""
    def says(lang: str) -> set[tuple[str, int]]:
        return {(m.kind, m.order) for m in mags[lang]} | {
            ("count", _order(n.value)) for n in found[lang]}

    findings = []
    for lang in langs[1:] if len(langs) == 2 else langs:
        others = [x for x in langs if x != lang]
        agreed = set.intersection(*(says(x) for x in others)) & {
            (m.kind, m.order) for x in others for m in mags[x]}
        for kind, order in sorted(agreed - says(lang)):
            mine = [m for m in mags[lang] if m.kind == kind
                    and all((kind, m.order) not in says(x) for x in others)]
            if not mine:
                continue
            theirs = [m.text for x in others for m in mags[x] if (m.kind, m.order) == (kind, order)]
            findings.append(_finding(
                unit, "warning", f"magnitudes differ: {lang} {', '.join(m.text for m in mine)} "
                f"({', '.join(m.name for m in mine)}), but {'/'.join(others)} "
                f"{', '.join(theirs)} ({Magnitude(kind, order, '', 0, 0).name})",
                f"{lang}:magnitude:{kind}:{order}:{sorted(m.order for m in mine)}"))
    return findings


def _finding(unit: Unit, severity: str, message: str, key: str) -> Finding:
    return Finding("number", severity, present(unit), unit.section, unit.id, lines_of(unit),
                   {lang: unit.text(lang) for lang in present(unit)}, message, key)


def check_numbers(alignment: Alignment, corpus: Document) -> list[Finding]:
    return [f for unit in alignment for f in check_unit(unit)]
