"""The ``split`` output: per language, clean text plus blocks and sentences as TSV and JSON."""
from __future__ import annotations

import json
from pathlib import Path

from ..corpus import Corpus

def _tsv_value(value) -> str:
    """A TSV cell: line numbers as space-separated integers (JSON keeps them as lists)."""
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return "" if value is None else str(value)


def _write_table(rows: list[dict], stem: Path) -> None:
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


def write_split(corpus: Corpus, out_dir: str | Path) -> list[Path]:
    """Write ``<lang>.txt``, ``<lang>.blocks.{tsv,json}``, ``<lang>.sentences.{tsv,json}`` and
    ``removed.tsv`` (the layout noise) into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    blocks = corpus.to_frame("blocks").to_dict("records")
    sentences = corpus.to_frame("sentences").to_dict("records")
    for lang in corpus.languages:
        mine = [b for b in blocks if b["lang"] == lang and b["section"] != "colophon"]
        text_path = out / f"{lang}.txt"
        text_path.write_text("\n\n".join(b["text"] for b in mine) + "\n", encoding="utf-8")
        _write_table(mine, out / f"{lang}.blocks")
        _write_table([x for x in sentences if x["lang"] == lang and x["section"] != "colophon"],
                     out / f"{lang}.sentences")
        written += [text_path] + [out / f"{lang}.{t}.{e}" for t in ("blocks", "sentences")
                                  for e in ("tsv", "json")]
    colophon = [b for b in blocks if b["section"] == "colophon"]
    if colophon:
        _write_table(colophon, out / "colophon.blocks")
        written += [out / "colophon.blocks.tsv", out / "colophon.blocks.json"]
    _write_table(corpus.to_frame("noise").to_dict("records"), out / "removed")
    written += [out / "removed.tsv", out / "removed.json"]
    return written
