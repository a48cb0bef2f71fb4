"""A whole collection in one call: every document built on Dask, then the collection's files.

``OUT/docs/<id>/`` holds each document's own build (its manifest, review page, exports);
``OUT`` holds the merged translation memories, the unit and finding tables with a document
column, ``index.html`` and ``collection.json`` (the summary, written last). The collection
files are written into a staging folder and moved into place together; those an earlier run
wrote and this one did not, and the document folders of documents no longer in the
collection, are removed. A failed document keeps the outputs of its last good build in its
folder, but takes no part in the collection files.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import quote

from ..fileio import read_json_object, write_text_atomic
from ..report.index import IndexRow, write_index_page
from .discover import DocumentSpec
from .merge import DocumentOutputs, write_memories, write_tables
from .run import DocumentResult, dask_client, run_documents

MANIFEST = "collection.json"
STAGING_PREFIX = ".collection-"
#: The exit code when a document failed (the others were built): not 1 (findings), 2 (the
#: collection's own input is unusable) or 3 (a crash of the program).
EXIT_DOCUMENT_FAILED = 4


@dataclass
class CollectionResult:
    """What a collection build did, document by document, and the files it wrote."""

    out: str
    documents: list[DocumentResult]
    #: merged TMX file -> (units written, unit occurrences merged into them)
    memories: dict[str, tuple[int, int]]
    files: list[str]
    workers: int
    seconds: float
    exit_code: int

    @property
    def failed(self) -> list[DocumentResult]:
        return [doc for doc in self.documents if doc.failed]

    def as_dict(self) -> dict:
        return asdict(self)


def _exit_code(results: Sequence[DocumentResult]) -> int:
    if any(doc.failed for doc in results):
        return EXIT_DOCUMENT_FAILED
    return max((doc.build.exit_code for doc in results), default=0)


def _index_rows(results: Sequence[DocumentResult]) -> list[IndexRow]:
    return [IndexRow(doc.id, doc.source, "failed", error=doc.error) if doc.failed else IndexRow(
        doc.id, doc.source, "up to date" if doc.build.skipped else "built", doc.build.units,
        doc.build.findings, f"docs/{quote(doc.id)}/review.html") for doc in results]


def _file_notes(memories: dict[str, tuple[int, int]]) -> list[tuple[str, str]]:
    return [(name, f"translation memory: {units} units from {seen} occurrences")
            for name, (units, seen) in memories.items()] + [
        ("units.tsv", "every unit of every document, with a document column"),
        ("units.jsonl", "the same as JSON lines"),
        ("findings.tsv", "every finding of every document, with a document column"),
        ("findings.json", "the same as JSON"), (MANIFEST, "this build's summary")]


def _remove_stale(out: Path, previous: dict, files: set[str], docs: set[str]) -> None:
    """Remove the files and document folders of an earlier run that this one did not write."""
    for name in previous.get("files", []):
        if isinstance(name, str) and name == Path(name).name and name not in files:
            (out / name).unlink(missing_ok=True)
    for doc in previous.get("documents", []):
        name = doc.get("id") if isinstance(doc, dict) else None
        folder = out / "docs" / str(name)
        if isinstance(name, str) and name not in docs and folder.parent == out / "docs" \
                and (folder / "build.json").is_file():
            shutil.rmtree(folder, ignore_errors=True)


def build_collection(specs: Sequence[DocumentSpec], out: str | Path, fail_on: str = "error",
                     cache_dir: str | Path | None = None, workers: int | None = None,
                     scheduler: str | None = None,
                     on_done: Callable[[DocumentResult], None] | None = None
                     ) -> CollectionResult:
    """Build the documents ``specs`` into ``out/docs/<id>/`` on Dask (a local cluster of
    ``workers`` processes, or the cluster at ``scheduler``) and write the collection files;
    ``cache_dir``: the embedding cache all workers share (default ``out/.embeddings``);
    ``on_done``: called with each document's result as it finishes."""
    started = time.perf_counter()
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(cache_dir).resolve() if cache_dir is not None else out / ".embeddings"
    previous = read_json_object(out / MANIFEST)
    with dask_client(workers, scheduler) as client:
        count = len(client.scheduler_info()["workers"])
        results = run_documents(specs, out / "docs", fail_on, cache, client, on_done)
    built = [DocumentOutputs.read(doc.id, doc.out) for doc in results if not doc.failed]
    for leftover in out.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        memories = write_memories(built, staging)
        files = [*memories, *(p.name for p in write_tables(built, staging))]
        write_index_page(_index_rows(results), _file_notes(memories), staging / "index.html",
                         title=f"Collection {out.name}")
        files.append("index.html")
        for name in files:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_stale(out, previous, {*files, MANIFEST}, {spec.id for spec in specs})
    result = CollectionResult(str(out), results, memories, [*files, MANIFEST], count,
                              round(time.perf_counter() - started, 2), _exit_code(results))
    write_text_atomic(out / MANIFEST, json.dumps(result.as_dict(), ensure_ascii=False,
                                                 indent=1) + "\n")
    return result
