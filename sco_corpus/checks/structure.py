"""Check 6, structure: TOC page numbers, headings against their TOC entries and against the
other languages' headings, lists (item counts, numbering) and epigraphs (missing, not
matching, or copied from another chapter)."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..align.units import Alignment
from ..corpus import Corpus
from ..model import Block, Section
from ..repeats import text_key
from .common import lines_of, present
from .finding import Finding


def _toc_pages(corpus: Corpus) -> list[Finding]:
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


def _headings(corpus: Corpus) -> list[Finding]:
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


def _list_structure(corpus: Corpus) -> list[Finding]:
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


def _epigraphs(alignment: Alignment, corpus: Corpus) -> list[Finding]:
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


def check_structure(alignment: Alignment, corpus: Corpus) -> list[Finding]:
    return (_toc_pages(corpus) + _headings(corpus) + _title_meaning(alignment)
            + _list_structure(corpus) + _epigraphs(alignment, corpus))
