"""Counts per section and language: blocks, sentences, characters."""
from __future__ import annotations

from .ingest.document import Document


def stats_table(corpus: Document) -> list[list[str]]:
    """Rows of section × language counts, with a header row and a total row."""
    langs = list(corpus.languages)
    header = ["section", "title"] + [f"{lang} {what}" for lang in langs
                                     for what in ("blocks", "sents", "chars")]
    rows = [header]
    totals = [0] * (3 * len(langs))
    for sid in corpus.section_ids():
        by_lang = {s.lang: s for s in corpus.sections if s.id == sid}
        first = next(iter(by_lang.values()))
        shown = by_lang.get(langs[0], first)
        title = shown.toc_title or shown.title
        row = [sid, title[:40]]
        for k, lang in enumerate(langs):
            section = by_lang.get(lang) or (first if sid == "colophon" and k == 0 else None)
            if section is None or (sid == "colophon" and k):
                row += ["-", "-", "-"]
                continue
            counts = [len(section.blocks), len(section.sentences),
                      sum(len(b.text) for b in section.blocks)]
            for j, n in enumerate(counts):
                totals[3 * k + j] += n
            row += [str(n) for n in counts]
        rows.append(row)
    rows.append(["total", ""] + [str(n) for n in totals])
    return rows


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
