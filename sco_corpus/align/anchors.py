"""Anchors: tokens a sentence and its translation must share (numbers, months, Latin acronyms).

Each sentence gets two hashed count vectors: ``present`` (every anchor it has) and ``required``
(anchors its translation must have too). Latin words are required only outside English text,
where they are foreign (``CICA`` in Russian must be ``CICA`` in English; ``SCO`` in English need
not appear in Russian, which writes ``ШОС``).
"""
from __future__ import annotations

import re
import zlib

import numpy as np

from ..numbers import find_numbers

#: Hash buckets for anchor tokens; collisions only make two different anchors look alike.
DIM = 128

_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма[йяюе]", "июн", "июл", "август", "сентябр",
              "октябр", "ноябр", "декабр")
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = re.compile(r"\b(?:(" + "|".join(_RU_MONTHS) + r")[а-яё]*|(" + "|".join(_EN_MONTHS)
                         + r")[a-z]*\.?)(?![а-яёa-z])", re.IGNORECASE)
_LATIN = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z]{2,}\b")


def _month(match: re.Match) -> int | None:
    word = match.group(0).lower()
    if match.group(1):
        return next(k for k, stem in enumerate(_RU_MONTHS, 1) if re.match(stem, word))
    if match.group(2) and (len(word.rstrip(".")) == 3 or word.startswith(
            ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"))):
        return _EN_MONTHS.index(word[:3]) + 1
    return None


def anchor_tokens(text: str, lang: str) -> tuple[list[str], list[str]]:
    """``(present, required)`` anchor tokens of one sentence."""
    numbers: list[str] = []
    for number in find_numbers(text, lang):
        if lang == "zh" and text.startswith("月", number.end):
            numbers.append(f"month:{number.value:g}")
        else:
            numbers.append(f"n:{number.value:g}")
    if lang != "zh":
        for match in _MONTH_WORD.finditer(text):
            month = _month(match)
            if month is not None and not (lang == "en" and match.group(0) == "may"):
                numbers.append(f"month:{month}")
    latin = [f"w:{w.upper()}" for w in _LATIN.findall(text)]
    return numbers + latin, numbers + (latin if lang != "en" else [])


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
        tokens, needed = anchor_tokens(text, lang)
        present[k] = _vector(tokens)
        required[k] = _vector(needed)
    return present, required
