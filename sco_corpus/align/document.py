"""Aligning a whole corpus: sections by id, floating blocks by content, then sentences.

1. Body text (titles, TOC, headings, epigraphs, paragraphs, list items) is aligned section by
   section in reading order. Block kinds are structural classes a bead may not mix (a heading
   never pairs with a paragraph), and block boundaries are a soft constraint: a bead may cross
   one (a translator merged or split a paragraph) at a small cost.
2. Captions and footnotes float: their place differs between languages, even by chapter. They
   are matched as whole blocks across the document by content (meaning, numbers, dates, Latin
   names) with a small penalty for distance, then aligned sentence by sentence; a caption whose
   parts come in another order (date first) is tried in both orders.
3. A passage that one language prints twice (an editorial slip, found by
   :mod:`sco_corpus.repeats`) is aligned through its first copy; the second copy's sentences
   become units of that language alone.
4. Three languages are aligned progressively: the first (the original) with the second, then the
   resulting units with the third, so every unit is consistent across all three pairs.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

import numpy as np

from ..ingest.document import Document
from ..model import Sentence
from ..repeats import Repeat, find_repeats, merge_runs
from .anchors import anchor_vectors
from .embed import Embedder
from .length import LengthModel, char_length
from .pairwise import Bead, Options, align_sides, build_side, calibrate
from .scoring import (BeadCost, Calibration, Side, edge_margin, match_confidence,
                      null_confidence)
from .units import Alignment, Unit

#: Structural class of each body block kind; beads never mix classes.
STRUCTURE = {"title": "title", "toc_heading": "toc", "toc_entry": "toc", "heading": "heading",
             "epigraph": "epigraph", "paragraph": "body", "list_item": "body"}
FLOATING = ("caption", "footnote")
#: Cost per unit of relative document distance between two matched floating blocks.
DISTANCE_WEIGHT = 0.5

Progress = Callable[[int, int, str], None]


@dataclass
class _Group:
    """Sentences per language that translate each other, and for each language added to the
    group with an empty side (or empty partners), the aligner's confidence in that omission."""

    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    nulls: dict[str, float] = field(default_factory=dict)
    #: the beads of the first two languages inside the group: (first's, second's, confidence)
    parts: list[tuple[list[Sentence], list[Sentence], float]] = field(default_factory=list)

    def get(self, lang: str) -> list[Sentence]:
        return self.sentences.get(lang, [])


@dataclass
class _Context:
    langs: tuple[str, ...]
    options: Options
    vectors: dict[str, np.ndarray]             # sentence id -> embedding
    lengths: dict[tuple[str, str], LengthModel]
    calibrations: dict[tuple[str, str], Calibration]

    def side(self, sentences: Sequence[Sentence], lang: str, ordered: bool = True) -> Side:
        emb = (np.stack([self.vectors[s.id] for s in sentences]) if sentences
               else np.zeros((0, 512), np.float32))
        return build_side([s.text for s in sentences], lang, None,
                          blocks=[s.block for s in sentences],
                          kinds=[STRUCTURE.get(s.kind, s.kind) if ordered else 0
                                 for s in sentences],
                          embeddings=emb)

    def pair_options(self, src: str, tgt: str) -> Options:
        return replace(self.options, length=self.lengths[src, tgt],
                       calibration=self.calibrations[src, tgt])


def align_corpus(corpus: Document, options: Options = Options(), embedder: Embedder | None = None,
                 progress: Progress | None = None) -> Alignment:
    """Trilingual units of the whole corpus, in reading order."""
    embedder = embedder or Embedder()
    langs = corpus.languages
    sentences = [s for s in corpus.sentences if s.lang in langs]  # not a foreign colophon
    vectors = dict(zip((s.id for s in sentences), embedder([s.text for s in sentences])))
    context = _Context(langs, options, vectors, {}, {})
    _estimate(context, sentences)

    repeats = slipped_repeats(sentences, vectors)
    copies = {sid: r for r in repeats for sid in r.copy}
    groups: list[_Group] = []
    section_ids = corpus.section_ids()
    body: dict[tuple[str, str], list[Sentence]] = {}
    for s in sentences:
        if s.kind not in FLOATING and s.id not in copies:
            body.setdefault((s.section, s.lang), []).append(s)
    for n, section_id in enumerate(section_ids):
        if progress:
            progress(n, len(section_ids) + 1, section_id)
        seqs = {lang: body.get((section_id, lang), []) for lang in langs}
        groups += _align_group(seqs, context, ordered=True)
    groups += [_Group({s.lang: [s]}, {lang: copies[s.id].similarity / 100.0 for lang in langs})
               for s in sentences if s.id in copies]
    if progress:
        progress(len(section_ids), len(section_ids) + 1, "captions and footnotes")
    for kind in FLOATING:
        groups += _align_floating(corpus, kind, context)
    if progress:
        progress(len(section_ids) + 1, len(section_ids) + 1, "done")
    return replace(_units(groups, corpus, context, embedder), repeats=tuple(repeats))


