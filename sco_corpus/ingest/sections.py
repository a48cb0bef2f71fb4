"""Sections with ids shared across languages, and the final, identified blocks in them."""
from __future__ import annotations

from dataclasses import replace

from ..model import Block, Section
from .blocks import FOOTNOTE, HEADING, Draft, PartLayout

FRONT, COLOPHON = "s00", "colophon"


def section_id(chapter: int) -> str:
    return f"s{chapter:02d}"


def _block(draft: Draft, block_id: str, lang: str, section: str) -> Block:
    offsets, position = [], 0
    for sep, text, line in draft.pieces:
        position += len(sep)
        offsets.append((position, line))
        position += len(text)
    return Block(block_id, lang, section, draft.kind, draft.text, draft.lines,
                 marker=draft.marker, page=draft.page, offsets=tuple(offsets))


def build_sections(layout: PartLayout) -> list[Section]:
    """Group a part's drafts into sections and give every block its stable id."""
    part, lang = layout.part, layout.part.lang
    chunks: list[tuple[str, list[int]]] = []
    current = COLOPHON if part.role == "colophon" else FRONT
    for k, draft in enumerate(layout.drafts):
        if draft.kind == HEADING and draft.chapter is not None:
            current = section_id(draft.chapter)
        if not chunks or chunks[-1][0] != current:
            chunks.append((current, []))
        chunks[-1][1].append(k)

    ids: dict[int, str] = {}
    for sid, members in chunks:
        for n, k in enumerate(members, 1):
            ids[k] = f"{lang}/{sid}/b{n:03d}"
    sections = []
    for sid, members in chunks:
        blocks = []
        for k in members:
            draft = layout.drafts[k]
            block = _block(draft, ids[k], lang, sid)
            if draft.kind == FOOTNOTE and draft.cites is not None:
                block = replace(block, cites=ids[draft.cites])
            blocks.append(block)
        heading = next((b for b in blocks if b.kind == HEADING), None)
        chapter = int(sid[1:]) if sid.startswith("s") and sid != FRONT else None
        toc_title = layout.toc_titles.get(chapter) if chapter else None
        toc_page = None
        if toc_title is not None and layout.toc is not None:
            toc_page = layout.toc.entries[chapter - 1].page
        title = heading.text if heading else (blocks[0].text if blocks else "")
        sections.append(Section(sid, lang, title, toc_title, toc_page,
                                heading.lines if heading else (), tuple(blocks)))
    return sections
