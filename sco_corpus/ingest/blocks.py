"""Typed blocks of one language part: title, TOC, headings, epigraphs, paragraphs, list items,
captions and footnotes, with paragraphs rejoined across page breaks.

Classification works on the clean line groups of :mod:`layout`; chapter headings come from
:mod:`toc`.  Captions and footnotes *float*: they may sit inside a paragraph that a page break
interrupts, and the paragraph is rejoined around them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..dates import DATE, MONTH_WORD
from .languages import Part
from .layout import Group, Line, Noise, read_groups
from .scripts import visible
from .source import Source
from .toc import Toc, layout_headings, match_headings, parse_toc

TITLE, TOC_HEADING, TOC_ENTRY = "title", "toc_heading", "toc_entry"
HEADING, EPIGRAPH, PARAGRAPH = "heading", "epigraph", "paragraph"
LIST_ITEM, CAPTION, FOOTNOTE = "list_item", "caption", "footnote"
KINDS = (TITLE, TOC_HEADING, TOC_ENTRY, HEADING, EPIGRAPH, PARAGRAPH, LIST_ITEM, CAPTION, FOOTNOTE)
FLOATING = (CAPTION, FOOTNOTE)

#: Longest caption (characters) recognised by its place-and-date ending; a Chinese caption
#: that opens with its date is shorter (a paragraph may open with a date too).
CAPTION_MAX_CHARS = {"ru": 400, "en": 400, "zh": 100}
#: A short unpunctuated line inside a page-broken paragraph is a caption up to this length.
ORPHAN_MAX_CHARS = 80

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_LIST_MARKER = re.compile(r"^(?P<marker>[-–—•●▪]|\d{1,2}[.)](?=\s))\s*(?P<rest>\S.*)$")
_FOOTNOTE = re.compile(rf"^(?P<marker>[{_SUPERSCRIPTS}]+|\d{{1,2}})\s+(?P<rest>\S.*)$")
_OPEN_QUOTES = "«“„\"《「『‘'"
_CLOSE_QUOTES = "»”\"》」』’'"
_TRAILING = _CLOSE_QUOTES + ")）]】" + _SUPERSCRIPTS
_FINAL = {"ru": ".!?…:;", "en": ".!?…:;", "zh": "。！？；：…!?;:."}
_PLACE = (r"[A-ZА-ЯЁ][\w’'.-]*(?:\s+(?:[A-ZА-ЯЁ][\w’'.-]*|область|край|район|округ|region|"
          r"province|district|city)){0,2}")
_CAPTION_TAIL = {
    lang: re.compile(rf"(?:^|(?<=[.!?»”]\s))(?:{_PLACE},\s*)+{DATE[lang]}\s*\.?$")
    for lang in ("ru", "en")
}
_ZH_CAPTION_HEAD = re.compile(rf"^{DATE['zh']}\s*[，,]")
_ZH_CAPTION_TAIL = re.compile(rf"[\u4e00-\u9fff]{{1,12}}[，,]\s*{DATE['zh']}。?$")
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass
class Draft:
    """A block under construction: its kind and its text as (separator, text, line) pieces."""

    kind: str
    pieces: list[tuple[str, str, int]]
    marker: str = ""
    page: int | None = None
    chapter: int | None = None  # headings: 1-based position in the TOC (or in reading order)
    cites: int | None = None  # footnotes: index of the citing draft
    noise: list[Noise] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(sep + text for sep, text, _ in self.pieces)

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({line for _, _, line in self.pieces}))


@dataclass(frozen=True)
class PartLayout:
    """A language part read into drafts, with its TOC and the layout noise removed."""

    part: Part
    drafts: list[Draft]
    noise: list[Noise]
    toc: Toc | None
    toc_titles: dict[int, str]


def vocabulary(source: Source) -> Counter:
    """Lower-cased word counts of a whole source, to decide hyphenation at line ends."""
    return Counter(w.casefold() for line in source.lines for w in _WORD.findall(visible(line)))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _line_pieces(lines: tuple[Line, ...] | list[Line], lang: str) -> list[tuple[str, str, int]]:
    sep = "" if lang == "zh" else " "
    return [("" if k == 0 else sep, _squash(line.text), line.number)
            for k, line in enumerate(lines) if line.text.strip()]


def _split_items(group: Group, lang: str) -> list[Draft]:
    """One draft per list item of a group (markers split it), else one draft for the group."""
    drafts: list[Draft] = []
    for line in group.lines:
        match = _LIST_MARKER.match(line.text.strip())
        if match:
            piece = (match.group("rest").strip(), line.number)
            drafts.append(Draft(LIST_ITEM, [("", _squash(piece[0]), piece[1])],
                                marker=match.group("marker")))
        elif drafts:
            drafts[-1].pieces.append(("" if lang == "zh" else " ", _squash(line.text), line.number))
        else:
            drafts.append(Draft(PARAGRAPH, _line_pieces([line], lang)))
    merged: list[Draft] = []
    for draft in drafts:  # consecutive unmarked lines form one paragraph
        if merged and draft.kind == PARAGRAPH and merged[-1].kind == PARAGRAPH:
            merged[-1].pieces += [(" " if lang != "zh" else "", t, n) for _, t, n in draft.pieces]
        else:
            merged.append(draft)
    return merged


def is_caption(text: str, lang: str) -> bool:
    """Whether a block's text reads as a photo caption (place and date)."""
    if lang == "zh":
        return bool(len(text) <= CAPTION_MAX_CHARS["zh"] and _ZH_CAPTION_HEAD.match(text)
                    or len(text) <= CAPTION_MAX_CHARS["ru"] and _ZH_CAPTION_TAIL.search(text))
    return len(text) <= CAPTION_MAX_CHARS[lang] and bool(_CAPTION_TAIL[lang].search(text))


