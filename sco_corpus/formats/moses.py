"""Plain line-aligned bitext (Moses style): ``<prefix>.<lang>`` files, one unit per line.

Only units with text in every requested language are written, so line ``n`` of each file
translates line ``n`` of the others; ``<prefix>.ids`` gives each line's unit id. A tab or line
break inside a text (none in the booklet) becomes a space, since a line is a unit.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

from ..align.units import UnitRecord, record_langs


def write_moses(records: Iterable[UnitRecord], prefix: str | Path,
                langs: Sequence[str] | None = None) -> list[Path]:
    """Write ``<prefix>.<lang>`` for each of ``langs`` (default: all) and ``<prefix>.ids``;
    return the paths."""
    records = list(records)
    langs = tuple(langs or record_langs(records))
    prefix = Path(prefix)
    paths = [prefix.with_name(f"{prefix.name}.{lang}") for lang in langs]
    ids_path = prefix.with_name(f"{prefix.name}.ids")
    outs = [open(p, "w", encoding="utf-8", newline="\n") for p in [*paths, ids_path]]
    try:
        for record in records:
            if all(record.text.get(lang) for lang in langs):
                for out, lang in zip(outs, langs):
                    out.write(re.sub(r"[\t\r\n\v\f\x85\u2028\u2029]+", " ",
                                     record.text[lang]) + "\n")
                outs[-1].write(record.id + "\n")
    finally:
        for out in outs:
            out.close()
    return [*paths, ids_path]
