"""Units as JSON Lines (one object per line) or one JSON array: every field, read back
losslessly."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..align.units import UnitRecord
from ..errors import SourceError
from ..fileio import read_text
from .validate import unit_record


def unit_dict(r: UnitRecord) -> dict:
    """The JSON object of a unit: ``places`` only when it has some."""
    out = {"id": r.id, "section": r.section, "kind": r.kind, "text": r.text, "ids": r.ids,
           "lines": r.lines, "confidence": r.confidence, "flags": r.flags}
    return {**out, "places": r.places} if r.places else out


def write_jsonl(records: Iterable[UnitRecord], path: str | Path) -> int:
    """One object per line: ``id, section, kind, text, ids, lines, confidence, flags`` and,
    for a unit with a language whose source is DOCX, HTML or PDF, ``places`` (``text``/``ids``/
    ``lines``/``places`` keyed by language, ``confidence`` by pair such as ``ru-en``)."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(unit_dict(record), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(records: Iterable[UnitRecord], path: str | Path) -> int:
    """The same objects as one JSON array (indented, for reading)."""
    items = [unit_dict(record) for record in records]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(items, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(items)


def _object(pairs: list) -> dict:
    """A JSON object, refusing a key given twice (``json`` would keep the last silently)."""
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"key {key!r} given twice")
        seen.add(key)
    return dict(pairs)


def read_jsonl(path: str | Path) -> list[UnitRecord]:
    """The units of a file written by :func:`write_jsonl` (empty lines and a byte-order mark
    allowed). Raises :class:`SourceError` naming the file and line for anything else."""
    records = []
    for number, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip(" \t\r"):
            continue
        try:
            records.append(unit_record(json.loads(line, object_pairs_hook=_object)))
        except json.JSONDecodeError as error:
            raise SourceError(str(path), number,
                              f"not JSON: {error.msg} (column {error.colno})") from None
        except RecursionError:
            raise SourceError(str(path), number, "not a unit: JSON nested too deeply") from None
        except ValueError as error:
            raise SourceError(str(path), number, f"not a unit: {error}") from None
    return records
