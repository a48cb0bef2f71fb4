"""Finding the language parts of a source (ru, en, zh and a closing colophon) from script statistics.

Each line is labelled with its dominant writing system; runs of equal labels are then merged
until only substantial runs remain: a small run inside a part (a Cyrillic footnote in the
English text, a line of Latin names in the Russian one) joins the part around it, and small
runs after the last substantial part form the colophon.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Sequence

from ..errors import SourceError
from .scripts import LANG_NAMES, SCRIPT_LANG, script_counts
from .source import Source

#: A run smaller than this share of the largest run is not a language part of its own.
MIN_PART_SHARE = 0.05
#: A line weighs at most this many times the median line.
MAX_LINE_MASS = 20
#: CJK characters carry more text per character than alphabetic letters.
_SCRIPT_WEIGHT = {"cjk": 2.0, "cyrillic": 1.0, "latin": 1.0}


@dataclass(frozen=True)
class Part:
    """A contiguous range of source lines in one language (``role`` 'body' or 'colophon').

    ``rules``: the language whose ingestion rules (captions, sentence ends, dates) read it: the
    language itself for ru, en and zh, else the one of its writing system (de → en, uk → ru).
    ``file``: the index of its source among the document's sources (0 for a mixed file).
    """

    lang: str
    role: str
    start: int
    end: int
    rules: str
    file: int = 0

    @property
    def name(self) -> str:
        """The part's id prefix: the language code, or 'colophon'."""
        return self.lang if self.role == "body" else "colophon"


@dataclass
class _Run:
    script: str
    first: int
    last: int
    mass: float


def _line_runs(source: Source) -> list[_Run]:
    """Runs of lines with one dominant script and their mass (weighted letters; one line
    counts at most :data:`MAX_LINE_MASS` times the median line, so that a single huge line
    cannot make whole language parts look small)."""
    labelled = []
    for number, line in enumerate(source.lines, 1):
        counts = script_counts(line)
        if counts:
            labelled.append((number, counts.most_common(1)[0][0],
                             sum(_SCRIPT_WEIGHT[s] * n for s, n in counts.items())))
    if not labelled:
        return []
    cap = MAX_LINE_MASS * statistics.median(mass for _, _, mass in labelled)
    runs: list[_Run] = []
    for number, script, mass in labelled:
        mass = min(mass, cap)
        if runs and runs[-1].script == script:
            runs[-1].last, runs[-1].mass = number, runs[-1].mass + mass
        else:
            runs.append(_Run(script, number, number, mass))
    return runs


def _absorb(runs: list[_Run], i: int) -> None:
    """Merge small run ``i`` into its neighbours (both when they share a script)."""
    run = runs[i]
    if 0 < i < len(runs) - 1 and runs[i - 1].script == runs[i + 1].script:
        prev, nxt = runs[i - 1], runs.pop(i + 1)
        prev.last, prev.mass = nxt.last, prev.mass + run.mass + nxt.mass
        runs.pop(i)
    elif i == 0:
        runs[1].first, runs[1].mass = run.first, runs[1].mass + run.mass
        runs.pop(0)
    else:
        runs[i - 1].last, runs[i - 1].mass = run.last, runs[i - 1].mass + run.mass
        runs.pop(i)


def find_parts(source: Source) -> list[Part]:
    """Split ``source`` into language parts in document order; raise SourceError if impossible."""
    runs = _line_runs(source)
    if not runs:
        raise SourceError(source.path, None, "no text in Russian, English or Chinese script")
    threshold = MIN_PART_SHARE * max(r.mass for r in runs)
    # a small run between two runs of one script (a line left untranslated) joins them first,
    # so that it cannot cut the end of the last part off as a "colophon"; not when it outweighs
    # the run after it (a colophon followed by an address line in the last part's script)
    while True:
        sandwiched = [i for i in range(1, len(runs) - 1) if runs[i].mass < threshold
                      and runs[i - 1].script == runs[i + 1].script
                      and runs[i].mass <= runs[i + 1].mass]
        if not sandwiched:
            break
        _absorb(runs, min(sandwiched, key=lambda i: runs[i].mass))
    tail: list[_Run] = []
    while runs and runs[-1].mass < threshold:
        tail.insert(0, runs.pop())
    while True:
        small = [i for i, r in enumerate(runs) if r.mass < threshold]
        if not small or len(runs) == 1:
            break
        _absorb(runs, min(small, key=lambda i: runs[i].mass))

    parts: list[Part] = []
    seen: dict[str, _Run] = {}
    for k, run in enumerate(runs):
        lang = SCRIPT_LANG[run.script]
        if lang in seen:
            raise SourceError(
                source.path, run.first,
                f"a second {LANG_NAMES[lang]} part starts here (the first starts at line "
                f"{seen[lang].first}); expected one part per language",
            )
        seen[lang] = run
        start = 1 if k == 0 else run.first
        end = runs[k + 1].first - 1 if k + 1 < len(runs) else (
            tail[0].first - 1 if tail else len(source.lines))
        parts.append(Part(lang, "body", start, end, lang))
    if tail:
        mass: dict[str, float] = {}
        for run in tail:
            mass[run.script] = mass.get(run.script, 0.0) + run.mass
        script = max(mass, key=mass.get)
        lang = SCRIPT_LANG[script]
        parts.append(Part(lang, "colophon", tail[0].first, len(source.lines), lang))
    return parts


#: A language code as given by a user: ``ru``, ``de``, ``zh-CN``, ``pt-BR``.
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def given_parts(sources: Sequence[tuple[str, Source]]) -> list[Part]:
    """One body part per ``(lang, source)``, each a whole file, in the order given.

    A file whose letters are mostly in another writing system than its language uses (a
    Russian file given as ``en``) is a :class:`SourceError`: the files were mixed up.
    """
    parts: list[Part] = []
    seen: dict[str, str] = {}
    for index, (lang, source) in enumerate(sources):
        if not _LANG_CODE.fullmatch(lang):
            raise SourceError(source.path, None, f"{lang!r} is not a language code "
                                                 "(expected e.g. ru, en, zh, de, pt-BR)")
        if lang in seen:
            raise SourceError(source.path, None,
                              f"a second {lang} file (the first is {seen[lang]})")
        seen[lang] = source.path
        text = "\n".join(source.lines)
        if not any(ch.isalpha() for ch in text):
            raise SourceError(source.path, None, "no text (no letters)")
        counts = script_counts(text)
        script = counts.most_common(1)[0][0] if counts else None
        base = lang.split("-")[0]
        if base in LANG_NAMES and script is not None and SCRIPT_LANG[script] != base:
            raise SourceError(source.path, None,
                              f"given as {lang}, but its text is mostly in {script} script; "
                              "were the files mixed up?")
        # a script without rules of its own (Arabic, Hangul) is read by the English ones:
        # words between spaces, sentences ending in . ! ?
        parts.append(Part(lang, "body", 1, len(source.lines),
                          SCRIPT_LANG[script] if script else "en", index))
    return parts