def _footnote(text: str) -> tuple[str, str] | None:
    match = _FOOTNOTE.match(text)
    if not match:
        return None
    marker, rest = match.group("marker"), match.group("rest")
    if marker[0] not in _SUPERSCRIPTS:
        first = rest[0]
        if MONTH_WORD.match(rest) or not (first.isupper() or first in _OPEN_QUOTES
                                           or "\u4e00" <= first <= "\u9fff"):
            return None
    return marker, rest


def _classify(draft: Draft, lang: str) -> None:
    if draft.kind != PARAGRAPH:
        return
    text = draft.text
    note = _footnote(text)
    if note:
        marker, _ = note
        first_sep, first_text, first_line = draft.pieces[0]
        draft.pieces[0] = (first_sep, first_text[len(marker):].lstrip(), first_line)
        draft.kind, draft.marker = FOOTNOTE, marker
    elif is_caption(text, lang):
        draft.kind = CAPTION


def _ends_open(text: str, lang: str) -> bool:
    """True when text stops mid-sentence (no final punctuation)."""
    stripped = text.rstrip().rstrip(_TRAILING).rstrip()
    return bool(stripped) and stripped[-1] not in _FINAL[lang]


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _continues(prev: Draft, nxt: Draft, lang: str) -> bool:
    if nxt.kind != PARAGRAPH or not _ends_open(prev.text, lang):
        return False
    return True if lang == "zh" else _starts_lower(nxt.text)


def _join(prev: Draft, nxt: Draft, lang: str, words: Counter) -> None:
    """Append ``nxt`` to ``prev``, undoing a hyphenation across the break when it is one."""
    sep = "" if lang == "zh" else " "
    last_sep, last_text, last_line = prev.pieces[-1]
    first = nxt.pieces[0]
    if lang != "zh" and last_text.endswith("-") and len(last_text) > 1 and last_text[-2].isalpha():
        stem = _WORD.findall(last_text[:-1])[-1].split("-")[-1]
        tail = _WORD.findall(first[1])[0].split("-")[0] if _WORD.findall(first[1]) else ""
        sep = ""
        if words[(stem + tail).casefold()] >= words[f"{stem}-{tail}".casefold()]:
            prev.pieces[-1] = (last_sep, last_text[:-1], last_line)
            prev.noise.append(Noise(lang, "hyphen", last_line, "-"))
    prev.pieces += [(sep, first[1], first[2])] + nxt.pieces[1:]
    prev.noise += nxt.noise


def _rejoin(drafts: list[Draft], lang: str, words: Counter) -> list[Draft]:
    """Rejoin paragraphs and list items broken by page breaks, across floating blocks."""
    out: list[Draft] = []
    i = 0
    pending = list(drafts)
    while i < len(pending):
        draft = pending[i]
        out.append(draft)
        i += 1
        if draft.kind not in (PARAGRAPH, LIST_ITEM):
            continue
        while _ends_open(draft.text, lang):
            j = i
            orphans = []
            while j < len(pending) and (pending[j].kind in FLOATING or (
                    pending[j].kind == PARAGRAPH and len(pending[j].text) <= ORPHAN_MAX_CHARS
                    and _ends_open(pending[j].text, lang) and j + 1 < len(pending)
                    and _continues(pending[j], pending[j + 1], lang) and not _continues(
                        draft, pending[j], lang))):
                if pending[j].kind == PARAGRAPH:
                    orphans.append(pending[j])
                j += 1
            if j >= len(pending) or not _continues(draft, pending[j], lang):
                break
            for orphan in orphans:
                orphan.kind = CAPTION
            _join(draft, pending.pop(j), lang, words)
    return out


