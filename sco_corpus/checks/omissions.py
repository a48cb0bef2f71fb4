"""Check 4, omissions and additions: content one or two languages lack, grouped into passages.

Consecutive units of one section that lack the same language form one passage (a whole
paragraph, list item, caption or footnote shows up as such). A passage of two or more
sentences, or a whole block, is an error; a single sentence a warning; either is only info when
the aligner's confidence that the content has no counterpart is below 0.5. The copy of a duplicated
passage is the duplicate check's, not an addition; the colophon is the original's alone.
"""
from __future__ import annotations

from ..align.document import slipped_repeats
from ..align.units import Alignment, Unit
from ..corpus import Corpus
from .common import present, span
from .finding import Finding


def _passages(alignment: Alignment, langs: tuple[str, ...], skip: set[str],
              epigraphs: set[tuple[str, str]]):
    """Runs of consecutive units (same section) that lack the same set of languages. An
    epigraph the missing languages replace by their own is the structure check's."""
    run: list[Unit] = []
    key = None
    for unit in alignment:
        have = present(unit)
        missing = tuple(x for x in langs if x not in have)
        own_epigraph = unit.kind == "epigraph" and all(
            (unit.section, x) in epigraphs for x in missing)
        this = (unit.section, missing) if missing and have and unit.section != "colophon" \
            and not own_epigraph and not set(unit.ids(have[0])) & skip else None
        if this != key and run:
            yield key[1], run
            run = []
        key = this
        if this is not None:
            run.append(unit)
    if run:
        yield key[1], run


def check_omissions(alignment: Alignment, corpus: Corpus) -> list[Finding]:
    langs = alignment.langs
    copies = {i for r in slipped_repeats(corpus.sentences) for i in r.copy}
    blocks: dict[str, list[str]] = {}
    for unit in alignment:
        for side in unit.sentences.values():
            for s in side:
                blocks.setdefault(s.block, []).append(s.id)
    findings = []
    epigraphs = {(b.section, b.lang) for b in corpus.blocks if b.kind == "epigraph"}
    for missing, units in _passages(alignment, langs, copies, epigraphs):
        have = [x for x in langs if x not in missing]
        sentences = {x: [s for u in units for s in u.sentences[x]] for x in have}
        size = max(len(v) for v in sentences.values())
        whole = any(set(blocks[s.block]) <= {t.id for t in sentences[x]}
                    for x in have for s in sentences[x])
        lines = {x: tuple(sorted({n for s in sentences[x] for n in s.lines})) for x in have}
        kinds = sorted({u.kind for u in units})
        pairs = [f"{a}-{b}" if f"{a}-{b}" in units[0].confidence else f"{b}-{a}"
                 for a in missing for b in have]
        sure = min((u.confidence.get(p, 1.0) for u in units for p in pairs), default=1.0)
        what = "an addition" if len(have) == 1 and len(langs) > 2 else "an omission"
        where = ", ".join(f"{x} lines {span(lines[x])}" for x in have)
        severity = "error" if size >= 2 or whole else "warning"
        if sure < 0.5:
            severity, what = "info", what + " (the aligner is unsure: it may belong to a neighbour)"
        findings.append(Finding(
            "omission", severity, tuple(have),
            units[0].section, units[0].id, lines,
            {x: " ".join(s.text for s in sentences[x]) for x in have},
            f"{'/'.join(missing)} lack{'s' if len(missing) == 1 else ''} {size} sentence"
            f"{'s' if size > 1 else ''} ({'whole ' if whole else ''}{'/'.join(kinds)}) "
            f"found in {where}: {what}", f"{missing}:{units[0].id}"))
    return findings
