"""Check 5, untranslated or wrong-language text: Cyrillic left in the English or Chinese text,
Latin words in the Russian text, and words that mix the two scripts.

A sentence mostly in Cyrillic outside the Russian text is an error (a footnote left in Russian);
a single word of another script a warning (``Kyrgyzstan`` among Russian country names, a
Russian word in the English text), a word mixing Latin and Cyrillic letters (a homoglyph
such as ``Организaция`` with a Latin ``a``) an error. Not findings: web addresses, acronyms
(``SCO``, ``XXI``), units (``km``), bibliographic Latin (``et al.``, ``ibid.``), a name given in
parentheses next to its translation, Latin words of a footnote (a cited source), and a word that
a third language, whose script is not the word's either, also writes so (``Kyrgyzstan`` in the
Chinese text too: a name kept in its original form). A capitalised name in a unit without such
a third language is only info. The colophon is not translated text.
"""
from __future__ import annotations

import re
import unicodedata

from ..align.units import Alignment, Unit
from ..ingest.document import Document
from ..model import Sentence
from .finding import Finding

_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![^\s(<\[])[^\s@]+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:ru|com|org|"
                  r"net|int|info|biz|gov|edu|tj|kz|kg|uz|cn|ua|by|in|pk|ir|af|mn)\b(?:/\S*)?")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = "[A-Za-z\u00c0-\u024f\u0400-\u04ff]"
#: The script each language writes in; a word of another of these scripts is foreign there.
NATIVE = {"ru": "CYRILLIC", "en": "LATIN"}
#: Lower-case Latin that belongs in any text: units and bibliographic abbreviations.
_LATIN_OK = {"km", "kg", "m", "cm", "mm", "ha", "t", "kw", "kwh", "mw", "gw", "gb", "mb", "kb",
             "et", "al", "ibid", "idem", "op", "cit", "loc", "cf", "passim", "etc", "vs", "ed",
             "eds", "vol", "no", "pp", "p", "sic", "ie", "eg", "e", "g", "i", "s", "n", "c"}


def _script(ch: str) -> str:
    return unicodedata.name(ch, "?").split()[0]


def _scripts(word: str) -> set[str]:
    return {_script(c) for c in word if c.isalpha()} & {"LATIN", "CYRILLIC"}


def _exempt(word: str, start: int, text: str, sentence: Sentence, unit: Unit,
            script: str, witnesses: list[str]) -> bool:
    """Whether a foreign-script ``word`` of ``text`` is where it belongs (see the module doc)."""
    if script == "LATIN" and (len(word) < 2 or sum(c.isupper() for c in word) > 1
                              or word.lower() in _LATIN_OK):
        return True  # an initial, acronym, Roman numeral, unit or bibliographic Latin
    if script == "LATIN" and (sentence.kind == "footnote" or word[0].isupper() and re.search(
            r"\([^()]*$", text[:start]) and re.match(r"[^()]*\)", text[start:])):
        return True
    return any(re.search(rf"(?<!{_LETTER}){re.escape(word)}(?!{_LETTER})", unit.text(x))
               for x in witnesses)


def _foreign_words(sentence: Sentence, unit: Unit, langs: tuple[str, ...]
                   ) -> tuple[list[str], list[str], bool, float]:
    """The sentence's words in a script foreign to its language, its mixed-script words,
    whether every foreign word is a capitalised name that no third language could confirm,
    and the share of the sentence's letters in foreign Cyrillic words."""
    text = _URL.sub(lambda m: " " * len(m.group()), sentence.text)
    lang = sentence.lang
    foreign, mixed, unconfirmed = [], [], True
    for match in _WORD.finditer(text):
        word, scripts = match.group(), _scripts(match.group())
        if len(scripts) > 1:
            mixed.append(word)
            continue
        script = next(iter(scripts), NATIVE.get(lang))
        if script == NATIVE.get(lang) or lang not in NATIVE and script == "LATIN":
            continue
        witnesses = [x for x in langs if x != lang and NATIVE.get(x) != script
                     and unit.sentences.get(x)]
        if not _exempt(word, match.start(), text, sentence, unit, script, witnesses):
            foreign.append(word)
            unconfirmed &= script == "LATIN" and word[0].isupper() and not witnesses
    letters = sum(c.isalpha() for c in text)
    cyrillic = sum(len(w) for w in foreign if _scripts(w) == {"CYRILLIC"})
    return foreign, mixed, unconfirmed, cyrillic / max(letters, 1)


def check_untranslated(alignment: Alignment, corpus: Document) -> list[Finding]:
    findings = []
    for unit in alignment:
        if unit.section == "colophon":
            continue
        for lang in alignment.langs:
            for sentence in unit.sentences[lang]:
                foreign, mixed, unconfirmed, share = _foreign_words(sentence, unit,
                                                                    alignment.langs)
                script = "Cyrillic" if lang != "ru" else "Latin"
                if share > 0.5:
                    severity = "error"
                    message = (f"{lang} {sentence.kind} left in Russian "
                               f"({share:.0%} Cyrillic letters)")
                elif mixed:
                    severity = "error"
                    message = (f"word(s) mixing Latin and Cyrillic letters in the {lang} text: "
                               f"{', '.join(mixed[:5])}")
                elif foreign:
                    severity = "info" if unconfirmed else "warning"
                    message = f"{script} word(s) in the {lang} text: {', '.join(foreign[:5])}"
                else:
                    continue
                findings.append(Finding(
                    "untranslated", severity, (lang,), unit.section, unit.id,
                    {lang: sentence.lines}, {lang: sentence.text}, message, sentence.id))
    return findings
