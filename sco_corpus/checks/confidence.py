"""Check 7, low-confidence units: pairs of sides whose content disagrees more than translation
normally does (the aligner's confidence, which rests on the semantic similarity, below 0.5
and in the lowest tenth of the corpus), ranked from the least confident."""
from __future__ import annotations

import numpy as np

from ..align.units import Alignment
from ..ingest.document import Document
from .common import lines_of, present
from .finding import Finding

THRESHOLD = 0.5


def check_low_confidence(alignment: Alignment, corpus: Document) -> list[Finding]:
    scored = []
    for unit in alignment:
        langs = present(unit)
        for pair, value in unit.confidence.items():
            a, b = pair.split("-")
            if a in langs and b in langs:
                scored.append((value, pair, unit))
    if not scored:
        return []
    norm = float(np.percentile([v for v, _, _ in scored], 10))
    low = sorted((s for s in scored if s[0] < min(THRESHOLD, norm)), key=lambda s: s[0])
    return [Finding("low_confidence", "info", tuple(pair.split("-")), unit.section, unit.id,
                    lines_of(unit, pair.split("-")),
                    {lang: unit.text(lang) for lang in pair.split("-")},
                    f"{pair} translation confidence {value:.2f} (rank {rank} of {len(low)}; "
                    f"corpus 10th percentile {norm:.2f}): the sides may not say the same",
                    pair)
            for rank, (value, pair, unit) in enumerate(low, 1)]
