"""The :class:`Document`: a publication read into languages, sections, blocks and sentences.

This is the end of ingestion; the aligner and the checks take a ``Document``. The user-facing
:class:`sco_corpus.corpus.Corpus` adds the steps after ingestion as methods.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

from ..model import Block, Section, Sentence
from .blocks import read_part, vocabulary
from .languages import Part, find_parts, given_parts
from .layout import Noise
from .sections import build_sections
from .sentences import block_sentences
from .source import Source

_FRAME_COLUMNS = {
    "blocks": ["id", "lang", "section", "kind", "text", "lines", "place", "marker", "page",
               "cites"],
    "sentences": ["id", "lang", "section", "block", "kind", "text", "lines", "place"],
    "sections": ["id", "lang", "title", "toc_title", "toc_page", "heading_lines", "blocks",
                 "sentences", "chars"],
    "noise": ["lang", "kind", "line", "text"],
}


@dataclass(frozen=True)
class Document:
    """A multilingual publication split into parts, sections, blocks and sentences.

    ``sources`` holds one mixed file, or one file per language; each part names its file
    (:attr:`Part.file`), and the lines of its blocks, sentences and noise are that file's.
    """

    sources: tuple[Source, ...]
    parts: tuple[Part, ...]
    sections: tuple[Section, ...]
    noise: tuple[Noise, ...]

    @property
    def source(self) -> Source:
        """The mixed file, or the file of the original (first) language."""
        return self.sources[0]

    def source_of(self, lang: str) -> Source:
        """The file holding language ``lang``'s text."""
        return self.sources[next(p.file for p in self.parts if p.lang == lang)]

    @property
    def languages(self) -> tuple[str, ...]:
        """The body languages in document order (the colophon is not one)."""
        return tuple(p.lang for p in self.parts if p.role == "body")

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for s in self.sections for b in s.blocks)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(x for s in self.sections for x in s.sentences)

    def section_ids(self) -> list[str]:
        """Section ids in order, each once."""
        return list(dict.fromkeys(s.id for s in self.sections))

    def get_sections(self, lang: str) -> list[Section]:
        return [s for s in self.sections if s.lang == lang and s.id != "colophon"]

    def place(self, lang: str, line: int) -> str:
        """Where line ``line`` of language ``lang``'s file is in that file: ``line 12`` (text),
        ``page 3`` (PDF), ``paragraph 7`` or ``footnote 2`` (DOCX, HTML)."""
        return self.source_of(lang).place(line)

    def to_frame(self, what: str = "sentences"):
        """A pandas DataFrame of ``blocks``, ``sentences``, ``sections`` or ``noise``."""
        import pandas as pd

        if what not in _FRAME_COLUMNS:
            raise ValueError(f"to_frame: unknown table {what!r}; one of {', '.join(_FRAME_COLUMNS)}")
        if what in ("blocks", "sentences"):
            rows = [{c: self.source_of(x.lang).span(x.lines) if c == "place" else getattr(x, c)
                     for c in _FRAME_COLUMNS[what]}
                    for x in (self.blocks if what == "blocks" else self.sentences)]
        elif what == "noise":
            rows = [{c: getattr(n, c) for c in _FRAME_COLUMNS[what]} for n in self.noise]
        else:
            rows = [{
                "id": s.id, "lang": s.lang, "title": s.title, "toc_title": s.toc_title,
                "toc_page": s.toc_page, "heading_lines": s.heading_lines,
                "blocks": len(s.blocks), "sentences": len(s.sentences),
                "chars": sum(len(b.text) for b in s.blocks),
            } for s in self.sections]
        return pd.DataFrame(rows, columns=_FRAME_COLUMNS[what])


def read_document(source: Source) -> Document:
    """Read a mixed file (languages one after another) into a :class:`Document`."""
    return _assemble((source,), find_parts(source))


def read_documents(sources: Sequence[tuple[str, Source]]) -> Document:
    """Read one file per language, ``(lang, source)`` with the original language first,
    into a :class:`Document`."""
    return _assemble(tuple(source for _, source in sources), given_parts(sources))


def _assemble(sources: tuple[Source, ...], parts: list[Part]) -> Document:
    words = sum((vocabulary(source) for source in sources), Counter())
    sections: list[Section] = []
    noise: list[Noise] = []
    for part in parts:
        layout = read_part(sources[part.file], part, words)
        noise += sorted(layout.noise, key=lambda n: n.line)
        for section in build_sections(layout):
            sentences = tuple(x for b in section.blocks for x in block_sentences(b, part.rules))
            sections.append(replace(section, sentences=sentences))
    return Document(sources, tuple(parts), tuple(sections), tuple(noise))
