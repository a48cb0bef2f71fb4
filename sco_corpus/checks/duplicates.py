"""Check 3, duplicated passages: a run of sentences one language prints twice (and the other
languages once), reported once per run with both extents."""
from __future__ import annotations

from ..align.units import Alignment
from ..ingest.document import Document
from .common import span
from .finding import Finding


def check_duplicates(alignment: Alignment, corpus: Document) -> list[Finding]:
    sentences = {s.id: s for s in corpus.sentences}
    unit_of = {s.id: unit for unit in alignment for side in unit.sentences.values() for s in side}
    findings = []
    for repeat in alignment.repeats:
        original = tuple(sorted({n for i in repeat.original for n in sentences[i].lines}))
        copy = tuple(sorted({n for i in repeat.copy for n in sentences[i].lines}))
        first = sentences[repeat.copy[0]]
        findings.append(Finding(
            "duplicate", "error", (repeat.lang,), first.section, unit_of[first.id].id,
            {repeat.lang: original + copy},
            {repeat.lang: ("" if repeat.lang == "zh" else " ").join(
                sentences[i].text for i in repeat.copy[:2])
             + (" …" if len(repeat.copy) > 2 else "")},
            f"{repeat.lang} lines {span(copy)} repeat lines {span(original)} "
            f"({len(repeat.copy)} sentences, {repeat.similarity:.0f}% alike); the other "
            f"languages have this passage once", f"{repeat.copy[0]}"))
    return findings
