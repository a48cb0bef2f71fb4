"""Check 6, structure: TOC page numbers, headings against their TOC entries and against the
other languages' headings, lists (item counts, numbering), epigraphs (missing, not matching,
copied from another chapter, or quoting less of the body than the other languages quote) and
floating blocks (a caption or footnote placed in another chapter, far away in the chapter, or
cited from another paragraph than in the other languages)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

import numpy as np
from rapidfuzz import fuzz

from ..align.embed import Embedder
from ..align.length import char_length
from ..align.units import Alignment, Unit
from ..ingest.document import Document
from ..model import Block, Section
from ..repeats import text_key
from .common import lines_of, present, span
from .finding import Finding


def _toc_pages(corpus: Document) -> list[Finding]:
    findings = []
    for lang in corpus.languages:
        previous = None
        for section in corpus.get_sections(lang):
            if section.toc_page is None:
                continue
            if previous is not None and section.toc_page <= previous.toc_page:
                findings.append(Finding(
                    "structure", "error", (lang,), section.id, "",
                    {lang: section.heading_lines}, {lang: section.toc_title or section.title},
                    f"{lang} TOC gives page {section.toc_page} for “{section.toc_title}”, not "
                    f"after page {previous.toc_page} of the chapter before", f"page:{lang}"))
            previous = section
    return findings


def _headings(corpus: Document) -> list[Finding]:
    findings = []
    for section in corpus.sections:
        title, toc = text_key(section.title), text_key(section.toc_title or "")
        if section.toc_title and fuzz.ratio(toc, title) < 85:
            findings.append(Finding(
                "structure", "warning", (section.lang,), section.id, "",
                {section.lang: section.heading_lines},
                {section.lang: f"{section.title} | TOC: {section.toc_title}"},
                f"{section.lang} chapter heading differs from its TOC entry", "toc-title"))
    return findings


def _title_meaning(alignment: Alignment) -> list[Finding]:
    """Chapter headings whose translations the aligner is not sure of (confidence < 0.5)."""
    findings = []
    for unit in alignment:
        if unit.kind != "heading":
            continue
        for pair, value in unit.confidence.items():
            langs = tuple(pair.split("-"))
            if value < 0.5 and all(unit.sentences.get(x) for x in langs):
                findings.append(Finding(
                    "structure", "warning", langs, unit.section, unit.id, lines_of(unit, langs),
                    {x: unit.text(x) for x in langs},
                    f"the {pair} chapter titles may differ in meaning (confidence {value:.2f})",
                    f"title:{pair}"))
    return findings


def _lists(section: Section) -> list[list[Block]]:
    runs: list[list[Block]] = []
    previous = None
    for block in section.blocks:
        if block.kind == "list_item":
            if previous is None or previous.kind != "list_item":
                runs.append([])
            runs[-1].append(block)
        if block.kind not in ("caption", "footnote"):
            previous = block
    return runs


def _numbering_broken(items: list[Block]) -> bool:
    numbers = [int(m.group()) for b in items if (m := re.match(r"\d+", b.marker or ""))]
    expected = list(range(numbers[0], numbers[0] + len(items))) if numbers else []
    return len(numbers) == len(items) and numbers != expected


def _list_structure(corpus: Document) -> list[Finding]:
    findings = []
    for section_id in corpus.section_ids():
        lists = {s.lang: _lists(s) for s in corpus.sections if s.id == section_id}
        for lang, runs in lists.items():
            for items in runs:
                if _numbering_broken(items):
                    findings.append(Finding(
                        "structure", "warning", (lang,), section_id, "",
                        {lang: tuple(n for b in items for n in b.lines)},
                        {lang: " ".join(f"{b.marker} {b.text[:40]}" for b in items)},
                        f"{lang} list numbering is not consecutive", f"numbering:{items[0].id}"))
        shapes = {lang: [len(items) for items in runs] for lang, runs in lists.items()}
        if len({tuple(v) for v in shapes.values()}) > 1:
            findings.append(Finding(
                "structure", "warning", tuple(shapes), section_id, "",
                {lang: tuple(b.lines[0] for items in lists[lang] for b in items[:1])
                 for lang in shapes},
                {lang: f"{len(v)} lists: {v} items" for lang, v in shapes.items()},
                "lists differ in number or item counts: " + ", ".join(
                    f"{lang} {v}" for lang, v in shapes.items()), "lists"))
    return findings


def _copied_from(block: Block, epigraphs: list[Block]) -> Block | None:
    """The nearest earlier chapter's epigraph, in the same language, that ``block`` repeats."""
    earlier = [e for e in epigraphs if e.lang == block.lang and e.section < block.section
               and fuzz.ratio(text_key(e.text), text_key(block.text)) >= 90]
    return max(earlier, key=lambda e: e.section) if earlier else None


