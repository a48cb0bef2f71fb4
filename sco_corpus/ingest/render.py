"""The line-addressed text the DOCX, HTML and PDF readers write: paragraphs apart by one blank
line, headings and titles by two, pages by three, as the layout step reads plain text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import SourceError
from .source import Place, Source

#: Blank lines after a paragraph, around a heading and at a page break.
PARAGRAPH_GAP, HEADING_GAP, PAGE_GAP = 1, 2, 3
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # all but tab and line feed
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(digits: str) -> str:
    """Digits written as Unicode superscripts (a footnote reference as the layout step reads it)."""
    return digits.translate(_SUPERSCRIPT)


@dataclass
class Rendered:
    """Lines being written by a reader, each with its :class:`Place`."""

    path: str
    format: str
    lines: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def gap(self, blanks: int) -> None:
        """At least ``blanks`` blank lines after the text so far (none before the first text)."""
        have = 0
        while have < len(self.lines) and not self.lines[-1 - have]:
            have += 1
        if have == len(self.lines):
            return
        last = self.places[-1]
        for _ in range(blanks - have):
            self.lines.append("")
            self.places.append(Place(page=last.page, paragraph=last.paragraph))

    def add(self, text: str, place: Place, before: int = 0, after: int = PARAGRAPH_GAP) -> None:
        """A paragraph after ``before`` blank lines (-1: in the group of the lines before it):
        one line per line break in ``text`` (control characters dropped), then ``after`` blank
        lines. ``place.added`` goes with its first line."""
        lines = [_CONTROLS.sub("", line).rstrip() for line in text.split("\n")]
        lines = [line for line in lines if line.strip()]
        if not lines:
            return
        while before < 0 and self.lines and not self.lines[-1]:
            self.lines.pop()
            self.places.pop()
        self.gap(before)
        for k, line in enumerate(lines):
            self.lines.append(line)
            self.places.append(place if k == 0 else replace(place, added=""))
        self.gap(after)

    def source(self) -> Source:
        """The finished :class:`Source`; :class:`SourceError` when the file held no text."""
        if not any(line.strip() for line in self.lines):
            raise SourceError(self.path, None, f"no text in this {self.format.upper()} file")
        return Source(self.path, tuple(self.lines), format=self.format, places=tuple(self.places))
