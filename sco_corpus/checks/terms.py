"""The term table: names, titles, acronyms and recurring terms with their renderings in each
language, extracted from the aligned units.

Extraction, in three steps (the rules the README lists):

1. **Mentions** in each language's side of each unit: titles in quotes (``«…»``, ``“…”``,
   ``"…"``, ``《…》``), acronyms (two or more capitals, outside headings set in capitals; Latin
   or Cyrillic in Russian, Latin only in the other languages), and names: in English a run of
   capitalised words, joined by ``of``/``of the``/``for``; in Russian a run of capitalised
   words. A capitalised word that opens a sentence counts only when the document also writes
   it capitalised inside a sentence; a single word the document writes more often in lower
   case (``Cooperation``) or a month name is no name. Russian words are compared by their
   first five letters (``Таджикистана`` = ``Таджикистан``; shorter ones without their final
   vowels), English ones lower-cased, Chinese as written.
2. **Renderings in the other languages** of each mention seen in at least
   :data:`MIN_UNITS` units: among the word n-grams (Chinese: character n-grams) of the other
   language in those units, the one whose units agree best with the mention's units (Dice
   over units, at least :data:`MIN_DICE`). A mention of that language (a name, title or
   acronym) wins, the best agreeing first, then the longer: a name is rendered by a name,
   however a slip elsewhere shifts the counts. Without one, among the n-grams within
   :data:`DICE_MARGIN` of the best, of those found in exactly the same units the shortest
   word n-gram (more words are context) or the longest character n-gram (fewer are a piece
   of a word) is kept, and the one closest in meaning to the mention (the sentence encoder
   on the short phrases, added to the Dice) wins. A quoted title seen once is paired with the one quoted title of
   the same unit in the other language.
3. **Variants**: where the other languages have their rendering and a language lacks its
   own, the n-gram that covers most such units (at least two, found with the term in at least
   :data:`MIN_PRECISION` of its units, and a name of that language or sharing a word, in
   Chinese two characters, with the first rendering) is a further rendering (``SCO`` /
   ``Shanghai Cooperation Organization``, ``集安`` / ``集体安全条约组织``).

Mentions that give the same renderings are one :class:`Term`, and of terms that share their
first renderings in two languages the more frequent is kept. The dominant rendering of a
language is its most frequent one.
"""
from __future__ import annotations

import hashlib
import re
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..align.units import Alignment, Unit
from ..dates import MONTH_WORD

#: A mention must be in this many units to be paired by co-occurrence.
MIN_UNITS = 2
#: The least Dice coefficient (over units) between a term and a rendering in another language.
MIN_DICE = 0.5
#: Candidates this close to the best Dice are compared by meaning too (score: Dice + cosine).
DICE_MARGIN = 0.1
#: At most this many candidates are compared by meaning (the encoder's cost).
MAX_COMPARED = 4
#: A variant rendering must occur mostly (this share of its units) where the term is.
MIN_PRECISION = 0.8
#: n-gram lengths searched: words (ru, en) and characters (zh).
MAX_WORDS, MIN_CHARS, MAX_CHARS = 6, 2, 10

_QUOTES = {
    "ru": re.compile(r"«([^«»]{2,80})»|“([^“”]{2,80})”"),
    "en": re.compile(r"“([^“”]{2,80})”|\"([^\"]{2,80})\""),
    "zh": re.compile(r"《([^《》]{2,40})》|“([^“”]{2,20})”"),
}
_ACRONYM = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]{2,}(?![\w-])")
_ROMAN = re.compile(r"[IVXLC]+")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w-]*")
_EN_NAME = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|of the|for)\s+)?[A-Z][\w-]*)*")
_RU_NAME = re.compile(r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)*")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_STOP = {
    "en": set("a an the of and or in on at to for by with from as is are was were be this that "
              "these those its it their his her which who".split()),
    "ru": set("и в во на с со к ко по о об от до за из у а но или что как это его ее их для при "
              "также не же ли".split()),
}
_ZH_EDGE = set("的了在和与及是等对为将把被于也而并或其之以")


