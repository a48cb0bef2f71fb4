"""Bead scores: semantic similarity, length and anchors of a source span against a target span.

A span is ``k`` consecutive sentences ending at position ``e`` (sentences ``e-k .. e-1``). Its
embedding is the normalised sum of its sentences' embeddings; lengths and anchor counts add up.
Spans may not mix structural classes (a heading never joins a paragraph) and pay a penalty for
each block (paragraph) boundary they cross.

Similarity is measured on each input's own scale (:class:`Calibration`): 0 for the typical
cosine of two unrelated sentences of this input, 1 for the typical cosine of a sentence and its
best match, so a close and a free translation are scored alike. A bead scores its calibrated
similarity times a length factor (Bertalign's: ``log2(1 + shorter / longer)`` after the input's
length ratio), minus a penalty for anchors one side lacks. The aligner maximises the sum of the
bead scores minus :attr:`Weights.skip` per sentence left unaligned: one bead of any shape scores
about as much as one 1-1 bead, so a shape pays for itself only when its sentences belong
together (the many-to-many beads do not swallow neighbours as they do when scores add up per
sentence).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .length import REFERENCE_SPREAD, LengthModel


@dataclass(frozen=True)
class Weights:
    """The parts of a bead's score, in calibrated similarity units (see :class:`Calibration`).

    ``skip`` is what leaving one sentence unaligned costs: a 1-1 bead is kept when it scores more
    than two skips, 0.6 of a typical translation. Chosen on Text+Berg (de–fr, free) and the
    booklet (ru–en–zh, close) together: Text+Berg strict F1 0.903 at 0.2 and 0.901 at 0.3; on
    the booklet's held-out gold chapters (s03, s05) 0.2 loses a unit in every pair (0.961–0.980
    against 1.000), 0.45 loses several on the development ones (0.90–0.92).
    """

    #: exponent of the length factor (0: length ignored)
    length: float = 1.0
    #: subtracted per share of anchors (numbers, Latin names) the other side lacks
    anchors: float = 0.2
    #: cost of leaving one sentence unaligned
    skip: float = 0.3
    #: subtracted per block boundary inside a span
    boundary: float = 0.25
    #: a bead scoring at most this is no bead: its sentences are no more alike than the
    #: input's unrelated pairs (0) give or take a tenth of the way to a typical match. Without
    #: it a bead of unrelated sentences (score about 0) still beats leaving them out, since
    #: skips cost more: a 5-1 bead of dropped sentences costs less than four skips, and an
    #: epigraph quote the other language lacks pairs with that language's own quote. Booklet
    #: development chapters strict F1 ru-zh 0.983 → 0.992, en-zh 0.975 → 0.984, held-out
    #: 1.000 unchanged; Text+Berg 0.906 → 0.902 (0.900 at 0.2, with booklet losses).
    floor: float = 0.1


@dataclass(frozen=True)
class Calibration:
    """The input's own scales: mean cosine of unrelated sentence pairs (``null``), median cosine
    of a sentence with its best match on the other side (``typical``), and the spread and
    median of the length ratios of sentences that translate each other."""

    null: float
    typical: float
    length_spread: float = REFERENCE_SPREAD
    #: target characters per source character
    length_ratio: float = 1.0

    def scale(self, cos: np.ndarray) -> np.ndarray:
        return (cos - self.null) / (self.typical - self.null)

    def reversed(self) -> Calibration:
        """The same scales with source and target swapped (all but the ratio are symmetric)."""
        return Calibration(self.null, self.typical, self.length_spread, 1.0 / self.length_ratio)


@dataclass
class Side:
    """Per-sentence features of one side, with cumulative sums for span lookups."""

    emb: np.ndarray          # (n, d) L2-normalised
    length: np.ndarray       # (n,) non-space characters
    present: np.ndarray      # (n, DIM) anchor counts
    required: np.ndarray     # (n, DIM) anchors the other side must have
    block: np.ndarray        # (n,) block number
    kind: np.ndarray         # (n,) structural class number

    def __post_init__(self):
        n = len(self.length)
        zeros = np.zeros((1, self.emb.shape[1]), dtype=np.float64)
        self._emb_cum = np.concatenate([zeros, np.cumsum(self.emb, axis=0, dtype=np.float64)])
        self._len_cum = np.concatenate([[0.0], np.cumsum(self.length, dtype=np.float64)])
        dim = self.present.shape[1]
        self._present_cum = np.concatenate([np.zeros((1, dim), np.float32),
                                            np.cumsum(self.present, axis=0)])
        self._required_cum = np.concatenate([np.zeros((1, dim), np.float32),
                                             np.cumsum(self.required, axis=0)])
        changes = np.concatenate([[0], (np.diff(self.block) != 0).astype(np.int64)]) if n else []
        self._block_cum = np.concatenate([[0], np.cumsum(changes)]).astype(np.int64)
        kinds = np.concatenate([[0], (np.diff(self.kind) != 0).astype(np.int64)]) if n else []
        self._kind_cum = np.concatenate([[0], np.cumsum(kinds)]).astype(np.int64)

    def __len__(self) -> int:
        return len(self.length)

    def span_emb(self, k: int, ends: np.ndarray) -> np.ndarray:
        """Normalised embeddings of the spans of ``k`` sentences ending at ``ends``."""
        if k == 1:
            return self.emb[ends - 1]
        total = (self._emb_cum[ends] - self._emb_cum[ends - k]).astype(np.float32)
        return total / np.maximum(np.linalg.norm(total, axis=1, keepdims=True), 1e-12)

    def span_length(self, k: int, ends: np.ndarray) -> np.ndarray:
        return self._len_cum[ends] - self._len_cum[ends - k]

    def span_anchors(self, k: int, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (self._present_cum[ends] - self._present_cum[ends - k],
                self._required_cum[ends] - self._required_cum[ends - k])

    def span_crossings(self, k: int, ends: np.ndarray) -> np.ndarray:
        """Block boundaries inside each span."""
        return self._block_cum[ends] - self._block_cum[ends - k + 1]

    def span_class(self, k: int, ends: np.ndarray) -> np.ndarray:
        """The span's structural class, or -1 where it mixes classes."""
        mixed = (self._kind_cum[ends] - self._kind_cum[ends - k + 1]) > 0
        return np.where(mixed, -1, self.kind[ends - 1])


