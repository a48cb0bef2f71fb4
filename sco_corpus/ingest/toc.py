"""Tables of contents and chapter headings: parsing TOC entries and finding them in the body.

Headings are matched to TOC entries fuzzily (case, line breaks, punctuation and small wording
differences ignored).  A part without a TOC gets its headings from layout alone: short,
isolated lines without final punctuation, in capitals or bold where the script has case, or
styled as headings by a DOCX, HTML or PDF file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .layout import Group

#: A TOC line: a title, a dot leader or tab, a page number.
_TOC_LINE = re.compile(r"^(?P<title>.*?\S)\s*(?:[.…·]{2,}\s*|\t\s*)(?P<page>\d{1,4})\s*$")
#: Minimum similarity (0-100) between a TOC entry and a body heading.
MATCH_THRESHOLD = 80
_MAX_HEADING_CHARS = 200
_FINAL_PUNCT = tuple(".;,:!?。；，：！？")


@dataclass(frozen=True)
class TocEntry:
    """One TOC line: the title as printed, its page number and its source lines; ``leader``
    is the rest of the line (dot leader, tabs, the page number's leading zeros)."""

    title: str
    page: int
    lines: tuple[int, ...]
    leader: str


@dataclass(frozen=True)
class Toc:
    """The TOC of a part: index of its heading group (or None) and of its entry groups."""

    heading_group: int | None
    entry_groups: tuple[int, ...]
    entries: tuple[TocEntry, ...]


def normalise(text: str) -> str:
    """Text reduced to lower-case letters and digits, for fuzzy comparison."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _entries(group: Group) -> list[TocEntry] | None:
    """The TOC entries of a group, or None unless every line belongs to one."""
    entries: list[TocEntry] = []
    pending: list = []
    for line in group.lines:
        match = _TOC_LINE.match(line.text)
        if not match:
            pending.append(line)
            continue
        title = " ".join([p.text.strip() for p in pending] + [match.group("title").strip()])
        page = int(match.group("page"))
        leader = line.text[match.end("title"):match.end("page")].strip()
        entries.append(TocEntry(title, page, tuple(p.number for p in pending) + (line.number,),
                                leader[: len(leader) - len(str(page))]))
        pending = []
    return entries if entries and not pending else None


def parse_toc(groups: list[Group]) -> Toc | None:
    """Find the first run of TOC groups and the short heading group just before it."""
    for i, group in enumerate(groups):
        first = _entries(group)
        if first is None:
            continue
        entries, indices = list(first), [i]
        for j in range(i + 1, len(groups)):
            more = _entries(groups[j])
            if more is None:
                break
            entries += more
            indices.append(j)
        heading = i - 1 if i > 0 and len(groups[i - 1].raw) <= 40 and len(groups[i - 1].lines) == 1 \
            and not any(ch.isdigit() for ch in groups[i - 1].raw) else None
        return Toc(heading, tuple(indices), tuple(entries))
    return None


def _heading_like(group: Group) -> bool:
    text = group.raw.strip()
    return 0 < len(text) <= _MAX_HEADING_CHARS and not text.endswith(_FINAL_PUNCT)


def match_headings(groups: list[Group], toc: Toc, start: int) -> dict[int, tuple[int, int]]:
    """Map TOC entry index → (first, last) group index of its heading in the body.

    Entries are searched in order, each after the previous match; a heading may span up to
    three consecutive groups.
    """
    found: dict[int, tuple[int, int]] = {}
    position = start
    for k, entry in enumerate(toc.entries):
        target = normalise(entry.title)
        best: tuple[float, int, int] | None = None
        for i in range(position, len(groups)):
            if not _heading_like(groups[i]):
                continue
            text = ""
            for j in range(i, min(i + 3, len(groups))):
                if j > i and not _heading_like(groups[j]):
                    break
                text += normalise(groups[j].raw)
                score = fuzz.ratio(target, text)
                if score >= MATCH_THRESHOLD and (best is None or score > best[0]):
                    best = (score, i, j)
            if best is not None and best[0] >= 95:
                break
        if best is not None:
            found[k] = (best[1], best[2])
            position = best[2] + 1
    return found


def _is_layout_heading(group: Group, cased: bool, styled: frozenset[int]) -> bool:
    text = group.raw.strip()
    if not _heading_like(group) or group.blank_before < 2 or group.blank_after < 2:
        return False
    if any(line.number in styled for line in group.lines):
        return True
    bold = any(n.kind == "bold" for line in group.lines for n in line.removed)
    letters = [ch for ch in text if ch.isalpha()]
    if cased:
        return bold or (bool(letters) and all(ch.isupper() for ch in letters))
    return bold or len(text) <= 40


def layout_headings(groups: list[Group], start: int, cased: bool,
                    styled: frozenset[int] = frozenset()) -> list[int]:
    """Indices of groups that look like chapter headings, for parts without a TOC; ``styled``:
    the lines a DOCX or HTML file marks as headings."""
    return [i for i in range(start, len(groups)) if _is_layout_heading(groups[i], cased, styled)]
