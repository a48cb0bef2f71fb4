"""Length model: how well a target length fits a source length, given the input's length ratio.

The ratio is estimated from the texts being aligned (Chinese is about a third as long as
Russian). The fit of two spans is Bertalign's factor ``log2(1 + shorter / longer)`` after
rescaling the source by the ratio (1 for lengths in proportion, 0.58 for one twice the other),
with the log length ratio measured in units of the input's own spread: lengths of Chinese and
Russian translations vary twice as much as those of German and French (robust spread of the log
ratio of mutual best matches: 0.40–0.45 for ru–zh and en–zh on the booklet, 0.12 ru–en, 0.18–
0.22 on the Text+Berg de–fr documents), so that a length difference typical of the language
pair costs the same in every pair.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The spread of log length ratios at which the factor is Bertalign's own (about that of the
#: European pairs: Text+Berg de–fr 0.18–0.22, booklet ru–en 0.12).
REFERENCE_SPREAD = 0.2


def char_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True)
class LengthModel:
    #: target characters per source character
    ratio: float = 1.0

    @classmethod
    def estimate(cls, src_lengths, tgt_lengths) -> LengthModel:
        """Ratio of total lengths."""
        total_src, total_tgt = float(np.sum(src_lengths)), float(np.sum(tgt_lengths))
        if total_src <= 0 or total_tgt <= 0:
            return cls()
        return cls(total_tgt / total_src)

    @classmethod
    def from_pairs(cls, src_len: np.ndarray, tgt_len: np.ndarray, fallback: LengthModel
                   ) -> LengthModel:
        """The median ratio of pairs that translate each other (robust to passages one side
        lacks, which bias the ratio of totals); ``fallback`` when there are fewer than 3."""
        if len(src_len) < 3:
            return fallback
        src = np.maximum(np.asarray(src_len, dtype=np.float64), 1.0)
        tgt = np.maximum(np.asarray(tgt_len, dtype=np.float64), 1.0)
        return cls(float(np.exp(np.median(np.log(tgt / src)))))

    def factor(self, src_len: np.ndarray | float, tgt_len: np.ndarray | float,
               spread: float = REFERENCE_SPREAD) -> np.ndarray:
        """``log2(1 + shorter / longer)`` of each length pair, the source rescaled by the ratio
        and the log ratio by ``REFERENCE_SPREAD / spread`` (the input's spread)."""
        src = np.maximum(np.asarray(src_len, dtype=np.float64) * self.ratio, 1.0)
        tgt = np.maximum(np.asarray(tgt_len, dtype=np.float64), 1.0)
        deviation = np.abs(np.log(tgt / src)) * REFERENCE_SPREAD / max(spread, 1e-3)
        return np.log2(1.0 + np.exp(-deviation))

    def spread(self, src_len: np.ndarray, tgt_len: np.ndarray) -> float:
        """Robust spread (1.4826 median absolute value) of the log ratios of pairs that
        translate each other; :data:`REFERENCE_SPREAD` when there are fewer than 8."""
        if len(src_len) < 8:
            return REFERENCE_SPREAD
        src = np.maximum(np.asarray(src_len, dtype=np.float64) * self.ratio, 1.0)
        tgt = np.maximum(np.asarray(tgt_len, dtype=np.float64), 1.0)
        return float(1.4826 * np.median(np.abs(np.log(tgt / src))))
