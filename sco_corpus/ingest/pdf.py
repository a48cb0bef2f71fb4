"""PDF reader: the text layer page by page (pypdfium2, PDFium's text extraction), in the order
the page draws it, cut into lines by position.

Pages are three blank lines apart; inside a page a wider vertical gap, or a line above the one
before (the next column), is a blank line (two around a line set larger than the body text,
which is marked as a heading), so the layout step
finds running headers, page numbers, paragraphs and page-broken paragraphs as in extracted
plain text. Every line keeps its page number. A line-end hyphen is kept as ``-`` (PDFium marks
it as a soft hyphen), so the hyphenation rule of the layout step decides. A PDF without a text
layer (a scan), an encrypted or a damaged one raises :class:`SourceError` naming the file.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..errors import SourceError
from .render import HEADING_GAP, PAGE_GAP, PARAGRAPH_GAP, Rendered
from .source import Place, Source

#: A line this much larger than the body text is a heading.
HEADING_SCALE = 1.2
#: Extra space (in body line heights) between lines that makes a paragraph break, a section gap.
PARAGRAPH_SPACE, SECTION_SPACE = 0.35, 1.2
_SOFT_HYPHENS = {"\ufffe": "-", "\x02": "-", "\xad": "-"}


@dataclass
class _Line:
    """One line of a page: its text, vertical extent and font size."""

    text: str
    bottom: float
    top: float
    size: float


def _page_lines(textpage, raw) -> list[_Line]:
    """The lines of one page, cut where PDFium breaks a line or a character leaves the line's
    vertical extent."""
    lines: list[_Line] = []
    chars: list[str] = []
    sizes: list[float] = []
    bottom = top = 0.0
    text = textpage.get_text_range()

    def close() -> None:
        if "".join(chars).strip():
            lines.append(_Line("".join(chars).strip(), bottom, top, statistics.median(sizes)))
        chars.clear()
        sizes.clear()

    for index, ch in enumerate(text[: textpage.count_chars()]):
        if ch in "\r\n":
            close()
            continue
        left, low, right, high = textpage.get_charbox(index, loose=True)
        if not ch.isspace():
            middle = (low + high) / 2
            if chars and not bottom <= middle <= top:
                close()
            if not sizes:
                bottom, top = low, high
            sizes.append(raw.FPDFText_GetFontSize(textpage.raw, index))
        chars.append(_SOFT_HYPHENS.get(ch, ch))
    close()
    return lines


def _open(data: bytes, path: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = str(error)
        if "password" in reason.lower():
            raise SourceError(path, None, "the PDF is encrypted (a password is needed)") from None
        raise SourceError(path, None, f"not a readable PDF ({reason})") from None


def read_pdf(data: bytes, path: str) -> Source:
    """Read the PDF ``data`` (from ``path``) into a :class:`Source`."""
    import pypdfium2.raw as raw

    document = _open(data, path)
    try:
        pages = []
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            pages.append(_page_lines(page.get_textpage(), raw))
    except Exception as error:  # PDFium reports a damaged page object in many ways
        raise SourceError(path, None, f"page {len(pages) + 1} cannot be read ({error})") from None
    finally:
        document.close()
    empty = [n for n, lines in enumerate(pages, 1) if not lines]
    if len(empty) == len(pages):
        raise SourceError(path, None, f"no text layer on any of its {len(pages)} pages (a scan? "
                                      "run OCR on it first)")
    if len(empty) > len(pages) // 2:
        raise SourceError(path, None, f"no text layer on {len(empty)} of {len(pages)} pages "
                                      f"(page {empty[0]} is the first): a partly scanned PDF")
    return _render(pages, path)


def _render(pages: list[list[_Line]], path: str) -> Source:
    """Pages of lines as text: blank lines for pages, vertical gaps and larger type."""
    all_lines = [line for lines in pages for line in lines]
    body = statistics.median(line.size for line in all_lines)
    height = statistics.median(line.top - line.bottom for line in all_lines if line.size == body) \
        if any(line.size == body for line in all_lines) else body
    spaces = [a.bottom - b.top for lines in pages for a, b in zip(lines, lines[1:])
              if a.size == b.size == body and 0 <= a.bottom - b.top < height]
    normal = statistics.median(spaces) if spaces else 0.0
    out = Rendered(path, "pdf")
    for number, lines in enumerate(pages, 1):
        out.gap(PAGE_GAP)
        for k, line in enumerate(lines):
            heading = line.size >= HEADING_SCALE * body
            before = 0
            if k:
                space = (lines[k - 1].bottom - line.top - normal) / height
                before = HEADING_GAP if space > SECTION_SPACE else \
                    PARAGRAPH_GAP if space > PARAGRAPH_SPACE or line.bottom > lines[k - 1].top \
                    else 0  # a line above the one before starts a new column or frame
            after_heading = k and lines[k - 1].size >= HEADING_SCALE * body
            if heading != after_heading:  # a heading's lines stay together, apart from the rest
                before = HEADING_GAP if k else 0
            out.add(line.text, Place(page=number, line=k + 1,
                                     style="heading" if heading else ""), before if k else 0, 0)
    return out.source()
