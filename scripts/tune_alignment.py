"""How the aligner's default weights were chosen: a grid search on development gold chapters.

Scores every combination of the cost weights by mean strict F1 over the three language pairs on
the development chapters (default s02,s06) and prints the best ones, each with its score on the
held-out chapters (default s03,s05), which play no part in the choice.

    python scripts/tune_alignment.py [--dev s02,s06] [--heldout s03,s05] [--top 10]
"""
from __future__ import annotations

import argparse
import itertools
from dataclasses import replace

import sco_corpus
from sco_corpus.align.document import align_corpus
from sco_corpus.align.embed import Embedder
from sco_corpus.align.gold import gold_pairs, read_gold_alignment, resolve, score
from sco_corpus.align.pairwise import Options
from sco_corpus.align.units import PAIRS

from eval_alignment import GOLD, system_pairs

GRID = {
    "skip": (0.2, 0.3, 0.45),
    "length": (0.0, 1.0),
    "anchors": (0.0, 0.2, 0.5),
}


def mean_f1(alignment, gold_units) -> float:
    values = [score(system_pairs(alignment, a, b), gold_pairs(gold_units, a, b)).strict[2]
              for a, b in PAIRS]
    return sum(values) / len(values)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default="s02,s06")
    parser.add_argument("--heldout", default="s03,s05")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    corpus = sco_corpus.load()

    def gold(names):
        units = [u for name in names.split(",")
                 for u in read_gold_alignment(GOLD / f"{name}.jsonl")]
        return resolve(units, corpus)[0]

    dev, heldout = gold(args.dev), gold(args.heldout)
    embedder = Embedder()
    results = []
    for values in itertools.product(*GRID.values()):
        weights = replace(Options().weights, **dict(zip(GRID, values)))
        alignment = align_corpus(corpus, Options(weights=weights), embedder)
        results.append((mean_f1(alignment, dev), mean_f1(alignment, heldout), values))
    results.sort(key=lambda r: -r[0])
    print("dev F1  held-out F1  " + "  ".join(GRID))
    for dev_f1, held_f1, values in results[: args.top]:
        print(f"{dev_f1:.3f}   {held_f1:.3f}        " + "  ".join(f"{v:g}" for v in values))
    default = tuple(getattr(Options().weights, k) for k in GRID)
    for dev_f1, held_f1, values in results:
        if values == default:
            print(f"default: dev {dev_f1:.3f}, held-out {held_f1:.3f}")


if __name__ == "__main__":
    main()
