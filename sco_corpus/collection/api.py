"""Collections in Python: :func:`load_collection` reads every document in this process; its
tables are the documents' tables one after the other with a ``document`` column first."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..align.units import records_frame
from ..checks.finding import FIELDS, Findings
from ..corpus import Corpus, load
from ..errors import SourceError
from .discover import discover, read_manifest


def _with_document(frames: dict, empty):
    import pandas as pd

    frame = pd.concat(list(frames.values()) or [empty], ignore_index=True)
    frame.insert(0, "document", [doc for doc, part in frames.items() for _ in range(len(part))])
    return frame


class CollectionAlignment(dict):
    """Document id -> its :class:`~sco_corpus.align.units.Alignment`."""

    def to_frame(self):
        """One row per unit of every document: ``document`` and the columns of
        :meth:`Alignment.to_frame` (every language of the collection)."""
        langs = tuple(dict.fromkeys(lang for a in self.values() for lang in a.langs))
        return _with_document({doc: records_frame(a.records(), langs) for doc, a in
                               self.items()}, records_frame([], langs))


class CollectionFindings(dict):
    """Document id -> its :class:`~sco_corpus.checks.finding.Findings`."""

    def to_frame(self):
        """One row per finding of every document: ``document`` and :data:`FIELDS`."""
        import pandas as pd

        return _with_document({doc: f.to_frame() for doc, f in self.items()},
                              pd.DataFrame(columns=list(FIELDS)))


@dataclass
class Collection:
    """The documents read (id -> :class:`Corpus`) and those that could not be read (id ->
    the error, one line)."""

    documents: dict[str, Corpus]
    failed: dict[str, str] = field(default_factory=dict)

    def align(self, embedder=None) -> CollectionAlignment:
        """Every document's units (``embedder``: one :class:`Embedder` shared by all)."""
        return CollectionAlignment({doc: corpus.align(embedder=embedder)
                                    for doc, corpus in self.documents.items()})

    def check(self, alignment: CollectionAlignment | None = None, checks=None,
              embedder=None) -> CollectionFindings:
        """Every document's findings (of ``alignment``, default :meth:`align`)."""
        alignment = alignment if alignment is not None else self.align(embedder)
        return CollectionFindings({doc: Findings(corpus.check(alignment[doc], checks))
                                   for doc, corpus in self.documents.items()})

    def to_frame(self, what: str = "sentences"):
        """A table of every document (``blocks``, ``sentences``, ``sections`` or ``noise``, as
        :meth:`Corpus.to_frame`) with a ``document`` column first."""
        frames = {doc: corpus.to_frame(what) for doc, corpus in self.documents.items()}
        return _with_document(frames, next(iter(frames.values())).iloc[:0] if frames else None)


def load_collection(inputs: Iterable[str | Path] = (), manifest: str | Path | None = None,
                    original: str | None = None) -> Collection:
    """Read the documents of ``inputs`` (folders and files) or of a ``manifest`` (see
    :mod:`sco_corpus.collection.discover`); a document that cannot be read is in
    ``.failed`` with its error. :class:`SourceError` when no document is found."""
    specs = read_manifest(manifest, original) if manifest is not None \
        else discover(inputs, original)
    documents, failed = {}, {}
    for spec in specs:
        try:
            documents[spec.id] = load(spec.source, spec.original)
        except SourceError as exc:
            failed[spec.id] = str(exc)
    return Collection(documents, failed)
