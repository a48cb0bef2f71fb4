"""What the readers share: checking the fields of a unit record.

The checks raise ``ValueError`` with a message naming the field; the readers turn it into a
:class:`~sco_corpus.errors.SourceError` with the file and line.
"""
from __future__ import annotations

import re

from ..align.units import UnitRecord

FIELDS = ("id", "section", "kind", "text", "ids", "lines", "confidence", "flags")
OPTIONAL = ("places",)
_DIGITS = re.compile("[0-9]+")


def _show(value) -> str:
    if isinstance(value, (list, dict)):
        return "an object" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def line_number(value, where: str) -> int:
    """``value`` as a source line: an integer >= 1."""
    if not (_is_int(value) and value >= 1):
        raise ValueError(f"{where}: expected a line number (integer >= 1), got {_show(value)}")
    return value


def probability(value, where: str) -> float:
    """``value`` as a confidence: a finite number in [0, 1]."""
    if not ((_is_int(value) or isinstance(value, float)) and 0 <= value <= 1):
        raise ValueError(f"{where}: expected a number in [0, 1], got {_show(value)}")
    return float(value)


def parse_lines(cell: str, where: str) -> tuple[int, ...]:
    """Space-separated line numbers (``"3 4"``)."""
    words = cell.split()
    if not all(_DIGITS.fullmatch(word) for word in words):
        raise ValueError(f"{where}: expected line numbers, got {_show(cell)}")
    return tuple(line_number(int(word), where) for word in words)


def parse_probability(cell: str, where: str) -> float:
    """A confidence written as text (``"0.75"``)."""
    try:
        value = float(cell)
    except ValueError:
        raise ValueError(f"{where}: expected a number in [0, 1], got {_show(cell)}") from None
    return probability(value, where)


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a string, got {_show(value)}")
    return value


def _items(value, where: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list, got {_show(value)}")
    return value


def _by_key(value, where: str, check) -> dict:
    """An object of string keys, each value passed through ``check(value, where)``."""
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected an object, got {_show(value)}")
    return {key: check(item, f"{where}[{key!r}]") for key, item in value.items()}


def unit_record(fields) -> UnitRecord:
    """The :class:`UnitRecord` of a JSON object with exactly the keys :data:`FIELDS` (and maybe
    :data:`OPTIONAL`), of the types :func:`~sco_corpus.formats.jsonl.write_jsonl` writes
    (``places``: a non-empty string per language of ``text``); ``ValueError`` otherwise."""
    if not isinstance(fields, dict):
        raise ValueError(f"expected an object, got {_show(fields)}")
    missing = [key for key in FIELDS if key not in fields]
    unknown = [key for key in fields if key not in FIELDS + OPTIONAL]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if unknown:
        raise ValueError(f"unknown {', '.join(map(repr, unknown))}")

    def strings(value, where):
        return tuple(_string(item, where) for item in _items(value, where))

    def lines(value, where):
        return tuple(line_number(item, where) for item in _items(value, where))

    text = _by_key(fields["text"], "text", _string)
    return UnitRecord(
        _string(fields["id"], "id"), _string(fields["section"], "section"),
        _string(fields["kind"], "kind"), text,
        _by_key(fields["ids"], "ids", strings), _by_key(fields["lines"], "lines", lines),
        _by_key(fields["confidence"], "confidence", probability),
        strings(fields["flags"], "flags"), places(fields.get("places", {}), text))


def places(value, text: dict[str, str]) -> dict[str, str]:
    """``value`` as a unit's places: an object of non-empty strings keyed by languages of
    ``text``."""
    out = _by_key(value, "places", _string)
    stray = [lang for lang, place in out.items() if lang not in text or not place]
    if stray:
        raise ValueError(f"places: {', '.join(map(repr, stray))} is not a language of the "
                         f"unit with a place")
    return out
