"""Sentence alignment of one language pair: :func:`align_sentences` and the band around it.

Small inputs are aligned over the full grid. Longer ones first at a coarser level (runs of
sentences merged into one, recursively), then inside a narrow band around the coarse path, as
Vecalign does, so time and memory grow linearly with the length.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, Sequence

import numpy as np

from .anchors import anchor_vectors
from .dp import search
from .embed import Embedder
from .langs import check_language
from .length import LengthModel, char_length
from .scoring import (BeadCost, Calibration, Side, Weights, edge_margin, match_confidence,
                      null_confidence)

#: Bead shapes besides 1-0 and 0-1, which are always allowed. Up to 1-5: Chinese often cuts a
#: long Russian or English sentence at each full-width semicolon. No 2-3 or 3-2: with them
#: Text+Berg (3 such gold beads of 858) and the booklet score the same, and every alignment
#: takes a fifth longer.
DEFAULT_BEADS = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (1, 5), (5, 1))
#: Mean cosine of unrelated sentence pairs under the default encoder (multilingual USE; 0.05 to
#: 0.14 on the Text+Berg documents and the booklet's pairs), used when an input is too short
#: to measure it.
DEFAULT_NULL_SIMILARITY = 0.1
#: Sentences of each side compared with the whole other side to find the typical best match.
CALIBRATION_SAMPLE = 500


@dataclass(frozen=True)
class Bead:
    """Source sentences ``src`` aligned with target sentences ``tgt`` (either may be empty).

    ``score`` is the confidence in [0, 1] that the bead is right; ``cost`` what it added to the
    path (lower is better).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    cost: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Options:
    """Settings of the aligner; the defaults are the ones measured in the README."""

    beads: tuple[tuple[int, int], ...] = DEFAULT_BEADS
    weights: Weights = Weights()
    #: ``None``: measured on the input's mutual best matches (:func:`calibrate`)
    length: LengthModel | None = None
    #: ``None``: measured on the input (:func:`calibrate`)
    calibration: Calibration | None = None
    #: an input's grid up to this many cells is searched whole (a coarse level's: this over
    #: ``coarse_factor`` squared)
    max_full_cells: int = 250_000
    #: sentences merged into one at each coarser level
    coarse_factor: int = 4
    #: extra columns on each side of the band around the coarse path
    band_margin: int = 8


def build_side(texts: Sequence[str], lang: str, embedder: Embedder | None,
               blocks: Sequence[Hashable] | None = None,
               kinds: Sequence[Hashable] | None = None,
               embeddings: np.ndarray | None = None) -> Side:
    """The features of one side; ``blocks``/``kinds`` label each sentence's block and class.
    ``embeddings``, when given, are used instead of asking ``embedder``."""
    texts = list(texts)
    emb = embeddings if embeddings is not None else (embedder or Embedder())(texts)
    present, required = anchor_vectors(texts, lang)
    return Side(emb=emb, length=np.array([char_length(t) for t in texts], dtype=np.float64),
                present=present, required=required,
                block=_numbered(blocks, len(texts)), kind=_numbered(kinds, len(texts)))


def _numbered(labels: Sequence[Hashable] | None, n: int) -> np.ndarray:
    if labels is None:
        return np.zeros(n, dtype=np.int64)
    if len(labels) != n:
        raise ValueError(f"{len(labels)} labels for {n} sentences")
    index: dict[Hashable, int] = {}
    return np.array([index.setdefault(x, len(index)) for x in labels], dtype=np.int64)


def null_similarity(a: np.ndarray, b: np.ndarray, samples: int = 4000) -> float:
    """Mean cosine of random pairs of distinct source and target sentence vectors (most of
    which are not translations; a repeated sentence counts once, or a text of repeats would
    look like its own null model)."""
    a, b = np.unique(a, axis=0), np.unique(b, axis=0)
    if len(a) < 8 or len(b) < 8:
        return DEFAULT_NULL_SIMILARITY
    rng = np.random.default_rng(0)
    i = rng.integers(0, len(a), samples)
    j = rng.integers(0, len(b), samples)
    return float(np.einsum("ij,ij->i", a[i], b[j]).mean())


