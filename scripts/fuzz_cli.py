"""Fuzz the ``sco-corpus`` command line with hostile inputs (for runs outside CI).

Each run draws from its own seed a command (build, split, stats, check, export), an input (a
hostile document of ``tests/hostile.py``, or a broken one: missing, a directory, binary, empty,
not UTF-8, a huge line) and options (valid ones, or one wrong: --langs, --fail-on, --checks,
--lang-code, --format, a missing or garbage --baseline, a read-only output folder, an output
under a file), runs the real CLI in a subprocess with the real encoder, and classifies it:

  exit 0, exit 1   the command's outputs exist (exit 1, findings, from build and check only)
  exit 2 input     one line on stderr (besides build's progress) naming the file or option at fault
  exit 2 usage     argparse's usage and an error line naming the option
  FAIL             anything else: exit 3 (internal error), a traceback, a hang past --timeout,
                   exit 2 without that line, exit 0/1 without outputs, another exit code

    python scripts/fuzz_cli.py --runs 150 --timeout 120     # 15 to 25 minutes here
    python scripts/fuzz_cli.py --seed 1234 --runs 1          # replay the run of seed 1234
"""
from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sco_corpus.checks import CHECKS, SEVERITIES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile import document

MAIN = "import sys; from sco_corpus.cli import main; sys.exit(main())"
COMMANDS = ("build", "split", "stats", "check", "export")
FORMATS = ("all", "tmx", "tsv", "jsonl", "moses")
SOURCE_FAULTS = ("missing", "directory", "binary", "empty", "not UTF-8", "huge line")
#: option faults and the commands that take the option
OPTION_FAULTS = {"bad --langs": ("export",), "bad --lang-code": ("export",),
                 "bad --format": ("export",), "bad --fail-on": ("build", "check"),
                 "bad --checks": ("check",), "missing --baseline": ("check",),
                 "garbage --baseline": ("check",)}
OUTPUT_FAULTS = ("read-only out", "out under a file")
COLUMNS = ("runs", "exit 0", "exit 1", "exit 2 input", "exit 2 usage", "FAIL")
#: build's progress lines on stderr, which are not error lines
_PROGRESS = re.compile(r'^(\{"stage"|[\w ]+ (done in [\d.]+ s|up to date)$)')


@dataclass
class Case:
    """One run: its seed, what it does, and what an error message may name."""

    seed: int
    command: str
    fault: str
    argv: list[str]
    outputs: list[Path]
    blame: list[str] = field(default_factory=list)


def _source(rng: random.Random, fault: str, path: Path) -> None:
    """Write the input of ``fault`` (``none``: a hostile document) at ``path``."""
    if fault == "missing":
        return
    if fault == "directory":
        path.mkdir()
    elif fault == "binary":
        path.write_bytes(rng.randbytes(rng.randint(1, 5000)))
    elif fault == "empty":
        path.write_bytes(rng.choice((b"", b" \n\t\n", b"\xef\xbb\xbf", b"\r\n\r\n")))
    elif fault == "not UTF-8":
        data = document(rng, huge_kinds=("endless",))
        at = rng.randrange(len(data) + 1)
        path.write_bytes(data[:at] + rng.choice((b"\xff", b"\xc3", b"\xe9t\xe9")) + data[at:])
    elif fault == "huge line":
        path.write_bytes(document(rng, huge_rate=1.0))
    else:
        # a line of one sentence repeated hundreds of times hangs (find_repeats, cubic): only
        # the "huge line" fault draws it
        path.write_bytes(document(rng, huge_kinds=("endless",)))


def make_case(seed: int, folder: Path, cache: Path) -> Case:
    """The run of ``seed``, its files written into ``folder`` (``cache``: a shared --cache-dir)."""
    rng = random.Random(seed)
    command = rng.choice(COMMANDS)
    faults = [*SOURCE_FAULTS, *(f for f, cmds in OPTION_FAULTS.items() if command in cmds),
              *(OUTPUT_FAULTS if command != "stats" else ())]
    fault = "none" if rng.random() < 0.5 else rng.choice(faults)
    source = folder / "source.txt"
    _source(rng, fault, source)
    blame = [str(source)]
    fmt = rng.choice(FORMATS) if command == "export" else "all"
    name = {"all": "out", "moses": "corpus"}.get(fmt, f"units.{fmt}")
    out = folder / name
    if fault == "read-only out":
        out = folder / "read-only" / name
        out.parent.mkdir()
        out.parent.chmod(0o555)
        blame.append(str(out.parent))
    elif fault == "out under a file":
        (folder / "file").write_text("a file\n")
        out = folder / "file" / name
        blame.append(str(folder / "file"))
    argv = [command, str(source)] + ([] if command == "stats" else ["--out", str(out)])
    if command in ("build", "check", "export") and rng.random() < 0.3:
        argv += ["--cache-dir", str(cache)]
    if command in ("build", "check") and (fault == "bad --fail-on" or rng.random() < 0.3):
        argv += ["--fail-on", rng.choice(("fatal", "", "ERROR") if fault == "bad --fail-on"
                                         else (*SEVERITIES, "never"))]
        blame.append("--fail-on")
    if command == "build":
        argv += rng.choice(([], ["--quiet"], ["--json"], ["--quiet", "--json"]))
    if command == "check":
        argv += _check_options(rng, fault, folder, blame)
    if command == "export":
        argv += _export_options(rng, fault, fmt, blame)
    outputs = {
        "build": [out / "review.html", out / "units.tsv", out / "findings.json"],
        "split": [out / "removed.tsv"],
        "stats": [],
        "check": [out / "findings.json", out / "findings.tsv"],
        "export": [out / "units.tsv" if fmt == "all"
                   else Path(f"{out}.ids") if fmt == "moses" else out],
    }[command]
    return Case(seed, command, fault, argv, outputs, blame)


