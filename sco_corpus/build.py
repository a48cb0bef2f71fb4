"""The whole job in one call: ingest, align, check, export, review page.

:func:`build` writes everything into one folder with a manifest (``build.json``): the hash of
the inputs (source bytes, package version, settings) and of every file written. Run again on
an unchanged source, it finds the manifest and the files intact and skips every stage; when it
must run, the embeddings come from the cache in ``<out>/.embeddings``. Outputs are
deterministic (ids from content and position, fixed ordering); the only timestamp, the TMX
``creationdate``, is pinned by ``SOURCE_DATE_EPOCH``.

Files are written into a staging folder inside ``out`` and moved into place only when every
stage has succeeded; files an earlier build wrote (as its manifest lists them) that this one
does not write are removed, so old and new outputs never mix. An interrupted build leaves the
previous outputs, or a manifest that no longer matches them, and the next build starts over.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import Callable, Mapping

from . import __version__
from .align.embed import Embedder
from .checks import SEVERITIES, exit_code, run_checks
from .checks.report import write_findings
from .checks.terms import build_terms
from .corpus import EMBEDDED, Corpus, Sources, from_source, from_sources, language_files
from .fileio import read_json_object, write_text_atomic
from .formats.exports import export_all
from .formats.omegat_glossary import write_glossaries
from .report import write_review_page
from .ingest.source import read_source

STAGES = ("ingest", "align", "check", "export", "review page")
MANIFEST = "build.json"
#: Name prefix of the staging folder inside ``out`` where a build writes before publishing.
STAGING_PREFIX = ".build-"

#: ``progress(stage, event, detail)``: event is ``start``, ``step`` (detail: (done, total,
#: label)), ``done`` (detail: seconds) or ``skipped``.
StageProgress = Callable[[str, str, object], None]


@dataclass
class BuildResult:
    """What a build did: counts, files, time, and the exit code the checks ask for."""

    out: str
    source: str
    units: int
    pairs: dict[str, int]
    findings: dict[str, int]
    files: list[str]
    seconds: float
    skipped: bool
    exit_code: int
    stages: dict[str, float] = field(default_factory=dict)
    #: what the user should know: exports left out, and why
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _code_hash() -> str:
    """A hash of the package's own source files: a changed program rebuilds everything."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _inputs_key(raw: bytes, fail_on: str) -> str:
    settings = json.dumps({"version": __version__, "code": _code_hash(), "fail_on": fail_on,
                           "epoch": os.environ.get("SOURCE_DATE_EPOCH")}, sort_keys=True)
    return hashlib.sha256(raw + settings.encode()).hexdigest()


def _written_before(manifest: dict) -> set[str]:
    """Names of the files an earlier build wrote (plain names inside ``out`` only)."""
    names = manifest.get("hashes")
    return {n for n in names if isinstance(n, str) and n == Path(n).name and n != MANIFEST
            and not n.startswith(".")} if isinstance(names, dict) else set()


def _up_to_date(out: Path, manifest: dict, key: str, source: str) -> BuildResult | None:
    """The previous result, if the manifest says these inputs made the files that are there."""
    try:
        if manifest.get("inputs") != key:
            return None
        for name, digest in manifest["hashes"].items():
            if not (out / name).is_file() or _sha256(out / name) != digest:
                return None
        result = BuildResult(**manifest["result"])
    except (OSError, KeyError, TypeError, AttributeError):
        return None  # an unreadable manifest is no manifest: build again
    result.skipped, result.seconds = True, 0.0
    result.source, result.out = source, str(out)
    return result


def _publish(out: Path, files: list[Path], earlier: set[str],
             manifest: dict) -> None:
    """Move the staged ``files`` into ``out``, remove the files of an earlier build that were
    not written again, and write the manifest last. While files move, the manifest lists the
    earlier files too and matches no input, so an interruption here is cleaned up next time."""
    names = {p.name for p in files}
    write_text_atomic(out / MANIFEST, json.dumps(
        {"inputs": None, "hashes": {n: "" for n in sorted(earlier | names)}}) + "\n")
    for path in files:
        os.replace(path, out / path.name)
    for name in earlier - names:
        (out / name).unlink(missing_ok=True)
    write_text_atomic(out / MANIFEST, json.dumps(manifest, indent=1) + "\n")


