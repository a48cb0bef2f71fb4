"""Every export of an alignment at once, as the ``export`` command and the README's main
command write them."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Sequence

from ..align.units import Alignment, UnitRecord
from .jsonl import write_jsonl
from .moses import write_moses
from .srx import write_omegat_segmentation, write_srx
from .tmx import write_tmx
from .tsv import write_tsv


def memory_records(alignment: Alignment, findings=(),
                   langs: Sequence[str] | None = None) -> list[UnitRecord]:
    """What a translation memory of ``langs`` (default: all) should hold: the units with text in
    every one of them, since a CAT tool fills a segment from another language of a unit that
    lacks the target (OmegaT does); for two languages :meth:`Alignment.pair_records` (the first
    two split into their finer parts)."""
    langs = tuple(langs or alignment.langs)
    if len(langs) == 2:
        return alignment.pair_records(*langs, findings)
    return [r for r in alignment.records(findings) if all(r.text.get(lang) for lang in langs)]


def export_all(alignment: Alignment, out_dir: str | Path,
               codes: dict[str, str] | None = None,
               langs: Sequence[str] | None = None, findings=()) -> list[Path]:
    """Write into ``out_dir``: ``sco_corpus.tmx`` (the units with all languages, source the
    first: :func:`memory_records`), ``sco_corpus.<a>-<b>.tmx`` per pair, ``units.tsv``,
    ``units.jsonl``, ``corpus.<lang>`` and ``corpus.ids`` (Moses), and the segmentation rules
    ``segmentation.srx`` and ``omegat-segmentation.conf``; return the paths. ``findings`` of the
    consistency checks are carried as flags (TSV, JSONL, TMX ``x-flag``) and notes (TMX). With
    one language there is no TMX and no Moses file (they need two)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    langs = tuple(langs or alignment.langs)
    records = alignment.records(findings)
    notes = {f.id: f.note for f in findings}
    written = []
    if len(langs) > 1:
        written.append(out / "sco_corpus.tmx")
        write_tmx(memory_records(alignment, findings, langs), written[0], langs, codes,
                  notes=notes)
    for a, b in combinations(langs, 2):
        path = out / f"sco_corpus.{a}-{b}.tmx"
        write_tmx(alignment.pair_records(a, b, findings), path, (a, b), codes, notes=notes)
        written.append(path)
    write_tsv(records, out / "units.tsv", langs)
    write_jsonl(records, out / "units.jsonl")
    written += [out / "units.tsv", out / "units.jsonl"]
    if len(langs) > 1:
        written += write_moses(records, out / "corpus", langs)
    write_srx(out / "segmentation.srx")
    write_omegat_segmentation(out / "omegat-segmentation.conf")
    return written + [out / "segmentation.srx", out / "omegat-segmentation.conf"]
