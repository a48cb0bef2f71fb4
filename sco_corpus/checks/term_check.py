"""The ``term`` check: a name or term rendered differently from the rest of the document.

Built on the term table (:mod:`sco_corpus.checks.terms`); only terms seen in at least
:data:`MIN_COUNT` units (a name spelt alike in Russian and English, one fewer), with
renderings in at least two languages, take part.

- **Another entity** (warning): in a unit where the other languages name term *A* and one
  language lacks every rendering of *A*, that language names a term *B* that the others do not
  name there, although the document gives their renderings of *B* elsewhere: ru/zh say Astana,
  en says Almaty. *A* must be a sure term (elsewhere its languages agree on where it is:
  :data:`MIN_AGREEMENT`), *B* a fair one (:data:`MIN_RIVAL_AGREEMENT`); a name whose Russian
  and English renderings spell the same (:data:`TRANSLITERATED`) is sure; *B*'s rendering
  must share no word (Chinese: two characters in a row) with *A*'s (``Council of Heads`` for
  ``Council`` is one entity) and the
  other languages must not name *B* even in part (``Tajikistan`` for ``Republic of
  Tajikistan``). A language that only lacks *A* (a pronoun, a paraphrase) is no finding.
- **A word missing or changed in an official name** (warning): the language lacking *A*'s
  renderings has a name sharing half or more of the words of *A*'s dominant rendering (itself
  a name of two words or more): ``Regional Structure`` for ``Regional Anti-Terrorist
  Structure``. The same words in another order (``Spirit of Shanghai`` for ``Shanghai
  Spirit``) are info.
- **Names spelt for other entities** (warning): Russian or English names, in one unit, a
  place or person whose partner the document elsewhere spells alike, the other language lacks
  that partner and names another place or person (``Екатеринбург`` here with ``Tashkent``,
  where the document pairs ``Екатеринбург`` / ``Yekaterinburg``): :func:`_respelt`.
- **A swapped name** (warning; info when only the name written instead is sure): names paired
  unit by unit without the term table (:mod:`sco_corpus.checks.name_pairs`): one language
  names an entity neither other language names there, and lacks, or names fewer times, an
  entity both others name (``莫斯科`` for ``Astana``/``Астана``; ``Council of Heads`` →
  ``Yekaterinburg of Heads``); Chinese names are the counterparts of Russian and English ones.
  Reported where the rules above report nothing.
- **A rare variant** (info): every language has the term, but one writes it in a variant it
  uses at most :data:`RARE_SHARE` as often as its dominant rendering, and the variant is a
  name, title or acronym there (a shortened or reworded official title).
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from ..align.units import Alignment, Unit
from ..ingest.document import Document
from .common import lines_of, present
from .finding import Finding
from .name_pairs import MIN_AGREEMENT, MIN_RIVAL_AGREEMENT, NamePairs, Swap
from .terms import (
    Term,
    build_terms,
    capitalised_inside,
    common_words,
    find_mentions,
    phrase_key,
)

#: Terms seen in fewer units take no part (one occurrence has no dominant rendering).
MIN_COUNT = 3
#: A term is checked in a unit when, in the rest of the document, its languages agree at
#: least ``MIN_AGREEMENT`` on where it is (:class:`_Agreement`): where two name it, the third
#: does in seven units of ten; the other entity named instead, ``MIN_RIVAL_AGREEMENT``.
#: A Russian and an English rendering whose spellings agree this well (rapidfuzz ratio of the
#: romanised Russian and the English, lower case) are one name transliterated: ``Душанбе`` /
#: ``Dushanbe`` 100, ``Екатеринбурге`` / ``Yekaterinburg`` 88, ``Афганистана`` /
#: ``Afghanistan`` 91, against 77 for ``Россия`` / ``Russia`` and below 55 for translated
#: names (``Совет`` / ``Council``) -- a correspondence as sure as agreement on places.
TRANSLITERATED = 80
#: A variant used at most this share of the dominant rendering's count is a rare one.
RARE_SHARE = 0.2


def _where(term: Term) -> dict[str, dict[str, str]]:
    """unit id -> language -> the rendering of ``term`` found there."""
    out: dict[str, dict[str, str]] = {}
    for lang, renderings in term.renderings.items():
        for rendering in renderings:
            for unit in rendering.units:
                out.setdefault(unit, {}).setdefault(lang, rendering.text)
    return out


class _Agreement:
    """How well the languages of a term agree on where it is: of the units where two or more
    of them name it, the share where all do. A language naming it where no other does (a
    passage only it has, or repeats) does not count against it."""

    def __init__(self, term: Term):
        units = [{u for r in rs for u in r.units} for rs in term.renderings.values() if rs]
        self.seen = Counter(u for group in units for u in group)
        self.langs = len(units)
        self.shared = sum(n >= 2 for n in self.seen.values())
        self.full = sum(n == self.langs for n in self.seen.values())

    def share(self, without: str | None = None) -> float:
        """The agreement, leaving out the unit ``without`` (where a finding is looked for):
        what the rest of the document says."""
        n = self.seen.get(without, 0)
        shared, full = self.shared - (n >= 2), self.full - (n == self.langs)
        return full / shared if shared >= MIN_COUNT - 1 else 0.0


#: Russian letters in Latin, as English texts transliterate names (BGN/PCGN, simplified).
_ROMAN = str.maketrans({**dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")),
                        "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                        "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"})


def _transliterated(term: Term, lower: set[str]) -> bool:
    """Whether the term's Russian and English dominant renderings spell one proper name (no
    word of the English one is among ``lower``, the words the document writes in lower case:
    ``Организации`` / ``Organization`` is a word borrowed, not a name)."""
    ru, en = term.dominant.get("ru"), term.dominant.get("en")
    return bool(ru and en) and _proper(en, lower) and _spelt(ru, en)


def _spelt(ru: str, en: str) -> bool:
    """Whether Russian ``ru`` and English ``en`` spell one name (:data:`TRANSLITERATED`)."""
    return fuzz.ratio(ru.lower().translate(_ROMAN), en.lower()) >= TRANSLITERATED


def _proper(en: str, lower: set[str]) -> bool:
    """Whether no word of English ``en`` is among ``lower``, the words the document writes in
    lower case."""
    return not set(re.findall(r"[^\W\d_]+", en.lower())) & lower


def _show(term: Term, langs) -> str:
    return "/".join(term.dominant[x] for x in langs if x in term.dominant)


def check_terms(alignment: Alignment, corpus: Document | None = None,
                terms=None) -> list[Finding]:
    """Findings of the ``term`` check (``terms``: a table already built for ``alignment``)."""
    table = terms if terms is not None else build_terms(alignment)
    lower = {x: {w for u in alignment for w in re.findall(r"[^\W\d_]+", u.text(x))
                 if w.islower()} for x in alignment.langs}
    spelled = {t.id for t in table if _transliterated(t, lower.get("en", set()))}
    known = [t for t in table if len(t.langs) >= 2
             and t.count >= (MIN_COUNT - 1 if t.id in spelled else MIN_COUNT)]
    agreement = {t.id: _Agreement(t) for t in known}
    rivals = [t for t in known
              if t.id in spelled or agreement[t.id].share() >= MIN_RIVAL_AGREEMENT]
    places = {t.id: _where(t) for t in rivals}
    texts = [u.text(x) for u in alignment for x in alignment.langs]
    inside, common = capitalised_inside(texts), common_words(texts)
    mentions = {(u.id, x): find_mentions(u, x, inside, common)
                for u in alignment for x in alignment.langs}
    names = {(m.lang, m.key) for found in mentions.values() for m in found if m.kind != "title"}
    findings = []
    for unit in alignment:
        langs = present(unit)
        if len(langs) < 2:
            continue
        here = {t.id: places[t.id].get(unit.id, {}) for t in rivals}
        for term in rivals:
            found = here[term.id]
            missing = [x for x in langs if x not in found and x in term.dominant]
            if len(missing) == 1 and len(found) >= 2 and len(langs) == 3 and (
                    term.id in spelled or agreement[term.id].share(unit.id) >= MIN_AGREEMENT):
                findings += _other_entity(unit, term, missing[0], found, rivals, here) \
                    or _partial_title(unit, term, missing[0], found, inside, common, names)
            elif not missing and len(found) == len(langs) \
                    and agreement[term.id].share() >= MIN_AGREEMENT:
                findings += _rare_variant(unit, term, found, inside, common)
    reported = {f.unit for f in findings}
    findings += [f for f in _respelt(alignment, mentions, lower) if f.unit not in reported]
    reported = {f.unit for f in findings}
    return findings + [_swapped(s) for s in NamePairs(alignment).swaps()
                       if s.unit.id not in reported]


def _swapped(swap: Swap) -> Finding:
    """A finding of :class:`~sco_corpus.checks.name_pairs.Swap`: a warning, or info when the
    entity the language lacks is paired less surely than :data:`MIN_RIVAL_AGREEMENT`."""
    lang = swap.lang
    message = (f"{lang} names {swap.x!r} (elsewhere {'/'.join(swap.x_others.values())}) where "
               f"{'/'.join(swap.y_text)} name {'/'.join(swap.y_text.values())} ({lang} elsewhere "
               f"{swap.y_lang!r}): two languages name one entity, {lang} another")
    return _finding(swap.unit, "warning" if swap.sure else "info", message,
                    f"swap:{lang}:{swap.x}:{swap.y_lang}")


def _respelt(alignment: Alignment, mentions: dict, lower: dict[str, set[str]]) -> list[Finding]:
    """Units where Russian or English names a place or person whose partner the document
    elsewhere spells alike (``Душанбе`` / ``Dushanbe``) while the other language lacks that
    partner and names another one: a name so spelt, or a one-word proper name of its own used
    in two or more units (``Москва`` / ``Moscow`` are not spelt alike). Only the names of one
    unit are compared, so this needs no term table and no third language."""
    if not {"ru", "en"} <= set(alignment.langs):
        return []

    def names(unit: Unit, lang: str) -> dict[str, str]:
        return {m.key: m.text for m in mentions[unit.id, lang]
                if m.kind == "name" and _proper(m.text, lower[lang])}

    sides = {u.id: {"ru": names(u, "ru"), "en": names(u, "en")} for u in alignment}
    pairs = {(r, e) for side in sides.values() for r, a in side["ru"].items()
             for e, b in side["en"].items() if _spelt(a, b)}
    spelt = {"ru": {r for r, _ in pairs}, "en": {e for _, e in pairs}}
    used = Counter((x, k) for side in sides.values() for x in side for k in side[x])
    written = {k: b for side in sides.values() for k, b in side["en"].items()}
    findings = []
    for unit in alignment:
        side = sides[unit.id]
        keyed = {x: f" {phrase_key(unit.text(x), x)} " for x in side}
        partners = {"ru": {r: [e for a, e in pairs if a == r] for r in side["ru"]},
                    "en": {e: [r for r, b in pairs if b == e] for e in side["en"]}}
        alone = {x: [k for k in side[x] if not any(  # its partner is nowhere in the other text
            f" {p} " in keyed["en" if x == "ru" else "ru"] for p in partners[x][k])]
            for x in ("ru", "en")}
        lone = {x: [k for k in alone[x] if k in spelt[x]] for x in alone}
        other = {x: [k for k in alone[x] if k in spelt[x] or (
            " " not in side[x][k] and used[x, k] >= 2)] for x in alone}
        if not (lone["ru"] and other["en"] or lone["en"] and other["ru"]):
            continue
        ru, en = (lone["ru"], other["en"]) if lone["ru"] and other["en"] else \
            (other["ru"], lone["en"])
        elsewhere = sorted({written[e] for r, e in pairs if r in ru})
        message = (f"ru names {', '.join(repr(side['ru'][k]) for k in ru)}"
                   + (f" (in en elsewhere {', '.join(map(repr, elsewhere))})" if elsewhere else "")
                   + f" where en names {', '.join(repr(side['en'][k]) for k in en)}: two "
                   f"different places or people")
        findings.append(_finding(unit, "warning", message,
                                 f"respelt:{','.join(ru)}:{','.join(en)}"))
    return findings


def _other_entity(unit: Unit, term: Term, lang: str, found: dict[str, str],
                  terms: list[Term], here: dict[str, dict[str, str]]) -> list[Finding]:
    others = list(found)
    out = []
    for rival in terms:
        seen = here[rival.id]
        if rival.id == term.id or lang not in seen or any(x in seen for x in others) \
                or not all(x in rival.dominant for x in others):
            continue
        mine = seen[lang]
        if _names_part(mine, term.dominant[lang], lang) or any(
                _names_part(unit.text(x), rival.dominant[x], x) for x in others):
            continue  # one entity named at another length, or the others name B too in part
        message = (f"{lang} names {mine!r} (elsewhere {_show(rival, others)}) where "
                   f"{'/'.join(others)} name {_show(term, others)} ({lang} elsewhere "
                   f"{term.dominant[lang]!r}): two languages name one entity, {lang} another")
        out.append(_finding(unit, "warning", message, f"{term.id}:{rival.id}:{lang}"))
    return out


def _names_part(text: str, name: str, lang: str) -> bool:
    """Whether ``text`` has a word of ``name`` (three letters or more; Chinese: two
    characters of it in a row)."""
    if lang == "zh":
        return any(name[i:i + 2] in text for i in range(len(name) - 1))
    words = set(phrase_key(text, lang).split())
    return any(len(w) >= 3 and w in words for w in phrase_key(name, lang).split())


def _shared_words(a: str, b: str, lang: str) -> float:
    """The share of the words of ``b`` that ``a`` has (Chinese: of its characters)."""
    if lang == "zh":
        return len(set(a) & set(b)) / max(len(set(b)), 1)
    wa, wb = set(phrase_key(a, lang).split()), set(phrase_key(b, lang).split())
    return len(wa & wb) / max(len(wb), 1)


def _content(name: str, lang: str) -> set[str]:
    """The words of three letters or more of ``name``, by key."""
    return {w for w in phrase_key(name, lang).split() if len(w) >= 3}


def _partial_title(unit: Unit, term: Term, lang: str, found: dict[str, str], inside,
                   common, names: set) -> list[Finding]:
    """A name in ``lang`` with half or more of the words of the term's dominant rendering (a
    name of two words at least: one of ``names``) but not one of its renderings: a title
    missing or changing a word."""
    dominant = term.dominant[lang]
    key = phrase_key(dominant, lang)
    if lang == "zh" or len(key.split()) < 2 or (lang, key) not in names:
        return []
    known = {phrase_key(r.text, lang) for r in term.renderings[lang]}
    for mention in find_mentions(unit, lang, inside, common):
        if mention.key not in known and _shared_words(mention.text, dominant, lang) >= 0.5:
            others = list(found)
            reordered = _content(mention.text, lang) == _content(dominant, lang)
            message = (f"{lang} writes {mention.text!r} where {'/'.join(others)} name "
                       f"{_show(term, others)}, which {lang} elsewhere writes {dominant!r}: "
                       + ("the same words in another order" if reordered
                          else "an official name with a word missing or changed"))
            return [_finding(unit, "info" if reordered else "warning", message,
                             f"{term.id}:{lang}:{mention.key}")]
    return []


def _rare_variant(unit: Unit, term: Term, found: dict[str, str], inside, common) -> list[Finding]:
    out = []
    for lang, text in found.items():
        renderings = {r.text: r for r in term.renderings[lang]}
        dominant = term.renderings[lang][0]
        variant = renderings[text]
        if variant is dominant or variant.count > RARE_SHARE * dominant.count:
            continue
        mentions = find_mentions(unit, lang, inside, common)
        if not any(text in m.text for m in mentions):
            continue
        message = (f"{lang} writes {text!r} here ({variant.count} units) where the document "
                   f"mostly writes {dominant.text!r} ({dominant.count} units) for "
                   f"{_show(term, [x for x in found if x != lang])}")
        out.append(_finding(unit, "info", message, f"{term.id}:{lang}:{text}"))
    return out


def _finding(unit: Unit, severity: str, message: str, key: str) -> Finding:
    return Finding("term", severity, present(unit), unit.section, unit.id, lines_of(unit),
                   {lang: unit.text(lang) for lang in present(unit)}, message, key)
