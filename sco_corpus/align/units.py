"""Trilingual translation units and the alignment of a whole corpus as a table."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Mapping, Sequence

from ..ingest.source import Source
from ..model import Sentence

LANGS = ("ru", "en", "zh")
PAIRS = tuple(combinations(LANGS, 2))  # ru-en, ru-zh, en-zh


@dataclass(frozen=True)
class Unit:
    """Sentences of each language that translate each other (a side may be empty).

    ``confidence`` maps a language pair such as ``"ru-en"`` to a value in [0, 1]: that the two
    sides translate each other, or, when one side is empty, that the other truly has no
    counterpart. Pairs with both sides empty are absent.
    """

    id: str
    section: str
    kind: str
    sentences: dict[str, tuple[Sentence, ...]]
    confidence: dict[str, float]
    #: where the unit is coarser than the first two languages' own alignment (a third
    #: language merged what they keep apart): their finer beads, as (ids, ids, confidence)
    parts: tuple[tuple[tuple[str, ...], tuple[str, ...], float], ...] = ()

    def text(self, lang: str) -> str:
        """The unit's text in ``lang`` ("" when absent): sentences joined as the language writes."""
        joiner = "" if lang == "zh" else " "
        return joiner.join(s.text for s in self.sentences.get(lang, ()))

    def ids(self, lang: str) -> tuple[str, ...]:
        return tuple(s.id for s in self.sentences.get(lang, ()))

    def shape(self) -> str:
        """``"1-1-2"``: sentences per language, in the alignment's language order."""
        return "-".join(str(len(side)) for side in self.sentences.values())

    def lines(self, lang: str) -> tuple[int, ...]:
        return tuple(sorted({n for s in self.sentences.get(lang, ()) for n in s.lines}))

    def record(self, langs: tuple[str, ...] = LANGS,
               sources: Mapping[str, Source] | None = None) -> UnitRecord:
        """The unit as a :class:`UnitRecord`; ``sources`` (by language) give the places of
        the languages whose source is not plain text."""
        lines = {lang: self.lines(lang) for lang in langs}
        return UnitRecord(self.id, self.section, self.kind,
                          {lang: self.text(lang) for lang in langs},
                          {lang: self.ids(lang) for lang in langs}, lines,
                          dict(self.confidence), places=source_places(lines, sources))


def source_places(lines: Mapping[str, Sequence[int]],
                  sources: Mapping[str, Source] | None) -> dict[str, str]:
    """Per language whose source is DOCX, HTML or PDF (has :attr:`Source.places`), the places
    of ``lines`` in it (:meth:`Source.span`, ``page 2–3``); plain text languages, whose line
    numbers are their places, and languages without lines are left out."""
    sources = sources or {}
    return {lang: sources[lang].span(numbers) for lang, numbers in lines.items()
            if numbers and lang in sources and sources[lang].places}


@dataclass(frozen=True)
class Alignment:
    """All units of a corpus in reading order (of the first language that has each unit)."""

    units: tuple[Unit, ...]
    langs: tuple[str, ...] = LANGS
    #: the :class:`~sco_corpus.align.embed.Embedder` that aligned them (its cache serves checks)
    embedder: object = field(default=None, repr=False, compare=False)
    #: passages one language prints twice (:class:`~sco_corpus.repeats.Repeat`), aligned
    #: through their first copy; the copy's sentences are units of that language alone
    repeats: tuple = field(default=(), repr=False, compare=False)
    #: each language's :class:`~sco_corpus.ingest.source.Source`, whose places (DOCX, HTML,
    #: PDF) the records carry
    sources: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self):
        return iter(self.units)

    def pairs(self, src: str, tgt: str) -> list[tuple[tuple[str, ...], tuple[str, ...], float]]:
        """The pairwise alignment ``src``–``tgt`` implied by the units:
        ``(src ids, tgt ids, confidence)``."""
        out = []
        for unit in self.units:
            a, b = unit.ids(src), unit.ids(tgt)
            if a or b:
                value = unit.confidence.get(f"{src}-{tgt}", unit.confidence.get(f"{tgt}-{src}"))
                out.append((a, b, float("nan") if value is None else value))
        return out

    def pair_records(self, src: str, tgt: str, findings=()) -> list[UnitRecord]:
        """The units restricted to ``src`` and ``tgt``, those with both sides only; for the
        first two languages, a unit with finer :attr:`Unit.parts` gives one record per part
        (id ``<unit>.<n>``), which a sentence-based CAT tool can use."""
        out = []
        first_pair = (src, tgt) == tuple(self.langs[:2])
        for unit, record in zip(self.units, self.records(findings)):
            if not (unit.sentences[src] and unit.sentences[tgt]):
                continue
            parts = part_records(unit, record, src, tgt, self.sources) if first_pair else []
            out += parts or [record.only((src, tgt))]
        return out

    def records(self, findings=()) -> list[UnitRecord]:
        """The units as :class:`UnitRecord`; ``findings`` (of the consistency checks) become
        each unit's ``flags`` (finding ids)."""
        flags: dict[str, list[str]] = {}
        for finding in findings:
            flags.setdefault(finding.unit, []).append(finding.id)
        return [replace(unit.record(self.langs, self.sources), flags=tuple(flags.get(unit.id, ())))
                for unit in self.units]

    def to_frame(self):
        """One row per unit (see :func:`records_frame`)."""
        return records_frame(self.records(), self.langs)


