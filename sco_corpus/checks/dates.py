"""Check 2, dates (and caption places): days, months and years compared as dates in every
unit (body text and photo captions alike): ``5 июля 2005 г.``, ``July 5, 2005`` and
``2005年7月5日`` agree; a date without a year agrees with the same day and month in a year.
The places of Russian and English photo captions (``Ташкент, 29 ноября 2013 г.``) are
compared too, by meaning (``Пекин`` = ``Beijing``).
"""
from __future__ import annotations

import re

from ..align.embed import Embedder
from ..align.units import Alignment, Unit
from ..ingest.document import Document
from ..dates import DateMention, find_dates
from .common import lines_of, present
from .finding import Finding

#: Cosine of the USE vectors of two place names above which they name the same place (same
#: city: 0.69-0.89 on the booklet's names; different cities: below 0.5).
PLACE_SIMILARITY = 0.6


def _specificity(mention: DateMention) -> int:
    return sum(v is not None for v in mention.value())


def _unmatched(mine: list[DateMention], theirs: list[DateMention]) -> list[DateMention]:
    """Mentions of ``mine`` that no mention of ``theirs`` fits, each used once: the most
    specific dates are paired first, each with the partner that agrees on most fields (so a
    bare year does not take a full date's partner)."""
    free = list(theirs)
    left = []
    for mention in sorted(mine, key=_specificity, reverse=True):
        fitting = [t for t in free if mention.fits(t)]
        if not fitting:
            left.append(mention)
            continue
        free.remove(max(fitting, key=lambda t: _agreement(mention, t)))
    return sorted(left, key=lambda m: m.start)


def _agreement(a: DateMention, b: DateMention) -> int:
    return sum(x is not None and x == y for x, y in zip(a.value(), b.value()))


def check_unit(unit: Unit) -> list[Finding]:
    langs = present(unit)
    dates = {lang: find_dates(unit.text(lang), lang) for lang in langs}
    dated = [lang for lang in langs if dates[lang]]
    if len(dated) < 2:
        return []
    findings = []
    for lang in dated[1:] if len(dated) == 2 else dated:  # two languages: say it once
        others = [x for x in dated if x != lang]
        unmatched = {x: _unmatched(dates[lang], dates[x]) for x in others}
        odd = [m for m in dates[lang] if all(m in unmatched[x] for x in others)]
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
                                    f"{'/'.join(others)} lack",
                                    f"{lang}:extra:{[str(m) for m in odd]}"))
    return findings


def _closest(mention: DateMention, candidates: list[DateMention]) -> DateMention:
    return max(candidates, key=lambda other: _agreement(mention, other))


def caption_place(text: str, lang: str) -> str | None:
    """The place before a caption's closing date: ``… ШОС. Ташкент, 29 ноября 2013 г.`` ->
    ``Ташкент`` (Russian and English captions; Chinese ones weave the place into the text)."""
    dates = find_dates(text, lang)
    if lang not in ("ru", "en") or not dates:
        return None
    head = text[: dates[-1].start].rstrip(" ,")
    place = re.split(r"[.!?;:]\s+|^", head)[-1].strip(" ,")
    words = place.split()
    return place if 0 < len(words) <= 3 and place[:1].isupper() else None


def check_places(alignment: Alignment) -> list[Finding]:
    """Caption places of Russian and English compared by meaning (``Пекин`` = ``Beijing``)."""
    pairs = []
    for unit in alignment:
        if unit.kind == "caption" and unit.sentences.get("ru") and unit.sentences.get("en"):
            ru, en = caption_place(unit.text("ru"), "ru"), caption_place(unit.text("en"), "en")
            if ru and en:
                pairs.append((unit, ru, en))
    if not pairs:
        return []
    embedder = alignment.embedder or Embedder()
    vectors = embedder([ru for _, ru, _ in pairs] + [en for _, _, en in pairs])
    ru_vectors, en_vectors = vectors[:len(pairs)], vectors[len(pairs):]
    findings = []
    for (unit, ru, en), a, b in zip(pairs, ru_vectors, en_vectors):
        if float(a @ b) < PLACE_SIMILARITY:
            findings.append(Finding("date", "warning", ("ru", "en"), unit.section, unit.id,
                                    lines_of(unit, ("ru", "en")),
                                    {"ru": unit.text("ru"), "en": unit.text("en")},
                                    f"caption places differ: ru {ru}, en {en}", f"place:{ru}:{en}"))
    return findings


def check_dates(alignment: Alignment, corpus: Document) -> list[Finding]:
    return [f for unit in alignment for f in check_unit(unit)] + check_places(alignment)