def match_confidence(score: float, skip: float, floor: float = Weights.floor,
                     margin: float = math.inf) -> float:
    """Confidence that spans with this bead score translate each other: 0.5 at ``floor``, where
    the aligner stops forming a bead (the sides are about as alike as unrelated sentences), near
    1 at a typical match (score 1; the same width as :func:`null_confidence`).

    ``margin`` is the bead's score minus that of its best sub-bead (:func:`edge_margin`): a
    bead that scores better without a sentence at its edge, by more than the floor, gets at
    most 0.5 on the same scale (the criterion by which three languages split off an
    unsupported edge sentence). The absolute score alone cannot tell a sentence absorbed into
    a good bead: the bead keeps most of its score (on the booklet's gold chapters, ROC AUC of
    right against wrong units 0.78 with the score alone, 0.96 with the margin)."""
    return _sigmoid(min(score - floor, margin + floor) / (2 * skip / 3.0))


def edge_margin(cost: BeadCost, a: int, b: int, i: int, j: int, score: float) -> float:
    """``score`` (of the bead of ``a`` source and ``b`` target sentences ending at ``(i, j)``)
    minus the best score of the beads left when a sentence at one end is dropped from one side
    or from both; ``inf`` for a 1-1 bead (its alternative, no bead, is the floor)."""
    alternatives = []
    if a > 1:
        alternatives += [(a - 1, b, i, j), (a - 1, b, i - 1, j)]
    if b > 1:
        alternatives += [(a, b - 1, i, j), (a, b - 1, i, j - 1)]
    if a > 1 and b > 1:
        alternatives += [(a - 1, b - 1, i, j), (a - 1, b - 1, i - 1, j - 1)]
    if not alternatives:
        return math.inf
    best = max(float(cost.score(x, y, e, np.array([f]))[0]) for x, y, e, f in alternatives)
    return score - best


def null_confidence(best_partner: float, skip: float) -> float:
    """Confidence that a sentence has no counterpart, given its best partner's score."""
    return _sigmoid((2 * skip - best_partner) / (2 * skip / 3.0))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


class BeadCost:
    """Scores and costs of beads between two sides, row by row for the dynamic program."""

    def __init__(self, src: Side, tgt: Side, length: LengthModel, weights: Weights,
                 calibration: Calibration):
        self.src, self.tgt, self.length, self.weights = src, tgt, length, weights
        self.calibration = calibration

    def score(self, a: int, b: int, i: int, ends: np.ndarray) -> np.ndarray:
        """Scores of beads ``(a, b)`` ending at ``(i, j)`` for ``j`` in ``ends``, without the
        boundary penalty; ``-inf`` where classes differ or mix."""
        w = self.weights
        cos = self.tgt.span_emb(b, ends) @ self.src.span_emb(a, np.array([i]))[0]
        score = self.calibration.scale(cos)
        if w.length:
            src_len = self.src.span_length(a, np.array([i]))
            score = score * self.length.factor(np.broadcast_to(src_len, ends.shape),
                                               self.tgt.span_length(b, ends),
                                               self.calibration.length_spread) ** w.length
        src_present, src_required = self.src.span_anchors(a, np.array([i]))
        tgt_present, tgt_required = self.tgt.span_anchors(b, ends)
        missing = (np.maximum(src_required - tgt_present, 0).sum(axis=1)
                   + np.maximum(tgt_required - src_present, 0).sum(axis=1))
        wanted = src_required.sum() + tgt_required.sum(axis=1)
        score = score - w.anchors * np.where(wanted > 0, missing / np.maximum(wanted, 1), 0.0)
        src_class = self.src.span_class(a, np.array([i]))[0]
        same = (self.tgt.span_class(b, ends) == src_class) & (src_class >= 0)
        return np.where(same, score, -np.inf)

    def row(self, a: int, b: int, i: int, lo: int, hi: int) -> np.ndarray:
        """Cost (minus the score, plus boundary penalties) of beads ``(a, b)`` ending at
        ``(i, j)``, ``lo <= j < hi`` (inf: ``j < b``, or a score at most :attr:`Weights.floor`)."""
        ends = np.arange(max(lo, b), hi)
        out = np.full(hi - lo, np.inf)
        if len(ends) == 0:
            return out
        crossings = (self.src.span_crossings(a, np.array([i]))[0]
                     + self.tgt.span_crossings(b, ends))
        score = self.score(a, b, i, ends)
        out[ends - lo] = np.where(score > self.weights.floor,
                                  -score + self.weights.boundary * crossings, np.inf)
        return out