@dataclass(frozen=True)
class Rendering:
    """How one language writes a term: the text (its most frequent form), the number of units
    it occurs in, those units and their source lines."""

    text: str
    count: int
    units: tuple[str, ...]
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Term:
    """A name, title, acronym or recurring term, with its renderings per language that has
    one (most frequent first: the first is the dominant one). ``id`` is derived from the dominant
    renderings, so it is stable for a given document; ``kind`` is ``title``, ``acronym``,
    ``name`` or ``term`` (what the mention it was found from is)."""

    id: str
    kind: str
    renderings: dict[str, tuple[Rendering, ...]]

    @property
    def dominant(self) -> dict[str, str]:
        """The dominant rendering per language that has one."""
        return {lang: r[0].text for lang, r in self.renderings.items() if r}

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang, r in self.renderings.items() if r)

    @property
    def count(self) -> int:
        """Units in which the term occurs in any language."""
        return len({u for r in self.renderings.values() for x in r for u in x.units})


# --- text keys ---------------------------------------------------------------------------

def _word_key(word: str, lang: str) -> str:
    """A word's key: lower case; Russian: its first five letters, or a shorter word without
    its final vowels (``Азию`` = ``Азии``), so that case forms share a key."""
    if lang != "ru" or word.isupper():
        return word.lower()
    word = word.lower().replace("ё", "е")
    return word[:5] if len(word) >= 5 else re.sub(r"(?<=..)[аеиоуыэюяй]+$", "", word)