def _epigraphs(alignment: Alignment, corpus: Document) -> list[Finding]:
    """An epigraph copied from another chapter where the other languages have their own (a
    document that repeats one motto in every language is consistent), and an epigraph whose
    unit lacks a language that has an epigraph in the same chapter."""
    findings = []
    epigraphs = [b for b in corpus.blocks if b.kind == "epigraph"]
    for block in epigraphs:
        other = _copied_from(block, epigraphs)
        if other is None:
            continue
        alike = [e for e in epigraphs if e.section == block.section and e.lang != block.lang]
        if not alike or all(_copied_from(e, epigraphs) for e in alike):
            continue
        findings.append(Finding(
            "structure", "error", (block.lang,), block.section, "",
            {block.lang: other.lines + block.lines}, {block.lang: block.text},
            f"{block.lang} epigraph of {block.section} repeats the epigraph of "
            f"{other.section} (lines {other.lines[0]} and {block.lines[0]}); the other "
            f"languages have their own", f"epigraph-copy:{block.id}"))
    having = {}
    for block in epigraphs:
        having.setdefault(block.section, set()).add(block.lang)
    for unit in alignment:
        if unit.kind != "epigraph":
            continue
        langs = present(unit)
        lacking = sorted(having.get(unit.section, set()) - set(langs))
        if lacking:
            findings.append(Finding(
                "structure", "error", langs, unit.section, unit.id, lines_of(unit),
                {lang: unit.text(lang) for lang in langs},
                f"the {'/'.join(langs)} epigraph of {unit.section} does not match the "
                f"{'/'.join(lacking)} epigraph of the same chapter", f"epigraph:{unit.id}"))
    return findings


def _tokens(text: str, lang: str) -> list[str]:
    """Words (characters in Chinese), case folded, without punctuation."""
    if lang == "zh":
        return [c for c in text if c.isalnum()]
    return re.findall(r"\w+", text.casefold())


#: A run of at least this many tokens in common is a quotation (a Chinese character carries
#: about a third of a word); a body unit is quoted when one language's epigraph covers at
#: least half of it.
QUOTE_RUN = {"zh": 6}
#: How much less of a quoted body unit an epigraph covers than the closest other language's
#: before it counts as cut (or, more than all others, as extended). On the booklet the
#: epigraphs cut at the same place are at most 0.12 below the closest other language (a
#: Chinese connective left out, characters against words), the cut ones 0.26 and 0.38.
QUOTE_GAP = 0.2


def _coverage(epigraph: str, unit: Unit, lang: str) -> tuple[float, str]:
    """The share of ``unit``'s ``lang`` tokens that ``epigraph`` quotes, and the longest part
    of the unit it leaves out after its first quoted token."""
    quote, body = _tokens(epigraph, lang), _tokens(unit.text(lang), lang)
    matcher = SequenceMatcher(None, quote, body, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= QUOTE_RUN.get(lang, 3)]
    if not body or not blocks:
        return 0.0, unit.text(lang)
    gaps = [(b.b + b.size, c.b) for b, c in zip(blocks, blocks[1:])]
    gaps.append((blocks[-1].b + blocks[-1].size, len(body)))
    start, stop = max(gaps, key=lambda g: g[1] - g[0])
    return sum(b.size for b in blocks) / len(body), ("" if lang == "zh" else " ").join(
        body[start:stop])


#: How many of the document's own standard deviations (robust: 1.4826 × the median absolute
#: deviation) an epigraph's length may stray from what the other languages' lengths predict
#: before it counts as cut or extended, when it quotes no body passage to compare with.
LENGTH_LIMIT = 3.0


@dataclass(frozen=True)
class _Lengths:
    """Gale and Church's length model of one language pair, its ratio and spread measured on
    the document's paragraphs with one sentence on each side."""

    ratio: float
    spread: float

    @classmethod
    def measure(cls, alignment: Alignment, a: str, b: str) -> _Lengths | None:
        pairs = [(char_length(u.text(a)), char_length(u.text(b))) for u in alignment
                 if u.kind == "paragraph" and len(u.sentences[a]) == 1
                 and len(u.sentences[b]) == 1]
        if len(pairs) < 10:
            return None
        src, tgt = np.array(pairs, dtype=float).T
        ratio = tgt.sum() / max(src.sum(), 1.0)
        residual = (tgt - ratio * src) / np.sqrt((src + tgt / ratio) / 2)
        spread = 1.4826 * float(np.median(np.abs(residual - np.median(residual))))
        return cls(ratio, max(spread, 1e-6))

    def z(self, x: str, y: str) -> float:
        """How much longer ``y`` is than ``x`` predicts, in standard deviations."""
        lx, ly = char_length(x), char_length(y)
        return (ly - self.ratio * lx) / (np.sqrt(max((lx + ly / self.ratio) / 2, 1.0))
                                         * self.spread)


