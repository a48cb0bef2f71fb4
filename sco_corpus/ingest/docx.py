"""DOCX reader: the body's paragraphs (tables and text boxes included) in document order, read
from the package's XML with lxml (no DTD, no entity expansion, no network).

Heading and title styles become isolated lines, list numbering a marker (``1.``, ``•``) before
the item, footnotes (``word/footnotes.xml``) lines of their own after the paragraph citing
them, opened by their superscript number, and a footnote reference a superscript number in
the text. Page headers and footers, comments, endnotes and deleted text are not read.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from ..errors import SourceError
from .render import HEADING_GAP, PAGE_GAP, PARAGRAPH_GAP, Rendered, superscript
from .source import Place, Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: The largest part read (uncompressed bytes): a guard against zip bombs.
MAX_PART_BYTES = 256 * 2**20
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, remove_comments=True, remove_pis=True)
_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt",
                               "sdtContent", "dir", "bdo", "moveTo")}
_SKIPPED = {W + t for t in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr")}
_BULLETS = "-–—•●▪"
_HEADING_STYLE = re.compile(r"^heading \d$|^(sub)?title$")


@dataclass
class _Numbering:
    """List numbering: level formats per list, and the running counters."""

    levels: dict[str, dict[int, tuple[str, str, int]]]  # numId → ilvl → (format, text, start)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def marker(self, num_id: str, level: int) -> str:
        """The next marker of list ``num_id`` at ``level`` (bullets as ``•``)."""
        formats = self.levels.get(num_id, {})
        if level not in formats:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, formats[level][2] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        kind, text, _ = formats[level]
        if kind == "bullet":
            return text if text in _BULLETS else "•"
        if kind == "none":
            return ""

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            return _format(formats.get(k, ("decimal", "", 1))[0], counts.get(k, 1))

        return re.sub(r"%([1-9])", number, text)


def _format(kind: str, n: int) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                              (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                              (4, "iv"), (1, "i")):
            roman, n = roman + digits * (n // value), n % value
        return roman.upper() if kind == "upperRoman" else roman
    return str(n)


def _attr(element, name: str, default: str = "") -> str:
    return element.get(W + name, default) if element is not None else default


class _Reader:
    """One DOCX package being read."""

    def __init__(self, data: bytes, path: str):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError) as error:
            raise SourceError(path, None, f"not a DOCX file (a damaged zip: {error})") from None
        if "word/document.xml" not in self.names:
            raise SourceError(path, None, "not a DOCX file (no word/document.xml in the zip)")

    def xml(self, name: str):
        """The parsed part ``name``, or None when the package has none."""
        if name not in self.names:
            return None
        if self.zip.getinfo(name).file_size > MAX_PART_BYTES:
            raise SourceError(self.path, None, f"{name} is larger than {MAX_PART_BYTES >> 20} MiB")
        try:
            data = self.zip.read(name)
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            raise SourceError(self.path, None, f"{name}, line {error.lineno}: not well-formed XML "
                                               f"({error.msg})") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError,
                NotImplementedError) as error:
            raise SourceError(self.path, None, f"{name} cannot be unpacked ({error})") from None


def _styles(root) -> dict[str, tuple[str, str, str]]:
    """styleId → (lower-case name, based-on id, numId of the style's own numbering)."""
    styles = {}
    for style in root.iter(W + "style") if root is not None else ():
        name = _attr(style.find(W + "name"), "val").lower()
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        styles[_attr(style, "styleId")] = (name, _attr(style.find(W + "basedOn"), "val"),
                                           _attr(num, "val"))
    return styles


def _numbering(root) -> _Numbering:
    abstract = {}
    for node in root.iter(W + "abstractNum") if root is not None else ():
        abstract[_attr(node, "abstractNumId")] = {
            int(_attr(lvl, "ilvl", "0")): (_attr(lvl.find(W + "numFmt"), "val", "decimal"),
                                           _attr(lvl.find(W + "lvlText"), "val"),
                                           int(_attr(lvl.find(W + "start"), "val", "1") or 1))
            for lvl in node.iter(W + "lvl")}
    levels = {_attr(num, "numId"): abstract.get(_attr(num.find(W + "abstractNumId"), "val"), {})
              for num in (root.iter(W + "num") if root is not None else ())}
    return _Numbering(levels)


class _Document:
    """The body of one DOCX rendered as lines."""

    def __init__(self, reader: _Reader):
        self.out = Rendered(reader.path, "docx")
        self.styles = _styles(reader.xml("word/styles.xml"))
        self.numbering = _numbering(reader.xml("word/numbering.xml"))
        notes = reader.xml("word/footnotes.xml")
        self.notes = {_attr(n, "id"): n for n in (notes.iter(W + "footnote") if notes is not None
                                                   else ()) if not _attr(n, "type")}
        self.cited: list[str] = []  # footnote ids in order of reference
        self.pending: list[str] = []  # cited, not yet written
        self.written: set[str] = set()
        self.paragraph = 0
        self.last_style = ""

    def style_of(self, p) -> tuple[str, str]:
        """The paragraph's structure (heading, title, caption or empty) and its style's numId."""
        style_id = _attr(p.find(f"{W}pPr/{W}pStyle"), "val")
        num = ""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            name, parent, style_num = self.styles.get(style_id, ("", "", ""))
            num = num or style_num
            if _HEADING_STYLE.match(name):
                return ("title" if "title" in name else "heading"), num
            if name == "caption":
                return "caption", num
            style_id = parent
        level = p.find(f"{W}pPr/{W}outlineLvl")
        return ("heading" if level is not None and _attr(level, "val") != "9" else ""), num

    def text(self, element, refs: list[str], note: bool = False) -> str:
        """The text of a paragraph's runs; footnote references as superscript numbers."""
        out = []
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == W + "r":
                sup = _attr(child.find(f"{W}rPr/{W}vertAlign"), "val") == "superscript"
                for item in child:
                    if item.tag == W + "t":  # entity references (never expanded) left out
                        text = (item.text or "") + "".join(c.tail or "" for c in item)
                        out.append(superscript(text) if sup else text)
                    elif item.tag == W + "tab":
                        out.append("\t")
                    elif item.tag in (W + "br", W + "cr") and _attr(item, "type") != "page":
                        out.append("\n")
                    elif item.tag == W + "noBreakHyphen":
                        out.append("-")
                    elif item.tag == W + "footnoteReference" and not note:
                        note_id = _attr(item, "id")
                        if note_id not in self.cited:  # cited again: the same number
                            self.cited.append(note_id)
                        refs.append(note_id)
                        out.append(superscript(str(self.cited.index(note_id) + 1)))
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    out.append(self.text(choice, refs, note))
            elif tag in _CONTAINERS:
                out.append(self.text(child, refs, note))
        return "".join(out)

    def paragraphs(self, element):
        """The body's paragraphs in reading order: those of tables and text boxes included."""
        for child in element:
            if child.tag == W + "p":
                yield child
                for box in child.iter(W + "txbxContent"):
                    if not any(a.tag == MC + "Fallback" for a in box.iterancestors()):
                        yield from self.paragraphs(box)
            elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent",
                               W + "customXml"):
                yield from self.paragraphs(child)

    def add_paragraph(self, p) -> None:
        self.paragraph += 1
        style, style_num = self.style_of(p)
        refs: list[str] = []
        text = self.text(p, refs).strip()
        page_break = p.find(f".//{W}br[@{W}type='page']") is not None \
            or p.find(f"{W}pPr/{W}pageBreakBefore") is not None
        if page_break or style == "heading":
            self.add_notes()
        if page_break:
            self.out.gap(PAGE_GAP)
        num = p.find(f"{W}pPr/{W}numPr")
        num_id = _attr(num.find(W + "numId") if num is not None else None, "val") or style_num
        level = int(_attr(num.find(W + "ilvl") if num is not None else None, "val", "0") or 0)
        marker = self.numbering.marker(num_id, level) if text and num_id not in ("", "0") else ""
        marks = "".join(superscript(str(self.cited.index(r) + 1)) for r in refs)
        place = Place(paragraph=self.paragraph, style=style or ("list" if marker else ""),
                      added=marker + marks)
        apart = HEADING_GAP if style in ("heading", "title") else PARAGRAPH_GAP
        before = -1 if style == self.last_style == "title" else apart  # a title's lines together
        self.out.add(f"{marker} {text}" if marker else text, place, before, apart)
        if text:
            self.last_style = style
        self.pending += [r for r in dict.fromkeys(refs) if r not in self.pending
                         and r not in self.written]

    def add_notes(self) -> None:
        """The footnotes cited since the last page break or heading, as printed at a page's foot."""
        for ref in self.pending:
            number = str(self.cited.index(ref) + 1)
            note = self.notes.get(ref)
            if note is None:
                continue
            text = " ".join(self.text(p, [], note=True).strip() for p in note.iter(W + "p"))
            mark = superscript(number)
            self.out.add(f"{mark} {text.strip()}", Place(paragraph=self.paragraph,
                                                         footnote=int(number), style="footnote",
                                                         added=mark))
        self.written.update(self.pending)
        self.pending = []


def read_docx(data: bytes, path: str) -> Source:
    """Read the DOCX file ``data`` (from ``path``) into a :class:`Source`."""
    reader = _Reader(data, path)
    root = reader.xml("word/document.xml")
    body = root.find(W + "body")
    if body is None:
        raise SourceError(path, None, "word/document.xml has no w:body: not a Word document")
    document = _Document(reader)
    for p in document.paragraphs(body):
        document.add_paragraph(p)
    document.add_notes()
    return document.out.source()