def slipped_repeats(sentences: Sequence[Sentence], vectors: dict[str, np.ndarray]
                    ) -> list[Repeat]:
    """Repeated body passages that only one language has: runs of at least three sentences
    whose original and copy are both body text (an epigraph quoting the body is normal), and
    that no repeat of another language translates (one of half to twice as many sentences
    whose copy means the same: mean sentence vectors with cosine ≥ 0.5). Runs of one passage
    are merged first (:func:`~sco_corpus.repeats.merge_runs`)."""
    body = [s for s in sentences if STRUCTURE.get(s.kind) in ("body", "heading")]
    order = {s.id: k for k, s in enumerate(body)}

    def meaning(repeat: Repeat) -> np.ndarray:
        mean = np.mean([vectors[i] for i in repeat.copy], axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)

    every = merge_runs(find_repeats(body, min_sentences=1, min_chars=40), order)
    out = []
    for repeat in merge_runs(find_repeats(body), order):
        mirrored = [r for r in every if r.lang != repeat.lang
                    and 0.5 <= len(r.copy) / len(repeat.copy) <= 2.0
                    and float(meaning(r) @ meaning(repeat)) >= 0.5]
        if not mirrored:
            out.append(repeat)
    return out


def _estimate(context: _Context, sentences: Sequence[Sentence]) -> None:
    """Length ratio and similarity scale per language pair, from the whole corpus; each pair
    is calibrated once and its reverse derived (the scales are symmetric)."""
    by_lang = {lang: [s for s in sentences if s.lang == lang] for lang in context.langs}
    sides = {lang: context.side(items, lang, ordered=False) for lang, items in by_lang.items()}
    for a, src in enumerate(context.langs):
        for tgt in context.langs[a + 1:]:
            length = LengthModel.estimate(sides[src].length, sides[tgt].length)
            context.lengths[src, tgt] = length
            context.lengths[tgt, src] = LengthModel(1.0 / length.ratio)
            calibration = calibrate(sides[src], sides[tgt], length)
            context.calibrations[src, tgt] = calibration
            context.calibrations[tgt, src] = calibration.reversed()


def _align_group(seqs: dict[str, list[Sentence]], context: _Context, ordered: bool
                 ) -> list[_Group]:
    """Progressive alignment of one group of sentences per language into trilingual groups."""
    first, *rest = context.langs
    groups = [_Group({first: [s]}) for s in seqs[first]]
    done = [first]
    for lang in rest:
        pivot = _merged_side(groups, done, context)
        beads = _best_order(pivot, seqs[lang], lang, context, ordered, done[0])
        merged = []
        for bead in beads:
            src, alone = _unsupported_groups(list(bead.src), groups, seqs[lang], bead.tgt,
                                             lang, done, context)
            merged += [groups[k] for k in alone if k < src[0]] if src else []
            group = _Group()
            for k in src:
                for key, value in groups[k].sentences.items():
                    group.sentences.setdefault(key, []).extend(value)
                group.nulls.update(groups[k].nulls)
                group.parts += groups[k].parts
            group.sentences[lang] = [seqs[lang][j] for j in sorted(bead.tgt)]
            if not (bead.src and bead.tgt):
                group.nulls[lang] = bead.score
            if len(done) == 1:
                group.parts = [(group.get(first), group.sentences[lang], bead.score)]
            merged += _split_unsupported(group, lang, done, context)
            merged += [groups[k] for k in alone if not src or k > src[-1]]
        groups, done = merged, done + [lang]
    return groups


