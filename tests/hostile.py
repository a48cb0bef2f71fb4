"""Hostile trilingual documents for fuzzing (``tests/test_fuzz.py``, ``scripts/fuzz_cli.py``).

:func:`document` lays out one to three of ru/en/zh in any order from the texts of
:mod:`synthetic` and spoils them: invisible format characters, tabs, form and vertical feeds,
markdown debris, page numbers and running headers, lines of punctuation or digits, Greek,
Arabic and emoji, empty sections, repeated sentences and paragraphs, mixed line endings, a
byte-order mark, and now and then one line tens of thousands of characters long. Everything
is drawn from ``rng`` (a :class:`random.Random`, or hypothesis' ``st.randoms()``).
"""
from __future__ import annotations

import random
import re

from synthetic import TEXT

LANGS = ("ru", "en", "zh")
INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero widths, word joiner, BOM, soft hyphen
             "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # bidi
CONTROLS = "\t\f\v"
DEBRIS = ("**", "*", "\\$", "\\*", "<http://example.org/a?b=1>", "** ", " **", "\\_", "__")
FOREIGN = ("Καλημέρα κόσμε.", "مرحبا بالعالم.", "🙂🚀", "👨\u200d👩\u200d👧", "Ελληνικά 2014",
           "ⓐⓑⓒ", "ℵ₀")
JUNK_LINES = ("...", "—", "***", "§ § §", "?!", "• • •", "-----", "12345", "2014", "7",
              "0 0 0", "«»", "\t\f\v", "\u200b", "  ", "()")
ENDINGS = ("\n", "\r\n", "\r")
HUGE_KINDS = ("endless", "repeated")


def _spoil(rng: random.Random, line: str, rate: float) -> str:
    """``line`` with a few hostile characters or fragments inserted at random places."""
    for _ in range(3):
        if not line or rng.random() >= rate:
            break
        at = rng.randrange(len(line) + 1)
        pool = rng.choice((INVISIBLE, CONTROLS, DEBRIS, FOREIGN))
        piece = rng.choice(pool)
        line = line[:at] + (piece if pool in (INVISIBLE, CONTROLS) else f" {piece} ") + line[at:]
    return line


def _huge(rng: random.Random, lang: str, kind: str) -> str:
    """A line of tens of thousands of characters: one ``endless`` sentence, or one sentence
    ``repeated`` hundreds of times."""
    size = rng.randint(20_000, 60_000)
    if kind == "endless":
        word = re.match(r"\w+", rng.choice(TEXT[lang]["sentences"])).group()
        body = (word + ("" if lang == "zh" else " ")) * (size // (len(word) + 1))
        return body + ("。" if lang == "zh" else ".")
    sentence = rng.choice(TEXT[lang]["sentences"]) + ("" if lang == "zh" else " ")
    return sentence * (size // len(sentence))


def _part(rng: random.Random, lang: str, chapters: int, rate: float, huge: str | None
          ) -> list[str]:
    """The lines of one language part, with a huge line of kind ``huge`` somewhere."""
    t = TEXT[lang]
    joiner = "" if lang == "zh" else " "
    out = list(t["title"]) + [""]
    names = t["chapters"][:chapters]
    if rng.random() < 0.6:
        out += [t["toc"], ""] + [f"{name}.....\t{3 + 4 * k}" for k, name in enumerate(names)]
    page = 1
    written: list[str] = []
    for name in names:
        out += ["", "", "", name.upper() if rng.random() < 0.8 else name, "", "", ""]
        if rng.random() < 0.2:
            continue  # an empty section: a heading with nothing under it
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if written and roll < 0.15:
                paragraph = rng.choice(written)  # a repeated paragraph
            else:
                sentences = rng.sample(t["sentences"], rng.randint(1, 3))
                if roll > 0.85:
                    sentences.append(sentences[0])  # a repeated sentence
                paragraph = joiner.join(sentences)
                written.append(paragraph)
            out += [paragraph, ""]
            roll = rng.random()
            if roll < 0.25:
                page += 1
                header = t["header"].format(page=page)
                out += rng.choice((["", "", str(page), "", header, "", "", ""],
                                   ["", "", header, "", str(page), "", ""],
                                   [header, f"- {page} -"]))  # a stray header, no page break
            elif roll < 0.35:
                out += [rng.choice(JUNK_LINES), ""]
            elif roll < 0.45:
                out += [rng.choice(FOREIGN), ""]
            elif roll < 0.55:
                out += [t["caption"], "", t["footnote"], ""]
            elif roll < 0.65:
                out += [t["intro"]] + t["items"] + [""]
            elif roll < 0.7:
                first, second = t["break"]  # a paragraph broken by a stray page number
                out += [first, str(page), second, ""]
    out = [_spoil(rng, line, rate) for line in out]
    if huge:
        out.insert(rng.randrange(1, len(out) + 1), _huge(rng, lang, huge))
    return out


def document(rng: random.Random, huge_rate: float = 0.15,
             huge_kinds: tuple[str, ...] = HUGE_KINDS) -> bytes:
    """A hostile document as UTF-8 bytes; with chance ``huge_rate`` one of its parts has a
    huge line of one of ``huge_kinds``."""
    langs = rng.sample(LANGS, rng.randint(1, 3))
    chapters = rng.randint(1, 3)
    rate = rng.choice((0.0, 0.1, 0.4))
    huge = rng.choice(langs) if huge_kinds and rng.random() < huge_rate else None
    lines = [""] * rng.randint(0, 2)
    for lang in langs:
        kind = rng.choice(huge_kinds) if lang == huge else None
        lines += _part(rng, lang, chapters, rate, kind)
    if rng.random() < 0.2:
        lines += ["", "Подписано в печать 01.02.2021", "Тираж 300 экз."]
    style = rng.choice(ENDINGS + ("mixed",))
    text = "".join(line + (rng.choice(ENDINGS) if style == "mixed" else style) for line in lines)
    return (b"\xef\xbb\xbf" if rng.random() < 0.1 else b"") + text.encode("utf-8")