def _check_options(rng: random.Random, fault: str, folder: Path, blame: list[str]) -> list[str]:
    argv = []
    if fault == "bad --checks" or rng.random() < 0.3:
        names = rng.sample(sorted(CHECKS), rng.randint(1, len(CHECKS)))
        if fault == "bad --checks":
            names.insert(rng.randrange(len(names) + 1), rng.choice(("bogus", "", "Number")))
        argv += ["--checks", ",".join(names)]
        blame.append("--checks")
    baseline = folder / "baseline.json"
    if fault == "garbage --baseline":
        baseline.write_bytes(rng.choice((rng.randbytes(200), b'{"id": 1}', b"[1, 2]",
                                         b"[" * 100_000, b"\xff\xfe")))
    elif fault != "missing --baseline":
        if rng.random() >= 0.3:
            return argv
        baseline.write_text('[{"id": "number:s01:x"}]\n')
    blame.append(str(baseline))
    return argv + ["--baseline", str(baseline)]


def _export_options(rng: random.Random, fault: str, fmt: str, blame: list[str]) -> list[str]:
    argv = ["--format", "docx" if fault == "bad --format" else fmt]
    blame.append("--format")
    if fault == "bad --langs" or rng.random() < 0.4:
        langs = rng.sample(("ru", "en", "zh"), rng.randint(1, 3))
        value = (rng.choice(("ru,fr", "ru,ru", ",", "RU,EN", "ru;en", "en,zh,ru,en"))
                 if fault == "bad --langs" else ",".join(langs))
        argv += ["--langs", value]
        blame.append("--langs")
    if fault == "bad --lang-code" or rng.random() < 0.2:
        argv += ["--lang-code", rng.choice(("zh", "=zh-TW", "en=ru", "zh=")
                                           if fault == "bad --lang-code" else ("zh=zh-TW",))]
        blame.append("--lang-code")
    return argv


def run(case: Case, timeout: float) -> tuple[str, str, float]:
    """Run the CLI on ``case``: (outcome, detail, seconds); outcome one of :data:`COLUMNS`."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", MAIN, *case.argv], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="replace", start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return "FAIL", f"hang: no exit after {timeout:.0f} s", time.monotonic() - start
    seconds = time.monotonic() - start
    code = proc.returncode
    errors = [line for line in stderr.splitlines() if line.strip() and not _PROGRESS.match(line)]
    named = any(b in errors[-1] for b in case.blame) if errors else False
    if "Traceback (most recent call last)" in stderr:
        return "FAIL", f"exit {code} with a traceback: {errors[-1][:200]}", seconds
    if code in ((0, 1) if case.command in ("build", "check") else (0,)):
        missing = [str(p) for p in case.outputs if not p.exists()]
        if missing or case.command == "stats" and not stdout.strip():
            return "FAIL", f"exit {code} without outputs: {', '.join(missing) or 'stdout'}", seconds
        return f"exit {code}", "", seconds
    if code == 2 and len(errors) == 1 and named:
        return "exit 2 input", errors[0], seconds
    if code == 2 and errors and errors[0].startswith("usage:") and "error: argument" in errors[-1] \
            and named:
        return "exit 2 usage", errors[-1], seconds
    return "FAIL", f"exit {code}, stderr: {' | '.join(errors)[:300] or '(empty)'}", seconds


def _table(title: str, rows: dict[str, Counter]) -> str:
    width = max(len(title), *(len(key) for key in rows))
    lines = [f"| {title:<{width}} | " + " | ".join(COLUMNS) + " |",
             f"|{'-' * (width + 2)}|" + "|".join("-" * (len(c) + 2) for c in COLUMNS) + "|"]
    total = Counter()
    for key, counts in rows.items():
        total.update(counts)
        lines.append(f"| {key:<{width}} | " + " | ".join(f"{counts[c]:>{len(c)}}" for c in COLUMNS)
                     + " |")
    lines.append(f"| {'all':<{width}} | " + " | ".join(f"{total[c]:>{len(c)}}" for c in COLUMNS)
                 + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=150, help="number of runs (default 150)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the first run; run k has seed SEED + k (default 0)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before a run counts as a hang (default 120)")
    args = parser.parse_args(argv)

    by_command: dict[str, Counter] = defaultdict(Counter)
    by_fault: dict[str, Counter] = defaultdict(Counter)
    failures = []
    with tempfile.TemporaryDirectory(prefix="fuzz-cache-") as cache:
        try:
            for k in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="fuzz-",
                                                 ignore_cleanup_errors=True) as folder:
                    case = make_case(args.seed + k, Path(folder), Path(cache))
                    outcome, detail, seconds = run(case, args.timeout)
                for counts in (by_command[case.command], by_fault[case.fault]):
                    counts.update(("runs", outcome))
                print(f"[{k + 1}/{args.runs}] seed {case.seed} {case.command} ({case.fault}): "
                      f"{outcome} in {seconds:.1f} s", flush=True)
                if outcome == "FAIL":
                    failures.append((case, detail))
        except KeyboardInterrupt:
            print("interrupted: the runs so far")
    print()
    print(_table("command", dict(sorted(by_command.items()))))
    print()
    print(_table("input or fault", dict(sorted(by_fault.items()))))
    print(f"\n{len(failures)} failing runs" + (" (replay: --seed SEED --runs 1):" if failures
                                                  else ""))
    for case, detail in failures:
        print(f"- seed {case.seed}: sco-corpus {' '.join(case.argv)}\n  {detail}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
