"""The length-only baseline the aligner is measured against: nltk's Gale–Church aligner."""
from __future__ import annotations

from nltk.translate import gale_church

from ..corpus import Corpus
from .gold import Pair
from .length import LengthModel, char_length


def gale_church_pairs(corpus: Corpus, src: str, tgt: str) -> list[Pair]:
    """Pairwise beads from nltk's Gale–Church aligner on each section's sentences in reading
    order, its mean length ratio set to the pair's (so that it is fair to Chinese)."""
    by_lang = {lang: [s for s in corpus.sentences if s.lang == lang] for lang in (src, tgt)}
    ratio = LengthModel.estimate([char_length(s.text) for s in by_lang[src]],
                                 [char_length(s.text) for s in by_lang[tgt]]).ratio

    class Params(gale_church.LanguageIndependent):
        AVERAGE_CHARACTERS = ratio

    pairs = []
    for section in corpus.section_ids():
        a = [s for s in by_lang[src] if s.section == section]
        b = [s for s in by_lang[tgt] if s.section == section]
        if not a or not b:
            pairs += [(frozenset([s.id]), frozenset()) for s in a]
            pairs += [(frozenset(), frozenset([s.id])) for s in b]
            continue
        links = gale_church.align_blocks([max(1, char_length(s.text)) for s in a],
                                         [max(1, char_length(s.text)) for s in b], Params)
        pairs += _beads_from_links(links, [s.id for s in a], [s.id for s in b])
    return pairs


def _beads_from_links(links, a_ids: list[str], b_ids: list[str]) -> list[Pair]:
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
