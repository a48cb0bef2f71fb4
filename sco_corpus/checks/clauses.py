"""Sub-sentence comparison: a piece of a unit (clause, list member, apposition, parenthesis) that
two languages share and the third lacks.

Each side of a unit with three languages is cut into pieces at clause punctuation (commas,
semicolons and colons before a space, spaced dashes, parentheses, sentence ends; Chinese
``，、；：``) and before words that open a clause or list member (``и``, ``для``, ``чтобы``,
``and``, ``in order to``, ``which``, ``并``, ``以便``, …). Two signals, each a robust z-score
against the document's own units (median and interquartile range, per missing language, since
translations differ in how free they are):

* ``deficit``: how much farther W is from Y and Z than they are from each other,
  ``cos(Y, Z) - (cos(W, Y) + cos(W, Z)) / 2`` on the whole sides (the alignment's cached
  vectors, free): a language that lacks a clause drifts away from the other two;
* ``gap``: a piece ``p`` of Y whose removal brings Y closer to W and farther from Z, which has
  it too: ``[cos(Y - p, W) - cos(Y, W)] - [cos(Y - p, Z) - cos(Y, Z)]`` (``Y - p``: Y's text
  without the piece, encoded by the alignment's
  :class:`~sco_corpus.align.embed.Embedder`, one call for the document). Only units whose
  deficit is above the document's median are cut, the largest deficits first and no more
  characters than :data:`ENCODING_SHARE` of the units'; the best piece of each sharing language
  that can be cut (a side of two or more pieces) counts.

A unit is reported when ``z(deficit) + z(gap)`` of a sharing language's piece passes
:data:`LIMIT`; both sharing languages' pieces are quoted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..align.units import Unit
from .common import present

_CONJUNCTIONS = ("и", "а также", "для", "чтобы", "с целью", "в целях", "путем", "путём", "включая",
                 "в том числе", "но", "или", "and", "as well as", "in order to", "for", "by",
                 "which", "including", "but", "or", "while")
_CUT = {
    "zh": re.compile(r"[，、；：（）。！？]|——|[,;:](?=\s)|[()]|(?=并|以便|以及|包括|从而|同时)"),
    None: re.compile(r"[,;:](?=\s)|[()]|\s[—–-]\s|(?<=[.!?»”\"])\s+(?=[A-ZА-ЯЁ«“\"])"
                     rf"|\s(?=(?:{'|'.join(_CONJUNCTIONS)})\s)"),
}
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    """A clause-level piece of a unit's text in one language: ``text[start:end]``."""

    lang: str
    text: str
    start: int
    end: int


def pieces(text: str, lang: str) -> list[Piece]:
    """The pieces of ``text``, without the punctuation that separates them; pieces without a
    letter or digit are dropped."""
    cut = _CUT.get(lang, _CUT[None])
    out, start = [], 0
    for m in [*cut.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[start:end]
        stripped = chunk.strip(" \t\n\"'«»“”‘’.,;:-–—…")
        if _WORD.search(stripped):
            offset = start + chunk.index(stripped)
            out.append(Piece(lang, stripped, offset, offset + len(stripped)))
        start = m.end() if m else start
    return out


#: ``z(deficit) + z(gap)`` beyond which a piece is reported (as info), and which both sharing
#: languages' pieces must pass for a warning; chosen on planted drops against the findings on
#: the unmodified booklet (scripts/eval_clauses.py, README).
LIMIT, SURE = 2.5, 3.5
#: Kinds of units compared: running text. Titles, headings, TOC entries and captions are labels
#: that translations rephrase freely (Chinese captions weave place and date into the sentence;
#: the date check compares those).
RUNNING = ("paragraph", "list_item", "epigraph", "footnote")
#: A language with fewer units to compare than this gives no distribution to measure against.
MIN_UNITS = 20
#: The texts cut for the gap, at most this share of the characters of the units compared (which
#: the alignment encoded; the encoder's cost grows with the length), so that the check costs
#: less than the alignment: the units with the largest deficits first.
ENCODING_SHARE = 1.0


@dataclass(frozen=True)
class Gap:
    """A piece of each of two languages (``shared``: language → piece) that ``missing`` seems
    to lack; ``scores``: per sharing language, ``z(deficit) + z(gap)`` of its piece."""

    unit: Unit
    missing: str
    shared: dict[str, Piece]
    scores: dict[str, float]

    @property
    def score(self) -> float:
        return max(self.scores.values())


def _without(text: str, piece: Piece) -> str:
    return text[:piece.start] + text[piece.end:]


def _z(values: dict, langs) -> dict:
    """Robust z-scores of ``values`` ({(unit index, lang): value}) per language."""
    out = {}
    for lang in langs:
        keys = [k for k in values if k[1] == lang]
        if len(keys) < MIN_UNITS:
            continue
        q1, median, q3 = np.percentile([values[k] for k in keys], [25, 50, 75])
        out.update({k: (values[k] - median) / max(q3 - q1, 1e-6) for k in keys})
    return out


def _size(cut: dict) -> int:
    return sum(len(text) for texts in cut.values() for text in texts)


def gaps(units, embed) -> list[Gap]:
    """The :class:`Gap` of every unit of running text with three languages and every missing language whose
    deficit is above the median and that another language has a piece to cut for, in the
    units' order."""
    units = [u for u in units if len(present(u)) >= 3 and u.kind in RUNNING]
    whole = [dict(zip(present(u), embed([u.text(x) for x in present(u)]))) for u in units]
    deficit = {}
    for n, vectors in enumerate(whole):
        for w in vectors:
            y, z = (vectors[x] for x in vectors if x != w)
            deficit[n, w] = float(y @ z - (vectors[w] @ y + vectors[w] @ z) / 2)
    z_deficit = _z(deficit, {w for _, w in deficit})
    budget = ENCODING_SHARE * sum(len(s.text) for u in units for side in u.sentences.values()
                                  for s in side)
    sides, cut = {}, {}
    for (n, w), value in sorted(z_deficit.items(), key=lambda item: (-item[1], item[0])):
        if value <= 0:
            break
        sides.setdefault(n, {x: pieces(units[n].text(x), x) for x in whole[n]})
        more = {(n, x): [_without(units[n].text(x), p) for p in side]
                for x, side in sides[n].items()
                if x != w and len(side) >= 2 and (n, x) not in cut}
        if _size(cut) + _size(more) > budget:
            break
        cut.update(more)
    texts = [t for side in cut.values() for t in side]
    vectors = embed(texts) if texts else np.zeros((0, 512))
    start, best = 0, {}
    for (n, x), side in cut.items():
        rest, start = vectors[start:start + len(side)], start + len(side)
        for w in whole[n]:
            if w != x and z_deficit.get((n, w), 0) > 0:
                b = next(v for v in whole[n] if v not in (w, x))
                gain = rest @ whole[n][w] - rest @ whole[n][b] \
                    - whole[n][x] @ whole[n][w] + whole[n][x] @ whole[n][b]
                k = int(np.argmax(gain))
                best[n, w, x] = (float(gain[k]), sides[n][x][k])
    z_gap = _z({key: value for key, (value, _) in best.items()}, {w for _, w, _ in best})
    out: dict[tuple, Gap] = {}
    for (n, w, x), (_, piece) in best.items():
        if (n, w, x) not in z_gap:
            continue
        gap = out.setdefault((n, w), Gap(units[n], w, {}, {}))
        gap.shared[x] = piece
        gap.scores[x] = z_deficit[n, w] + z_gap[n, w, x]
    return [gap for _, gap in sorted(out.items())]
