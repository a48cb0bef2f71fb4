"""Small helpers the checks share: where a unit is, and what it says in each language."""
from __future__ import annotations

from ..align.units import Unit


def present(unit: Unit) -> tuple[str, ...]:
    """The languages in which ``unit`` has text."""
    return tuple(lang for lang, sentences in unit.sentences.items() if sentences)


def lines_of(unit: Unit, langs=None) -> dict[str, tuple[int, ...]]:
    return {lang: unit.lines(lang) for lang in (langs or present(unit)) if unit.sentences[lang]}


def span(lines: tuple[int, ...]) -> str:
    """``"1113-1230"`` or ``"57"``."""
    if not lines:
        return "-"
    return str(lines[0]) if lines[0] == lines[-1] else f"{lines[0]}-{lines[-1]}"
