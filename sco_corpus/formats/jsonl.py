"""Units as JSON Lines (one object per line) or one JSON array: every field, read back
losslessly."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..align.units import UnitRecord
from ..errors import SourceError


def _as_dict(r: UnitRecord) -> dict:
    return {"id": r.id, "section": r.section, "kind": r.kind, "text": r.text, "ids": r.ids,
            "lines": r.lines, "confidence": r.confidence, "flags": r.flags}


def write_jsonl(records: Iterable[UnitRecord], path: str | Path) -> int:
    """One object per line: ``id, section, kind, text, ids, lines, confidence, flags``
    (``text``/``ids``/``lines`` keyed by language, ``confidence`` by pair such as ``ru-en``)."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(_as_dict(record), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(records: Iterable[UnitRecord], path: str | Path) -> int:
    """The same objects as one JSON array (indented, for reading)."""
    items = [_as_dict(record) for record in records]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(items, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(items)


def read_jsonl(path: str | Path) -> list[UnitRecord]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                o = json.loads(line)
                records.append(UnitRecord(
                    o["id"], o["section"], o["kind"], dict(o["text"]),
                    {k: tuple(v) for k, v in o["ids"].items()},
                    {k: tuple(v) for k, v in o["lines"].items()},
                    {k: float(v) for k, v in o["confidence"].items()}, tuple(o["flags"])))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise SourceError(str(path), number, f"not a unit: {error}") from None
    return records
