"""Sources: a file read into 1-based text lines, each with its place in the file.

Plain text and markdown are decoded here; DOCX, HTML and PDF have their readers side by side
(:mod:`.docx`, :mod:`.html`, :mod:`.pdf`), which render the file as the same line-addressed text
(paragraphs apart by blank lines, pages by three) and give every line its :class:`Place`.
:func:`read_source` picks the reader by the file's content and suffix.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..fileio import read_bytes

#: Control characters that never occur in extracted text; their presence means a binary file.
_BINARY_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}


@dataclass(frozen=True)
class Place:
    """Where a line of a DOCX, HTML or PDF source comes from.

    ``page`` and ``line``: 1-based PDF page and text line on it; ``paragraph``: 1-based index of
    the paragraph (DOCX) or block element (HTML) in the body; ``footnote``: the footnote's
    number. ``style`` is the structure the file declares (``heading``, ``caption``, ``list``,
    ``footnote``, ``title`` or empty), and ``added`` the characters the reader wrote that the
    file holds as structure, not as text (list numbers, footnote numbers and reference marks).
    """

    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    footnote: int | None = None
    style: str = ""
    added: str = ""

    @property
    def unit(self) -> tuple[str, int] | None:
        """The coarse place: (``page``, n), (``footnote``, n) or (``paragraph``, n)."""
        for kind in ("page", "footnote", "paragraph"):
            if getattr(self, kind) is not None:
                return kind, getattr(self, kind)
        return None

    def __str__(self) -> str:
        if self.unit is None:
            return ""
        kind, number = self.unit
        return f"{kind} {number}" + (f", line {self.line}" if self.line is not None else "")


@dataclass(frozen=True)
class Source:
    """A source document: its path, its text as 1-based lines (line endings removed), the
    reader that made them (``text``, ``docx``, ``html`` or ``pdf``) and, but for text, a
    :class:`Place` per line."""

    path: str
    lines: tuple[str, ...]
    had_bom: bool = False
    line_ending: str = "\n"
    format: str = "text"
    places: tuple[Place, ...] = ()

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]

    def place(self, number: int) -> str:
        """Where 1-based line ``number`` is in the file: ``line 12`` for text, ``page 3, line
        12``, ``paragraph 7`` or ``footnote 2`` for the other formats."""
        return str(self.places[number - 1]) if self.places else f"line {number}"

    def span(self, numbers) -> str:
        """The places of lines ``numbers`` in short, first to last of each kind: ``page 2–3``,
        ``paragraph 7, footnote 2``, ``line 12–14``."""
        runs: list[list] = []  # [kind, first, last]
        for number in sorted(set(numbers)):
            unit = self.places[number - 1].unit if self.places else ("line", number)
            if unit is None:
                continue
            kind, value = unit
            if runs and runs[-1][0] == kind:
                runs[-1][2] = value
            else:
                runs.append([kind, value, value])
        return ", ".join(f"{k} {a}" if a == b else f"{k} {a}–{b}" for k, a, b in runs)

    def style(self, number: int) -> str:
        """The structure the file declares for line ``number`` (empty for text)."""
        return self.places[number - 1].style if self.places else ""


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 bytes (with or without BOM, LF/CRLF/CR) into a :class:`Source`."""
    if not data.strip():
        raise SourceError(path, None, "the file is empty")
    had_bom = data.startswith(codecs.BOM_UTF8)
    if had_bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column})"
        ) from None
    ending = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        bad = next((ch for ch in line if ch in _BINARY_CONTROLS), None)
        if bad is not None:
            raise SourceError(
                path, number, f"binary data (control character U+{ord(bad):04X}); expected plain text"
            )
    return Source(path=path, lines=tuple(lines), had_bom=had_bom, line_ending=ending)


def sniff(data: bytes, path: str) -> str:
    """The format of a file from its first bytes, then its suffix: ``docx``, ``pdf``, ``html``
    or ``text``."""
    suffix = Path(path).suffix.lower()
    head = data[:1024].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        return "docx"
    if suffix in (".html", ".htm", ".xhtml") or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text" if suffix != ".pdf" else "pdf"


def read_source(path: str | Path) -> Source:
    """Read the file at ``path`` with the reader of its format; raise :class:`SourceError`
    naming the file (and the place) when it is unusable."""
    data, name = read_bytes(path), str(path)
    if not data.strip():
        raise SourceError(name, None, "the file is empty")
    kind = sniff(data, name)
    if kind == "docx":
        from .docx import read_docx
        return read_docx(data, name)
    if kind == "html":
        from .html import read_html
        return read_html(data, name)
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf(data, name)
    return decode(data, name)
