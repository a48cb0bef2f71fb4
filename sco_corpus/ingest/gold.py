"""Reading the hand-made gold segmentation (tests/data/gold_sentences) and scoring against it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_HEAD = re.compile(r"^### (?P<kind>\w+) (?P<first>\d+)-(?P<last>\d+)\s*$")


@dataclass(frozen=True)
class GoldBlock:
    kind: str
    first: int
    last: int
    sentences: tuple[str, ...]


def read_gold(path: str | Path) -> list[GoldBlock]:
    """Blocks of a gold file: ``### kind first-last`` then one sentence per line."""
    blocks: list[GoldBlock] = []
    head = None
    sentences: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        match = _HEAD.match(raw)
        if match:
            head = match
            sentences = []
        elif raw.strip() and head:
            sentences.append(raw.strip())
        elif head and not raw.strip():
            blocks.append(GoldBlock(head["kind"], int(head["first"]), int(head["last"]),
                                    tuple(sentences)))
            head = None
    return blocks


def _key(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Score:
    """Exact-match sentence precision/recall/F1 (whitespace ignored)."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_sentences(gold: list[str], predicted: list[str]) -> Score:
    """Count predicted sentences that equal a gold sentence (as a multiset)."""
    remaining: dict[str, int] = {}
    for s in gold:
        remaining[_key(s)] = remaining.get(_key(s), 0) + 1
    correct = 0
    for s in predicted:
        k = _key(s)
        if remaining.get(k, 0):
            remaining[k] -= 1
            correct += 1
    return Score(len(gold), len(predicted), correct)
