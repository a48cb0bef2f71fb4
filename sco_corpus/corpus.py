"""The :class:`Corpus`: a read :class:`~sco_corpus.ingest.document.Document` with the steps after
ingestion (alignment, checks, term table) as methods, and :func:`load`."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from .align.document import align_corpus
from .align.pairwise import Options
from .checks import run_checks
from .checks.terms import build_terms, terms_frame
from .ingest.document import Document, read_document
from .ingest.source import Source, read_source

#: The booklet shipped with the package.
EMBEDDED = Path(__file__).resolve().parent.parent / "corpus" / "sco_today_dushanbe_2014.txt"


class Corpus(Document):
    """A trilingual source split into parts, sections, blocks and sentences, ready to align."""

    def align(self, options=None, embedder=None, progress=None):
        """The trilingual units of this corpus (:class:`sco_corpus.align.units.Alignment`).

        ``options``: :class:`sco_corpus.align.pairwise.Options`; ``embedder``: an
        :class:`sco_corpus.align.embed.Embedder` (give it a ``cache_dir`` to keep embeddings on
        disk); ``progress``: called as ``progress(done, total, label)``.
        """
        return align_corpus(self, options or Options(), embedder, progress)

    def check(self, alignment=None, checks=None, embedder=None):
        """The consistency findings (:class:`sco_corpus.checks.Findings`, with ``.to_frame()``)
        of ``alignment`` (default: :meth:`align` with ``embedder``); ``checks``: names to run."""
        if alignment is None:
            alignment = self.align(embedder=embedder)
        return run_checks(self, alignment, checks)

    def glossary(self, alignment=None, embedder=None):
        """The term table as a DataFrame, one row per term (columns:
        :func:`sco_corpus.checks.terms.terms_frame`) of ``alignment`` (default: :meth:`align`
        with ``embedder``)."""
        if alignment is None:
            alignment = self.align(embedder=embedder)
        return terms_frame(build_terms(alignment), alignment.langs)


def from_source(source: Source) -> Corpus:
    """Read a decoded :class:`Source` into a :class:`Corpus`."""
    document = read_document(source)
    return Corpus(**{f.name: getattr(document, f.name) for f in fields(document)})


def load(path: str | Path | None = None) -> Corpus:
    """Load the embedded booklet, or the trilingual text file at ``path``."""
    return from_source(read_source(path if path is not None else EMBEDDED))