def calibrate(src: Side, tgt: Side, length: LengthModel) -> Calibration:
    """The input's scales: :func:`null_similarity`; the median over sentences of both sides
    (up to :data:`CALIBRATION_SAMPLE` each) of the cosine with their best match on the other
    side, kept at least 0.1 above the null for inputs with hardly any translation in them; the
    length ratio and spread of the mutual best matches among them
    (:meth:`LengthModel.from_pairs`, :meth:`LengthModel.spread`).

    On one BLAS thread, as the encoder: a matrix product's last bits depend on the thread
    count, and every confidence on these scales, so a collection's worker (one thread) and a
    single build (all cores) would write different files."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _calibrate(src, tgt, length)


def _calibrate(src: Side, tgt: Side, length: LengthModel) -> Calibration:
    null = null_similarity(src.emb, tgt.emb)
    rng = np.random.default_rng(0)
    rows = {}
    best = []
    for name, a, b in (("src", src.emb, tgt.emb), ("tgt", tgt.emb, src.emb)):
        rows[name] = (np.arange(len(a)) if len(a) <= CALIBRATION_SAMPLE
                      else np.sort(rng.choice(len(a), CALIBRATION_SAMPLE, replace=False)))
        sims = a[rows[name]] @ b.T
        best.append(sims.max(axis=1))
        rows[name] = (rows[name], sims.argmax(axis=1))
    typical = float(np.median(np.concatenate(best)))
    (si, sj), (tj, ti) = rows["src"], rows["tgt"]
    partner = dict(zip(tj.tolist(), ti.tolist()))
    mutual = np.array([partner.get(j) == i for i, j in zip(si, sj)], dtype=bool)
    length = LengthModel.from_pairs(src.length[si[mutual]], tgt.length[sj[mutual]], length)
    spread = length.spread(src.length[si[mutual]], tgt.length[sj[mutual]])
    return Calibration(null, max(typical, null + 0.1), spread, length.ratio)


def align_sides(src: Side, tgt: Side, options: Options = Options()) -> list[Bead]:
    """Align two prepared sides."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return ([Bead((i,), (), 1.0) for i in range(n)]
                + [Bead((), (j,), 1.0) for j in range(m)])
    calibration = options.calibration or calibrate(
        src, tgt, LengthModel.estimate(src.length, tgt.length))
    length = options.length or LengthModel(calibration.length_ratio)
    cost = BeadCost(src, tgt, length, options.weights, calibration)
    lo, hi = _band(src, tgt, cost, options)
    path = _search(cost, options.beads, lo, hi)
    return [_bead(cost, *step) for step in path]


def align_sentences(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, *,
                    embedder: Embedder | None = None, options: Options | None = None,
                    **settings) -> list[Bead]:
    """Align two lists of sentences; every sentence is in exactly one bead, in order.

    ``src_lang``/``tgt_lang`` are codes such as ``"de"`` or ``"zh-CN"``; one the encoder does
    not cover is aligned by language-neutral rules, with an
    :class:`~sco_corpus.align.langs.UnknownLanguageWarning`. ``settings`` are :class:`Options`
    fields (``beads``, ``weights``, ``length``...).
    """
    options = options or Options(**settings)
    embedder = embedder or Embedder()
    src_lang = check_language(src_lang, embedder.encoder)
    tgt_lang = check_language(tgt_lang, embedder.encoder)
    return align_sides(build_side(src, src_lang, embedder), build_side(tgt, tgt_lang, embedder),
                       options)


def _search(cost: BeadCost, beads, lo, hi):
    skip = cost.weights.skip
    return search(len(cost.src), len(cost.tgt), list(beads), cost.row,
                  np.full(len(cost.src), skip), np.full(len(cost.tgt), skip), lo, hi)