def build(source: Sources, out: str | Path, fail_on: str = "error",
          cache_dir: str | Path | None = None,
          progress: StageProgress | None = None, original: str | None = None) -> BuildResult:
    """Build the corpus of ``source`` (default: the embedded booklet; a mapping of language
    code to file for one file per language, ``original`` first) into ``out``."""
    started = time.perf_counter()
    out = Path(out)
    report = progress or (lambda stage, event, detail: None)
    if isinstance(source, Mapping):
        files = language_files(source, original)
        decoded = [(lang, read_source(path)) for lang, path in files]
        label = " ".join(f"{lang}={path}" for lang, path in files)
        raw = " ".join(f"{lang}={_sha256(path)}" for lang, path in files).encode()
        ingest = partial(from_sources, decoded)
    else:
        path = Path(source) if source is not None else EMBEDDED
        mixed = read_source(path)
        label, raw = str(path), path.read_bytes()
        ingest = partial(from_source, mixed)
    key = _inputs_key(raw, fail_on)
    manifest = read_json_object(out / MANIFEST)
    previous = _up_to_date(out, manifest, key, label)
    if previous is not None:
        for stage in STAGES:
            report(stage, "skipped", None)
        return previous
    out.mkdir(parents=True, exist_ok=True)
    for leftover in out.glob(f"{STAGING_PREFIX}*"):  # of an interrupted build
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        cache = cache_dir if cache_dir is not None else out / ".embeddings"
        result, files = _run_stages(ingest, staging, fail_on, cache, report)
        result.out, result.source = str(out), label
        result.seconds = round(time.perf_counter() - started, 2)
        _publish(out, files, _written_before(manifest),
                 {"inputs": key, "hashes": {p.name: _sha256(p) for p in files},
                  "result": result.as_dict()})
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # published, or given up
    return result


def _run_stages(ingest: Callable[[], Corpus], staging: Path, fail_on: str, cache_dir: str | Path,
                report: StageProgress) -> tuple[BuildResult, list[Path]]:
    """Every stage, writing into ``staging``: the result and the files written."""
    timings: dict[str, float] = {}

    def stage(name: str, work):
        report(name, "start", None)
        begun = time.perf_counter()
        value = work()
        timings[name] = time.perf_counter() - begun
        report(name, "done", timings[name])
        return value

    corpus = stage("ingest", ingest)
    embedder = Embedder(cache_dir=cache_dir)
    alignment = stage("align", lambda: corpus.align(
        embedder=embedder, progress=lambda done, total, label: report(
            "align", "step", (done, total, label))))
    findings = stage("check", lambda: run_checks(corpus, alignment))
    files = stage("export", lambda: export_all(alignment, staging, findings=findings)
                  + write_findings(findings, staging)
                  + write_glossaries(build_terms(alignment), staging, alignment.langs))
    page = stage("review page", lambda: write_review_page(corpus, alignment, findings,
                                                          staging / "review.html"))
    files = [*files, page]
    severity = Counter(f.severity for f in findings)
    result = BuildResult(
        out="", source="", units=len(alignment),
        pairs={f"{a}-{b}": sum(1 for u in alignment if u.sentences[a] and u.sentences[b])
               for a, b in combinations(alignment.langs, 2)},
        findings={s: severity[s] for s in SEVERITIES},
        files=[p.name for p in files], seconds=0.0, skipped=False,
        exit_code=exit_code(findings, fail_on),
        stages={k: round(v, 2) for k, v in timings.items()})
    if len(alignment.langs) < 2:
        result.notes.append(
            f"the document has one language ({', '.join(alignment.langs) or 'none'}): the "
            "TMX and Moses files need two and were not written; units.tsv and units.jsonl "
            "hold its sentences")
    return result, files
