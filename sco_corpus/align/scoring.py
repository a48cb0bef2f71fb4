"""Bead costs: semantic similarity, length and anchors of a source span against a target span.

A span is ``k`` consecutive sentences ending at position ``e`` (sentences ``e-k .. e-1``). Its
embedding is the normalised sum of its sentences' embeddings; lengths and anchor counts add up.
Spans may not mix structural classes (a heading never joins a paragraph) and pay a penalty for
each block (paragraph) boundary they cross.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .length import LengthModel


@dataclass(frozen=True)
class Weights:
    """How the parts of a bead's cost add up, per sentence of the bead."""

    semantic: float = 1.0
    length: float = 0.0
    anchors: float = 0.2
    #: cost of leaving one sentence unaligned
    skip: float = 0.45
    #: extra cost per sentence beyond a 1-1 bead
    merge: float = 0.15
    #: extra cost per block boundary inside a span
    boundary: float = 0.25


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


def match_confidence(per_sentence: float, skip: float) -> float:
    """Confidence that spans with this cost per sentence translate each other: 0.5 where
    leaving both unaligned would cost the same (twice the skip cost), near 1 far below."""
    return _sigmoid((2 * skip - per_sentence) / (skip / 3.0))


def null_confidence(best_partner: float, skip: float) -> float:
    """Confidence that a sentence has no counterpart, given its best partner's cost."""
    return _sigmoid((best_partner - 2 * skip) / (skip / 3.0))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


class BeadCost:
    """Costs of beads between two sides, row by row for the dynamic program."""

    def __init__(self, src: Side, tgt: Side, length: LengthModel, weights: Weights,
                 null_similarity: float):
        self.src, self.tgt, self.length, self.weights = src, tgt, length, weights
        self.null_similarity = null_similarity

    def per_sentence(self, a: int, b: int, i: int, ends: np.ndarray) -> np.ndarray:
        """Average cost per sentence of beads ``(a, b)`` ending at ``(i, j)`` for ``j`` in ``ends``,
        without the merge and boundary penalties; ``inf`` where classes differ or mix."""
        w = self.weights
        cos = self.tgt.span_emb(b, ends) @ self.src.span_emb(a, np.array([i]))[0]
        semantic = np.maximum(1.0 - cos, 0.0) / (1.0 - self.null_similarity)
        src_len = self.src.span_length(a, np.array([i]))
        length = self.length.cost(np.broadcast_to(src_len, ends.shape),
                                  self.tgt.span_length(b, ends))
        src_present, src_required = self.src.span_anchors(a, np.array([i]))
        tgt_present, tgt_required = self.tgt.span_anchors(b, ends)
        missing = (np.maximum(src_required - tgt_present, 0).sum(axis=1)
                   + np.maximum(tgt_required - src_present, 0).sum(axis=1))
        wanted = src_required.sum() + tgt_required.sum(axis=1)
        anchors = np.where(wanted > 0, missing / np.maximum(wanted, 1), 0.0)
        cost = w.semantic * semantic + w.length * length + w.anchors * anchors
        src_class = self.src.span_class(a, np.array([i]))[0]
        same = (self.tgt.span_class(b, ends) == src_class) & (src_class >= 0)
        return np.where(same, cost, np.inf)

    def row(self, a: int, b: int, i: int, lo: int, hi: int) -> np.ndarray:
        """Full cost of beads ``(a, b)`` ending at ``(i, j)``, ``lo <= j < hi`` (inf: ``j < b``)."""
        w = self.weights
        ends = np.arange(max(lo, b), hi)
        out = np.full(hi - lo, np.inf)
        if len(ends) == 0:
            return out
        crossings = (self.src.span_crossings(a, np.array([i]))[0]
                     + self.tgt.span_crossings(b, ends))
        cost = ((a + b) / 2.0 * self.per_sentence(a, b, i, ends)
                + w.merge * (a + b - 2) + w.boundary * crossings)
        out[ends - lo] = cost
        return out
