"""Language codes of :func:`~sco_corpus.align_sentences`: which have their own rules, which the
encoder covers, and the warning for a code it does not."""
from __future__ import annotations

import warnings

from .embed import Encoder

#: Languages with their own rules for numbers and months (:mod:`sco_corpus.numbers`,
#: :mod:`sco_corpus.dates`); any other code is read by language-neutral rules.
RULE_LANGUAGES = ("ru", "en", "zh")


class UnknownLanguageWarning(UserWarning):
    """A language code the encoder does not declare: aligned anyway, by language-neutral rules."""


def base_code(code: str) -> str:
    """``"zh-CN"``, ``"ZH_cn"`` and ``"zh"`` are all ``"zh"``."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def check_language(code: str, encoder: Encoder) -> str:
    """The base code of ``code``; warns (:class:`UnknownLanguageWarning`) when the encoder
    declares the languages it covers (a ``languages`` attribute) and this is not one of them."""
    base = base_code(code)
    covered = getattr(encoder, "languages", None)
    if covered is not None and base not in covered:
        name = getattr(encoder, "name", type(encoder).__name__)
        warnings.warn(
            f"language code {code!r} is not one the encoder {name} covers "
            f"({', '.join(sorted(covered))}): aligning it by language-neutral rules "
            f"(digits and Latin words as anchors), with embeddings of unknown quality",
            UnknownLanguageWarning, stacklevel=3)
    return base
