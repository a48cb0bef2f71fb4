"""Measure the aligner against the gold alignments (tests/data/gold_alignment).

For each language pair it prints strict and lax precision / recall / F1 of:
  gale-church  nltk.translate.gale_church on each section's sentences in reading order
               (length only; its mean ratio set to the pair's character ratio, so it is fair
               to Chinese);
  embeddings   this aligner (structure and dynamic program) with only embedding similarity;
  full         the full model (embeddings + length + anchors), the default;
and how well the full model's confidence separates right from wrong units (ROC AUC).

    python scripts/eval_alignment.py [--gold s02,s06] [--markdown]
"""
from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import sco_corpus
from sco_corpus.align.document import align_corpus
from sco_corpus.align.embed import Embedder
from sco_corpus.align.gold import (gold_pairs, in_scope, read_gold_alignment, resolve, score,
                                   separation)
from sco_corpus.align.baseline import gale_church_pairs
from sco_corpus.align.pairwise import Options
from sco_corpus.align.units import PAIRS

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold_alignment"


def system_pairs(alignment, src, tgt):
    return [(frozenset(a), frozenset(b)) for a, b, _ in alignment.pairs(src, tgt)]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="s02,s06",
                        help="gold chapters (files in tests/data/gold_alignment)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    corpus = sco_corpus.load()
    units = []
    for name in args.gold.split(","):
        units += read_gold_alignment(GOLD / f"{name}.jsonl")
    gold_units, missing = resolve(units, corpus)
    if missing:
        print(f"warning: {len(missing)} gold sentences not found in the corpus")
    embedder = Embedder()
    full = Options()
    weights = full.weights
    systems = {
        "embeddings": replace(full, weights=replace(weights, length=0.0, anchors=0.0)),
        "full": full,
    }
    alignments = {name: align_corpus(corpus, options, embedder)
                  for name, options in systems.items()}
    rows = []
    for src, tgt in PAIRS:
        gold = gold_pairs(gold_units, src, tgt)
        results = {"gale-church": gale_church_pairs(corpus, src, tgt)}
        results.update({name: system_pairs(a, src, tgt) for name, a in alignments.items()})
        for name, pairs in results.items():
            s = score(pairs, gold)
            rows.append((f"{src}-{tgt}", name, *s.strict, *s.lax))
    header = ("pair", "system", "strict P", "strict R", "strict F1", "lax P", "lax R", "lax F1")
    print_table(header, rows, args.markdown)
    print()
    conf_rows = []
    for src, tgt in PAIRS:
        gold = gold_pairs(gold_units, src, tgt)
        gold_set = set(gold)
        beads = alignments["full"].pairs(src, tgt)
        scoped = in_scope([(frozenset(a), frozenset(b)) for a, b, _ in beads], gold)
        conf = {(frozenset(a), frozenset(b)): c for a, b, c in beads}
        right = [p in gold_set for p in scoped]
        values = [conf[p] for p in scoped]
        wrong = [v for v, r in zip(values, right) if not r]
        low = [v < 0.5 for v in values]
        caught = sum(1 for lo, r in zip(low, right) if lo and not r)
        conf_rows.append((f"{src}-{tgt}", len(values), len(wrong), separation(values, right),
                          sum(low), caught))
    print_table(("pair", "units", "wrong", "ROC AUC", "conf < 0.5", "of them wrong"), conf_rows,
           args.markdown)


def print_table(header, rows, markdown: bool) -> None:
    """Rows of numbers (three decimals) as a Markdown table or aligned columns."""
    def cell(x):
        return f"{x:.3f}" if isinstance(x, float) else str(x)

    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(cell(x) for x in row) + " |")
        return
    widths = [max(len(h), 11) for h in header]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        print("  ".join(cell(x).ljust(w) for x, w in zip(row, widths)))


if __name__ == "__main__":
    main()
