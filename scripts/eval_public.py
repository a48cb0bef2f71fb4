"""Measure `sco_corpus.align_sentences` on a public gold set (default: Text+Berg, de→fr).

Runs the aligner with its default settings and, as the baseline, nltk's Gale–Church
(``nltk.translate.gale_church``, length only), on every document of the folder, and prints
strict and lax precision / recall / F1 per document and overall (counts summed over the
documents, the papers' metric: see :mod:`sco_corpus.align.public`) and the time each took.
The encoder is loaded before the clock starts; encoding is inside the aligner's time (unless
the vectors come from ``--cache-dir``).

    PYTHONPATH=. python scripts/eval_public.py [--data DIR] [--src de --tgt fr] [--markdown]
                                               [--cache-dir DIR]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import sco_corpus
from sco_corpus.align.baseline import gale_church_beads
from sco_corpus.align.embed import Embedder
from sco_corpus.align.public import Counts, count, read_gold_set, scores, total

from eval_alignment import print_table  # the same table layout (scripts/ is on the path)

DATA = Path(__file__).resolve().parent.parent / ".." / "shared" / "benchmarks" / "text-berg"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="gold folder (default: %(default)s)")
    parser.add_argument("--src", default="de")
    parser.add_argument("--tgt", default="fr")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--cache-dir", type=Path,
                        help="embedding cache (the time then excludes encoding)")
    args = parser.parse_args(argv)
    documents = read_gold_set(args.data, args.src, args.tgt)
    if not documents:
        parser.error(f"no *.{args.src}{args.tgt} gold files in {args.data}")
    embedder = Embedder(cache_dir=args.cache_dir)
    embedder.encoder  # load the model outside the timings

    def ours(doc):
        return [(b.src, b.tgt) for b in sco_corpus.align_sentences(
            doc.src, doc.tgt, args.src, args.tgt, embedder=embedder)]

    systems = {"sco_corpus": ours, "gale-church": lambda doc: gale_church_beads(doc.src, doc.tgt)}
    rows = []
    for name, run in systems.items():
        counts: list[Counts] = []
        seconds = 0.0
        for doc in documents:
            start = time.perf_counter()
            beads = run(doc)
            elapsed = time.perf_counter() - start
            seconds += elapsed
            counts.append(count(beads, doc.gold))
            rows.append(_row(name, doc.name, counts[-1], elapsed))
        rows.append(_row(name, "all", total(counts), seconds))
    header = ("system", "document", "strict P", "strict R", "strict F1", "lax P", "lax R",
              "lax F1", "seconds")
    print_table(header, rows, args.markdown)


def _row(system: str, document: str, counts: Counts, seconds: float) -> tuple:
    strict, lax = scores(counts)
    return (system, document, strict.precision, strict.recall, strict.f1,
            lax.precision, lax.recall, lax.f1, f"{seconds:.2f}")


if __name__ == "__main__":
    main()
