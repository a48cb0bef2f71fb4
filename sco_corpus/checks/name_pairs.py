"""Names matched unit by unit across the languages: a name one language writes where the other
two name another entity (the ``term`` check's *swapped name* rule).

The term table (:mod:`sco_corpus.checks.terms`) keeps one dominant rendering per language, so
a rename to a name it renders by a fragment or a context n-gram, or of a name it pairs weakly,
goes unnoticed. Here each name is instead paired, per language pair, with the *set* of
n-grams of the other language that agree with it about as well as the best, and that set is
measured leaving out the unit being checked, so a slip there does not shift the pairing it is
judged by (nor does a second slip of the same two names in another unit).

- **Items** of a unit: in Russian and English the names and acronyms
  :func:`~sco_corpus.checks.terms.find_mentions` finds (a sentence's first word too when the
  document capitalises another case form of it inside a sentence), and each capitalised word
  of a multi-word or hyphenated name (``Council`` in ``Government of Council``, ``Moscow`` in
  ``SCO-Moscow``); in Chinese, which writes no capitals, the character n-grams of at least
  :data:`MIN_ZH_CHARS` characters that are counterparts of a Russian or English item whose
  languages agree on where it is (:data:`MIN_RIVAL_AGREEMENT`), the longest at each place.
- **Counterparts** of an item in another language: the n-grams (word n-grams; Chinese:
  character n-grams) sharing at least :data:`MIN_SHARED` units with it, Dice over units at least
  :data:`MIN_DICE`, and within :data:`DICE_MARGIN` of the best Dice or of the best coverage
  (share of the item's units it is in: a language that adds a place name elsewhere agrees
  less by Dice, yet covers every unit).
- **Agreement** of an item: of the other units with all languages where it occurs, the share
  where both other languages hold a counterpart (any of Dice :data:`MIN_DICE`).
- **A swapped name** (warning): in a unit with three languages, language *L* has an item *x*
  with counterparts in both other languages, neither of which holds any of them even in
  another form (Russian: a word with the same first four letters; English: a word it begins,
  ``Russia`` in ``Russian``; Chinese: also the items inside *x*), while the other two share an
  item *y* (one holds it, the other a counterpart) that *L* holds fewer times than both of
  them (an item named twice that *L* names once counts). Both must agree fairly
  (:data:`MIN_RIVAL_AGREEMENT`); when only *x* is sure (:data:`MIN_AGREEMENT`) and *y* agrees
  less, the finding is info. Two sides unmatched at once is what a rename leaves; a pronoun or
  a paraphrase leaves only the second, an added name only the first, a reordered list
  neither. *x* is no finding where the document elsewhere writes it in *L* for *y* (in
  :data:`MIN_SUBSTITUTE` other units *L* has *x* and lacks *y* while the other two name *y*):
  a variant of its own, not a slip.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..align.units import Alignment, Unit
from ..dates import MONTH_WORD
from .common import present
from .terms import (
    _STOP,
    _Side,
    _word_key,
    capitalised_inside,
    common_words,
    find_mentions,
)

_CAPITAL = re.compile(r"[A-ZА-ЯЁ][^\W\d_]+")
#: An item needs this many units (besides the one checked) to have counterparts.
MIN_SHARED = 2
#: The least Dice (over units) of a counterpart, as in the term table.
MIN_DICE = 0.5
#: Counterparts within this of the best Dice are all kept, as in the term table.
DICE_MARGIN = 0.1
#: Candidates below this Dice over the whole document cannot reach :data:`MIN_DICE` when one
#: unit is left out (2i/(s+t) < 0.3 and 2i/(s+t-1) >= 0.5 have no solution), so they are
#: dropped before the per-unit measure.
_PRUNE = 0.3
#: A term is compared in a unit when, in the rest of the document, its languages agree at
#: least this well on where it is: where one language names it, the others do in seven units
#: of ten (the ``term`` check's threshold). Then its counterparts are sure enough to compare.
MIN_AGREEMENT = 0.7
#: The other entity named instead needs less agreement: the named rendering is only quoted.
MIN_RIVAL_AGREEMENT = 0.5
#: A Chinese item needs this many characters: a two-character string is mostly a common word
#: (组织, 政府, 举办); the few names that short (中国, 上海) are left to the term table.
MIN_ZH_CHARS = 3
#: Units elsewhere where *L* writes *x* for *y* that make *x* a known variant, not a slip.
MIN_SUBSTITUTE = 1


@dataclass(frozen=True)
class Swap:
    """In ``unit``, ``lang`` writes ``x`` (known elsewhere as ``x_others`` in the other
    languages) where the other languages name ``y`` (``y_text`` per language) and ``lang``
    elsewhere writes ``y_lang``."""

    unit: Unit
    lang: str
    x: str
    x_others: dict[str, str]
    y_text: dict[str, str]
    y_lang: str
    #: both entities fairly paired (else only the name written instead is sure)
    sure: bool = True


class NamePairs:
    """Names of each unit and their counterparts in the other languages (see the module)."""

    def __init__(self, alignment: Alignment, sides: dict[str, _Side] | None = None):
        self.langs = alignment.langs
        self.units = list(alignment.units)
        self.sides = sides or {x: _Side(x, self.units) for x in self.langs}
        texts = [u.text(x) for u in self.units for x in self.langs]
        inside, common = capitalised_inside(texts), common_words(texts)
        # a word capitalised inside a sentence in any case form (``Екатеринбурге``) is a name
        # at a sentence's start too (``Екатеринбург, 15 июня``)
        keys = {_word_key(w, x) for w in inside for x in self.langs if x != "zh"}
        inside = inside | {w for t in texts for w in _CAPITAL.findall(t)
                           if any(_word_key(w, x) in keys for x in self.langs if x != "zh")}
        #: (unit id, lang) -> {key: surface} of its Russian and English items
        self.items: dict[tuple[str, str], dict[str, str]] = {}
        for unit in self.units:
            for lang in self.langs:
                if lang == "zh" or not unit.sentences.get(lang):
                    continue
                found: dict[str, str] = {}
                for m in find_mentions(unit, lang, inside, common):
                    if m.kind == "title":
                        continue
                    found.setdefault(m.key, m.text)
                    words = re.findall(r"[^\W\d_]+", m.text)  # hyphenated words apart
                    if len(words) > 1:
                        for word in words:
                            key = _word_key(word, lang)
                            if word[:1].isupper() and len(key) >= 3 and not MONTH_WORD.match(word) \
                                    and key not in _STOP.get(lang, ()) and word not in common:
                                found.setdefault(key, word)
                self.items[unit.id, lang] = found
        self._candidates: dict[tuple[str, str, str], list[tuple[str, int, set[str]]]] = {}
        self._zh: dict[str, set[str]] | None = None

    # --- counterparts ---------------------------------------------------------------------

    def units_of(self, lang: str, key: str) -> set[str]:
        return self.sides[lang].find(key)

    def _candidates_of(self, lang: str, key: str, other: str):
        """``(key, shared units, units)`` of the n-grams of ``other`` that may be counterparts."""
        memo = (lang, key, other)
        if memo not in self._candidates:
            units = self.units_of(lang, key)
            side = self.sides[other]
            grams = set().union(*(side.grams[u] for u in units)) if units else set()
            out = []
            for k in grams:
                where = side.units[k]
                shared = len(where & units)
                if shared >= MIN_SHARED and 2 * shared / (len(units) + len(where)) >= _PRUNE:
                    out.append((k, shared, where))
            self._candidates[memo] = out
        return self._candidates[memo]

    def counterparts(self, lang: str, key: str, other: str, without: str | None = None,
                     loose: bool = False, best: bool = False) -> tuple[str, ...]:
        """The counterparts of ``key`` (of ``lang``) in ``other``, measured without the unit
        ``without``; () when it has none. ``loose``: every n-gram of :data:`MIN_DICE`, not
        only those near the best (to be sure a unit does not name it)."""
        units = self.units_of(lang, key)
        size = len(units) - (without in units)
        if size < MIN_SHARED:
            return ()
        scored = {}
        for k, shared, where in self._candidates_of(lang, key, other):
            both = shared - (without in units and without in where)
            if both >= MIN_SHARED:
                scored[k] = (2 * both / (size + len(where) - (without in where)), both / size)
        scored = {k: s for k, s in scored.items() if s[0] >= MIN_DICE}
        if not scored:
            return ()
        if loose:
            return tuple(sorted(scored))
        top = max(d for d, _ in scored.values())
        cover = max(c for _, c in scored.values())
        if best:
            return tuple(sorted(k for k, (d, _) in scored.items() if d >= top))
        # near the best agreement, or near the best coverage (a rendering the language also
        # writes where this one has none, as a language adding a place name, agrees less)
        return tuple(sorted(k for k, (d, c) in scored.items()
                            if d >= top - DICE_MARGIN or c >= cover - DICE_MARGIN))

    def shown(self, lang: str, key: str, other: str, without: str | None = None) -> str:
        """How ``other`` writes ``key`` elsewhere, for a message: the surface form of its best
        agreeing counterpart (the shortest word n-gram, the longest character n-gram)."""
        best = self.counterparts(lang, key, other, without, best=True)
        if not best:
            return "?"
        pick = max(best, key=lambda k: (len(k), k)) if other == "zh" else \
            min(best, key=lambda k: (len(k), k))
        return self.sides[other].form(pick)

    def names_any(self, unit: Unit, lang: str, keys) -> bool:
        """Whether ``unit``'s ``lang`` text holds one of ``keys`` even in another form: every
        word of it begins a word of the text (Russian: its first four letters, so ``Китая``
        and ``Китайской`` are one name; English: ``Russia`` in ``Russian``)."""
        if lang == "zh" or self.holds(unit, lang, keys):
            return self.holds(unit, lang, keys)
        words = self.sides[lang].keyed.get(unit.id, "").split()
        cut = 4 if lang == "ru" else None
        return any(all(any(w.startswith(k[:cut]) for w in words) for k in key.split())
                   for key in keys)

    def count(self, unit: Unit, lang: str, keys) -> int:
        """How often ``unit``'s ``lang`` text holds one of ``keys`` (the most frequent)."""
        side = self.sides[lang]
        if unit.id not in side.text:
            return 0
        if lang == "zh":
            return max((side.text[unit.id].count(k) for k in keys), default=0)
        return max((side.keyed[unit.id].count(f" {k} ") for k in keys), default=0)

    def holds(self, unit: Unit, lang: str, keys) -> bool:
        """Whether ``unit``'s ``lang`` text holds one of ``keys``."""
        side = self.sides[lang]
        if unit.id not in side.text:
            return False
        if lang == "zh":
            return any(k in side.text[unit.id] for k in keys)
        return any(f" {k} " in side.keyed[unit.id] for k in keys)

    # --- Chinese items --------------------------------------------------------------------

    def _zh_index(self) -> dict[str, set[tuple[str, str]]]:
        """Chinese n-gram -> the Russian and English items ``(lang, key)`` it renders: of each
        item whose languages agree on where it is (:data:`MIN_AGREEMENT`), the longest of its
        best-agreeing Chinese counterparts (shorter ones of the same units are pieces)."""
        if self._zh is None:
            self._zh = defaultdict(set)
            keys = {(x, k) for (_, x), found in self.items.items() for k in found}
            for lang, key in sorted(keys):
                near = self.counterparts(lang, key, "zh")
                if near and self._agreement(lang, key, None) >= MIN_RIVAL_AGREEMENT:
                    for gram in near:
                        self._zh[gram].add((lang, key))
        return self._zh

    def unit_items(self, unit: Unit, lang: str) -> dict[str, str]:
        if lang != "zh":
            return self.items.get((unit.id, lang), {})
        index = self._zh_index()
        found = [g for g in self.sides["zh"].grams.get(unit.id, ()) if g in index]
        # the longest at each place: a piece of a longer name is that name
        return {g: g for g in sorted(found) if not any(g != h and g in h for h in found)}

    # --- the rule -------------------------------------------------------------------------

    def swaps(self) -> list[Swap]:
        if set(self.langs) != {"ru", "en", "zh"}:
            return []
        out = []
        for unit in self.units:
            if len(present(unit)) < 3:
                continue
            for lang in self.langs:
                swap = self._swap(unit, lang)
                if swap is not None:
                    out.append(swap)
        return out

    def _agreement(self, lang: str, key: str, without: str) -> float:
        """Of the other units where ``lang`` holds ``key``, the share where both other
        languages hold a counterpart of it (measured without the unit ``without``)."""
        others = [x for x in self.langs if x != lang]
        parts = {x: self.counterparts(lang, key, x, without, loose=True) for x in others}
        if not all(parts.values()):
            return 0.0
        # units with every language (a side missing altogether is no sign of naming)
        units = [u for u in self.units_of(lang, key) - {without}
                 if len(present(self._unit(u))) == len(self.langs)]
        full = sum(all(self.holds(self._unit(u), x, parts[x]) for x in others) for u in units)
        return full / len(units) if units else 0.0

    def _x_unmatched(self, unit: Unit, lang: str, key: str) -> dict[str, str] | None:
        """For an item ``key`` of ``lang`` in ``unit``: its counterparts' forms per other
        language when the document pairs it with some in each and the unit holds none of
        them; else None. A Chinese item is judged by the Russian and English items it is the
        counterpart of (and their counterparts in each other)."""
        others = [x for x in self.langs if x != lang]
        if lang != "zh":
            found = {}
            for other in others:
                keys = self.counterparts(lang, key, other, unit.id)
                if not keys or self.names_any(unit, other, keys):
                    return None
                found[other] = self.shown(lang, key, other, unit.id)
            return found
        found = {}
        index = self._zh_index()
        pieces = {(o, k) for g in index if g in key for o, k in index[g]}
        for origin, okey in sorted(pieces):
            third = next(x for x in others if x != origin)
            keys = self.counterparts(origin, okey, third, unit.id)
            if not keys or self.names_any(unit, origin, (okey,)) \
                    or self.names_any(unit, third, keys):
                return None
            found.setdefault(origin, self.sides[origin].form(okey))
            found.setdefault(third, self.shown(origin, okey, third, unit.id))
        return found or None

    def _swap(self, unit: Unit, lang: str) -> Swap | None:
        others = [x for x in self.langs if x != lang]
        xs = {}
        for key, text in self.unit_items(unit, lang).items():
            if len(self.units_of(lang, key) - {unit.id}) < MIN_SHARED \
                    or lang == "zh" and len(key) < MIN_ZH_CHARS:
                continue
            found = self._x_unmatched(unit, lang, key)
            if found is not None:
                xs[key] = (text, found, self._agreement(lang, key, unit.id))
        if not xs:
            return None
        for first in others:
            if first == "zh":
                continue
            second = next(x for x in others if x != first)
            for key, text in self.unit_items(unit, first).items():
                mine = self.counterparts(first, key, lang, unit.id)
                theirs = self.counterparts(first, key, second, unit.id)
                # fewer times in ``lang`` than in both others (a form of it counts once)
                shared = min(self.count(unit, first, (key,)), self.count(unit, second, theirs))
                if not mine or not theirs or not shared or max(
                        self.count(unit, lang, mine), self.names_any(unit, lang, mine)) >= shared:
                    continue
                y_agreement = self._agreement(first, key, unit.id)
                for x, (x_text, x_others, x_agreement) in sorted(xs.items()):
                    # both sides fair, or the name written instead sure (where this language
                    # writes it, the others name it too): then the entity it lacks may be a
                    # less surely paired one
                    if not (min(x_agreement, y_agreement) >= MIN_RIVAL_AGREEMENT
                            or x_agreement >= MIN_AGREEMENT and y_agreement > 0) \
                            or self._substitute(unit, lang, x, first, key, mine, second, theirs):
                        continue
                    y_text = {first: text, second: _held(self, unit, second, theirs)}
                    return Swap(unit, lang, x_text, x_others, y_text,
                                self.shown(first, key, lang, unit.id),
                                min(x_agreement, y_agreement) >= MIN_RIVAL_AGREEMENT)
        return None

    def _substitute(self, unit: Unit, lang: str, x: str, first: str, key: str, mine,
                    second: str, theirs) -> bool:
        """Whether the document elsewhere writes ``x`` in ``lang`` where the other two name
        the entity ``key`` and ``lang`` does not: a variant of its own."""
        count = 0
        for uid in self.units_of(lang, x) & self.units_of(first, key):
            if uid == unit.id:
                continue
            other = self._unit(uid)
            if not self.holds(other, lang, mine) and self.holds(other, second, theirs):
                count += 1
        return count >= MIN_SUBSTITUTE

    def _unit(self, uid: str) -> Unit:
        if not hasattr(self, "_by_id"):
            self._by_id = {u.id: u for u in self.units}
        return self._by_id[uid]


def _within(inner: str, outer: str, lang: str) -> bool:
    """Whether n-gram ``inner`` is a piece of ``outer``."""
    return inner in outer if lang == "zh" else f" {inner} " in f" {outer} "


def _held(pairs: NamePairs, unit: Unit, lang: str, keys) -> str:
    side = pairs.sides[lang]
    for k in keys:
        if pairs.holds(unit, lang, (k,)):
            return side.form(k)
    return side.form(keys[0])
