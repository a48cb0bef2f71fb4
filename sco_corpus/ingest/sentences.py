"""Sentence splitting per language, offline.

Russian uses ``razdel`` (rule-based, no model to download), English nltk's Punkt with the
parameters set here (abbreviations of this genre) instead of a downloaded model, and Chinese
its own punctuation rules.  A shared pass then re-glues splits that follow an abbreviation or
an initial.  ``scripts/compare_sentence_splitters.py`` measures the alternatives on the gold.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Block, Sentence

#: Abbreviations that never end a sentence (lower case, inner dots kept, final dot dropped).
NON_FINAL = {
    "ru": frozenset("с см ср стр им ул обл рис табл проф акад доц напр т.е т.ч т.к ст".split()),
    "en": frozenset("no nos e.g i.e vs p pp vol ch fig mr mrs ms dr prof gen jr st mt cf approx "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split()),
}
#: Abbreviations that can end a sentence ("и т. д."): a split after them stands when the next
#: word starts with a capital.  Any split before a lower-case word is undone anyway.
MAY_END = frozenset("т.д т.п др etc г гг млн млрд тыс".split())

#: A Chinese sentence: up to its final mark, with closing quotes and footnote superscripts.
_ZH_SENTENCE = re.compile(r".*?(?:[。！？；]+|…+|……)[”’」』）》】\"'¹²³⁴⁵⁶⁷⁸⁹⁰]*|.+?$", re.S)
_CLOSERS = "”’」』）》】\"'»)]"


def _zh_split(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _ZH_SENTENCE.finditer(text):
        start, end = match.span()
        chunk = match.group()
        if not chunk.strip():
            continue
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        spans.append((start, end))
    # an ellipsis that closes the text or is followed by a closing bracket stays attached
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][0]:merged[-1][1]].endswith("…") and (
                text[start] in _CLOSERS or not text[start:end].strip(_CLOSERS + "…。 ")):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(NON_FINAL["en"])
    return PunktSentenceTokenizer(params)


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from nltk Punkt with the project's parameters."""
    return list(_punkt().span_tokenize(text))


def razdel_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from razdel."""
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(text)]


_TOKENS = re.compile(r"(\S+)\s+(\S+)\s*$|(\S+)\s*$")


def _starts_sentence(text: str) -> bool:
    first = text.lstrip("«“\"'(—–- ")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


def _wrong_split(prev: str, following: str, lang: str) -> bool:
    """Whether a split between ``prev`` and ``following`` is an abbreviation or initial."""
    if not _starts_sentence(following):
        return True
    match = _TOKENS.search(prev)
    if not match or not prev.rstrip().endswith("."):
        return False
    before, last = (match.group(1), match.group(2)) if match.group(2) else ("", match.group(3))
    word = last.rstrip(".").lstrip("(«“\"'").casefold()
    pair = (before + last).rstrip(".").casefold() if before.endswith(".") else ""
    if pair in MAY_END or word in MAY_END:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial (К. С.), or a page reference (С. 271)
    return word in NON_FINAL.get(lang, ()) or pair in NON_FINAL.get(lang, ())


def _repair(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Undo splits after abbreviations and initials, and before lower-case words."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _wrong_split(text[out[-1][0]:out[-1][1]], text[start:end], lang):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def split_spans(text: str, lang: str, backend: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` in language ``lang``."""
    if not text.strip():
        return []
    if lang == "zh":
        return _zh_split(text)
    backend = backend or ("razdel" if lang == "ru" else "punkt")
    spans = razdel_spans(text) if backend == "razdel" else punkt_spans(text)
    return _repair(text, spans, lang)


def split_text(text: str, lang: str, backend: str | None = None) -> list[str]:
    """The sentences of ``text``."""
    return [text[a:b] for a, b in split_spans(text, lang, backend)]


#: Signs of a bibliographic reference: a "//" source separator, a link, a page or issue number.
_REFERENCE = re.compile(r"//|https?://|www\.|\s[СCPРсp]\.\s*\d|№\s*\d")


def block_sentences(block: Block, rules: str | None = None) -> list[Sentence]:
    """The sentences of one block, each with its id and source lines; ``rules``: the language
    whose splitting rules apply (default: the block's own, see :attr:`Part.rules`).

    Headings, titles and TOC entries are one segment each, and so is a footnote that is a
    bibliographic reference (its full stops separate author, title and place).
    """
    whole = block.kind in ("toc_entry", "title", "toc_heading", "heading") or (
        block.kind == "footnote" and _REFERENCE.search(block.text))
    if whole:
        spans = [(0, len(block.text))] if block.text.strip() else []
    else:
        spans = split_spans(block.text, rules or block.lang)
    return [
        Sentence(f"{block.id}/{n}", block.lang, block.section, block.id, block.kind,
                 block.text[a:b], block.lines_of(a, b))
        for n, (a, b) in enumerate(spans, 1)
    ]
