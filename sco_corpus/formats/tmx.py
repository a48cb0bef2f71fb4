"""TMX 1.4b: translation units for CAT tools, written and read back.

One ``<tu>`` per unit with a ``<tuv>`` per language that has text, ``tuid`` the unit id, a
``<note>`` per consistency finding, and ``<prop>``s a translator or script can filter on:
``x-section``, ``x-kind``, ``x-confidence-<a>-<b>`` and ``x-flag`` (finding ids) on the
unit; ``x-ids`` and ``x-lines`` (the sentence ids and source lines) on each variant. Every
unit written has a variant in the header's ``srclang``: units without it are left out (they
belong in a file with another source language).
Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, U+FFFE, U+FFFF,
surrogates) are written as ``<ph type="x-char">U+0001</ph>`` and read back as the character.

Reading is safe on files from anywhere: no DTD loading, no entity expansion, no network access;
a document that declares entities is refused. Errors name the file and line.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from .. import __version__
from ..align.units import UnitRecord, record_langs
from ..errors import SourceError

#: The language codes written by default (``zh`` as most CAT tools expect Simplified Chinese).
DEFAULT_CODES = {"ru": "ru", "en": "en", "zh": "zh-CN"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CHAR_REF = re.compile(r"U\+([0-9A-F]{4,6})")


def _creation_date() -> str:
    """UTC now, or ``SOURCE_DATE_EPOCH`` (reproducible builds) when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch
            else _dt.datetime.now(_dt.timezone.utc))
    return when.strftime("%Y%m%dT%H%M%SZ")


def _fill_seg(seg: etree._Element, text: str) -> None:
    """Put ``text`` into ``seg``, characters XML cannot carry as ``<ph>`` elements."""
    parts = _FORBIDDEN.split(text)
    chars = _FORBIDDEN.findall(text)
    seg.text = parts[0]
    for char, after in zip(chars, parts[1:]):
        ph = etree.SubElement(seg, "ph", type="x-char")
        ph.text = f"U+{ord(char):04X}"
        ph.tail = after


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = value


