"""Passages repeated inside one language: a run of sentences that copies an earlier run.

A typesetting slip can print a run of paragraphs twice in one language only. The aligner must
not pair the other languages with the copy instead of the original, and the consistency checks
report the copy once, with both extents.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .model import Sentence

#: Sentences longer than this (in comparison characters) are compared by identity only: the
#: fuzzy ratio's cost grows with the product of the lengths.
MAX_FUZZY_CHARS = 5000
#: A sentence with more near-identical sentences than this is a refrain (a list item, a
#: formula), not part of a passage printed twice by a slip (each of whose sentences has one
#: copy); leaving refrains out keeps the search for runs from growing with the cube of their
#: count.
MAX_PARTNERS = 4


@dataclass(frozen=True)
class Repeat:
    """Sentences ``copy`` of one language repeat the earlier ``original`` (ids, in order)."""

    lang: str
    original: tuple[str, ...]
    copy: tuple[str, ...]
    similarity: float  #: mean similarity of the repeated sentences, 0-100


def text_key(text: str) -> str:
    """``text`` for comparison: case folded, only letters and digits."""
    return re.sub(r"[\W_]+", "", text.casefold())


def find_repeats(sentences: Sequence[Sentence], min_sentences: int = 3, min_chars: int = 60,
                 threshold: float = 90.0, max_gap: int = 3) -> list[Repeat]:
    """Runs of at least ``min_sentences`` sentences (and ``min_chars`` characters) of one
    language, each near-identical (``threshold``, rapidfuzz ratio) to a sentence of an earlier
    run in the same order; the original may have up to ``max_gap - 1`` extra sentences between
    two repeated ones."""
    found = []
    for lang in dict.fromkeys(s.lang for s in sentences):
        items = [s for s in sentences if s.lang == lang]
        found += _runs(items, min_sentences, min_chars, threshold, max_gap)
    return found


def similar_pairs(keys: list[str], threshold: float, chunk: int = 256
                  ) -> dict[tuple[int, int], float]:
    """``{(i, j): score}`` for ``i < j`` whose keys score at least ``threshold`` (rapidfuzz
    ratio). Only keys of compatible lengths are compared (a ratio of ``t`` percent needs the
    shorter key to be at least ``t / (200 - t)`` of the longer), in chunks, so memory stays
    bounded; keys longer than :data:`MAX_FUZZY_CHARS` count as repeats only when identical."""
    scores: dict[tuple[int, int], float] = {}
    exact: dict[str, list[int]] = {}
    short = []
    for k, key in enumerate(keys):
        if len(key) > MAX_FUZZY_CHARS:
            exact.setdefault(key, []).append(k)
        else:
            short.append(k)
    for same in exact.values():
        scores.update({(i, j): 100.0 for a, i in enumerate(same) for j in same[a + 1:]})
    short.sort(key=lambda k: len(keys[k]))
    lengths = np.array([len(keys[k]) for k in short])
    factor = threshold / (200.0 - threshold)
    for start in range(0, len(short), chunk):
        rows = short[start:start + chunk]
        stop = int(np.searchsorted(lengths, lengths[start + len(rows) - 1] / factor, "right"))
        cols = short[start:stop]
        table = process.cdist([keys[k] for k in rows], [keys[k] for k in cols],
                              scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
        for r, c in zip(*np.nonzero(table)):
            i, j = sorted((rows[r], cols[c]))
            if i != j:
                scores[i, j] = float(table[r, c])
    return scores


def _runs(items: list[Sentence], min_sentences: int, min_chars: int, threshold: float,
          max_gap: int) -> list[Repeat]:
    keys = [text_key(s.text) for s in items]
    copies = Counter(keys)
    kept = [k for k, key in enumerate(keys) if copies[key] <= MAX_PARTNERS + 1]
    scores = {(kept[a], kept[b]): score for (a, b), score
              in similar_pairs([keys[k] for k in kept], threshold).items()}
    partners = Counter(k for pair in scores for k in pair)
    scores = {pair: score for pair, score in scores.items()
              if max(partners[pair[0]], partners[pair[1]]) <= MAX_PARTNERS}
    # best[j][i]: length and total score of the run of matches ending with copy j ~ original i
    runs: dict[tuple[int, int], tuple[int, float, tuple[int, int] | None]] = {}
    for j, i in sorted((j, i) for i, j in scores):  # by copy, so a run's previous cell is done
        if len(keys[j]) < 2:
            continue
        best: tuple[int, float, tuple[int, int] | None] = (1, scores[i, j], None)
        for d in range(1, max_gap + 1):
            prev = runs.get((i - d, j - 1))
            if prev and i - d >= 0 and prev[0] + 1 > best[0]:
                best = (prev[0] + 1, prev[1] + scores[i, j], (i - d, j - 1))
        runs[i, j] = best
    out, used = [], set()
    for end in sorted(runs, key=lambda cell: (-runs[cell][0], cell)):
        chain = []
        cell: tuple[int, int] | None = end
        while cell is not None:
            chain.append(cell)
            cell = runs[cell][2]
        chain.reverse()
        copy = [j for _, j in chain]
        original = [i for i, _ in chain]
        if (len(chain) < min_sentences or used & set(copy) or original[-1] >= copy[0]
                or sum(len(keys[j]) for j in copy) < min_chars):
            continue
        used.update(copy)
        out.append(Repeat(items[0].lang, tuple(items[i].id for i in original),
                          tuple(items[j].id for j in copy), runs[end][1] / len(chain)))
    return sorted(out, key=lambda r: r.copy[0])


def merge_runs(repeats: list[Repeat], order: dict[str, int], gap: int = 4,
               original_gap: int = 20) -> list[Repeat]:
    """Repeats of one language whose copies follow each other (at most ``gap`` sentences apart
    in ``order``, a sentence id -> position map) and whose originals do too (at most
    ``original_gap``: a copy may drop sentences) joined into one passage: a copy interrupted by
    a garbled sentence or a shortened paragraph is still one repeated passage."""
    out: list[Repeat] = []
    for repeat in sorted(repeats, key=lambda r: (r.lang, order[r.copy[0]])):
        last = out[-1] if out else None
        if (last and last.lang == repeat.lang
                and 0 < order[repeat.copy[0]] - order[last.copy[-1]] <= gap
                and 0 < order[repeat.original[0]] - order[last.original[-1]] <= original_gap):
            n, m = len(last.copy), len(repeat.copy)
            out[-1] = Repeat(last.lang, last.original + repeat.original, last.copy + repeat.copy,
                             (last.similarity * n + repeat.similarity * m) / (n + m))
        else:
            out.append(repeat)
    return out
