"""The ``split`` output: per language, clean text plus blocks and sentences as TSV and JSON."""
from __future__ import annotations

from pathlib import Path

from ..ingest.document import Document
from .tables import write_table


def write_split(corpus: Document, out_dir: str | Path) -> list[Path]:
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
        write_table(mine, out / f"{lang}.blocks")
        write_table([x for x in sentences if x["lang"] == lang and x["section"] != "colophon"],
                     out / f"{lang}.sentences")
        written += [text_path] + [out / f"{lang}.{t}.{e}" for t in ("blocks", "sentences")
                                  for e in ("tsv", "json")]
    colophon = [b for b in blocks if b["section"] == "colophon"]
    if colophon:
        write_table(colophon, out / "colophon.blocks")
        written += [out / "colophon.blocks.tsv", out / "colophon.blocks.json"]
    write_table(corpus.to_frame("noise").to_dict("records"), out / "removed")
    written += [out / "removed.tsv", out / "removed.json"]
    return written
