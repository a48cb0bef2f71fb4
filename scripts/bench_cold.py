"""Cold time of this tree against a baseline tree, side by side in one run.

Each measurement is a fresh Python process (imports, encoder loading and every sentence
encoded, nothing cached), timed from outside; the two trees alternate run by run, so that a
change in the machine's load touches both. Tasks:

- ``units``: source to trilingual units, the library way (``sco_corpus.load().align()``);
- ``build``: ``sco-corpus build`` of the embedded booklet into a fresh folder (all stages).

Prints, per tree and task, the median and range of the wall times, the ratio of the medians
(this tree / baseline), and the load average (``os.getloadavg``) before and after the runs.
A baseline is a checkout of another commit, e.g. ``git worktree add --detach /tmp/base main``.

    python scripts/bench_cold.py /tmp/base [--runs 5] [--tasks units,build]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

PROGRAMS = {
    "units": "import sco_corpus; sco_corpus.load().align()",
    "build": "import sys; from sco_corpus.cli import main; main(['build', '--quiet', '--out', sys.argv[1]])",
}


def run_once(tree: Path, task: str) -> float:
    """Wall seconds of one fresh process running ``task`` with ``tree`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", PROGRAMS[task], str(Path(out) / "out")],
                       cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (range {min(times):.2f}-{max(times):.2f})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="the other tree (a checkout of main)")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per tree and task")
    parser.add_argument("--tasks", default="units,build", help=f"of {', '.join(PROGRAMS)}")
    args = parser.parse_args(argv)
    trees = {"baseline": args.baseline.resolve(), "this": HERE}
    for task in args.tasks.split(","):
        before = os.getloadavg()
        times: dict[str, list[float]] = {name: [] for name in trees}
        for k in range(args.runs):
            order = list(trees) if k % 2 == 0 else list(trees)[::-1]
            for name in order:
                times[name].append(run_once(trees[name], task))
        after = os.getloadavg()
        print(f"{task}: {args.runs} fresh processes per tree, alternating")
        for name, tree in trees.items():
            print(f"  {name:<8} {summary(times[name])}  [{tree}]")
            print(f"           runs: {', '.join(f'{t:.2f}' for t in times[name])}")
        ratio = statistics.median(times["this"]) / statistics.median(times["baseline"])
        print(f"  ratio this/baseline (medians): {ratio:.2f}")
        print(f"  load average (1, 5, 15 min) before {before[0]:.2f} {before[1]:.2f} "
              f"{before[2]:.2f}, after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")


if __name__ == "__main__":
    main()
