"""The length-only baseline the aligner is measured against: nltk's Gale–Church aligner."""
from __future__ import annotations

from typing import Sequence

from nltk.translate import gale_church

from ..ingest.document import Document
from .gold import Pair
from .length import LengthModel, char_length


def gale_church_pairs(corpus: Document, src: str, tgt: str) -> list[Pair]:
    """Pairwise beads from nltk's Gale–Church aligner on each section's sentences in reading
    order, its mean length ratio set to the pair's (so that it is fair to Chinese)."""
    by_lang = {lang: [s for s in corpus.sentences if s.lang == lang] for lang in (src, tgt)}
    ratio = LengthModel.estimate([char_length(s.text) for s in by_lang[src]],
                                 [char_length(s.text) for s in by_lang[tgt]]).ratio
    pairs = []
    for section in corpus.section_ids():
        a = [s for s in by_lang[src] if s.section == section]
        b = [s for s in by_lang[tgt] if s.section == section]
        beads = gale_church_beads([s.text for s in a], [s.text for s in b], ratio)
        pairs += [(frozenset(a[i].id for i in x), frozenset(b[j].id for j in y))
                  for x, y in beads]
    return pairs


def gale_church_beads(src: Sequence[str], tgt: Sequence[str], ratio: float | None = None
                      ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """nltk's Gale–Church alignment of two lists of sentences as beads of indexes; its mean
    length ratio ``ratio`` (``None``: the ratio of total lengths)."""
    if not src or not tgt:
        return [((i,), ()) for i in range(len(src))] + [((), (j,)) for j in range(len(tgt))]
    a = [max(1, char_length(t)) for t in src]
    b = [max(1, char_length(t)) for t in tgt]

    class Params(gale_church.LanguageIndependent):
        AVERAGE_CHARACTERS = ratio if ratio is not None else LengthModel.estimate(a, b).ratio

    links = gale_church.align_blocks(a, b, Params)
    return [(tuple(sorted(x)), tuple(sorted(y)))
            for x, y in _beads_from_links(links, list(range(len(a))), list(range(len(b))))]


def _beads_from_links(links, a_ids: list, b_ids: list) -> list[tuple[frozenset, frozenset]]:
    """Sentence links (i, j) grouped into beads (connected components); unlinked sentences alone."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in links:
        parent[find(("a", i))] = find(("b", j))
    groups = {}
    for i in range(len(a_ids)):
        groups.setdefault(find(("a", i)), (set(), set()))[0].add(a_ids[i])
    for j in range(len(b_ids)):
        groups.setdefault(find(("b", j)), (set(), set()))[1].add(b_ids[j])
    return [(frozenset(x), frozenset(y)) for x, y in groups.values()]