def _unsupported_groups(src: list[int], groups: list[_Group], items: list[Sentence],
                        tgt: Sequence[int], lang: str, witnesses: list[str], context: _Context
                        ) -> tuple[list[int], list[int]]:
    """The groups of a bead of ``lang`` that it keeps, and those at either end it sets apart
    (``lang`` lacks them): a group of two or more languages whose every language matches
    ``lang``'s side no better with it than without it. The reverse of
    :func:`_split_unsupported`: there the languages of the group witness against a sentence
    of ``lang``; here the group's own languages, which agree it is a unit, find nothing of it
    in ``lang`` (a caption line the Chinese lacks had joined the next line's unit: adding it
    lowered both matches, by less than the floor). Each group set apart gets a null
    confidence for ``lang`` from its best match with ``lang``'s side."""
    own = [items[j] for j in sorted(tgt)]
    if len(src) < 2 or not own or len(witnesses) < 2:
        return src, []
    skip = context.options.weights.skip
    alone: list[int] = []

    def side(ks: list[int], x: str) -> list[Sentence]:
        return [s for k in ks for s in groups[k].get(x)]

    while len(src) > 1:
        for edge, rest in ((src[0], src[1:]), (src[-1], src[:-1])):
            langs = [x for x in witnesses if groups[edge].get(x)]
            if len(langs) < 2 or not all(side(rest, x) for x in langs):
                continue
            if all(_pair_score(side(src, x), own, x, lang, context)
                   <= _pair_score(side(rest, x), own, x, lang, context) for x in langs):
                best = max(_pair_score(groups[edge].get(x), own, x, lang, context)
                           for x in langs)
                groups[edge].nulls[lang] = null_confidence(best, skip)
                alone.append(edge)
                src = rest
                break
        else:
            break
    return src, sorted(alone)


def _split_unsupported(group: _Group, lang: str, witnesses: list[str], context: _Context
                       ) -> list[_Group]:
    """The group, with the sentences of ``lang`` at either end of its side split off as units
    of their own when every other language of the group (two or more) matches the group
    better without them, by more than :attr:`Weights.floor`.

    With one other language such a drop is ambiguous: the weak part of a free translation's
    merge often scores below its best part (a third of Text+Berg's gold merges, a fifth by more
    than 0.1), so the pairwise aligner tolerates it. A sentence that two translations both
    match worse is an addition (the omission check reports it). (A sentence's similarity alone
    is no such witness: a clause Chinese cuts at ``；`` is often unlike both alone.)"""
    own = group.get(lang)
    present = [x for x in witnesses if group.get(x)]
    if len(own) < 2 or len(present) < 2:
        return [group]
    floor = context.options.weights.floor
    before: list[_Group] = []
    after: list[_Group] = []
    while len(own) > 1:
        for edge, rest, out in ((own[0], own[1:], before), (own[-1], own[:-1], after)):
            drops = [_pair_score(group.get(x), own, x, lang, context)
                     - _pair_score(group.get(x), rest, x, lang, context) for x in present]
            if max(drops) < -floor:
                best = max(_pair_score(group.get(x), [edge], x, lang, context) for x in present)
                out.append(_Group({lang: [edge]},
                                  {lang: null_confidence(best, context.options.weights.skip)}))
                own = rest
                break
        else:
            break
    group.sentences[lang] = own
    return before + [group] + after[::-1]


def _pair_score(x: Sequence[Sentence], y: Sequence[Sentence], src: str, tgt: str,
                context: _Context) -> float:
    """The bead score of two runs of sentences in their pair's calibrated scale."""
    options = context.pair_options(src, tgt)
    cost = BeadCost(context.side(x, src, ordered=False), context.side(y, tgt, ordered=False),
                    options.length, options.weights, options.calibration)
    return float(cost.score(len(x), len(y), len(x), np.array([len(y)]))[0])


def _best_order(pivot: Side, items: list[Sentence], lang: str, context: _Context,
                ordered: bool, pivot_lang: str) -> list[Bead]:
    """Beads of the pivot against ``items``; floating blocks also try ``items`` reversed."""
    options = context.pair_options(pivot_lang, lang)
    beads = align_sides(pivot, context.side(items, lang, ordered), options)
    if ordered or len(items) < 2:
        return beads
    flipped = align_sides(pivot, context.side(items[::-1], lang, ordered), options)
    if sum(b.cost for b in flipped) < sum(b.cost for b in beads):
        last = len(items) - 1
        return [Bead(b.src, tuple(last - j for j in b.tgt), b.score, b.cost) for b in flipped]
    return beads


