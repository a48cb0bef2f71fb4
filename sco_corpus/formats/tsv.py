"""Units as TSV: one row per unit, loadable with pandas, and read back losslessly.

Columns as :func:`sco_corpus.align.units.records_frame` (``<lang>_place`` only when a language's
source is DOCX, HTML or PDF). A cell holding a tab, a line break or
a double quote is written in double quotes (quotes inside doubled), as the CSV convention and
pandas expect; a confidence that does not apply (both sides empty) is an empty cell. Load with::

    pandas.read_csv(path, sep="\\t", keep_default_na=False,
                    na_values={"conf_ru_en": "", "conf_ru_zh": "", "conf_en_zh": ""})

(``keep_default_na=False`` keeps an empty text an empty string), or with :func:`read_tsv`.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Sequence

from ..align.units import UnitRecord, record_langs, records_frame
from ..errors import SourceError
from ..fileio import read_text
from .validate import parse_lines, parse_probability, unit_record


def write_tsv(records: Iterable[UnitRecord], path: str | Path,
              langs: Sequence[str] | None = None) -> int:
    """Write one row per unit (``langs``: default all) to ``path``; return the number of rows."""
    records = list(records)
    frame = records_frame(records, tuple(dict.fromkeys(langs or record_langs(records))))
    frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n",
                 encoding="utf-8")
    return len(frame)


def _columns(header: list[str]) -> tuple[list[str], dict[str, str]]:
    """The languages of a units TSV header and its confidence columns (``conf_ru_en`` ->
    ``ru-en``); ``ValueError`` for a missing, unknown or repeated column."""
    langs = [c[: -len("_ids")] for c in header if c.endswith("_ids")]
    conf = {f"conf_{a}_{b}": f"{a}-{b}" for a in langs for b in langs if a != b}
    missing = [c for c in ("unit", "section", "kind", *langs) if c not in header]
    if not langs or missing:
        raise ValueError(f"not a units TSV (missing columns: {', '.join(missing) or '<lang>_ids'})")
    known = {"unit", "section", "kind", "shape", "flags", *langs, *conf,
             *(f"{lang}_{x}" for lang in langs for x in ("ids", "lines", "place"))}
    unknown = [c for c in header if c not in known]
    if unknown:
        raise ValueError(f"unknown columns: {', '.join(unknown)}")
    if len(set(header)) < len(header):
        raise ValueError("a column is repeated")
    return langs, {c: pair for c, pair in conf.items() if c in header}


def _fields(row: dict[str, str], langs: list[str], conf: dict[str, str]) -> dict:
    """A row as the fields :func:`~sco_corpus.formats.validate.unit_record` checks."""
    return {"id": row["unit"], "section": row["section"], "kind": row["kind"],
            "text": {lang: row[lang] for lang in langs},
            "ids": {lang: row[f"{lang}_ids"].split() for lang in langs},
            "lines": {lang: list(parse_lines(row.get(f"{lang}_lines", ""), f"{lang}_lines"))
                      for lang in langs},
            "confidence": {pair: parse_probability(row[c], c) for c, pair in conf.items()
                           if row[c] != ""},
            "flags": row.get("flags", "").split(),
            "places": {lang: row[f"{lang}_place"] for lang in langs
                       if row.get(f"{lang}_place")}}


def read_tsv(path: str | Path) -> list[UnitRecord]:
    """The units of a TSV file written by :func:`write_tsv` (a byte-order mark, CRLF line ends
    and empty lines allowed). Raises :class:`SourceError` naming the file and the line a row
    starts on for anything else: a missing or unknown column, a row with too few or too many
    cells, line numbers that are not integers, a confidence that is not a number in [0, 1]."""
    text = read_text(path)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=True)
    records: list[UnitRecord] = []
    line = 1  # where the next row starts (a quoted cell may hold line breaks)
    limit = csv.field_size_limit(max(len(text), csv.field_size_limit()))  # a cell may be long
    try:
        header = next(rows, None)
        if header is None:
            raise ValueError("the file is empty (no header)")
        langs, conf = _columns(header)
        line = rows.line_num + 1
        for row in rows:
            if row:
                if len(row) != len(header):
                    raise ValueError(f"{len(row)} cells where the header has {len(header)}")
                records.append(unit_record(_fields(dict(zip(header, row)), langs, conf)))
            line = rows.line_num + 1
    except csv.Error as error:
        raise SourceError(str(path), line, f"malformed TSV: {error}") from None
    except ValueError as error:
        raise SourceError(str(path), line, str(error)) from None
    finally:
        csv.field_size_limit(limit)
    return records
