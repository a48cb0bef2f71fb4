"""The :class:`Corpus`: a read :class:`~sco_corpus.ingest.document.Document` with the steps after
ingestion (alignment, checks, term table) as methods, and :func:`load`."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Mapping, Sequence, Union

from .align.document import align_corpus
from .align.pairwise import Options
from .checks import run_checks
from .checks.terms import build_terms, terms_frame
from .ingest.document import Document, read_document, read_documents
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
    """Read a decoded mixed :class:`Source` into a :class:`Corpus`."""
    return _corpus(read_document(source))


def from_sources(sources: Sequence[tuple[str, Source]]) -> Corpus:
    """Read decoded per-language sources, ``(lang, source)`` with the original language first,
    into a :class:`Corpus`."""
    return _corpus(read_documents(sources))


def _corpus(document: Document) -> Corpus:
    return Corpus(**{f.name: getattr(document, f.name) for f in fields(document)})


#: What :func:`load` reads: one mixed file, or a mapping of language code to file.
Sources = Union[str, Path, Mapping[str, Union[str, Path]], None]


def language_files(paths: Mapping[str, str | Path],
                   original: str | None = None) -> list[tuple[str, Path]]:
    """``paths`` as ``(lang, path)`` pairs with the ``original`` language (default: the first
    given) first; a ``ValueError`` when ``original`` is not one of them."""
    pairs = [(lang, Path(path)) for lang, path in paths.items()]
    if original is not None:
        if original not in paths:
            raise ValueError(f"the original language {original!r} is not among the files "
                             f"given ({', '.join(paths)})")
        pairs.sort(key=lambda pair: pair[0] != original)
    return pairs


def load(path: Sources = None, original: str | None = None) -> Corpus:
    """Load the embedded booklet, the mixed file at ``path``, or one file per language given
    as a mapping such as ``{"ru": "a.docx", "en": "b.pdf", "zh": "c.txt"}`` (``original``:
    the language translated from, default the first given; it leads the alignment)."""
    if isinstance(path, Mapping):
        if not path:
            raise ValueError("no files given: expected a mapping of language code to file")
        return from_sources([(lang, read_source(file))
                             for lang, file in language_files(path, original)])
    if original is not None:
        raise ValueError("original= names a language among per-language files; a mixed file "
                         "is in its own order")
    return from_source(read_source(path if path is not None else EMBEDDED))
