"""Collections of 1, 2, 4, 8, 16 variants of the booklet built with 1 and 2 Dask workers.

Each variant is the booklet with chapters dropped (0-2 of s02-s06, with their TOC entries, in
every language), its years shifted by the variant's number in every language (so its dated
sentences are its own: new embeddings), a number changed in one language in two places and a
clause cut in one language (findings to report). Each run is the command line in a fresh
process (cluster start included) into a fresh folder with an empty embedding cache::

    python scripts/bench_collection.py [--sizes 1,2,4,8,16] [--workers 1,2] [--markdown]

Reported per run: total time, time per document, the largest peak resident memory of a worker,
and the load average before the run (``os.getloadavg``: this machine is shared).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sco_corpus  # noqa: E402
from sco_corpus.corpus import EMBEDDED  # noqa: E402

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_DIGIT = re.compile(r"\d")


def _spans(corpus) -> dict[str, dict[str, range]]:
    """Section id -> language -> the source lines the chapter takes (heading to the line before
    the next chapter of the language; the last one to its last block)."""
    starts: dict[str, list[tuple[int, str, int]]] = {}
    for section in corpus.sections:
        lines = [*section.heading_lines, *(line for b in section.blocks for line in b.lines)]
        if section.id.startswith("s") and section.id != "s00" and lines:
            starts.setdefault(section.lang, []).append((min(lines), section.id, max(lines)))
    spans: dict[str, dict[str, range]] = {}
    for lang, found in starts.items():
        found.sort()
        for k, (start, sid, last) in enumerate(found):
            end = found[k + 1][0] if k + 1 < len(found) else last + 1
            spans.setdefault(sid, {})[lang] = range(start, end)
    return spans


def variant(number: int, corpus, lines: list[str]) -> str:
    """The text of variant ``number`` of the booklet (see the module's description)."""
    rng = random.Random(number)
    spans = _spans(corpus)
    chapters = sorted(spans)
    dropped = set(rng.sample(chapters[1:], rng.randint(0, 2)))
    removed = {line for sid in dropped for span in spans[sid].values() for line in span}
    toc = {}
    for block in corpus.blocks:
        if block.kind == "toc_entry":
            toc.setdefault(block.lang, []).append(block)
    for entries in toc.values():
        for sid, entry in zip(chapters, entries):
            if sid in dropped:
                removed.update(entry.lines)
    paragraphs = [b for b in corpus.blocks if b.kind == "paragraph" and b.section not in dropped
                  and b.section in spans]
    edited = {}
    for block in rng.sample([b for b in paragraphs if _DIGIT.search(lines[b.lines[0] - 1])], 2):
        line = lines[block.lines[0] - 1]
        at = rng.choice([m.start() for m in _DIGIT.finditer(line)])
        edited[block.lines[0]] = line[:at] + str((int(line[at]) + 1) % 10) + line[at + 1:]
    cut = rng.choice([b for b in paragraphs if b.lang != "zh" and ", " in lines[b.lines[0] - 1]])
    line = lines[cut.lines[0] - 1]
    edited[cut.lines[0]] = line[:line.rindex(", ")] + "."
    out = [edited.get(n, text) for n, text in enumerate(lines, 1) if n not in removed]
    return "\n".join(_YEAR.sub(lambda m: str(int(m.group()) + number), text)
                     for text in out) + "\n"


def write_variants(folder: Path, count: int) -> None:
    corpus = sco_corpus.load()
    lines = EMBEDDED.read_text(encoding="utf-8").split("\n")
    for number in range(count):
        (folder / f"v{number:02d}.txt").write_text(variant(number, corpus, lines),
                                                   encoding="utf-8")


def run(inputs: Path, out: Path, workers: int) -> dict:
    """One collection build in a fresh process: its JSON summary, wall time and load."""
    load = os.getloadavg()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1400000000"}
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sco_corpus.cli", "build", str(inputs),
                           "--out", str(out), "--workers", str(workers), "--json", "--quiet"],
                          env=env, capture_output=True, text=True)
    wall = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-2000:]}")
    summary = json.loads(done.stdout)
    peaks: dict[str, float] = {}
    for doc in summary["documents"]:
        peaks[doc["worker"]] = max(peaks.get(doc["worker"], 0.0), doc["peak_mib"])
    return {"docs": len(summary["documents"]), "workers": workers, "wall": round(wall, 1),
            "build": summary["seconds"], "per_doc": round(wall / len(summary["documents"]), 2),
            "doc_seconds": [doc["seconds"] for doc in summary["documents"]],
            "peak_mib": max(peaks.values()), "load": [round(x, 2) for x in load],
            "units": sum(doc["build"]["units"] for doc in summary["documents"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8,16")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    counts = [int(x) for x in args.workers.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            inputs = Path(tmp) / f"in{size}"
            inputs.mkdir()
            write_variants(inputs, size)
            for workers in counts:
                row = run(inputs, Path(tmp) / f"out{size}-{workers}", workers)
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    if args.markdown:
        print("| documents | workers | total | per document | speed-up | peak memory per "
              "worker | load average before |")
        print("|---|---|---|---|---|---|---|")
        one = {r["docs"]: r["wall"] for r in rows if r["workers"] == 1}
        for r in rows:
            speed = (f"{one[r['docs']] / r['wall']:.2f}×" if r["workers"] > 1 and r["docs"] in one
                     else "")
            print(f"| {r['docs']} | {r['workers']} | {r['wall']:.1f} s | {r['per_doc']:.1f} s | "
                  f"{speed} | {r['peak_mib']:.0f} MiB | {r['load'][0]:.2f} |")


if __name__ == "__main__":
    main()