def _merged_side(groups: list[_Group], langs: list[str], context: _Context) -> Side:
    """Each group as one item: its embeddings summed, anchors of any language, pivot length."""
    pivot = langs[0]
    emb, length, present, required, blocks, kinds = [], [], [], [], [], []
    for group in groups:
        members = [s for lang in langs for s in group.get(lang)]
        vector = np.sum([context.vectors[s.id] for s in members], axis=0)
        emb.append(vector / max(float(np.linalg.norm(vector)), 1e-12))
        own = group.get(pivot)
        if own:
            length.append(sum(char_length(s.text) for s in own))
        else:
            lang = next(x for x in langs if group.get(x))
            ratio = context.lengths[pivot, lang].ratio
            length.append(sum(char_length(s.text) for s in group.get(lang)) / ratio)
        vectors = [anchor_vectors([s.text], lang) for lang in langs for s in group.get(lang)]
        present.append(np.max([v[0][0] for v in vectors], axis=0))
        required.append(np.max([v[1][0] for v in vectors], axis=0))
        head = members[0]
        blocks.append(own[0].block if own else (blocks[-1] if blocks else head.block))
        kinds.append(STRUCTURE.get(head.kind, head.kind))
    if not groups:
        return context.side([], pivot)
    index: dict[str, int] = {}
    kind_index: dict[str, int] = {}
    return Side(emb=np.array(emb, dtype=np.float32), length=np.array(length, dtype=np.float64),
                present=np.array(present), required=np.array(required),
                block=np.array([index.setdefault(b, len(index)) for b in blocks]),
                kind=np.array([kind_index.setdefault(k, len(kind_index)) for k in kinds]))


def _align_floating(corpus: Document, kind: str, context: _Context) -> list[_Group]:
    """Captions (or footnotes) of the whole document, matched block to block, then aligned."""
    blocks = {lang: _blocks_of(corpus, lang, kind) for lang in context.langs}
    where = _relative_positions(corpus)
    first, *rest = context.langs
    groups: list[dict[str, list[list[Sentence]]]] = [{first: [b]} for b in blocks[first] if b]
    done = [first]
    for lang in rest:
        items = [b for b in blocks[lang] if b]
        matches = _match_blocks(groups, done, items, lang, context, where)
        for k, group in enumerate(groups):
            if k in matches:
                group[lang] = [items[matches[k]]]
        taken = set(matches.values())
        groups += [{lang: [b]} for j, b in enumerate(items) if j not in taken]
        done.append(lang)
    out: list[_Group] = []
    for group in groups:
        seqs = {lang: [s for block in group.get(lang, []) for s in block] for lang in context.langs}
        out += _align_group(seqs, context, ordered=False)
    return out


def _blocks_of(corpus: Document, lang: str, kind: str) -> list[list[Sentence]]:
    by_block: dict[str, list[Sentence]] = {}
    for s in corpus.sentences:
        if s.lang == lang and s.kind == kind:
            by_block.setdefault(s.block, []).append(s)
    return list(by_block.values())


def _relative_positions(corpus: Document) -> dict[str, float]:
    """Each sentence's place in its language's text, from 0 (first) to 1 (last)."""
    where = {}
    for lang in corpus.languages:
        ids = [s.id for s in corpus.sentences if s.lang == lang]
        where.update({i: k / max(len(ids) - 1, 1) for k, i in enumerate(ids)})
    return where