def _mark_epigraphs(drafts: list[Draft]) -> None:
    for k, draft in enumerate(drafts):
        if draft.kind != HEADING or k + 1 >= len(drafts):
            continue
        nxt = drafts[k + 1]
        text = nxt.text.strip()
        if nxt.kind == PARAGRAPH and text[:1] in _OPEN_QUOTES and text[-1:] in _CLOSE_QUOTES:
            nxt.kind = EPIGRAPH


def _link_footnotes(drafts: list[Draft]) -> None:
    for k, draft in enumerate(drafts):
        if draft.kind != FOOTNOTE:
            continue
        digits = draft.marker.translate(str.maketrans(_SUPERSCRIPTS, "0123456789"))
        sup = digits.translate(str.maketrans("0123456789", _SUPERSCRIPTS))
        pattern = re.compile(rf"(?<=\S){re.escape(sup)}(?![{_SUPERSCRIPTS}])")
        order = list(range(k - 1, -1, -1)) + list(range(k + 1, len(drafts)))
        for m in order:
            if drafts[m].kind in (PARAGRAPH, LIST_ITEM, EPIGRAPH) and pattern.search(drafts[m].text):
                draft.cites = m
                break


def _colophon(groups: list[Group], lang: str) -> list[Draft]:
    drafts = [Draft(TITLE, _line_pieces(groups[0].lines, lang))] if groups else []
    for group in groups[1:]:
        drafts += [Draft(PARAGRAPH, _line_pieces([line], lang)) for line in group.lines]
    return drafts


def read_part(source: Source, part: Part, words: Counter) -> PartLayout:
    """Read one language part into typed, rejoined drafts in reading order."""
    groups, noise = read_groups(source, part)
    lang = part.rules
    if part.role == "colophon":
        return PartLayout(part, _colophon(groups, lang), noise, None, {})

    toc = parse_toc(groups)
    headings: dict[int, tuple[int, int]] = {}
    if toc is not None:
        body_start = toc.entry_groups[-1] + 1
        front_end = toc.heading_group if toc.heading_group is not None else toc.entry_groups[0]
        headings = {first: (k + 1, last)
                    for k, (first, last) in match_headings(groups, toc, body_start).items()}
    else:
        styled = frozenset(n for g in groups for n in g.numbers if source.style(n) == "heading")
        found = layout_headings(groups, 1, cased=lang != "zh", styled=styled)
        body_start = front_end = found[0] if found else 0
        headings = {i: (n, i) for n, i in enumerate(found, 1)}

    drafts: list[Draft] = [Draft(TITLE, _line_pieces(g.lines, lang)) for g in groups[:front_end]]
    toc_titles: dict[int, str] = {}
    if toc is not None:
        if toc.heading_group is not None:
            drafts.append(Draft(TOC_HEADING, _line_pieces(groups[toc.heading_group].lines, lang)))
        for k, entry in enumerate(toc.entries, 1):
            drafts.append(Draft(TOC_ENTRY, [("", _squash(entry.title), entry.lines[0])],
                                page=entry.page))
            toc_titles[k] = entry.title
        noise += [Noise(lang, "leader", e.lines[-1], e.leader) for e in toc.entries]

    i = body_start
    list_open = False  # after a line ending with ':' unmarked items ending with ';' form a list
    list_seen = False
    while i < len(groups):
        if i in headings:
            chapter, last = headings[i]
            lines = [line for g in groups[i:last + 1] for line in g.lines]
            drafts.append(Draft(HEADING, _line_pieces(lines, lang), chapter=chapter))
            i = last + 1
            list_open = False
            continue
        for draft in _split_items(groups[i], lang):
            _classify(draft, lang)
            if draft.kind == PARAGRAPH and source.style(draft.pieces[0][2]) == "caption":
                draft.kind = CAPTION
            text = draft.text.rstrip()
            if draft.kind == PARAGRAPH and list_open and not _starts_lower(text):
                if text.endswith((";", "；")):
                    draft.kind = LIST_ITEM
                elif list_seen and text.endswith((".", "。")):
                    draft.kind = LIST_ITEM
                else:
                    list_open = False
            if draft.kind == LIST_ITEM:
                list_seen = True
                list_open = list_open and not text.endswith((".", "。"))
            if draft.kind in (PARAGRAPH, LIST_ITEM) and text.endswith((":", "：")):
                list_open, list_seen = True, False
            drafts.append(draft)
        i += 1

    _mark_epigraphs(drafts)
    drafts = _rejoin(drafts, lang, words)
    _link_footnotes(drafts)
    for draft in drafts:
        noise += draft.noise
    return PartLayout(part, drafts, noise, toc, toc_titles)

