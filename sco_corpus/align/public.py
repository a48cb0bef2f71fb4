"""Public sentence-alignment gold sets and the metric the papers report on them.

A gold set is a folder of documents ``NAME.<src>``, ``NAME.<tgt>`` (one sentence per line) and
``NAME.<src><tgt>`` (one bead per line, ``[0, 1]:[2]``; an empty side is an insertion or
deletion), as Bleualign's Text+Berg files are.

The metric is Sennrich & Volk's (2011) as Vecalign's ``score.py`` computes it (Bertalign reuses
it): per document, system and gold beads are sets, and the counts are summed over documents.
Precision is over every system bead (``1-0`` and ``0-1`` included); recall is over the gold
beads without an empty side, found among the system beads without an empty side. Strict: a
bead counts when the other set has it exactly. Lax: also when a bead of the other set shares at
least one source and one target sentence with it.
"""
from __future__ import annotations

import ast
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..fileio import read_text

#: A bead as sentence indexes of each side.
IdBead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Document:
    """One gold document: its sentences per side and its gold beads."""

    name: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    gold: tuple[IdBead, ...]


@dataclass(frozen=True)
class Counts:
    """Hits and totals of one or more documents; they add up over documents."""

    strict_p: int = 0   # system beads that are gold beads
    lax_p: int = 0      # system beads that overlap a gold bead
    system: int = 0     # system beads
    strict_r: int = 0   # gold beads (no empty side) that are system beads
    lax_r: int = 0      # gold beads (no empty side) that overlap a system bead
    gold: int = 0       # gold beads without an empty side

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other))))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def read_gold_set(folder: str | Path, src: str = "de", tgt: str = "fr") -> list[Document]:
    """Every document of a gold folder that has the three files, by name."""
    folder = Path(folder)
    documents = []
    for beads in sorted(folder.glob(f"*.{src}{tgt}")):
        stem = beads.with_suffix("")
        documents.append(Document(
            stem.name, tuple(_lines(stem.with_suffix(f".{src}"))),
            tuple(_lines(stem.with_suffix(f".{tgt}"))),
            tuple(parse_bead(line) for line in _lines(beads) if line.strip())))
    return documents


def _lines(path: Path) -> list[str]:
    return read_text(path).splitlines()


def parse_bead(line: str) -> IdBead:
    """``"[0, 1]:[2]"`` as ``((0, 1), (2,))``."""
    left, right = line.split(":")
    return tuple(ast.literal_eval(left.strip())), tuple(ast.literal_eval(right.strip()))


def count(system: Iterable[IdBead], gold: Iterable[IdBead]) -> Counts:
    """The metric's counts for one document."""
    system = {(tuple(a), tuple(b)) for a, b in system if a or b}
    gold = {(tuple(a), tuple(b)) for a, b in gold if a or b}
    strict_p, lax_p = _hits(system, gold)
    system_full = {x for x in system if x[0] and x[1]}
    gold_full = {x for x in gold if x[0] and x[1]}
    strict_r, lax_r = _hits(gold_full, system_full)
    return Counts(strict_p, lax_p, len(system), strict_r, lax_r, len(gold_full))


def _hits(beads: set[IdBead], reference: set[IdBead]) -> tuple[int, int]:
    """Beads found exactly in ``reference``; beads sharing a source and a target sentence
    with one bead of ``reference`` (exact ones included)."""
    target_of = {}  # source sentence -> target sentences of its reference bead(s)
    for a, b in reference:
        for i in a:
            target_of.setdefault(i, set()).update(b)
    strict = sum(bead in reference for bead in beads)
    lax = sum(bead in reference or any(set(bead[1]) & target_of.get(i, set()) for i in bead[0])
              for bead in beads)
    return strict, lax


def scores(counts: Counts) -> tuple[PRF, PRF]:
    """Strict and lax precision, recall and F1 (0 where a total is 0)."""
    return (_prf(counts.strict_p, counts.system, counts.strict_r, counts.gold),
            _prf(counts.lax_p, counts.system, counts.lax_r, counts.gold))


def _prf(hits_p: int, n_p: int, hits_r: int, n_r: int) -> PRF:
    p = hits_p / n_p if n_p else 0.0
    r = hits_r / n_r if n_r else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def total(counts: Sequence[Counts]) -> Counts:
    return sum(counts, Counts())
