"""Many documents: discovery, their builds on Dask distributed, the merged collection files.

Layers: :mod:`.discover` (which documents), :mod:`.run` (one task per document on Dask),
:mod:`.merge` (the collection's files from the documents' outputs), :mod:`.build` (the whole
job), :mod:`.api` (:func:`load_collection`, in this process).
"""
from .api import Collection, CollectionAlignment, CollectionFindings, load_collection
from .build import EXIT_DOCUMENT_FAILED, CollectionResult, build_collection
from .discover import DocumentSpec, discover, read_manifest
from .run import DocumentResult

__all__ = ["Collection", "CollectionAlignment", "CollectionFindings", "CollectionResult",
           "DocumentResult", "DocumentSpec", "EXIT_DOCUMENT_FAILED", "build_collection",
           "discover", "load_collection", "read_manifest"]