def _epigraph_lengths(alignment: Alignment, reported: set[str]) -> list[Finding]:
    """An epigraph clearly shorter (or longer) than both other languages' lengths predict
    (their evidence combined by Stouffer's method beyond :data:`LENGTH_LIMIT`), while those
    two agree: maybe cut (or extended), info, as length is weaker evidence than a quotation.
    Not in the sections ``reported`` for their epigraphs already: there the others may be the
    faulty ones."""
    langs = alignment.langs
    models = {(a, b): _Lengths.measure(alignment, a, b) for a in langs for b in langs if a != b}
    if len(langs) < 3 or None in models.values():
        return []
    findings = []
    for unit in alignment:
        if unit.kind != "epigraph" or len(present(unit)) < len(langs) or unit.section in reported:
            continue
        text = {x: unit.text(x) for x in langs}
        for lang in langs:
            others = [x for x in langs if x != lang]
            z = [models[x, lang].z(text[x], text[lang]) for x in others]
            combined = sum(z) / np.sqrt(len(z))  # Stouffer's: the others' evidence together
            agree = all(abs(models[a, b].z(text[a], text[b])) < LENGTH_LIMIT
                        for a in others for b in others if a != b)
            if not agree or abs(combined) < LENGTH_LIMIT \
                    or not all((v < 0) == (combined < 0) for v in z):
                continue
            what = ("shorter", "cut") if combined < 0 else ("longer", "extended")
            findings.append(Finding(
                "structure", "info", (lang, *others), unit.section, unit.id, lines_of(unit),
                text, f"the {lang} epigraph of {unit.section} is much {what[0]} than the "
                f"{'/'.join(others)} ones predict ({combined:+.1f} standard deviations of the "
                f"document's paragraphs); it may be {what[1]}",
                f"epigraph-length:{lang}:{unit.id}"))
    return findings


def _epigraph_cuts(alignment: Alignment) -> list[Finding]:
    """An epigraph that quotes a body passage of its chapter, as (at least partly) the other
    languages' epigraphs do, but covers clearly less of it (:data:`QUOTE_GAP`): cut or
    truncated where they are not (the words it leaves out are quoted), or clearly more than
    all of them: extended."""
    findings = []
    epigraphs: dict[str, dict[str, list[Unit]]] = {}
    for unit in alignment:
        if unit.kind == "epigraph":
            for lang in present(unit):
                epigraphs.setdefault(unit.section, {}).setdefault(lang, []).append(unit)
    for section, by_lang in epigraphs.items():
        texts = {lang: " ".join(u.text(lang) for u in units) for lang, units in by_lang.items()}
        body = [u for u in alignment if u.section == section
                and u.kind in ("paragraph", "list_item")]
        covers = {u.id: {lang: _coverage(text, u, lang) for lang, text in texts.items()
                         if u.sentences[lang]} for u in body}
        # languages whose epigraph quotes at least half of a unit another one quotes so too
        quoting = {lang for c in covers.values() for lang, (share, _) in c.items()
                   if share >= 0.5 and sum(s >= 0.5 for s, _ in c.values()) > 1}
        for unit in body:
            shares = {lang: covers[unit.id][lang] for lang in quoting
                      if lang in covers[unit.id]}
            if len(shares) < 2 or max(s for s, _ in shares.values()) < 0.5:
                continue
            for lang, (share, left_out) in shares.items():
                others = [x for x in shares if x != lang]
                theirs = [shares[x][0] for x in others]
                if min(theirs) - share >= QUOTE_GAP:
                    what = f"it leaves out “{left_out}”"
                elif len(others) > 1 and share - max(theirs) >= QUOTE_GAP:
                    what = "it quotes more than they do"
                else:
                    continue
                langs = (lang, *others)
                findings.append(Finding(
                    "structure", "warning", langs, section, by_lang[lang][0].id,
                    {x: tuple(sorted({n for u in by_lang[x] for n in u.lines(x)}
                                     | set(unit.lines(lang) if x == lang else ())))
                     for x in langs}, {x: texts[x] for x in langs},
                    f"the {lang} epigraph of {section} quotes {share:.0%} of the body passage "
                    f"it cites (line {unit.lines(lang)[0]}), the {'/'.join(others)} epigraph(s) "
                    f"{'/'.join(f'{t:.0%}' for t in theirs)}; {what}",
                    f"epigraph-cut:{lang}:{unit.id}"))
    return findings