def write_tmx(records: Iterable[UnitRecord], path: str | Path,
              langs: Sequence[str] | None = None, codes: dict[str, str] | None = None,
              srclang: str | None = None, notes: dict[str, str] | None = None) -> int:
    """Write the units' ``langs`` (default: all, in the records' order) as TMX 1.4b to ``path``;
    return the number of units written.

    ``srclang`` (default: the first of ``langs``) must be present in a unit for it to be
    written, and at least one other language too. ``codes`` maps ``ru``/``en``/``zh`` to the
    ``xml:lang`` written (default :data:`DEFAULT_CODES`). ``notes`` maps a flag (finding id)
    to the text of a ``<note>`` written with it, for the translator.
    """
    records = list(records)
    langs = tuple(langs or record_langs(records))
    codes = {**DEFAULT_CODES, **(codes or {})}
    srclang = srclang or langs[0]
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "sco_corpus", "creationtoolversion": __version__,
        "segtype": "sentence", "o-tmf": "sco_corpus", "adminlang": "en",
        "srclang": codes.get(srclang, srclang), "datatype": "plaintext",
        "creationdate": _creation_date()})
    body = etree.SubElement(root, "body")
    written = 0
    for record in records:
        present = [lang for lang in langs if record.text.get(lang)]
        if srclang not in present or len(present) < 2:
            continue
        record = record.only(present)
        tu = etree.SubElement(body, "tu", tuid=record.id)
        for flag in record.flags:
            if notes and flag in notes:
                etree.SubElement(tu, "note").text = _FORBIDDEN.sub(" ", notes[flag])
        _prop(tu, "x-section", record.section)
        _prop(tu, "x-kind", record.kind)
        for pair, value in record.confidence.items():
            _prop(tu, f"x-confidence-{pair}", repr(value))
        for flag in record.flags:
            _prop(tu, "x-flag", flag)
        for lang in present:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: codes.get(lang, lang)})
            _prop(tuv, "x-ids", " ".join(record.ids.get(lang, ())))
            _prop(tuv, "x-lines", " ".join(map(str, record.lines.get(lang, ()))))
            _fill_seg(etree.SubElement(tuv, "seg"), record.text[lang])
        written += 1
    with open(path, "wb") as out:  # a plain declaration in double quotes, no byte-order mark
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(etree.tostring(root, encoding="UTF-8", pretty_print=True))
    return written


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _seg_text(seg: etree._Element) -> str:
    """The text of a ``<seg>``: our ``x-char`` placeholders become their character again; the
    native codes other tools put in ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>`` are left out;
    ``<hi>`` keeps its text."""
    out = [seg.text or ""]
    for child in seg:
        if not isinstance(child.tag, str):  # an entity reference left unresolved
            out.append(child.tail or "")
            continue
        inner = "".join(child.itertext())
        match = _CHAR_REF.fullmatch(inner) if child.get("type") == "x-char" else None
        if match and int(match.group(1), 16) <= 0x10FFFF:
            out.append(chr(int(match.group(1), 16)))
        elif child.tag in ("hi", "sub"):
            out.append(_seg_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _lang_of(code: str, known: dict[str, str]) -> str:
    """The internal language for an ``xml:lang`` code: ``zh-CN`` -> ``zh``, ``EN-us`` -> ``en``."""
    code = code.strip()
    inverse = {v.lower(): k for k, v in known.items()}
    return inverse.get(code.lower(), code.split("-")[0].split("_")[0].lower())


def read_tmx(path: str | Path, codes: dict[str, str] | None = None) -> list[UnitRecord]:
    """The units of a TMX file (any TMX 1.4 file; props this package writes are read back).

    Languages are keyed by the internal codes (``zh-CN`` -> ``zh``); a language a unit lacks has
    text ``""``. Raises :class:`SourceError` (file and line) for malformed or unsafe input.
    """
    known = {**DEFAULT_CODES, **(codes or {})}
    try:
        tree = etree.parse(str(path), _parser())
    except etree.XMLSyntaxError as error:
        raise SourceError(str(path), error.lineno or None,
                          f"not well-formed XML: {error.msg}") from None
    except OSError as error:
        raise SourceError(str(path), None, f"cannot read: {error}") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SourceError(str(path), 1, "entity declarations are not accepted in a TMX file")
    root = tree.getroot()
    if root.tag != "tmx" or root.find("body") is None:
        raise SourceError(str(path), root.sourceline or 1, "not a TMX document (no <tmx><body>)")
    units: list[tuple[etree._Element, dict]] = []
    langs: list[str] = []
    for number, tu in enumerate(root.find("body").iter("tu"), 1):
        props = [(p.get("type", ""), p.text or "") for p in tu.findall("prop")]
        sides = {}
        for tuv in tu.findall("tuv"):
            code = tuv.get(XML_LANG) or tuv.get("lang")
            seg = tuv.find("seg")
            if code is None or seg is None:
                raise SourceError(str(path), tuv.sourceline, "<tuv> without xml:lang or <seg>")
            lang = _lang_of(code, known)
            langs.append(lang)
            tuv_props = {p.get("type", ""): p.text or "" for p in tuv.findall("prop")}
            sides[lang] = (_seg_text(seg), tuv_props)
        units.append((tu, {"props": props, "sides": sides, "number": number}))
    order = list(dict.fromkeys(langs))
    records = []
    for tu, data in units:
        try:
            records.append(_record(tu, data, order))
        except ValueError as error:
            raise SourceError(str(path), tu.sourceline, f"unreadable <tu>: {error}") from None
    return records


def _record(tu: etree._Element, data: dict, langs: list[str]) -> UnitRecord:
    props = data["props"]
    one = dict(props)
    sides = data["sides"]
    text = {lang: sides[lang][0] if lang in sides else "" for lang in langs}
    ids = {lang: tuple(sides[lang][1].get("x-ids", "").split()) if lang in sides else ()
           for lang in langs}
    lines = {lang: tuple(int(x) for x in sides[lang][1].get("x-lines", "").split())
             if lang in sides else () for lang in langs}
    confidence = {kind[len("x-confidence-"):]: float(value) for kind, value in props
                  if kind.startswith("x-confidence-")}
    return UnitRecord(tu.get("tuid") or f"tu{data['number']}", one.get("x-section", ""),
                      one.get("x-kind", ""), text, ids, lines, confidence,
                      tuple(value for kind, value in props if kind == "x-flag"))