@dataclass(frozen=True)
class UnitRecord:
    """A unit as the exports carry it: per language its text ("" when absent), sentence ids and
    source lines; the confidence per language pair (``"ru-en"``; absent when both sides are
    empty); drift flags from the consistency checks; ``places``: per language whose source is
    DOCX, HTML or PDF, where its lines are in that file (``page 2``, ``paragraph 7–8``; empty
    for plain text, whose line numbers are the places)."""

    id: str
    section: str
    kind: str
    text: dict[str, str]
    ids: dict[str, tuple[str, ...]]
    lines: dict[str, tuple[int, ...]]
    confidence: dict[str, float]
    flags: tuple[str, ...] = ()
    places: dict[str, str] = field(default_factory=dict)

    @property
    def langs(self) -> tuple[str, ...]:
        """The languages this unit has text in."""
        return tuple(lang for lang, text in self.text.items() if text)

    def shape(self) -> str:
        return "-".join(str(len(ids)) for ids in self.ids.values())

    def only(self, langs: Sequence[str]) -> UnitRecord:
        """This unit restricted to ``langs``: their sides, and the confidences of the pairs in
        which both sides have text (what a file of those languages can carry)."""
        present = {lang for lang in langs if self.text.get(lang)}
        return replace(self, text={lang: self.text.get(lang, "") for lang in langs},
                       ids={lang: self.ids.get(lang, ()) for lang in langs},
                       lines={lang: self.lines.get(lang, ()) for lang in langs},
                       places={lang: self.places[lang] for lang in langs
                               if lang in self.places},
                       confidence={pair: value for pair, value in self.confidence.items()
                                   if set(pair.split("-")) <= present})


def records_frame(records: list[UnitRecord], langs: tuple[str, ...] = LANGS):
    """A DataFrame with one row per unit: ``unit, section, kind, shape``, each language's text,
    ``conf_<a>_<b>`` per pair (NaN when both sides are empty), ``<lang>_ids`` and
    ``<lang>_lines`` (space-separated), ``<lang>_place`` when a record has a place in one of
    ``langs`` (its source is not plain text), and ``flags`` (space-separated)."""
    import pandas as pd

    pairs = list(combinations(langs, 2))
    placed = any(r.places.get(lang) for r in records for lang in langs)
    kinds = ("ids", "lines", "place") if placed else ("ids", "lines")
    columns = (["unit", "section", "kind", "shape", *langs]
               + [f"conf_{a}_{b}" for a, b in pairs]
               + [f"{lang}_{x}" for x in kinds for lang in langs] + ["flags"])
    rows = []
    for record in records:
        row = {"unit": record.id, "section": record.section, "kind": record.kind,
               "shape": record.shape()}
        for lang in langs:
            row[lang] = record.text.get(lang, "")
            row[f"{lang}_ids"] = " ".join(record.ids.get(lang, ()))
            row[f"{lang}_lines"] = " ".join(map(str, record.lines.get(lang, ())))
            row[f"{lang}_place"] = record.places.get(lang, "")
        for a, b in pairs:
            row[f"conf_{a}_{b}"] = record.confidence.get(f"{a}-{b}", float("nan"))
        row["flags"] = " ".join(record.flags)
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def part_records(unit: Unit, record: UnitRecord, src: str, tgt: str,
                 sources: Mapping[str, Source] | None = None) -> list[UnitRecord]:
    """The unit's :attr:`Unit.parts` with both sides as ``src``–``tgt`` records
    (ids ``<unit>.<n>``), carrying the unit's section, kind and flags; none unless at least two
    parts have both sides (otherwise a part is the unit again, less a sentence)."""
    by_id = {s.id: s for side in unit.sentences.values() for s in side}
    joiner = {lang: "" if lang == "zh" else " " for lang in (src, tgt)}
    if sum(1 for a, b, _ in unit.parts if a and b) < 2:
        return []
    out = []
    for n, (a, b, score) in enumerate(unit.parts, 1):
        if not (a and b):
            continue
        sides = {src: [by_id[i] for i in a], tgt: [by_id[i] for i in b]}
        lines = {lang: tuple(sorted({line for s in side for line in s.lines}))
                 for lang, side in sides.items()}
        out.append(replace(
            record, id=f"{unit.id}.{n}",
            text={lang: joiner[lang].join(s.text for s in side) for lang, side in sides.items()},
            ids={lang: tuple(s.id for s in side) for lang, side in sides.items()}, lines=lines,
            places=source_places(lines, sources), confidence={f"{src}-{tgt}": score}))
    return out


def record_langs(records: Sequence[UnitRecord]) -> tuple[str, ...]:
    """The languages of ``records`` in their order (those of the first record)."""
    return tuple(records[0].text) if records else LANGS