FLOATING = ("caption", "footnote")
#: How far (share of the chapter's shared units) a caption may sit from where the other
#: languages place it. Photos float to page breaks: on the booklet the same caption sits up to
#: 0.56 of a chapter apart between its languages (Chinese, with fewer pages, shifts most), on
#: the generated document 0; a move beyond 0.6 puts it at the other end of the chapter.
FAR = 0.6


def _places(alignment: Alignment, corpus: Document) -> tuple[dict[str, int], dict[str, tuple]]:
    """Where each floating sentence sits: the rank of the last unit with every language before
    it in its language's text (a repeated copy's sentences count at their original), and each
    section's first rank and number of such units."""
    langs = alignment.langs
    original = {c: o for r in alignment.repeats for o, c in zip(r.original, r.copy)}
    rank: dict[str, int] = {}
    shared: list[str] = []  # the section of each unit with every language, in order
    for unit in alignment:
        if unit.kind in FLOATING:
            continue
        if all(unit.sentences[lang] for lang in langs):
            shared.append(unit.section)
        for lang in langs:
            for sentence in unit.sentences[lang]:
                rank[sentence.id] = len(shared)
    bounds = {sec: (shared.index(sec) + 1, shared.count(sec)) for sec in set(shared)}
    places = {}
    for lang in langs:
        last = 0
        for sentence in corpus.sentences:
            if sentence.lang != lang:
                continue
            if sentence.kind in FLOATING:
                places[sentence.id] = last
            else:
                last = rank.get(original.get(sentence.id, sentence.id), last)
    return places, bounds


