"""The ``term`` check: a name or term rendered differently from the rest of the document.

Built on the term table (:mod:`sco_corpus.checks.terms`); only terms seen in at least
:data:`MIN_COUNT` units, with renderings in at least two languages, take part.

- **Another entity** (warning): in a unit where the other languages name term *A* and one
  language lacks every rendering of *A*, that language names a term *B* that the others do not
  name there, although the document gives their renderings of *B* elsewhere: ru/zh say Astana,
  en says Almaty. *A* must be a sure term (its languages agree on where it is:
  :data:`MIN_AGREEMENT`), *B* a fair one (:data:`MIN_RIVAL_AGREEMENT`); *B*'s rendering
  must share no word with *A*'s (``Council of Heads`` for ``Council`` is one entity) and the
  other languages must not name *B* even in part (``Tajikistan`` for ``Republic of
  Tajikistan``). A language that only lacks *A* (a pronoun, a paraphrase) is no finding.
- **A word missing or changed in an official name** (warning): the language lacking *A*'s
  renderings has a name sharing half or more of the words of *A*'s dominant rendering (itself
  a name of two words or more): ``Regional Structure`` for ``Regional Anti-Terrorist
  Structure``.
- **A rare variant** (info): every language has the term, but one writes it in a variant it
  uses at most :data:`RARE_SHARE` as often as its dominant rendering, and the variant is a
  name, title or acronym there (a shortened or reworded official title).
"""
from __future__ import annotations

from ..align.units import Alignment, Unit
from ..corpus import Corpus
from .common import lines_of, present
from .finding import Finding
from .terms import Term, build_terms, capitalised_inside, common_words, find_mentions, phrase_key

#: Terms seen in fewer units take no part (one occurrence has no dominant rendering).
MIN_COUNT = 3
#: A term is checked when its languages agree at least this well on where it is (Dice over
#: units, every pair of languages): its renderings are sure enough to compare.
MIN_AGREEMENT = 0.7
#: The other entity named instead needs less agreement: the named rendering is only quoted.
MIN_RIVAL_AGREEMENT = 0.5
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


def _agreement(term: Term) -> float:
    """The least Dice coefficient between two languages' units of ``term``."""
    units = {x: {u for r in rs for u in r.units} for x, rs in term.renderings.items() if rs}
    langs = list(units)
    return min((2 * len(units[a] & units[b]) / (len(units[a]) + len(units[b]))
                for i, a in enumerate(langs) for b in langs[i + 1:]), default=0.0)


def _show(term: Term, langs) -> str:
    return "/".join(term.dominant[x] for x in langs if x in term.dominant)


def check_terms(alignment: Alignment, corpus: Corpus | None = None, terms=None) -> list[Finding]:
    """Findings of the ``term`` check (``terms``: a table already built for ``alignment``)."""
    known = [t for t in (terms if terms is not None else build_terms(alignment))
             if t.count >= MIN_COUNT and len(t.langs) >= 2]
    agreement = {t.id: _agreement(t) for t in known}
    rivals = [t for t in known if agreement[t.id] >= MIN_RIVAL_AGREEMENT]
    terms = [t for t in rivals if agreement[t.id] >= MIN_AGREEMENT]
    places = {t.id: _where(t) for t in rivals}
    texts = [u.text(x) for u in alignment for x in alignment.langs]
    inside, common = capitalised_inside(texts), common_words(texts)
    names = {(m.lang, m.key) for u in alignment for x in alignment.langs
             for m in find_mentions(u, x, inside, common) if m.kind != "title"}
    findings = []
    for unit in alignment:
        langs = present(unit)
        if len(langs) < 2:
            continue
        here = {t.id: places[t.id].get(unit.id, {}) for t in rivals}
        for term in terms:
            found = here[term.id]
            missing = [x for x in langs if x not in found and x in term.dominant]
            if len(missing) == 1 and len(found) >= 2 and len(langs) == 3:
                findings += _other_entity(unit, term, missing[0], found, rivals, here) \
                    or _partial_title(unit, term, missing[0], found, inside, common, names)
            elif not missing and len(found) == len(langs):
                findings += _rare_variant(unit, term, found, inside, common)
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
        if _shared_words(mine, term.dominant[lang], lang) or any(
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
            message = (f"{lang} writes {mention.text!r} where {'/'.join(others)} name "
                       f"{_show(term, others)}, which {lang} elsewhere writes {dominant!r}: "
                       f"an official name with a word missing or changed")
            return [_finding(unit, "warning", message, f"{term.id}:{lang}:{mention.key}")]
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
