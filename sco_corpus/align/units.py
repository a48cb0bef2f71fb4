"""Trilingual translation units and the alignment of a whole corpus as a table."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

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

    def text(self, lang: str) -> str:
        """The unit's text in ``lang`` ("" when absent): sentences joined as the language writes."""
        joiner = "" if lang == "zh" else " "
        return joiner.join(s.text for s in self.sentences.get(lang, ()))

    def ids(self, lang: str) -> tuple[str, ...]:
        return tuple(s.id for s in self.sentences.get(lang, ()))

    def shape(self) -> str:
        """``"1-1-2"``: sentences per language, in ``LANGS`` order."""
        return "-".join(str(len(self.sentences.get(lang, ()))) for lang in LANGS)

    def lines(self, lang: str) -> tuple[int, ...]:
        return tuple(sorted({n for s in self.sentences.get(lang, ()) for n in s.lines}))


@dataclass(frozen=True)
class Alignment:
    """All units of a corpus in reading order (of the first language that has each unit)."""

    units: tuple[Unit, ...]
    langs: tuple[str, ...] = LANGS

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self):
        return iter(self.units)

    def pairs(self, src: str, tgt: str) -> list[tuple[tuple[str, ...], tuple[str, ...], float]]:
        """The pairwise alignment ``src``–``tgt`` implied by the units: (src ids, tgt ids, confidence)."""
        key = _pair_key(src, tgt)
        out = []
        for unit in self.units:
            a, b = unit.ids(src), unit.ids(tgt)
            if a or b:
                out.append((a, b, unit.confidence.get(key, float("nan"))))
        return out

    def to_frame(self):
        """One row per unit: ids, section, kind, shape, each language's text, sentence ids and
        source lines, and the confidence per language pair."""
        import pandas as pd

        pairs = list(combinations(self.langs, 2))
        rows = []
        for unit in self.units:
            row = {"unit": unit.id, "section": unit.section, "kind": unit.kind,
                   "shape": unit.shape()}
            for lang in self.langs:
                row[lang] = unit.text(lang)
            for src, tgt in pairs:
                row[f"conf_{src}_{tgt}"] = unit.confidence.get(f"{src}-{tgt}", float("nan"))
            for lang in self.langs:
                row[f"{lang}_ids"] = " ".join(unit.ids(lang))
                row[f"{lang}_lines"] = " ".join(map(str, unit.lines(lang)))
            rows.append(row)
        columns = (["unit", "section", "kind", "shape", *self.langs]
                   + [f"conf_{a}_{b}" for a, b in pairs]
                   + [f"{lang}_{x}" for x in ("ids", "lines") for lang in self.langs])
        return pd.DataFrame(rows, columns=columns)


def _pair_key(src: str, tgt: str) -> str:
    return f"{src}-{tgt}" if (src, tgt) in PAIRS else f"{tgt}-{src}"
