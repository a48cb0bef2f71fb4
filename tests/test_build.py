"""`sco-corpus build`: one command for the whole job, skipped when nothing changed, and
byte-identical outputs when the timestamp is pinned."""
from __future__ import annotations

import json

from sco_corpus.build import MANIFEST, STAGES, build
from sco_corpus.cli import main


def test_build_writes_everything_and_skips_when_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")
    events = []
    first = build(None, tmp_path / "a", progress=lambda *e: events.append(e[:2]))
    assert not first.skipped and first.exit_code == 1  # the booklet has errors
    assert [s for s, e in events if e == "done"] == list(STAGES)
    names = set(first.files)
    assert {"sco_corpus.tmx", "sco_corpus.ru-en.tmx", "units.tsv", "units.jsonl", "corpus.zh",
            "findings.json", "findings.tsv", "review.html"} <= names
    assert first.pairs["ru-en"] > 250 and sum(first.findings.values()) > 10

    events.clear()
    again = build(None, tmp_path / "a", progress=lambda *e: events.append(e[:2]))
    assert again.skipped and [e for _, e in events] == ["skipped"] * len(STAGES)
    assert again.units == first.units and again.exit_code == first.exit_code

    other = build(None, tmp_path / "b")  # a second, independent build of the same source
    assert not other.skipped
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_changed_output_is_rebuilt(tmp_path):
    build(None, tmp_path)
    (tmp_path / "units.tsv").write_text("edited", encoding="utf-8")
    assert not build(None, tmp_path).skipped
    assert (tmp_path / "units.tsv").read_text(encoding="utf-8").startswith("unit\tsection")


def test_build_cli_json_and_exit_code(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path), "--json", "--fail-on", "never"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["units"] > 300 and summary["exit_code"] == 0
    events = [json.loads(line) for line in captured.err.splitlines()]
    assert {e["stage"] for e in events if e["event"] == "done"} == set(STAGES)
    assert (tmp_path / MANIFEST).exists()
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 1
    assert capsys.readouterr().err == ""
