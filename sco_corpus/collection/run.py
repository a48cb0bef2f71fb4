"""Building the documents of a collection in parallel on Dask distributed.

Each document is one task, :func:`build_document`: the single-document :func:`~sco_corpus.build.build`
into ``<docs>/<id>/`` (skipped when unchanged), with the embedding cache shared by all tasks
(files written atomically, so workers may fill it at once). A document that fails is a result
with its error, never an exception: the others finish. ``workers`` starts a local cluster of
that many processes; ``scheduler`` uses an existing cluster, whose workers must import
``sco_corpus`` and see the same paths (shared storage).
"""
from __future__ import annotations

import logging
import os
import resource
import socket
import time
import traceback
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..build import BuildResult, build
from ..errors import SourceError
from .discover import DocumentSpec


@dataclass
class DocumentResult:
    """What became of one document: its build, or the error that stopped it."""

    id: str
    source: str
    out: str
    build: BuildResult | None
    #: one line: the input problem (a :class:`SourceError`) or the unexpected exception
    error: str = ""
    #: the full traceback of an unexpected exception ("" for an input problem)
    trace: str = ""
    #: the process that built it, and that process's peak resident memory so far (MiB)
    worker: str = ""
    peak_mib: float = 0.0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.build is None

    def as_dict(self) -> dict:
        return asdict(self)


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def build_document(spec: DocumentSpec, docs_dir: str, fail_on: str,
                   cache_dir: str) -> DocumentResult:
    """Build ``spec`` into ``docs_dir/<id>``; the task each worker runs."""
    started = time.perf_counter()
    out = str(Path(docs_dir) / spec.id)
    result = DocumentResult(spec.id, spec.describe(), out, None,
                            worker=f"{socket.gethostname()}:{os.getpid()}")
    try:
        result.build = build(spec.source, out, fail_on, cache_dir, original=spec.original)
    except SourceError as exc:
        result.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the others
        result.error = f"internal error: {type(exc).__name__}: {str(exc)[:300]}"
        result.trace = traceback.format_exc()
    result.seconds = round(time.perf_counter() - started, 2)
    result.peak_mib = _peak_mib()
    return result


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator:
    """A Dask client: of the cluster at ``scheduler``, or of a local cluster of ``workers``
    processes (default: the machine's cores), one thread each, shut down on exit."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SourceError("dask", None, "a collection is built on Dask distributed: "
                                        "pip install 'sco-corpus[cluster]'") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run_documents(specs: Sequence[DocumentSpec], docs_dir: str | Path, fail_on: str,
                  cache_dir: str | Path, client,
                  on_done: Callable[[DocumentResult], None] | None = None
                  ) -> list[DocumentResult]:
    """Build every document on ``client``'s cluster; the results in the order of ``specs``.
    A task lost with its worker (killed, out of memory) is a failed document too."""
    from dask.distributed import as_completed

    futures = {client.submit(build_document, spec, str(docs_dir), fail_on, str(cache_dir),
                             pure=False, key=f"sco-corpus-build-{spec.id}-{os.urandom(4).hex()}"):
               spec for spec in specs}
    results: dict[str, DocumentResult] = {}
    for future in as_completed(futures):
        spec = futures[future]
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - the worker died, not the document's build
            result = DocumentResult(spec.id, spec.describe(), str(Path(docs_dir) / spec.id),
                                    None, error=f"worker lost: {type(exc).__name__}: "
                                                f"{str(exc)[:300]}")
        results[spec.id] = result
        if on_done is not None:
            on_done(result)
    return [results[spec.id] for spec in specs]
