"""The typed values passed between stages: blocks, sections and sentences."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A typed piece of one language's text with its source lines.

    ``marker`` is a list marker or footnote number (kept apart from ``text``); ``page`` the page
    number of a TOC entry; ``cites`` the id of the block that cites a footnote.
    ``offsets`` maps character offsets in ``text`` to source lines: ((offset, line), ...).
    """

    id: str
    lang: str
    section: str
    kind: str
    text: str
    lines: tuple[int, ...]
    marker: str = ""
    page: int | None = None
    cites: str | None = None
    offsets: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    @property
    def source_text(self) -> str:
        """Everything of the source this block holds: marker, text and TOC page number."""
        return self.marker + self.text + ("" if self.page is None else str(self.page))

    def lines_of(self, start: int, end: int) -> tuple[int, ...]:
        """Source lines of the characters ``text[start:end]``."""
        found = []
        for k, (offset, line) in enumerate(self.offsets):
            stop = self.offsets[k + 1][0] if k + 1 < len(self.offsets) else len(self.text)
            if offset < end and stop > start and line not in found:
                found.append(line)
        return tuple(sorted(found)) or self.lines[:1]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block."""

    id: str
    lang: str
    section: str
    block: str
    kind: str
    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Section:
    """A chapter (or the front matter, or the colophon) in one language.

    ``id`` is shared across languages: ``s00`` front matter, ``s01``… in TOC order, ``colophon``.
    """

    id: str
    lang: str
    title: str
    toc_title: str | None
    toc_page: int | None
    heading_lines: tuple[int, ...]
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...] = ()
