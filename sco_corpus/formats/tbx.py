"""TBX: the term table as a termbase for CAT tools, written and read back.

TBX-Basic, one entry per term (``id`` the term id, a ``note`` with its kind), one language
section per language with a rendering, one term section per rendering (dominant first) with
its ``administrativeStatus`` (``preferredTerm-admn-sts`` for the dominant rendering,
``admittedTerm-admn-sts`` for the others) and a ``note`` giving its units and source lines
(``units: s02/u004 s02/u017; lines: 92 98``). Two structures, the same content:

- ``version=3`` (default): TBX v3 (ISO 30042:2019), DCA style, namespace
  ``urn:iso:std:iso:30042:ed-2``: ``tbx`` / ``conceptEntry`` / ``langSec`` / ``termSec``;
  valid against the TBX-Basic integrated RNG schema (a test).
- ``version=2``: ISO 30042:2008, no namespace: ``martif`` / ``termEntry`` / ``langSet`` /
  ``tig``, which translate-toolkit and older CAT tools read (they do not read v3).

Reading (either structure) is as safe as :func:`~sco_corpus.formats.tmx.read_tmx`: no DTD or
entity is loaded, no network is used, a document declaring entities is refused, and errors
are :class:`SourceError` naming the file and line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from lxml import etree

from .. import __version__
from ..checks.terms import Rendering, Term
from ..errors import SourceError
from .xml import read_xml, write_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
PREFERRED, ADMITTED = "preferredTerm-admn-sts", "admittedTerm-admn-sts"
#: Element names by version: root, header, entry, language section, term section.
_NAMES = {3: ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
          2: ("martif", "martifHeader", "termEntry", "langSet", "tig")}
_PLACES = re.compile(r"units:\s*(?P<units>[^;]*);\s*lines:\s*(?P<lines>[\d ]*)$")


def write_tbx(terms: Iterable[Term], path: str | Path, source_lang: str = "ru",
              version: int = 3) -> int:
    """Write ``terms`` as TBX-Basic (``version`` 3 or 2, see the module) to ``path``, the
    document language ``source_lang``; return the number of entries."""
    root_name, header_name, entry_name, lang_name, term_name = _NAMES[version]
    ns = f"{{{TBX3_NS}}}" if version == 3 else ""

    def sub(parent, name, attrib=None, text=None):
        element = etree.SubElement(parent, ns + name, attrib or {})
        element.text = text
        return element

    attrib = {"type": "TBX-Basic", XML_LANG: source_lang}
    if version == 3:
        attrib["style"] = "dca"
    root = etree.Element(ns + root_name, attrib, nsmap={None: TBX3_NS} if version == 3 else None)
    source = sub(sub(sub(root, header_name), "fileDesc"), "sourceDesc")
    sub(source, "p", text=f"sco_corpus {__version__}: names, titles, acronyms and terms of an "
                          f"aligned document")
    body = sub(sub(root, "text"), "body")
    written = 0
    for term in terms:
        langs = [(lang, rs) for lang, rs in term.renderings.items() if rs]
        if not langs:
            continue
        entry = sub(body, entry_name, {"id": term.id})
        sub(entry, "note", text=f"kind: {term.kind}")
        for lang, renderings in langs:
            section = sub(entry, lang_name, {XML_LANG: lang})
            for n, rendering in enumerate(renderings):
                group = sub(section, term_name)
                sub(group, "term", text=rendering.text)
                sub(group, "termNote", {"type": "administrativeStatus"},
                    PREFERRED if n == 0 else ADMITTED)
                sub(group, "note", text=f"units: {' '.join(rendering.units)}; "
                                        f"lines: {' '.join(map(str, rendering.lines))}")
        written += 1
    write_xml(root, path)
    return written


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read_tbx(path: str | Path) -> list[Term]:
    """The terms of a TBX file, v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``) or
    2008 (``martif``/``termEntry``/``langSet``/``tig`` or ``ntig``); a rendering without our
    place note has count 0 and no places. :class:`SourceError` (file and line) for malformed or
    unsafe input."""
    name = str(path)
    root = read_xml(path, "TBX")
    if _local(root.tag) not in ("tbx", "martif"):
        raise SourceError(name, root.sourceline or 1, "not a TBX document (no <tbx> or <martif>)")
    terms = []
    entries = (e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry"))
    for number, entry in enumerate(entries, 1):
        kind = next((n.text[len("kind: "):] for n in entry if _local(n.tag) == "note"
                     and (n.text or "").startswith("kind: ")), "term")
        renderings: dict[str, tuple[Rendering, ...]] = {}
        for lang_set in (x for x in entry if _local(x.tag) in ("langSec", "langSet")):
            lang = lang_set.get(XML_LANG) or lang_set.get("lang")
            if not lang:
                raise SourceError(name, lang_set.sourceline, "a language section without xml:lang")
            renderings[lang] = renderings.get(lang, ()) + tuple(
                _rendering(group, name) for group in lang_set
                if _local(group.tag) in ("termSec", "tig", "ntig"))
        terms.append(Term(entry.get("id") or f"entry{number}", kind, renderings))
    return terms


def _rendering(tig: etree._Element, name: str) -> Rendering:
    term = next((x for x in tig.iter() if _local(x.tag) == "term"), None)
    if term is None or not "".join(term.itertext()).strip():
        raise SourceError(name, tig.sourceline, "a term group without a <term>")
    units: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    for note in (x for x in tig if _local(x.tag) == "note"):
        match = _PLACES.match((note.text or "").strip())
        if match:
            units = tuple(match["units"].split())
            lines = tuple(int(n) for n in match["lines"].split())
    return Rendering("".join(term.itertext()), len(units), units, lines)
