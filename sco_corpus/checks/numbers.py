"""Check 1, numbers: every number of a unit has its counterpart in the other languages.

Numbers are read as values (:mod:`sco_corpus.numbers`: decimal comma or point, thousands
separators, scale words, 万/亿), so ``6,8 млрд``, ``6.8 billion`` and ``68亿`` agree. Dates
and years are the date check's. A value one language has where the others agree on another
is an error, with the factor when it is a power of ten (a scale slip: ``900 million`` vs
``90亿``); a number the others lack is a warning, unless they spell it as a word (``six``,
``шести``, ``六``).
"""
from __future__ import annotations

import math
from collections import Counter

from ..align.units import Alignment, Unit
from ..corpus import Corpus
from ..dates import find_dates
from ..numbers import Number, find_number_words, find_numbers
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


def check_unit(unit: Unit) -> list[Finding]:
    langs = present(unit)
    if len(langs) < 2:
        return []
    found = {lang: unit_numbers(unit.text(lang), lang) for lang in langs}
    counts = {lang: Counter(_key(n.value) for n in found[lang]) for lang in langs}
    spelled = {lang: {_key(v) for v in find_number_words(unit.text(lang), lang)} for lang in langs}
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
        mine = {_key(n.value): n for n in found[lang]}
        theirs = {_key(n.value): n for x in others for n in found[x]}
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
    return findings


def _finding(unit: Unit, severity: str, message: str, key: str) -> Finding:
    return Finding("number", severity, present(unit), unit.section, unit.id, lines_of(unit),
                   {lang: unit.text(lang) for lang in present(unit)}, message, key)


def check_numbers(alignment: Alignment, corpus: Corpus) -> list[Finding]:
    return [f for unit in alignment for f in check_unit(unit)]
