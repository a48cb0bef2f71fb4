"""Check 5, untranslated or wrong-language text: Cyrillic left in the English or Chinese text,
English words in the Russian text. Latin acronyms and capitalised names in Russian are not
findings, nor are web addresses."""
from __future__ import annotations

import re

from ..align.units import Alignment
from ..corpus import Corpus
from .finding import Finding

_URL = re.compile(r"(?:https?://|www\.)\S+")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]{2,}")
_LOWER_LATIN_RUN = re.compile(r"\b[a-z]{2,}(?:\s+[a-z]{2,})+\b")


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters) / max(len(letters), 1)


def check_untranslated(alignment: Alignment, corpus: Corpus) -> list[Finding]:
    findings = []
    for unit in alignment:
        for lang in alignment.langs:
            for sentence in unit.sentences[lang]:
                text = _URL.sub(" ", sentence.text)
                message = None
                if lang != "ru":
                    words = _CYRILLIC_WORD.findall(text)
                    share = _cyrillic_share(text)
                    if share > 0.5:
                        message = (f"{lang} {sentence.kind} left in Russian "
                                   f"({share:.0%} Cyrillic letters)")
                        severity = "error"
                    elif words:
                        message = f"Cyrillic word(s) in the {lang} text: {', '.join(words[:5])}"
                        severity = "warning"
                else:
                    runs = _LOWER_LATIN_RUN.findall(text)
                    if runs:
                        message = f"English words in the Russian text: {'; '.join(runs[:3])}"
                        severity = "warning"
                if message:
                    findings.append(Finding(
                        "untranslated", severity, (lang,), unit.section, unit.id,
                        {lang: sentence.lines}, {lang: sentence.text}, message, sentence.id))
    return findings
