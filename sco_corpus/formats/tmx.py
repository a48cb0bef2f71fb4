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
from .xml import read_xml, write_xml
from .validate import parse_lines, parse_probability

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
              srclang: str | None = None, notes: dict[str, str] | None = None,
              props: dict[str, Sequence[tuple[str, str]]] | None = None) -> int:
    """Write the units' ``langs`` (default: all, in the records' order) as TMX 1.4b to ``path``;
    return the number of units written.

    ``srclang`` (default: the first of ``langs``) must be present in a unit for it to be
    written, and at least one other language too. ``codes`` maps ``ru``/``en``/``zh`` to the
    ``xml:lang`` written (default :data:`DEFAULT_CODES`); ``ValueError`` if two languages would
    be read back as one. ``notes`` maps a flag (finding id) to the text of a ``<note>`` written
    with it, for the translator. ``props`` maps a unit id to more ``(type, value)`` unit
    ``<prop>``s (a collection's ``x-count`` and ``x-document``).
    """
    records = list(records)
    langs = tuple(dict.fromkeys(langs or record_langs(records)))
    codes = {**DEFAULT_CODES, **(codes or {})}
    if len({_lang_of(codes.get(lang, lang), codes) for lang in langs}) < len(langs):
        raise ValueError(f"languages {', '.join(langs)} written as "
                         f"{', '.join(codes.get(lang, lang) for lang in langs)} would give a unit "
                         f"two variants in one language")
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
        for kind, value in (props or {}).get(record.id, ()):
            _prop(tu, kind, value)
        for lang in present:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: codes.get(lang, lang)})
            _prop(tuv, "x-ids", " ".join(record.ids.get(lang, ())))
            _prop(tuv, "x-lines", " ".join(map(str, record.lines.get(lang, ()))))
            _fill_seg(etree.SubElement(tuv, "seg"), record.text[lang])
        written += 1
    write_xml(root, path)
    return written


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
    """The units of a TMX file (any TMX 1.4 file; props this package writes are read back,
    others ignored; a ``<tu>`` without ``tuid`` gets the id ``tu<N>``, its position).

    Languages are keyed by the internal codes (``zh-CN`` -> ``zh``); a language a unit lacks has
    text ``""``. Raises :class:`SourceError` (file and line) for malformed or unsafe input, a
    ``<tu>`` with two variants in one language, or a prop of ours with a value of the wrong type.
    """
    known = {**DEFAULT_CODES, **(codes or {})}
    name = str(path)
    root = read_xml(path, "TMX")
    if root.tag != "tmx" or root.find("body") is None:
        raise SourceError(name, root.sourceline or 1, "not a TMX document (no <tmx><body>)")
    units = [_unit(tu, number, known, name)
             for number, tu in enumerate(root.find("body").iter("tu"), 1)]
    langs = list(dict.fromkeys(lang for *_, sides in units for lang in sides))
    return [UnitRecord(
        tu_id, section, kind, {lang: sides[lang][0] if lang in sides else "" for lang in langs},
        {lang: sides[lang][1] if lang in sides else () for lang in langs},
        {lang: sides[lang][2] if lang in sides else () for lang in langs}, confidence, flags)
        for tu_id, section, kind, confidence, flags, sides in units]


def _ours(kind: str) -> bool:
    """A prop type this package reads, one value per unit or variant."""
    return kind in ("x-section", "x-kind", "x-ids", "x-lines") or kind.startswith("x-confidence-")


def _props(parent: etree._Element, path: str) -> tuple[dict[str, etree._Element], list[str]]:
    """The ``<prop>``s of ``parent`` by type, and the ``x-flag`` values in order;
    :class:`SourceError` at the second of two props of one of :func:`_ours`."""
    found: dict[str, etree._Element] = {}
    flags = []
    for prop in parent.findall("prop"):
        kind = prop.get("type", "")
        if kind == "x-flag":
            flags.append(prop.text or "")
        elif kind in found and _ours(kind):
            raise SourceError(path, prop.sourceline, f'a second <prop type="{kind}">')
        else:
            found.setdefault(kind, prop)
    return found, flags


def _value(props: dict[str, etree._Element], kind: str, path: str, parse=None):
    """The text of prop ``kind`` ("" when absent), ``parse(text, kind)`` if given;
    :class:`SourceError` at the prop's line when it does not parse."""
    prop = props.get(kind)
    text = "" if prop is None else prop.text or ""
    try:
        return parse(text, kind) if parse else text
    except ValueError as error:
        raise SourceError(path, prop.sourceline, str(error)) from None


def _unit(tu: etree._Element, number: int, known: dict[str, str], path: str) -> tuple:
    """``(id, section, kind, confidence, flags, sides)`` of a ``<tu>``, ``sides`` mapping each
    language to ``(text, ids, lines)``."""
    props, flags = _props(tu, path)
    confidence = {kind[len("x-confidence-"):]: _value(props, kind, path, parse_probability)
                  for kind in props if kind.startswith("x-confidence-")}
    sides: dict[str, tuple[str, tuple[str, ...], tuple[int, ...]]] = {}
    codes: dict[str, str] = {}
    for tuv in tu.findall("tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang")
        segs = tuv.findall("seg")
        if code is None or len(segs) != 1:
            raise SourceError(path, tuv.sourceline,
                              "<tuv> without xml:lang or without exactly one <seg>")
        lang = _lang_of(code, known)
        if lang in sides:
            raise SourceError(path, tuv.sourceline, f"the unit has two variants in language "
                                                    f"{lang} ({codes[lang]} and {code})")
        codes[lang] = code
        tuv_props, _ = _props(tuv, path)
        sides[lang] = (_seg_text(segs[0]), tuple(_value(tuv_props, "x-ids", path).split()),
                       _value(tuv_props, "x-lines", path, parse_lines))
    return (tu.get("tuid") or f"tu{number}", _value(props, "x-section", path),
            _value(props, "x-kind", path), confidence, tuple(flags), sides)
