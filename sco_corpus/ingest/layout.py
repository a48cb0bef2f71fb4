"""Page layout of one language part: line groups, running headers, page numbers and markup.

A *group* is a run of non-blank lines; the blank lines around it tell page breaks apart from
paragraph breaks.  Everything taken out of the text here (running headers, page numbers,
markdown markers, escapes) is recorded as :class:`Noise`, so that every character of the
source stays accounted for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import Part
from .scripts import INVISIBLE, visible
from .source import Source

#: Running headers repeat on at least this many pages and are at most this long.
HEADER_MIN_REPEATS = 3
HEADER_MAX_CHARS = 120

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+|www\.[^<>\s]+)>")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,4}[-–—\s]*$")
_LIST_START = re.compile(r"^\s*(?:[-–—•●▪]|\d{1,2}[.)]\s)")


@dataclass(frozen=True)
class Noise:
    """Text removed as layout noise: ``kind`` is header, page_number, bold, italic, link,
    escape, hyphen, leader (TOC dots) or invisible (format characters)."""

    lang: str
    kind: str
    line: int
    text: str


@dataclass(frozen=True)
class Line:
    """One source line with markup undone: its number, clean text, and what was removed."""

    number: int
    text: str
    removed: tuple[Noise, ...] = ()


@dataclass(frozen=True)
class Group:
    """Consecutive non-blank lines, with the number of blank lines before and after them."""

    lines: tuple[Line, ...]
    blank_before: int
    blank_after: int

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(line.number for line in self.lines)

    @property
    def raw(self) -> str:
        """Clean text of the lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)


def clean_line(lang: str, number: int, text: str) -> Line:
    """Undo markdown in one line: escapes, emphasis markers and autolink brackets."""
    removed: list[Noise] = []
    escaped: list[str] = []

    def escape(match: re.Match) -> str:
        removed.append(Noise(lang, "escape", number, "\\"))
        escaped.append(match.group(1))
        return "\x00"  # the escaped character is put back after the markers are removed

    text = _ESCAPE.sub(escape, text)

    def autolink(match: re.Match) -> str:
        removed.append(Noise(lang, "link", number, "<>"))
        return match.group(1)

    text = _AUTOLINK.sub(autolink, text)
    for marker, kind in (("**", "bold"), ("*", "italic")):
        count = text.count(marker)
        if count:
            removed.append(Noise(lang, kind, number, marker * count))
            text = text.replace(marker, "")
    chars = iter(escaped)
    return Line(number, re.sub("\x00", lambda _: next(chars), text), tuple(removed))


def header_key(text: str) -> str:
    """A line's identity as a running header: case, digits, spacing and markup ignored."""
    text = re.sub(r"[*_\\]", "", text).casefold()
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip()


def _blank_like(line: str) -> bool:
    return not line.strip() or bool(_PAGE_NUMBER.match(line))


def _gap(lines: dict[int, str], number: int, step: int) -> int:
    """Blank (or page-number) lines next to ``number`` in direction ``step``, up to 2."""
    count, n = 0, number + step
    while count < 2 and n in lines and _blank_like(lines[n]):
        count, n = count + 1, n + step
    return count if n in lines else 2


def _running_headers(lines: dict[int, str]) -> set[int]:
    """Numbers of the ``lines`` (visible text by line number, one part) that are running
    headers: short lines repeated on at least three pages (two when they carry a changing page
    number), set apart by blank lines (two or more on each side most of the time, one at the
    least)."""
    places: dict[str, list[int]] = {}
    for n, line in lines.items():
        text = line.strip()
        if text and len(text) <= HEADER_MAX_CHARS and not _LIST_START.match(text) \
                and not _PAGE_NUMBER.match(text) and header_key(text).strip("# "):
            places.setdefault(header_key(text), []).append(n)
    headers: set[int] = set()
    for numbers in places.values():
        gaps = [(_gap(lines, n, -1), _gap(lines, n, 1)) for n in numbers]
        isolated = sum(1 for before, after in gaps if before >= 2 and after >= 2)
        # a header carrying the page number shows it by its changing digits on two pages already
        numbered = len({re.sub(r"\D", "", lines[n]) for n in numbers}) == len(numbers) > 1
        if (isolated >= HEADER_MIN_REPEATS or numbered and isolated == len(numbers)) \
                and 2 * isolated >= len(numbers):
            headers.update(n for n, (before, after) in zip(numbers, gaps) if before and after)
    return headers


def read_groups(source: Source, part: Part) -> tuple[list[Group], list[Noise]]:
    """The clean line groups of ``part`` and the layout noise removed from it."""
    noise: list[Noise] = []
    lines: dict[int, str] = {}
    for number in range(part.start, part.end + 1):
        raw = source.line(number)
        lines[number] = visible(raw)
        if len(lines[number]) < len(raw):
            noise.append(Noise(part.lang, "invisible", number, "".join(INVISIBLE.findall(raw))))
    headers = _running_headers(lines)
    groups: list[Group] = []
    current: list[Line] = []
    blanks = 0
    before = 0

    def close() -> None:
        if current:
            groups.append(Group(tuple(current), before, 0))
            current.clear()

    for number, raw in lines.items():
        if not raw.strip():
            blanks += 1
            continue
        if number in headers:
            noise.append(Noise(part.lang, "header", number, raw.strip()))
            blanks += 1  # a removed header separates like the page break it marks
            continue
        line = clean_line(part.lang, number, raw)
        if not line.text.strip():  # markup alone ("**"): noise, neither text nor a break
            noise.extend(line.removed)
            continue
        if blanks:
            close()
            if groups:
                groups[-1] = Group(groups[-1].lines, groups[-1].blank_before, blanks)
            before, blanks = blanks, 0
        current.append(line)
    close()
    if groups:
        groups[-1] = Group(groups[-1].lines, groups[-1].blank_before, blanks)

    kept: list[Group] = []
    for group in groups:
        if len(group.lines) == 1 and _PAGE_NUMBER.match(group.lines[0].text):
            line = group.lines[0]
            noise.append(Noise(part.lang, "page_number", line.number, line.text.strip()))
            noise.extend(line.removed)
            if kept:  # the page number's blank lines join those around it
                prev = kept[-1]
                kept[-1] = Group(prev.lines, prev.blank_before,
                                 prev.blank_after + 1 + group.blank_after)
            continue
        kept.append(group)
    for group in kept:
        for line in group.lines:
            noise.extend(line.removed)
    return kept, noise