def _match_blocks(groups, langs: list[str], items: list[list[Sentence]], lang: str,
                  context: _Context, where: dict[str, float]) -> dict[int, int]:
    """Greedy one-to-one matching of groups to blocks of ``lang``, cheapest pairs first, among
    pairs that score above unrelated sentences (0 on the calibrated scale) after a penalty for
    the distance between their relative places in the text. Length is left out: a caption block
    may carry a place-and-date line in one language only (with it, two booklet captions of the
    same summit swap partners)."""
    if not groups or not items:
        return {}
    as_groups = [_Group({x: [s for block in g.get(x, []) for s in block] for x in langs})
                 for g in groups]
    src = _merged_side(as_groups, langs, context)
    tgt = _merged_side([_Group({lang: block}) for block in items], [lang], context)
    options = context.pair_options(langs[0], lang)
    cost = BeadCost(src, tgt, options.length or LengthModel(),
                    replace(options.weights, length=0.0), context.calibrations[langs[0], lang])
    where_src = np.array([np.mean([where[block[0].id] for x in langs for block in g.get(x, [])])
                          for g in groups])
    where_tgt = np.array([where[block[0].id] for block in items])
    ends = np.arange(1, len(items) + 1)
    table = -np.array([cost.score(1, 1, i, ends) for i in range(1, len(groups) + 1)])
    table = np.where(np.isfinite(table), table, 1e9)
    table += DISTANCE_WEIGHT * np.abs(where_src[:, None] - where_tgt[None, :])
    limit = 0.0
    matches: dict[int, int] = {}
    for flat in np.argsort(table, axis=None, kind="stable"):
        i, j = divmod(int(flat), len(items))
        if table[i, j] >= limit:
            break
        if i not in matches and j not in matches.values():
            matches[i] = j
    return matches


def _units(groups: list[_Group], corpus: Document, context: _Context,
           embedder: Embedder) -> Alignment:
    """Groups as :class:`Unit` objects in reading order, with ids and confidences."""
    position = {s.id: k for k, s in enumerate(corpus.sentences)}
    owner: dict[str, int] = {}
    for n, group in enumerate(groups):
        for lang in context.langs:
            for s in group.get(lang):
                owner[s.id] = n
    keys: dict[int, tuple[float, int]] = {}
    first = context.langs[0]
    for n, group in enumerate(groups):
        if group.get(first):
            keys[n] = (float(min(position[s.id] for s in group.get(first))), 0)
    for lang in context.langs[1:]:
        ordered = [s for s in corpus.sentences if s.lang == lang]
        previous: tuple[float, int] = (-1.0, 0)
        for s in ordered:
            n = owner[s.id]
            if n not in keys:
                keys[n] = (previous[0], previous[1] + 1)
            previous = keys[n]
    order = sorted(range(len(groups)), key=lambda n: keys[n])
    counters: dict[str, int] = {}
    units = []
    for n in order:
        group = groups[n]
        sentences = {lang: tuple(sorted(group.get(lang), key=lambda s: position[s.id]))
                     for lang in context.langs}
        head = next(side[0] for side in sentences.values() if side)
        counters[head.section] = counters.get(head.section, 0) + 1
        parts = tuple((tuple(s.id for s in a), tuple(s.id for s in b), round(score, 6))
                      for a, b, score in group.parts) if len(group.parts) > 1 else ()
        units.append(Unit(f"{head.section}/u{counters[head.section]:03d}", head.section,
                          head.kind, sentences, _confidences(group, sentences, context), parts))
    return Alignment(tuple(units), context.langs, embedder,
                     sources={lang: corpus.source_of(lang) for lang in context.langs})


def _confidences(group: _Group, sentences: dict[str, tuple[Sentence, ...]],
                 context: _Context) -> dict[str, float]:
    """Per language pair: match confidence of the two sides (by meaning and anchors; whole
    units' lengths vary more than sentences', and with length the confidence separates right
    from wrong units less well on the booklet's gold), or the aligner's confidence that the one
    non-empty side has no counterpart."""
    out = {}
    langs = context.langs
    for a, src in enumerate(langs):
        for tgt in langs[a + 1:]:
            x, y = sentences[src], sentences[tgt]
            if x and y:
                cost = BeadCost(context.side(x, src, ordered=False),
                                context.side(y, tgt, ordered=False),
                                context.lengths[src, tgt],
                                replace(context.options.weights, length=0.0),
                                context.calibrations[src, tgt])
                score = float(cost.score(len(x), len(y), len(x), np.array([len(y)]))[0])
                margin = edge_margin(cost, len(x), len(y), len(x), len(y), score)
                out[f"{src}-{tgt}"] = match_confidence(score, context.options.weights.skip,
                                                       context.options.weights.floor, margin)
            elif x or y:
                empty = tgt if x else src
                out[f"{src}-{tgt}"] = group.nulls.get(
                    empty, min(group.nulls.values(), default=1.0))
    return out
