"""Units as TSV: one row per unit, loadable with pandas, and read back losslessly.

Columns as :func:`sco_corpus.align.units.records_frame`. A cell holding a tab, a line break or
a double quote is written in double quotes (quotes inside doubled), as the CSV convention and
pandas expect; a confidence that does not apply (both sides empty) is an empty cell. Load with::

    pandas.read_csv(path, sep="\\t", keep_default_na=False,
                    na_values={"conf_ru_en": "", "conf_ru_zh": "", "conf_en_zh": ""})

(``keep_default_na=False`` keeps an empty text an empty string), or with :func:`read_tsv`.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Iterable, Sequence

from ..align.units import UnitRecord, record_langs, records_frame
from ..errors import SourceError


def write_tsv(records: Iterable[UnitRecord], path: str | Path,
              langs: Sequence[str] | None = None) -> int:
    """Write one row per unit (``langs``: default all) to ``path``; return the number of rows."""
    records = list(records)
    frame = records_frame(records, tuple(langs or record_langs(records)))
    frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n",
                 encoding="utf-8")
    return len(frame)


def read_tsv(path: str | Path) -> list[UnitRecord]:
    """The units of a TSV file written by :func:`write_tsv`."""
    import pandas as pd

    try:
        header = pd.read_csv(path, sep="\t", nrows=0).columns
    except (OSError, ValueError) as error:
        raise SourceError(str(path), 1, f"cannot read as TSV: {error}") from None
    langs = [c[: -len("_ids")] for c in header if c.endswith("_ids")]
    conf = [c for c in header if c.startswith("conf_")]
    missing = {"unit", "section", "kind", *langs} - set(header)
    if not langs or missing:
        raise SourceError(str(path), 1, f"not a units TSV (missing columns: "
                                        f"{', '.join(sorted(missing)) or '<lang>_ids'})")
    try:
        frame = pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str,
                            na_filter=False)
    except (ValueError, pd.errors.ParserError) as error:
        raise SourceError(str(path), None, f"malformed TSV: {error}") from None
    records = []
    for row in frame.to_dict("records"):
        confidence = {c[len("conf_"):].replace("_", "-"): float(row[c]) for c in conf
                      if row[c] != "" and not math.isnan(float(row[c]))}
        records.append(UnitRecord(
            row["unit"], row["section"], row["kind"],
            {lang: row[lang] for lang in langs},
            {lang: tuple(row[f"{lang}_ids"].split()) for lang in langs},
            {lang: tuple(int(x) for x in row.get(f"{lang}_lines", "").split()) for lang in langs},
            confidence, tuple(row.get("flags", "").split())))
    return records
