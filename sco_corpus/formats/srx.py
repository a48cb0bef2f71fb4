"""The project's sentence segmentation as rules a CAT tool can apply (SRX 2.0, OmegaT).

A CAT tool fills a segment from a translation memory only when its segment equals a unit's
text. OmegaT's default rules break after every full stop followed by a space, so it cuts
``2009 г. была принята``, ``680 млн. долларов`` and ``Э. Рахмон`` where the project (and the
TMX) does not. These rules, given to the tool with the TMX, make it cut as the project does:
no break before a lower-case word, after an initial, or after an abbreviation that never ends
a sentence (the lists of :mod:`sco_corpus.ingest.sentences`); and a break after the list marker or
footnote number that opens a paragraph as printed (``- торговля``, ``1. создание``,
``² Эмомали``), which the project keeps apart from the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ..ingest.sentences import NON_FINAL


@dataclass(frozen=True)
class Rule:
    """Break (or not) between text matching ``before`` and text matching ``after`` (Java regex)."""

    breaks: bool
    before: str
    after: str


def _abbreviations(lang: str) -> Rule:
    words = sorted(NON_FINAL[lang], key=lambda word: (-len(word), word))  # not set order
    pattern = "|".join(r"\.\s?".join(re.escape(part) for part in word.split(".")) for word in words)
    return Rule(False, rf"(?i)(?<![\p{{L}}\p{{Nd}}])(?:{pattern})\.", r"\s")


_LOWER_NEXT = Rule(False, r"[\.\?\!]+", r"\s+[\p{Ll}]")
_INITIAL = Rule(False, r"(?<![\p{L}\p{Nd}])\p{Lu}\.", r"\s")
#: a bibliographic reference runs on after a full stop: ``Геополитика. – М., 1997. – С. 271``,
#: ``Кавказ. – 2002. №3(57).`` (the project keeps such a footnote one segment)
_REFERENCE = Rule(False, r"\.", r"\s+(?:[–—]\s|№)")
#: ``г.`` not after a number is ``город`` (``в г. Душанбе``), not ``год`` (``в 2010 г.``)
_CITY = Rule(False, r"(?<!\p{Nd}\s)(?<![\p{L}\p{Nd}])г\.", r"\s")

#: the list marker (``- ``, ``1. ``) or footnote number (``² ``) opening a paragraph: a segment
_MARKER = Rule(True, r"^(?:[-–—•●▪]|\p{Nd}{1,2}[.)]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)", r"\s")
#: a footnote number in plain digits (``1 Гаджиев``), not a date (``1 апреля``)
_NOTE_NUMBER = Rule(True, r"^\p{Nd}{1,2}", r"\s+[\p{Lu}«]")

#: (rule set name, language pattern, rules), in the order a CAT tool tries them.
RULE_SETS = (
    ("sco_corpus markers", ".*", (_MARKER,)),
    ("sco_corpus Russian", "RU.*", (_NOTE_NUMBER, _LOWER_NEXT, _INITIAL, _CITY, _REFERENCE,
                                    _abbreviations("ru"))),
    ("sco_corpus English", "EN.*", (_LOWER_NEXT, _INITIAL, _REFERENCE, _abbreviations("en"))),
    ("sco_corpus Chinese", "ZH.*", (
        Rule(True, "[。！？；]+[”’」』）》】\"'¹²³⁴⁵⁶⁷⁸⁹⁰]*", "."),)),
    ("Default", ".*", (
        Rule(False, r"\.\.\.", r"\s+\P{Lu}"),
        Rule(True, r"[\.\?\!]+", r"\s"))),
    ("Text", ".*", (Rule(True, r"\n", " +"),)),
)


def write_srx(path: str | Path) -> None:
    """The rules as an SRX 2.0 file (Trados, memoQ, Okapi and OmegaT 5 import it)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<srx xmlns="http://www.lisa.org/srx20" version="2.0">',
             '  <header segmentsubflows="yes" cascade="yes">',
             '    <formathandle type="start" include="no"/>',
             '    <formathandle type="end" include="yes"/>',
             '    <formathandle type="isolated" include="no"/>',
             '  </header>', '  <body>', '    <languagerules>']
    for name, _, rules in RULE_SETS:
        lines.append(f'      <languagerule languagerulename="{escape(name)}">')
        for rule in rules:
            lines += [f'        <rule break="{"yes" if rule.breaks else "no"}">',
                      f'          <beforebreak>{escape(rule.before)}</beforebreak>',
                      f'          <afterbreak>{escape(rule.after)}</afterbreak>',
                      '        </rule>']
        lines.append('      </languagerule>')
    lines += ['    </languagerules>', '    <maprules>']
    lines += [f'      <languagemap languagepattern="{escape(pattern)}" '
              f'languagerulename="{escape(name)}"/>' for name, pattern, _ in RULE_SETS]
    lines += ['    </maprules>', '  </body>', '</srx>']
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_omegat_segmentation(path: str | Path) -> None:
    """The rules as OmegaT's project file ``omegat/segmentation.conf`` (OmegaT 3 and 4 read
    project rules only in this form, a Java bean serialisation)."""

    def string(value: str) -> str:
        return f"<string>{escape(value)}</string>"

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<java version="1.8.0" class="java.beans.XMLDecoder">',
           ' <object class="org.omegat.core.segmentation.SRX">',
           '  <void property="mappingRules">', '   <object class="java.util.ArrayList">']
    for name, pattern, rules in RULE_SETS:
        out += ['    <void method="add">',
                '     <object class="org.omegat.core.segmentation.MapRule">',
                f'      <void property="language">{string(name)}</void>',
                f'      <void property="pattern">{string(pattern)}</void>',
                '      <void property="rules">', '       <object class="java.util.ArrayList">']
        for rule in rules:
            out += ['        <void method="add">',
                    '         <object class="org.omegat.core.segmentation.Rule">',
                    f'          <void property="afterbreak">{string(rule.after)}</void>',
                    f'          <void property="beforebreak">{string(rule.before)}</void>',
                    f'          <void property="breakRule"><boolean>'
                    f'{"true" if rule.breaks else "false"}</boolean></void>',
                    '         </object>', '        </void>']
        out += ['       </object>', '      </void>', '     </object>', '    </void>']
    out += ['   </object>', '  </void>',
            '  <void property="version">' + string("0.2.2") + '</void>',
            ' </object>', '</java>']
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
