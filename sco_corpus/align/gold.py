"""Gold alignments: reading them, finding their sentences in a corpus, scoring an alignment.

A gold file (``tests/data/gold_alignment/*.jsonl``) holds one unit per line::

    {"kind": "paragraph", "ru": [[120, "text"]], "en": [[640, "text"], [640, "text"]],
     "zh": [], "note": ""}

Each sentence is given by its first source line and its text, so the gold does not depend on
the project's block or sentence ids. The rules of annotation are in the README next to the files.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..ingest.document import Document
from ..errors import SourceError

Pair = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class GoldUnit:
    kind: str
    sides: dict[str, tuple[tuple[int, str], ...]]
    note: str = ""


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1, strict (identical beads) and lax (overlapping beads)."""

    strict: tuple[float, float, float]
    lax: tuple[float, float, float]
    system: int
    gold: int


def read_gold_alignment(path: str | Path, langs: Sequence[str] = ("ru", "en", "zh")
                        ) -> list[GoldUnit]:
    units = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sides = {lang: tuple((int(n), str(t)) for n, t in record.get(lang, []))
                         for lang in langs}
                units.append(GoldUnit(record["kind"], sides, record.get("note", "")))
            except (ValueError, KeyError, TypeError) as error:
                raise SourceError(str(path), number, f"not a gold unit: {error}") from None
    return units


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def resolve(units: Iterable[GoldUnit], corpus: Document) -> tuple[list[dict[str, frozenset[str]]],
                                                                list[tuple[str, int, str]]]:
    """Gold units as sentence ids of ``corpus``; and gold sentences not found there.

    A gold sentence is the corpus sentence of its language whose text is the same (ignoring
    white space) and whose source lines include the given line.
    """
    index: dict[tuple[str, str], list] = {}
    for s in corpus.sentences:
        index.setdefault((s.lang, _squash(s.text)), []).append(s)
    resolved, missing = [], []
    for unit in units:
        ids = {}
        for lang, side in unit.sides.items():
            found = set()
            for line, text in side:
                match = [s for s in index.get((lang, _squash(text)), []) if line in s.lines]
                if match:
                    found.add(match[0].id)
                else:
                    missing.append((lang, line, text))
            ids[lang] = frozenset(found)
        resolved.append(ids)
    return resolved, missing


def gold_pairs(units: list[dict[str, frozenset[str]]], src: str, tgt: str) -> list[Pair]:
    return [(u[src], u[tgt]) for u in units if u[src] or u[tgt]]


def in_scope(pairs: Iterable[Pair], gold: list[Pair]) -> list[Pair]:
    """The system beads that touch a sentence of the gold."""
    scope = set().union(*(a | b for a, b in gold)) if gold else set()
    return [p for p in pairs if (p[0] | p[1]) & scope]


def _prf(correct_sys: int, n_sys: int, correct_gold: int, n_gold: int
         ) -> tuple[float, float, float]:
    p = correct_sys / n_sys if n_sys else 0.0
    r = correct_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(x: Pair, y: Pair) -> bool:
    """Both beads link the same sentences somewhere (or leave the same sentence unaligned)."""
    if x[0] and x[1] and y[0] and y[1]:
        return bool(x[0] & y[0]) and bool(x[1] & y[1])
    if not (x[0] and x[1]) and not (y[0] and y[1]):
        return bool((x[0] | x[1]) & (y[0] | y[1]))
    return False


def score(system: list[Pair], gold: list[Pair]) -> Scores:
    """Strict: a bead is right when the gold has the identical bead (unaligned sentences are
    beads too). Lax: when a gold bead overlaps it on both sides (for unaligned sentences, when
    the gold leaves one of them unaligned too)."""
    system = in_scope(system, gold)
    gold_set = set(gold)
    strict_hits = sum(p in gold_set for p in system)
    strict = _prf(strict_hits, len(system), strict_hits, len(gold))
    lax = _prf(sum(any(_overlaps(p, g) for g in gold) for p in system), len(system),
               sum(any(_overlaps(g, p) for p in system) for g in gold), len(gold))
    return Scores(strict, lax, len(system), len(gold))


def separation(confidences: Sequence[float], right: Sequence[bool]) -> float:
    """ROC AUC of confidence for telling right beads from wrong ones (0.5: chance)."""
    conf = np.asarray(confidences, dtype=float)
    ok = np.asarray(right, dtype=bool)
    if ok.all() or not ok.any():
        return float("nan")
    ranks = np.argsort(np.argsort(conf, kind="stable"), kind="stable") + 1.0
    for value in np.unique(conf):  # average ranks of ties
        tied = conf == value
        ranks[tied] = ranks[tied].mean()
    n_pos, n_neg = ok.sum(), (~ok).sum()
    return float((ranks[ok].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
