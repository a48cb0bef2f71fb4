"""OmegaT glossaries: one tab-separated UTF-8 file per language pair, as OmegaT reads them
from a project's ``glossary/`` folder: source term, target term, comment; one pair a line.

One line per term and rendering of the target language (the dominant first), the source the
dominant rendering of the source language. A tab or line break inside a term becomes a space
(the layout has no quoting); the comment gives the term's kind, id and counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import SourceError
from ..fileio import read_text

_SPACE = re.compile(r"[\t\r\n]+")


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of an OmegaT glossary."""

    source: str
    target: str
    comment: str = ""


def glossary_entries(terms: Iterable, source: str, target: str) -> list[GlossaryEntry]:
    """The pairs of ``terms`` (:class:`~sco_corpus.checks.terms.Term`) from ``source`` to
    ``target``: every rendering of the target language, dominant first."""
    out = []
    for term in terms:
        if source not in term.dominant or target not in term.dominant:
            continue
        for n, rendering in enumerate(term.renderings[target]):
            status = "preferred" if n == 0 else "variant"
            out.append(GlossaryEntry(
                term.dominant[source], rendering.text,
                f"{term.kind}, {status}; {term.id}; {rendering.count} of "
                f"{term.count} units"))
    return out


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def write_omegat_glossary(entries: Iterable[GlossaryEntry], path: str | Path) -> int:
    """Write ``entries`` to ``path`` (UTF-8, LF); return the number of lines."""
    lines = [f"{_clean(e.source)}\t{_clean(e.target)}\t{_clean(e.comment)}" for e in entries]
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def read_omegat_glossary(path: str | Path) -> list[GlossaryEntry]:
    """The entries of an OmegaT glossary (two or three tab-separated columns; blank lines and
    ``#`` comment lines skipped); :class:`SourceError` naming file and line otherwise."""
    out = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) not in (2, 3) or not cells[0].strip() or not cells[1].strip():
            raise SourceError(str(path), number, "expected source term, target term and an "
                                                 "optional comment separated by tabs")
        out.append(GlossaryEntry(cells[0], cells[1], cells[2] if len(cells) == 3 else ""))
    return out


#: What ``write_glossaries`` writes for each format name.
GLOSSARY_FORMATS = ("tbx", "omegat", "tsv")


def write_glossaries(terms: list, out_dir: str | Path, langs: tuple[str, ...],
                     formats: Iterable[str] = GLOSSARY_FORMATS) -> list[Path]:
    """Write the term table into ``out_dir``: ``glossary.tbx`` (TBX-Basic, TBX v3) and
    ``glossary.v2.tbx`` (the same in the 2008 structure older tools read), one OmegaT
    glossary ``glossary.<first>-<other>.txt`` per other language (the first language the
    source), ``glossary.tsv`` (:func:`~sco_corpus.checks.terms.terms_frame`); return the
    paths (none for a document with one language)."""
    from ..checks.terms import terms_frame
    from .tbx import write_tbx

    if len(langs) < 2:  # a glossary pairs two languages
        return []
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    formats = set(formats)
    written = []
    if "tbx" in formats:
        for version, name in ((3, "glossary.tbx"), (2, "glossary.v2.tbx")):
            write_tbx(terms, out / name, langs[0] if langs else "en", version)
            written.append(out / name)
    if "omegat" in formats:
        for target in langs[1:]:
            path = out / f"glossary.{langs[0]}-{target}.txt"
            write_omegat_glossary(glossary_entries(terms, langs[0], target), path)
            written.append(path)
    if "tsv" in formats:
        terms_frame(terms, langs).to_csv(out / "glossary.tsv", sep="\t", index=False)
        written.append(out / "glossary.tsv")
    return written