def _tokens(text: str, lang: str) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` of each word (ru, en)."""
    return [(_word_key(m.group(), lang), m.start(), m.end()) for m in _WORD.finditer(text)]


def phrase_key(text: str, lang: str) -> str:
    """The key a phrase is compared by: its words' keys (Chinese: the text without spaces)."""
    if lang == "zh":
        return re.sub(r"\s+", "", text)
    return " ".join(_word_key(w, lang) for w in _WORD.findall(text))


class _Side:
    """The texts of one language, indexed by n-gram key -> units, with the surface forms."""

    def __init__(self, lang: str, units: list[Unit]):
        self.lang = lang
        self.units: dict[str, set[str]] = defaultdict(set)
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.text = {u.id: u.text(lang) for u in units if u.sentences.get(lang)}
        #: each unit's text as keys, to find a phrase of any length: `` key `` in it
        self.keyed = {uid: f" {phrase_key(text, lang)} " for uid, text in self.text.items()}
        self.grams: dict[str, set[str]] = defaultdict(set)  # unit -> its n-gram keys
        for uid, text in self.text.items():
            for key, form in self._ngrams(text):
                self.units[key].add(uid)
                self.grams[uid].add(key)
                self.forms[key][form] += 1

    def _ngrams(self, text: str) -> Iterable[tuple[str, str]]:
        if self.lang == "zh":
            for run in _CJK_RUN.findall(text):
                for n in range(MIN_CHARS, min(MAX_CHARS, len(run)) + 1):
                    for i in range(len(run) - n + 1):
                        gram = run[i:i + n]
                        if gram[0] not in _ZH_EDGE and gram[-1] not in _ZH_EDGE:
                            yield gram, gram
            for word in re.findall(r"[A-Za-z]{2,}", text):
                yield word, word
            return
        tokens = _tokens(text, self.lang)
        stop = _STOP.get(self.lang, set())
        for n in range(1, MAX_WORDS + 1):
            for i in range(len(tokens) - n + 1):
                gram = tokens[i:i + n]
                if gram[0][0] in stop or gram[-1][0] in stop:
                    continue
                yield " ".join(t[0] for t in gram), text[gram[0][1]:gram[-1][2]]

    def form(self, key: str) -> str:
        return self.forms[key].most_common(1)[0][0] if key in self.forms else key

    def find(self, key: str) -> set[str]:
        """The units whose text has the phrase ``key``."""
        if key in self.units:
            return self.units[key]
        needle = key if self.lang == "zh" else f" {key} "
        return {uid for uid, keyed in self.keyed.items() if needle in keyed}


# --- mentions ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """A name, title or acronym as written in one unit of one language."""

    lang: str
    unit: str
    kind: str
    text: str
    key: str


def capitalised_inside(texts: Iterable[str]) -> set[str]:
    """Words written capitalised somewhere other than at the start of a sentence."""
    seen = set()
    for text in texts:
        for m in re.finditer(r"(?<=[^\s.!?«“\"(])\s+([A-ZА-ЯЁ][\w-]*)", text):
            seen.add(m.group(1))
    return seen


def _upper_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def common_words(texts: Iterable[str]) -> set[str]:
    """Capitalised words the document writes more often in lower case (``Cooperation``,
    ``Организации``): common words, not names, when they stand alone."""
    counts = Counter(w for text in texts for w in _WORD.findall(text))
    return {w for w in counts if w[:1].isupper() and counts[w.lower()] >= counts[w]}


def find_mentions(unit: Unit, lang: str, inside: set[str],
                  common: set[str] = frozenset()) -> list[Mention]:
    """The titles, acronyms and names of ``unit`` in ``lang``; ``inside``: the words the
    document capitalises inside sentences (:func:`capitalised_inside`); ``common``: words
    that are no name alone (:func:`common_words`); month names are none either."""
    out: list[Mention] = []
    for sentence in unit.sentences.get(lang, ()):
        text = sentence.text
        for m in _QUOTES[lang].finditer(text):
            inner = (m.group(1) or m.group(2)).strip()
            if len(_WORD.findall(inner)) <= 10:
                out.append(Mention(lang, unit.id, "title", inner, phrase_key(inner, lang)))
        if _upper_heading(text):
            continue
        for m in _ACRONYM.finditer(text):
            # Cyrillic capitals in English or Chinese text are Russian left untranslated
            if not _ROMAN.fullmatch(m.group()) and (lang == "ru" or m.group().isascii()):
                out.append(Mention(lang, unit.id, "acronym", m.group(),
                                   phrase_key(m.group(), lang)))
        pattern = {"en": _EN_NAME, "ru": _RU_NAME}.get(lang)
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            words = m.group().split()
            if m.start() == len(text) - len(text.lstrip(" «“\"(–-")) and words[0] not in inside:
                words = words[1:]  # a sentence opening, not a name
            while words and words[0].lower() in ("the", "of", "for"):
                words = words[1:]
            name = " ".join(words)
            if name and not _ACRONYM.fullmatch(name) and len(name) > 2 \
                    and not (len(words) == 1 and (MONTH_WORD.match(name) or name in common)):
                out.append(Mention(lang, unit.id, "name", name, phrase_key(name, lang)))
    return out


# --- the table ---------------------------------------------------------------------------

def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


class _Builder:
    def __init__(self, alignment: Alignment, embedder=None):
        self.langs = alignment.langs
        self.units = list(alignment.units)
        self.lines = {(u.id, lang): u.lines(lang) for u in self.units for lang in self.langs}
        self.sides = {lang: _Side(lang, self.units) for lang in self.langs}
        self.embedder = embedder
        texts = [u.text(lang) for u in self.units for lang in self.langs]
        inside, common = capitalised_inside(texts), common_words(texts)
        self.mentions = [m for u in self.units for lang in self.langs
                         for m in find_mentions(u, lang, inside, common)]
        self.named = {(m.lang, m.key) for m in self.mentions}

    def _similar(self, text: str, candidates: list[str]) -> list[float]:
        if self.embedder is None:
            return [0.0] * len(candidates)
        vectors = self.embedder([text, *candidates])
        return [float(v @ vectors[0]) for v in vectors[1:]]

    def counterpart(self, lang: str, units: set[str], text: str) -> str | None:
        """The key in ``lang`` whose units agree best with ``units`` (Dice), or None."""
        side = self.sides[lang]
        candidates = set().union(*(side.grams[u] for u in units))
        scored = [(_dice(units, side.units[k]), k) for k in candidates
                  if len(side.units[k] & units) >= MIN_UNITS]
        if not scored:
            return None
        best = max(s for s, _ in scored)
        if best < MIN_DICE:
            return None
        named = {k: s for s, k in scored if s >= MIN_DICE and (lang, k) in self.named}
        if named:  # a name, title or acronym of that language is the likelier rendering
            return max(named, key=lambda k: (named[k], len(k), k))
        near = {k: s for s, k in scored if s >= max(best - DICE_MARGIN, MIN_DICE)}
        # of n-grams found in exactly the same units, keep the shortest word n-gram (more
        # words are context) and the longest character n-gram (fewer are a piece of a word)
        near = {k: s for k, s in near.items() if not any(
            k != o and side.units[o] == side.units[k] and (o in k if lang != "zh" else k in o)
            for o in near)}
        if len(near) > 1:
            keys = sorted(near, key=lambda k: (-near[k], -len(k), k))[:MAX_COMPARED]
            closeness = self._similar(text, [side.form(k) for k in keys])
            return max(zip(keys, closeness), key=lambda kc: (near[kc[0]] + kc[1], len(kc[0])))[0]
        return next(iter(near))

    def variants(self, lang: str, primary: str, others: dict[str, str]) -> list[str]:
        """Further keys of ``lang`` where the other languages have the term and ``primary``
        is missing (at least :data:`MIN_UNITS` units, mostly found with the term)."""
        side = self.sides[lang]
        with_others = set.intersection(*(self.sides[x].find(k) for x, k in others.items()))
        missing = {u for u in with_others if u in side.text} - side.find(primary)
        found = []
        while len(missing) >= MIN_UNITS:
            scored = []
            for k in set().union(*(side.grams[u] for u in missing)):
                covered = side.units[k] & missing
                precision = len(side.units[k] & with_others) / len(side.units[k])
                if len(covered) >= MIN_UNITS and precision >= MIN_PRECISION \
                        and k not in primary and primary not in k and self._akin(lang, k, primary):
                    scored.append((len(covered), precision, len(k), k))
            if not scored:
                break
            key = max(scored)[3]
            found.append(key)
            missing -= side.units[key]
        return found

    def _akin(self, lang: str, key: str, primary: str) -> bool:
        """Whether ``key`` may be another form of ``primary``: a name, title or acronym of
        its language, or sharing a word (Chinese: two characters) with it."""
        if (lang, key) in self.named:
            return True
        if lang == "zh":
            return len(set(key) & set(primary)) >= min(2, len(set(primary)))
        return bool(set(key.split()) & set(primary.split()))

    def rendering(self, lang: str, key: str) -> Rendering:
        side = self.sides[lang]
        found = side.find(key)
        units = tuple(u.id for u in self.units if u.id in found)
        lines = tuple(sorted({n for u in units for n in self.lines[(u, lang)]}))
        return Rendering(side.form(key), len(units), units, lines)

    def build(self) -> list[Term]:
        by_key: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in self.mentions:
            by_key[(m.lang, m.key)].append(m)
        found: dict[tuple, tuple[str, dict[str, list[str]]]] = {}
        for (lang, key), mentions in by_key.items():
            units = {m.unit for m in mentions}
            keys = {lang: key}
            if len(units) >= MIN_UNITS and key in self.sides[lang].units:
                for other in self.langs:
                    if other != lang:
                        match = self.counterpart(other, units, mentions[0].text)
                        if match is not None:
                            keys[other] = match
            elif mentions[0].kind == "title":
                keys.update(self._quoted_counterparts(mentions[0]))
            if len(keys) < 2:
                continue
            signature = tuple(keys.get(x) for x in self.langs)
            found.setdefault(signature, (mentions[0].kind, {}))
        terms = []
        for signature, (kind, _) in found.items():
            keys = {x: k for x, k in zip(self.langs, signature) if k is not None}
            renderings = {}
            for x in self.langs:
                if x not in keys:
                    continue
                others = {y: k for y, k in keys.items() if y != x}
                chosen = [keys[x], *self.variants(x, keys[x], others)]
                renderings[x] = tuple(sorted((self.rendering(x, k) for k in chosen),
                                             key=lambda r: -r.count))
            terms.append(Term(_term_id(renderings), kind, renderings))
        return _merge(terms)

    def _quoted_counterparts(self, mention: Mention) -> dict[str, str]:
        """A title seen once: the one title of the same unit in each other language."""
        out = {}
        for m_lang in self.langs:
            if m_lang == mention.lang:
                continue
            titles = [m for m in self.mentions if m.unit == mention.unit and m.lang == m_lang
                      and m.kind == "title"]
            mine = [m for m in self.mentions if m.unit == mention.unit
                    and m.lang == mention.lang and m.kind == "title"]
            if len(titles) == 1 and len(mine) == 1:
                out[m_lang] = titles[0].key
        return out


def _term_id(renderings: dict[str, tuple[Rendering, ...]]) -> str:
    label = "|".join(f"{lang}:{r[0].text if r else ''}" for lang, r in renderings.items())
    return "t-" + hashlib.sha1(label.encode()).hexdigest()[:10]


def _merge(terms: list[Term]) -> list[Term]:
    """One term per entity: of terms that share their dominant renderings in two languages
    the most frequent is kept; most frequent first (ties: by id)."""
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: (-t.count, t.id)):
        mine = set(term.dominant.items())
        if not any(len(mine & set(k.dominant.items())) >= 2 for k in kept):
            kept.append(term)
    return kept


#: Term tables already built with the default embedder, by alignment (the ``term`` check and
#: the glossary exports of one build share one): id → (a weak reference to it, its table).
_TABLES: dict[int, tuple[weakref.ref, list[Term]]] = {}


def build_terms(alignment: Alignment, embedder=None) -> list[Term]:
    """The term table of ``alignment`` (``embedder``: default the alignment's own, which breaks
    ties between renderings by meaning; None when the alignment has none). The default table
    is built once per alignment."""
    if embedder is not None:
        return _Builder(alignment, embedder).build()
    key = id(alignment)
    ref, table = _TABLES.get(key, (None, []))
    if ref is None or ref() is not alignment:
        table = _Builder(alignment, alignment.embedder).build()
        _TABLES[key] = (weakref.ref(alignment, lambda _: _TABLES.pop(key, None)), table)
    return list(table)


def terms_frame(terms: list[Term], langs: tuple[str, ...]):
    """One row per term: ``id, kind, units`` (units it occurs in, any language), then per
    language its dominant rendering ``<lang>``, that rendering's unit count ``<lang>_count``
    and source lines ``<lang>_lines`` (space-separated), and the other renderings
    ``<lang>_variants`` (``"text (count); ..."``); "" and 0 where a language has none."""
    import pandas as pd

    columns = ["id", "kind", "units"] + [f"{lang}{x}" for lang in langs
                                         for x in ("", "_count", "_lines", "_variants")]
    rows = []
    for term in terms:
        row = {"id": term.id, "kind": term.kind, "units": term.count}
        for lang in langs:
            rs = term.renderings.get(lang, ())
            row[lang] = rs[0].text if rs else ""
            row[f"{lang}_count"] = rs[0].count if rs else 0
            row[f"{lang}_lines"] = " ".join(map(str, rs[0].lines)) if rs else ""
            row[f"{lang}_variants"] = "; ".join(f"{r.text} ({r.count})" for r in rs[1:])
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)
