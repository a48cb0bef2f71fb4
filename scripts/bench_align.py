"""Time and peak memory of the aligner, each measurement in a fresh process.

1. The whole booklet, from source to trilingual units (all three pairs, embeddings included):
   cold (no embedding cache; the encoder's weights loaded) and warm (embeddings read from the
   on-disk cache written by the cold run).
2. Generated long inputs of N sentences per side (default 2k, 8k, 32k), with planted sentence
   vectors standing in for the encoder (so that only the alignment is timed; the encoder's own
   speed is the booklet's cold minus warm time), some sentences dropped on the target side and
   some merged. Prints the time growth per doubling of N (linear: 2, quadratic: 4), and, in
   the same run, nltk's Gale–Church aligner on the same inputs (lengths only) as a baseline,
   for the sizes where it finishes within --gc-limit seconds' estimate.

    python scripts/bench_align.py [--sizes 2000,8000,32000] [--gc-limit 120]
"""
from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np


class PlantedEncoder:
    """Sentence ``"<k> ..."`` gets vector ``k`` of a fixed random table, plus a little noise per
    side, so a source sentence and its generated translation are close."""

    def __init__(self, dim: int = 512):
        self.dim = dim

    def encode(self, texts):
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            key, side = text.split(" ", 2)[:2]
            rng = np.random.default_rng(int(key))
            noise = np.random.default_rng(int(key) * 2 + (side == "t")).standard_normal(self.dim)
            out[row] = rng.standard_normal(self.dim) + 0.6 * noise
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def generated(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``n`` source sentences and about ``n`` target ones: 1% dropped, 2% merged in pairs."""
    rng = np.random.default_rng(seed)
    words = rng.integers(4, 30, n)
    src = [f"{k} s " + " ".join(["слово"] * int(words[k])) for k in range(n)]
    tgt = []
    k = 0
    while k < n:
        roll = rng.random()
        if roll < 0.01:
            k += 1
            continue
        if roll < 0.03 and k + 1 < n:
            tgt.append(f"{k} t " + " ".join(["word"] * int(words[k] + words[k + 1])))
            k += 2
            continue
        tgt.append(f"{k} t " + " ".join(["word"] * int(words[k])))
        k += 1
    return src, tgt


def _child(task: str, arg: str) -> dict:
    """Run one measurement (in this process) and return its numbers."""
    start = time.perf_counter()
    if task == "booklet":
        import sco_corpus
        from sco_corpus.align.embed import Embedder

        corpus = sco_corpus.load()
        embedder = Embedder(cache_dir=arg)
        alignment = corpus.align(embedder=embedder)
        result = {"units": len(alignment), "encoded": embedder.encoded}
    elif task == "ours":
        from sco_corpus import align_sentences
        from sco_corpus.align.embed import Embedder

        src, tgt = generated(int(arg))
        beads = align_sentences(src, tgt, "ru", "en", embedder=Embedder(PlantedEncoder()))
        result = {"beads": len(beads), "tgt": len(tgt)}
    else:  # Gale–Church
        from nltk.translate import gale_church

        src, tgt = generated(int(arg))
        links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt])
        result = {"links": len(links)}
    result["seconds"] = time.perf_counter() - start
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def measure(task: str, arg: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", task, arg], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000,32000")
    parser.add_argument("--gc-limit", type=float, default=120.0,
                        help="skip Gale-Church where its quadratic estimate exceeds this (s)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(*args.child)))
        return

    with tempfile.TemporaryDirectory() as cache:
        cold = measure("booklet", cache)
        warm = measure("booklet", cache)
    print("whole booklet, source to trilingual units")
    print(f"  cold: {cold['seconds']:.1f} s, peak {cold['peak_mib']:.0f} MiB "
          f"({cold['encoded']} sentences encoded)")
    print(f"  warm: {warm['seconds']:.1f} s, peak {warm['peak_mib']:.0f} MiB "
          f"({warm['encoded']} encoded; embeddings from the disk cache)")
    print()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'sentences/side':>15} {'ours s':>8} {'peak MiB':>9} {'growth/doubling':>16} "
          f"{'gale-church s':>14} {'gc peak MiB':>12} {'gc/ours':>8}")
    previous = None
    gc_previous = None
    for n in sizes:
        ours = measure("ours", str(n))
        growth = ""
        if previous:
            doublings = math.log2(n / previous[0])
            growth = f"{(ours['seconds'] / previous[1]) ** (1 / doublings):.2f}"
        previous = (n, ours["seconds"])
        gc_cell, gc_mem, ratio = "skipped", "", ""
        estimate = gc_previous[1] * (n / gc_previous[0]) ** 2 if gc_previous else 0.0
        if estimate <= args.gc_limit:
            gc = measure("gc", str(n))
            gc_previous = (n, gc["seconds"])
            gc_cell, gc_mem = f"{gc['seconds']:.1f}", f"{gc['peak_mib']:.0f}"
            ratio = f"{gc['seconds'] / ours['seconds']:.1f}x"
        else:
            gc_cell = f"(est. {estimate:.0f})"
        print(f"{n:>15} {ours['seconds']:>8.1f} {ours['peak_mib']:>9.0f} {growth:>16} "
              f"{gc_cell:>14} {gc_mem:>12} {ratio:>8}")


if __name__ == "__main__":
    main()
