"""Check 4, omissions and additions: content one or two languages lack, grouped into passages.

Consecutive units of one section that lack the same language form one passage (a whole
paragraph, list item, caption or footnote shows up as such). A passage of two or more
sentences, or a whole block, is an error; a single sentence a warning; either is only info when
the aligner's confidence that the content has no counterpart is below 0.5. A sentence the
aligner merged into a unit it does not belong to (the unit's sides match clearly better
without it) is reported too: it is often the counterpart of a deleted sentence. Inside a unit
with all three languages, a clause or list member two languages share and the third lacks is
reported at clause level (:mod:`.clauses`). The copy of a duplicated passage is the duplicate
check's, not an addition; the colophon is the original's alone.
"""
from __future__ import annotations

import numpy as np

from ..align.embed import Embedder
from ..align.units import Alignment, Unit
from ..ingest.document import Document
from .clauses import LIMIT, SURE, gaps
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


#: How much better a unit's sides match without one sentence before that sentence counts as
#: having no counterpart. The largest value among the booklet's correct merges is 0.099.
ABSORBED_GAIN = 0.11
#: The same when two languages agree sentence for sentence and the third has fewer: how much
#: better the third matches without one of the pairs (booklet's correct units: at most -0.002).
ABSORBED_PAIR_GAIN = 0.03


def _absorbed(alignment: Alignment) -> list[Finding]:
    """Sentences the aligner merged into a unit although they translate nothing in it: the
    unit's other side matches the remaining sentences clearly better (a deleted sentence's
    counterpart is often absorbed so by a neighbour)."""
    embed = alignment.embedder or Embedder()
    findings = []
    for unit in alignment:
        langs = present(unit)
        for x in langs:
            side = unit.sentences[x]
            for y in langs:
                if y == x or len(side) < 2 or len(side) <= len(unit.sentences[y]):
                    continue
                vectors = embed([s.text for s in side])
                other = _unit_vector(embed([s.text for s in unit.sentences[y]]))
                whole = float(_unit_vector(vectors) @ other)
                for k, sentence in enumerate(side):
                    gain = float(_unit_vector(np.delete(vectors, k, axis=0)) @ other) - whole
                    if gain >= ABSORBED_GAIN:
                        findings.append(Finding(
                            "omission", "warning", (x, y), unit.section, unit.id,
                            {x: sentence.lines, y: unit.lines(y)},
                            {x: sentence.text, y: unit.text(y)},
                            f"{x} line {span(sentence.lines)} seems to have no counterpart in "
                            f"{y} (the unit matches {gain:.2f} better without it): an omission "
                            f"in {y}?", f"absorbed:{sentence.id}:{y}"))
    return findings


def _absorbed_pairs(alignment: Alignment) -> list[Finding]:
    """Where two languages have a unit's sentences one for one and the third fewer: a pair the
    third matches clearly better without has no counterpart in it."""
    embed = alignment.embedder or Embedder()
    findings = []
    for unit in alignment:
        langs = present(unit)
        for third in langs:
            pair = [x for x in langs if x != third]
            counts = {len(unit.sentences[x]) for x in pair}
            k = counts.pop() if len(counts) == 1 else 0
            if len(pair) != 2 or k < 2 or len(unit.sentences[third]) >= k:
                continue
            vectors = np.array([embed([unit.sentences[x][i].text for x in pair]).sum(axis=0)
                                for i in range(k)])
            other = _unit_vector(embed([s.text for s in unit.sentences[third]]))
            whole = float(_unit_vector(vectors) @ other)
            for i in range(k):
                gain = float(_unit_vector(np.delete(vectors, i, axis=0)) @ other) - whole
                if gain >= ABSORBED_PAIR_GAIN:
                    lines = {x: unit.sentences[x][i].lines for x in pair}
                    findings.append(Finding(
                        "omission", "warning", (*pair, third), unit.section, unit.id,
                        {**lines, third: unit.lines(third)},
                        {**{x: unit.sentences[x][i].text for x in pair},
                         third: unit.text(third)},
                        f"{third} seems to lack the counterpart of "
                        + ", ".join(f"{x} line {span(lines[x])}" for x in pair)
                        + f" (its unit matches {gain:.2f} better without them)",
                        f"absorbed-pair:{unit.sentences[pair[0]][i].id}:{third}"))
    return findings


def _unit_vector(vectors: np.ndarray) -> np.ndarray:
    total = vectors.sum(axis=0)
    return total / max(float(np.linalg.norm(total)), 1e-12)


def clause_findings(alignment: Alignment) -> list[Finding]:
    """Pieces of a unit (clauses, list members, parentheses) two languages share and the third
    lacks (see :mod:`.clauses`), the lacking language last in ``langs``: info when the unit's
    score passes :data:`~.clauses.LIMIT`, a warning when it passes :data:`~.clauses.SURE`."""
    findings = []
    for g in gaps(alignment, alignment.embedder or Embedder()):
        if g.score <= LIMIT:
            continue
        unit, shared = g.unit, g.shared
        quoted = "; ".join(f"{x} «{p.text}»" for x, p in shared.items())
        findings.append(Finding(
            "omission", "warning" if g.score > SURE else "info", (*shared, g.missing),
            unit.section, unit.id, {x: unit.lines(x) for x in (*shared, g.missing)},
            {**{x: p.text for x, p in shared.items()}, g.missing: unit.text(g.missing)},
            f"{g.missing} seems to lack a clause that {'/'.join(shared)} have: {quoted} "
            f"(score {g.score:.1f}, limit {LIMIT}, sure from {SURE})",
            f"clause:{unit.id}:{g.missing}"))
    return findings


def check_omissions(alignment: Alignment, corpus: Document) -> list[Finding]:
    langs = alignment.langs
    copies = {i for r in alignment.repeats for i in r.copy}
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
    absorbed = _absorbed(alignment) + _absorbed_pairs(alignment)
    # a language that lacks a whole sentence of the unit is reported so, not clause by clause
    whole = {(f.unit, f.langs[-1]) for f in absorbed}
    clauses = [f for f in clause_findings(alignment) if (f.unit, f.langs[-1]) not in whole]
    return findings + absorbed + clauses
