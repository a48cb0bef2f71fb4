"""HTML reader: the body's block elements in document order, parsed with lxml (entities decoded
by the parser, no DTD or other file loaded, no network).

Headings (``h1``–``h6``) become isolated lines, list items a marker (``1.``, ``•``) before their
text, ``figcaption``/``caption`` captions, and footnotes (the items of an element whose class,
role, id or ``epub:type`` says ``footnotes``, or an ``aside`` a link points to) lines of their
own, opened by their superscript number, at the end of the section citing them (before the
next heading, footer, or end of a ``section`` or ``article``); a link to a
footnote becomes its superscript number in the text. ``head``, ``script``, ``style``,
``template`` and ``noscript`` are dropped, as are footnote back-links (``↩︎``).
"""
from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from ..errors import SourceError
from .render import HEADING_GAP, PARAGRAPH_GAP, Rendered, superscript
from .source import Place, Source

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption",
           "caption", "td", "th", "pre", "div", "section", "article", "header", "footer", "main",
           "nav", "aside", "figure", "table", "tr", "ul", "ol", "dl", "address", "hr", "body",
           "summary", "details", "legend", "fieldset"}
_DROPPED = ("head", "script", "style", "template", "noscript")
_STYLES = {**{f"h{k}": "heading" for k in range(1, 7)}, "figcaption": "caption",
           "caption": "caption", "li": "list"}
_NOTES = re.compile(r"\b(foot|end)-?notes?\b", re.I)
_NOTE_CONTAINERS = ("section", "div", "aside", "ol", "ul", "footer", "dl")
_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def _text(data: bytes, path: str) -> str:
    """The file's characters in the encoding its ``<meta>`` names, else UTF-8 (a BOM allowed)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise SourceError(path, None, f"unknown encoding {encoding!r} in <meta>") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, data.count(b"\n", 0, error.start) + 1,
                          f"not {encoding} text (byte 0x{data[error.start]:02x})") from None
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a str with an encoding


def _is_notes(element) -> bool:
    if element.tag not in _NOTE_CONTAINERS:
        return False
    marks = " ".join(element.get(a, "") for a in ("class", "role", "id")) + " " + " ".join(
        v for k, v in element.attrib.items() if k.endswith("type"))
    return bool(_NOTES.search(marks))


class _Reader:
    """One HTML document rendered as lines."""

    def __init__(self, root, path: str):
        self.out = Rendered(path, "html")
        self.paragraph = 0
        self.buffer: list[str] = []
        self.added: list[str] = []
        self.marker = ""  # a list item's, until its first text
        self.notes: dict[str, tuple[str, object]] = {}  # id → (number, element)
        self.pending: list[str] = []  # cited, not yet written
        self.written: list[str] = []
        self._collect_notes(root)

    def _collect_notes(self, root) -> None:
        """Take the footnotes out of the tree, numbered as their list shows them."""
        targets = {a.get("href")[1:] for a in root.iter("a") if (a.get("href") or "")[:1] == "#"}
        containers = [e for e in root.iter() if isinstance(e.tag, str) and _is_notes(e)
                      and not any(_is_notes(a) for a in e.iterancestors())]
        containers += [e for e in root.iter("aside") if e.get("id") in targets
                       and not any(e in c.iter() for c in containers)]
        for container in containers:
            items = list(container.iter("li")) or [
                e for e in container.iter("aside", "p", "div") if e.get("id") in targets]
            if not any(e.get("id") in targets for e in items):
                continue  # nothing links to them: read where they stand
            for k, item in enumerate(items, 1):
                in_list = item.tag == "li" and item.getparent().tag == "ol"
                key = item.get("id") or f"#{len(self.notes)}"  # uncited: written at the end
                self.notes[key] = (_marker(item)[:-1] if in_list else str(k), item)
            container.drop_tree()

    def flush(self, style: str, footnote: int | None = None) -> None:
        """Write the inline text gathered so far as one paragraph of ``style``."""
        text = "\n".join(re.sub(r"[ \t\r\n\f]+", " ", line).strip()
                         for line in "".join(self.buffer).split("\n"))
        if not text.strip():
            self.buffer = []
            return
        if self.marker:
            text, self.added = f"{self.marker} {text}", [self.marker] + self.added
            self.marker = ""
        self.paragraph += 1
        gap = HEADING_GAP if style == "heading" else PARAGRAPH_GAP
        self.out.add(text, Place(paragraph=self.paragraph, footnote=footnote, style=style,
                                 added="".join(self.added)), gap, gap)
        self.buffer, self.added = [], []

    def add_notes(self, every: bool = False) -> None:
        """The footnotes cited since the last heading (``every``: and those never cited), each
        opened by its superscript number."""
        if every:
            self.pending += [n for n in self.notes if n not in self.pending + self.written]
        for ref in self.pending:
            number, item = self.notes[ref]
            mark = superscript(number)
            self.buffer.append(mark + " ")
            self.added.append(mark)
            self.inline(item)
            self.flush("footnote", int(number))
        self.written += self.pending
        self.pending = []

    def inline(self, element) -> None:
        """A footnote's text, its block elements run together, back-links (links without a
        letter or digit: ``↩︎``) dropped."""
        self.buffer.append(_flat(element.text or ""))
        for child in element:
            if not (child.tag == "a" and not any(c.isalnum() for c in child.text_content())):
                self.inline(child)
            self.buffer.append(" " if child.tag in _BLOCKS else "")
            self.buffer.append(_flat(child.tail or ""))

    def walk(self, element, style: str, pre: bool = False) -> None:
        """Gather ``element``'s text, writing a paragraph at every block boundary."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BLOCKS:
            self.flush(style)
            style = _STYLES.get(tag, style if tag in ("p", "div") else "")
            if style == "heading" or tag == "footer":
                self.add_notes()
            if tag == "li":
                self.marker = _marker(element)
        href = element.get("href") or ""
        if tag == "a" and href[:1] == "#" and href[1:] in self.notes:
            number = superscript(self.notes[href[1:]][0])
            self.buffer.append(number)
            self.added.append(number)
            if href[1:] not in self.pending + self.written:
                self.pending.append(href[1:])
        elif tag == "br":
            self.buffer.append("\n")
        else:
            pre = pre or tag == "pre"
            text = element.text or ""
            if tag == "sup" and text.strip().isdigit():
                text = superscript(text)
            self.buffer.append(text if pre else _flat(text))
            for child in element:
                self.walk(child, style, pre)
                self.buffer.append(child.tail or "" if pre else _flat(child.tail or ""))
        if tag in _BLOCKS:
            self.flush(style)
        if tag in ("section", "article"):
            self.add_notes()


def _flat(text: str) -> str:
    """Text outside ``pre``: a line break is a space."""
    return text.replace("\n", " ")


def _marker(li) -> str:
    parent = li.getparent()
    if parent is None or parent.tag != "ol":
        return "•"
    start = parent.get("start") or "1"
    position = [e for e in parent if e.tag == "li"].index(li)
    return f"{(int(start) if start.isdigit() else 1) + position}."


def read_html(data: bytes, path: str) -> Source:
    """Read the HTML file ``data`` (from ``path``) into a :class:`Source`."""
    text = _text(data, path)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        raise SourceError(path, None, "no text in this HTML file") from None
    etree.strip_elements(root, *_DROPPED, with_tail=False)
    body = root.find("body")
    reader = _Reader(body if body is not None else root, path)
    reader.walk(body if body is not None else root, "")
    reader.flush("")
    reader.add_notes(every=True)
    return reader.out.source()
