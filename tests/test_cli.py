"""The sco-corpus command line: split and stats."""
import json

import pandas as pd

from sco_corpus.cli import main


def test_split_writes_text_tables_and_json(tmp_path, capsys, booklet):
    out = tmp_path / "out"
    assert main(["split", "--out", str(out)]) == 0
    assert "files written" in capsys.readouterr().out
    for lang in ("ru", "en", "zh"):
        blocks = pd.read_csv(out / f"{lang}.blocks.tsv", sep="\t", keep_default_na=False)
        assert list(blocks.columns)[:6] == ["id", "lang", "section", "kind", "text", "lines"]
        assert len(blocks) == len([b for b in booklet.blocks
                                   if b.lang == lang and b.section != "colophon"])
        sentences = json.loads((out / f"{lang}.sentences.json").read_text(encoding="utf-8"))
        assert sentences[0]["id"].startswith(f"{lang}/s00/") and isinstance(sentences[0]["lines"], list)
        assert (out / f"{lang}.txt").read_text(encoding="utf-8").strip()
    removed = pd.read_csv(out / "removed.tsv", sep="\t")
    assert "header" in set(removed["kind"])


def test_stats_table(capsys):
    assert main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["section", "title"]
    assert [line.split()[0] for line in lines[2:]] == \
        ["s00", "s01", "s02", "s03", "s04", "s05", "s06", "colophon", "total"]
