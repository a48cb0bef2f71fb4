"""Planted clause drops: recall and false alarms of the sub-sentence omission check.

Takes the well-aligned units of a document (shape 1-1-1, every pair's confidence ≥ 0.9), and
for each seed drops one piece from one language (drawn at random: unit, language, piece) in
``--per-run`` different units, then runs the clause comparison (``checks/clauses.py``) over
all units, the planted ones in place of the originals. A planted drop is found when a finding
of the check names that unit and the dropped language as the one lacking. Drops are of three
sizes, reported apart:

  clause   a piece between clause punctuation (:func:`pieces`) of at least 3 words (Chinese: 5
           characters), with its separator;
  short    such a piece of 1-2 words (Chinese: up to 4 characters): a one-word list member;
  word     one word of 4+ letters inside a piece of several words (a qualifier: "the first
           joint exercise" → "the joint exercise"); Chinese: 2 characters before 的.

False alarms: findings on the unmodified units (per unit checked), and findings on units
without a planted drop in the planted runs. Documents: the booklet and ``tests/synthetic.py``'s
generated one (``--doc``).

    python scripts/eval_clauses.py [--seeds 1,2,3] [--per-run 30] [--doc booklet,synthetic]
                                   [--cache-dir DIR] [--show]

Last run (``--seeds 1,2,3``, default options), recall clause / short / word: booklet 0.66 /
0.19 / 0.03 with 15 findings on the unmodified booklet; generated document 0.76 / 0.26 / 0.29
with none (``checks/clauses.py`` for the method and what was tried).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections import namedtuple
from dataclasses import replace
from pathlib import Path

import sco_corpus
from sco_corpus.align.embed import Embedder
from sco_corpus.checks.omissions import clause_findings

KINDS = ("clause", "short", "word")
#: Where a drop may start or end: clause punctuation, as an editor would cut (independent of the
#: check's own cutting, so that changing the check leaves the planted drops as they are).
_CUT = {"zh": re.compile(r"[，、；：（）。！？]|——|[,;:](?=\s)|[()]"),
        None: re.compile(r"[,;:](?=\s)|[()]|\s[—–-]\s|(?<=[.!?»”\"])\s+(?=[A-ZА-ЯЁ«“\"])")}


_Piece = namedtuple("_Piece", "text start end")


def pieces(text: str, lang: str) -> list[_Piece]:
    """Spans between clause punctuation, stripped, with a letter or digit."""
    out, start = [], 0
    for m in [*_CUT.get(lang, _CUT[None]).finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[start:end]
        stripped = chunk.strip(" \t\n\"'«»“”‘’.-–—…")
        if re.search(r"\w", stripped):
            offset = start + chunk.index(stripped)
            out.append(_Piece(stripped, offset, offset + len(stripped)))
        start = m.end() if m else start
    return out


def _words(text: str, lang: str) -> int:
    return len(re.findall(r"\w", text)) if lang == "zh" else len(text.split())


def _drops(text: str, lang: str) -> dict[str, list[str]]:
    """The texts after each possible drop, by kind."""
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    found = pieces(text, lang)
    if len(found) < 2:
        return out
    for k, p in enumerate(found):
        # cut the piece with the separator after it (before it, for the last piece)
        end = found[k + 1].start if k + 1 < len(found) else p.end
        start = p.start if k + 1 < len(found) else found[k - 1].end
        size = _words(p.text, lang)
        kind = "clause" if size >= (5 if lang == "zh" else 3) else "short"
        out[kind].append(text[:start] + text[end:])
        if lang == "zh":
            out["word"] += [text[:p.start + m.start()] + text[p.start + m.end():]
                            for m in re.finditer(r"[^\W\d]{2}的", p.text)]
        elif size >= 3:
            out["word"] += [text[:p.start + m.start()] + text[p.start + m.end():]
                            for m in re.finditer(r"(?<=\s)[^\W\d]{4,}\s", p.text)]
    return out


def _plant(unit, lang: str, text: str):
    sentence = unit.sentences[lang][0]
    return replace(unit, sentences={**unit.sentences, lang: (replace(sentence, text=text),)})


def evaluate(name: str, corpus, embedder, seeds, per_run: int, show: bool) -> dict:
    started = time.time()
    alignment = corpus.align(embedder=embedder)
    align_time = time.time() - started
    units = list(alignment)
    good = [k for k, u in enumerate(units) if u.shape() == "1-1-1"
            and len(u.confidence) == 3 and min(u.confidence.values()) >= 0.9]
    started = time.time()
    base = clause_findings(alignment)
    check_time = time.time() - started
    stats = {"units": len(good), "false": sum(1 for f in base if f.unit in
                                              {units[k].id for k in good}),
             "false_all": len(base), "all_units": len(units), "align_time": align_time,
             "check_time": check_time}
    if show:
        for f in base:
            print(f"  [{name} unmodified] {f.severity} {f.unit}: {f.message}")
    for kind in KINDS:
        found = planted = others = 0
        for seed in seeds:
            rng = random.Random(f"{seed}:{kind}:{name}")
            chosen = {}
            for k in rng.sample(good, len(good)):
                lang = rng.choice(alignment.langs)
                options = _drops(units[k].text(lang), lang)[kind]
                if options:
                    chosen[k] = (lang, rng.choice(options))
                if len(chosen) == per_run:
                    break
            modified = [_plant(u, *chosen[k]) if k in chosen else u for k, u in enumerate(units)]
            hits = clause_findings(replace(alignment, units=tuple(modified)))
            baseline = {f.id for f in base}
            for k, (lang, text) in chosen.items():
                hit = any(f.unit == units[k].id and f.langs[-1] == lang for f in hits)
                found += hit
                if show and not hit:
                    print(f"  [{name} {kind} miss] {lang}: {units[k].text(lang)}\n      -> {text}")
            others += sum(1 for f in hits if f.id not in baseline
                          and f.unit not in {units[k].id for k in chosen})
            planted += len(chosen)
        stats[kind] = (planted, found, others)
    return stats


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--per-run", type=int, default=30)
    parser.add_argument("--doc", default="booklet,synthetic")
    parser.add_argument("--cache-dir", default=os.path.expanduser("~/.cache/sco_corpus/embeddings"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    embedder = Embedder(cache_dir=args.cache_dir)
    print("| document | drop | planted | found | recall | false alarms (other units) |")
    print("|---|---|---|---|---|---|")
    notes = []
    for name in args.doc.split(","):
        if name == "synthetic":
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            import synthetic

            path = Path(os.environ.get("TMPDIR", "/tmp")) / "sco_synthetic.txt"
            path.write_text(synthetic.build(), encoding="utf-8")
            corpus = sco_corpus.load(path)
        else:
            corpus = sco_corpus.load(None if name == "booklet" else name)
        stats = evaluate(name, corpus, embedder, seeds, args.per_run, args.show)
        for kind in KINDS:
            planted, found, others = stats[kind]
            recall = f"{found / planted:.2f}" if planted else "-"
            print(f"| {name} | {kind} | {planted} | {found} | {recall} | {others} |")
        notes.append(f"{name}: unmodified, {stats['false']} finding(s) on {stats['units']} "
                     f"well-aligned units ({stats['false_all']} on all {stats['all_units']} "
                     f"units); alignment {stats['align_time']:.1f} s, clause check "
                     f"{stats['check_time']:.1f} s")
    print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
