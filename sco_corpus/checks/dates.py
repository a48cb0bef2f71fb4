"""Check 2, dates: days, months and years compared as dates in every unit (body text and photo
captions alike): ``5 июля 2005 г.``, ``July 5, 2005`` and ``2005年7月5日`` agree; a date without
a year agrees with the same day and month in a year.
"""
from __future__ import annotations

from ..align.units import Alignment, Unit
from ..corpus import Corpus
from ..dates import DateMention, find_dates
from .common import lines_of, present
from .finding import Finding


def _unmatched(mine: list[DateMention], theirs: list[DateMention]) -> list[DateMention]:
    """Mentions of ``mine`` that no mention of ``theirs`` fits (each used once)."""
    free = list(theirs)
    left = []
    for mention in mine:
        partner = next((t for t in free if mention.fits(t)), None)
        if partner is None:
            left.append(mention)
        else:
            free.remove(partner)
    return left


def check_unit(unit: Unit) -> list[Finding]:
    langs = present(unit)
    dates = {lang: find_dates(unit.text(lang), lang) for lang in langs}
    dated = [lang for lang in langs if dates[lang]]
    if len(dated) < 2:
        return []
    findings = []
    for lang in dated:
        others = [x for x in dated if x != lang]
        odd = [m for m in dates[lang]
               if all(m in _unmatched(dates[lang], dates[x]) for x in others)]
        if not odd:
            continue
        missing = [m for x in others for m in _unmatched(dates[x], dates[lang])]
        if missing:
            detail = "; ".join(f"{lang} {m.text} ({m}), but {'/'.join(others)} "
                               f"{_closest(m, missing).text} ({_closest(m, missing)})" for m in odd)
            findings.append(Finding("date", "error", tuple(langs), unit.section, unit.id,
                                    lines_of(unit), {x: unit.text(x) for x in langs},
                                    f"dates differ: {detail}", f"{lang}:{[str(m) for m in odd]}"))
        else:
            detail = ", ".join(m.text for m in odd)
            findings.append(Finding("date", "warning", tuple(langs), unit.section, unit.id,
                                    lines_of(unit), {x: unit.text(x) for x in langs},
                                    f"{lang} has the date(s) {detail}, which "
                                    f"{'/'.join(others)} lack", f"{lang}:extra:{[str(m) for m in odd]}"))
    return findings


def _closest(mention: DateMention, candidates: list[DateMention]) -> DateMention:
    def agreement(other: DateMention) -> int:
        return sum(a is not None and a == b for a, b in zip(mention.value(), other.value()))
    return max(candidates, key=agreement)


def check_dates(alignment: Alignment, corpus: Corpus) -> list[Finding]:
    return [f for unit in alignment for f in check_unit(unit)]