def _whole_blocks(units: list[Unit]) -> list[Unit]:
    """``units`` with neighbours that hold the same languages and share a block (a caption the
    aligner split into its sentences) joined into one, under the first one's id."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last and present(last) == present(unit) and any(
                {s.block for s in last.sentences[x]} & {s.block for s in unit.sentences[x]}
                for x in present(unit)):
            out[-1] = replace(last, sentences={x: last.sentences[x] + unit.sentences[x]
                                               for x in last.sentences})
        else:
            out.append(unit)
    return out


def _elsewhere(alignment: Alignment) -> list[Finding]:
    """A caption or footnote that some languages lack at its place while they have an unpaired
    one of the same kind elsewhere that means the same (each taken whole, however the aligner
    split it: :func:`_whole_blocks`): the two are each other's closest match
    (cosine of sentence vectors) and as close as the document's paired blocks of that kind
    (their 10th percentile; on the booklet 0.42 for captions and 0.64 for footnotes, while
    unrelated unpaired blocks reach 0.39)."""
    findings = []
    for kind in FLOATING:
        units = [u for u in alignment if u.kind == kind]
        partial = _whole_blocks([u for u in units if len(present(u)) < len(alignment.langs)])
        if len(partial) < 2:
            continue
        embed = alignment.embedder or Embedder()

        def vector(unit: Unit, lang: str) -> np.ndarray:
            v = embed([unit.text(lang)])[0]
            return v / max(float(np.linalg.norm(v)), 1e-12)

        paired = [float(vector(u, a) @ vector(u, b)) for u in units
                  for k, a in enumerate(present(u)) for b in present(u)[k + 1:]]
        if not paired:
            continue
        limit = float(np.percentile(paired, 10))
        # pairs (here, there) without a language in common, ``here`` the one with more
        sim = {(u.id, v.id): np.mean([float(vector(u, x) @ vector(v, y)) for x in present(u)
                                      for y in present(v)])
               for u in partial for v in partial if not set(present(u)) & set(present(v))
               and (len(present(u)), v.id) > (len(present(v)), u.id)}
        for (here_id, there_id), value in sim.items():
            rivals = [w for (a, b), w in sim.items() if a == here_id or b == there_id]
            if value < limit or value < max(rivals):
                continue
            here = next(u for u in partial if u.id == here_id)
            there = next(u for u in partial if u.id == there_id)
            moved = "/".join(present(there))
            findings.append(Finding(
                "structure", "warning", (*present(here), *present(there)), here.section,
                here.id, {**lines_of(here), **lines_of(there)},
                {**{x: here.text(x) for x in present(here)},
                 **{x: there.text(x) for x in present(there)}},
                f"{moved} lacks this {kind} here ({'/'.join(present(here))} lines "
                f"{', '.join(span(here.lines(x)) for x in present(here))}, {here.section}) "
                f"and has it elsewhere (lines {span(there.lines(present(there)[0]))}, "
                f"{there.section}; similarity {value:.2f})", f"elsewhere:{there.id}"))
    return findings


def _cited_units(alignment: Alignment, corpus: Document) -> dict[str, set[str]]:
    """For each footnote sentence, the units of the block that cites the footnote."""
    unit_of = {s.id: unit.id for unit in alignment for side in unit.sentences.values()
               for s in side}
    cites = {b.id: b.cites for b in corpus.blocks if b.kind == "footnote" and b.cites}
    by_block: dict[str, set[str]] = {}
    for sentence in corpus.sentences:
        if sentence.id in unit_of:
            by_block.setdefault(sentence.block, set()).add(unit_of[sentence.id])
    return {s.id: by_block.get(cites[s.block], set()) for s in corpus.sentences
            if s.block in cites}


def _moved_blocks(alignment: Alignment, corpus: Document) -> list[Finding]:
    """A caption or footnote one language places in another chapter than the others (or, with
    two languages, the two place in different chapters; or each language in another one), a
    caption far from where the others
    place it in the same chapter (:data:`FAR`), a footnote cited from a paragraph whose units
    are not those citing it in the others."""
    places, bounds = _places(alignment, corpus)
    cited = _cited_units(alignment, corpus)
    findings = []
    for unit in alignment:
        langs = present(unit)
        if unit.kind not in FLOATING or len(langs) < 2:
            continue
        first = {lang: unit.sentences[lang][0] for lang in langs}
        where = {lang: s.section for lang, s in first.items()}
        if len(langs) > 2 and len(set(where.values())) == len(langs):
            findings.append(_moved(unit, f"the {unit.kind} is in another chapter in each "
                                         f"language: " + ", ".join(f"{x} {where[x]}"
                                                                   for x in langs), "all"))
            continue
        for lang in langs[1:] if len(langs) == 2 else langs:
            others = [x for x in langs if x != lang]
            if len({where[x] for x in others}) > 1:
                continue
            there = where[others[0]]
            message = None
            if where[lang] != there:
                message = (f"the {lang} {unit.kind} is in {where[lang]}, the "
                           f"{'/'.join(others)} one(s) in {there}")
            elif unit.kind == "caption" and where[lang] in bounds:
                start, size = bounds[where[lang]]
                rel = {x: (places[first[x].id] - start) / size for x in langs}
                gap = abs(rel[lang] - np.mean([rel[x] for x in others]))
                if gap > FAR and all(abs(rel[x] - rel[others[0]]) <= FAR / 2 for x in others):
                    message = (f"the {lang} {unit.kind} sits {gap:.0%} of {there} away from "
                               f"where {'/'.join(others)} place it")
            elif unit.kind == "footnote" and all(cited.get(first[x].id) for x in langs):
                agreed = set.intersection(*(cited[first[x].id] for x in others))
                if agreed and not agreed & cited[first[lang].id]:
                    message = (f"the {lang} footnote is cited from another passage than in "
                               f"{'/'.join(others)}")
            if message:
                findings.append(_moved(unit, message, lang))
    return findings


def _moved(unit: Unit, message: str, lang: str) -> Finding:
    langs = present(unit)
    return Finding("structure", "warning", langs, unit.section, unit.id, lines_of(unit),
                   {x: unit.text(x) for x in langs},
                   f"{message} (lines: " + ", ".join(f"{x} {span(unit.lines(x))}" for x in langs)
                   + ")", f"moved:{lang}:{unit.kind}")


def _epigraph_checks(alignment: Alignment, corpus: Document) -> list[Finding]:
    """Epigraphs copied from another chapter or unmatched, cut or extended against the body
    passage they quote, and else, in chapters without such a finding, by length."""
    found = _epigraphs(alignment, corpus) + _epigraph_cuts(alignment)
    return found + _epigraph_lengths(alignment, {f.section for f in found})


def check_structure(alignment: Alignment, corpus: Document) -> list[Finding]:
    return (_toc_pages(corpus) + _headings(corpus) + _title_meaning(alignment)
            + _list_structure(corpus) + _epigraph_checks(alignment, corpus)
            + _moved_blocks(alignment, corpus)
            + _elsewhere(alignment))
