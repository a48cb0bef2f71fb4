"""Anchors: tokens a sentence and its translation must share (numbers, months, Latin acronyms).

Each sentence gets two hashed count vectors: ``present`` (every anchor it has) and ``required``
(anchors its translation must have too). Latin words are required only in a sentence not
mostly written in Latin letters, where they are foreign (``CICA`` in Russian must be ``CICA`` in
English; ``SCO`` in English need not appear in Russian, which writes ``ШОС``, nor ``SAC`` in
German in French, which writes ``CAS``). Numbers and months are read by the rules of ``lang``
(``ru``, ``en``, ``zh``; any other code: digits only, by language-neutral rules).
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

from ..dates import months
from ..numbers import find_numbers
from ..ingest.scripts import dominant_script

#: Hash buckets for anchor tokens; collisions only make two different anchors look alike.
DIM = 128

_LATIN = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z]{2,}\b")


def anchor_tokens(text: str, lang: str) -> tuple[list[str], list[str]]:
    """``(present, required)`` anchor tokens of one sentence."""
    numbers = [f"n:{n.value:g}" for n in find_numbers(text, lang)
               if not (lang == "zh" and text.startswith("月", n.end))]
    numbers += [f"month:{m}" for m in months(text, lang)]
    latin = [f"w:{w.upper()}" for w in _LATIN.findall(text)]
    return numbers + latin, numbers + (latin if dominant_script(text) != "latin" else [])


def _vector(tokens: list[str]) -> np.ndarray:
    vector = np.zeros(DIM, dtype=np.float32)
    for token in tokens:
        vector[zlib.crc32(token.encode("utf-8")) % DIM] += 1
    return vector


def anchor_vectors(texts: list[str], lang: str) -> tuple[np.ndarray, np.ndarray]:
    """``(present, required)`` arrays of shape ``(len(texts), DIM)``."""
    present = np.zeros((len(texts), DIM), dtype=np.float32)
    required = np.zeros((len(texts), DIM), dtype=np.float32)
    for k, text in enumerate(texts):
        present[k], required[k] = _sentence_vectors(text, lang)
    return present, required


@lru_cache(maxsize=65536)
def _sentence_vectors(text: str, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """One sentence's vectors, computed once: the aligner asks again at every stage."""
    tokens, needed = anchor_tokens(text, lang)
    return _vector(tokens), _vector(needed)