def _band(src: Side, tgt: Side, cost: BeadCost, options: Options,
          full_cells: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rows' column ranges: the whole grid, or a band around the path found at a coarser level
    (runs of ``coarse_factor`` sentences merged), recursively, so each level costs linear time.

    An input up to ``max_full_cells`` is searched whole; a coarse level only up to that over
    ``coarse_factor`` squared (15,625 cells by default). With one limit for every level, the
    coarsest grid, searched whole, swung between 1/16 of the limit and all of it from one
    doubling of the input to the next and weighed on the time up to thousands of sentences
    (1k to 2k pairs: 2.2 to 2.5 times the time, 2k to 4k: 1.5); the beads were the same."""
    n, m = len(src), len(tgt)
    k = options.coarse_factor
    limit = options.max_full_cells if full_cells is None else full_cells
    if (n + 1) * (m + 1) <= limit or min(n, m) < 2:
        return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)
    coarse = BeadCost(_coarse(src, k), _coarse(tgt, k), cost.length, cost.weights,
                      cost.calibration)
    band = _band(coarse.src, coarse.tgt, coarse, options, options.max_full_cells // k ** 2)
    path = _search(coarse, ((1, 1), (1, 2), (2, 1)), *band)
    margin = options.band_margin
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in path:
        rows = slice(i0 * k, min(i1 * k, n) + 1)
        lo[rows] = np.minimum(lo[rows], max(0, j0 * k - margin))
        hi[rows] = np.maximum(hi[rows], min(m, j1 * k + margin) + 1)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m + 1
    lo[1:] = np.minimum(lo[1:], hi[:-1] - 1)
    return lo, hi


def _coarse(side: Side, k: int) -> Side:
    """Runs of ``k`` sentences merged into one (structure ignored)."""
    n = len(side)
    starts = np.arange(0, n, k)
    emb = np.add.reduceat(side.emb, starts, axis=0)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    zeros = np.zeros(len(starts), dtype=np.int64)
    return Side(emb=emb.astype(np.float32), length=np.add.reduceat(side.length, starts),
                present=np.add.reduceat(side.present, starts, axis=0),
                required=np.add.reduceat(side.required, starts, axis=0),
                block=zeros, kind=zeros)


def _bead(cost: BeadCost, i0: int, i1: int, j0: int, j1: int) -> Bead:
    """A path step as a :class:`Bead` with its confidence.

    A pair of spans is confident when its score is well above the floor and above the score of
    its best sub-bead (:func:`~sco_corpus.align.scoring.match_confidence`). A sentence left
    unaligned is confident when even its best 1-1 partner nearby scores less than two skips.
    """
    skip, a, b = cost.weights.skip, i1 - i0, j1 - j0
    src, tgt = tuple(range(i0, i1)), tuple(range(j0, j1))
    if a and b:
        score = float(cost.score(a, b, i1, np.array([j1]))[0])
        total = float(cost.row(a, b, i1, j1, j1 + 1)[0])
        margin = edge_margin(cost, a, b, i1, j1, score)
        return Bead(src, tgt, match_confidence(score, skip, cost.weights.floor, margin), total)
    best = _best_partner(cost, i0, i1, j0, j1)
    return Bead(src, tgt, null_confidence(best, skip), skip)


def _best_partner(cost: BeadCost, i0: int, i1: int, j0: int, j1: int, window: int = 3) -> float:
    """Highest 1-1 score of an unaligned sentence with a neighbour on the other side."""
    if i1 > i0:
        ends = np.arange(max(1, j0 - window + 1), min(len(cost.tgt), j0 + window) + 1)
        values = cost.score(1, 1, i1, ends) if len(ends) else np.array([-np.inf])
    else:
        values = np.array([cost.score(1, 1, i, np.array([j1]))[0]
                           for i in range(max(1, i0 - window + 1),
                                          min(len(cost.src), i0 + window) + 1)] or [-np.inf])
    return float(np.max(values))
