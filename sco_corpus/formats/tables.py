"""Rows of a table written as TSV (one line per row, tabs and newlines in cells become spaces)
and as JSON (lists kept as lists)."""
from __future__ import annotations

import json
from pathlib import Path


def _tsv_value(value) -> str:
    """A TSV cell: line numbers as space-separated integers (JSON keeps them as lists)."""
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return "" if value is None else str(value)


def write_table(rows: list[dict], stem: str | Path) -> None:
    """Write ``rows`` (dicts with the same keys) as ``<stem>.tsv`` and ``<stem>.json``."""
    columns = list(rows[0]) if rows else []
    with open(f"{stem}.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(_tsv_value(row[c]).replace("\t", " ").replace("\n", " ")
                                for c in columns) + "\n")
    with open(f"{stem}.json", "w", encoding="utf-8") as out:
        json.dump([{k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}
                   for row in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
