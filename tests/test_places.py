"""Source places in the exports: a document whose Russian is a PDF and English a DOCX carries
the page and paragraph of every unit and finding in its TMX, TSV, JSONL and findings files,
which read back; a plain-text document's outputs have no place at all."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from lxml import etree

import sco_corpus
from sco_corpus.checks.report import write_findings
from sco_corpus.formats.exports import export_all, memory_records
from sco_corpus.formats.jsonl import read_jsonl
from sco_corpus.formats.tmx import XML_LANG, read_tmx
from sco_corpus.formats.tsv import read_tsv
from documents import CJK_FONT, write_docx, write_pdf
from synthetic import Layout, build

DTD = Path(__file__).parent / "data" / "tmx14.dtd"
LAYOUT = dict(chapters=2, paragraphs=2, seed=4, colophon=False)
pytestmark = pytest.mark.skipif(not CJK_FONT.exists(), reason="fonts-wqy-zenhei not installed")


def _built(folder: Path, files: dict[str, Path]):
    corpus = sco_corpus.load({lang: str(path) for lang, path in files.items()})
    alignment = corpus.align()
    findings = corpus.check(alignment)
    export_all(alignment, folder, findings=findings)
    write_findings(findings, folder)
    return corpus, alignment, findings


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """ru as PDF (with the page of every string drawn), en as DOCX, zh as plain text."""
    folder = tmp_path_factory.mktemp("places")
    drawn: list[tuple[int, str]] = []
    files = {"ru": write_pdf(Layout(langs=("ru",), **LAYOUT), folder / "ru.pdf", drawn),
             "en": write_docx(Layout(langs=("en",), **LAYOUT), folder / "en.docx"),
             "zh": folder / "zh.txt"}
    files["zh"].write_text(build(Layout(langs=("zh",), **LAYOUT)), encoding="utf-8")
    return (*_built(folder / "out", files), folder / "out", drawn)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    files = {}
    for lang in ("ru", "en"):
        files[lang] = folder / f"{lang}.txt"
        files[lang].write_text(build(Layout(langs=(lang,), **LAYOUT)), encoding="utf-8")
    return (*_built(folder / "out", files), folder / "out")


def _pages(place: str) -> set[int]:
    """The pages of a span such as ``page 2`` or ``page 2–3``."""
    match = re.fullmatch(r"page (\d+)(?:–(\d+))?", place)
    assert match, place
    first = int(match.group(1))
    return set(range(first, int(match.group(2) or first) + 1))


def test_records_carry_the_places_of_pdf_and_docx_languages(mixed):
    corpus, alignment, _, _, drawn = mixed
    records = alignment.records()
    assert any(r.places for r in records)
    for record in records:
        assert "zh" not in record.places
        for lang in ("ru", "en"):
            lines = record.lines[lang]
            assert record.places.get(lang, "") == (
                corpus.source_of(lang).span(lines) if lines else "")
        if record.lines["en"]:
            assert re.fullmatch(r"(paragraph|footnote) \d+(–\d+)?(, .*)?", record.places["en"])
    on_page: dict[int, str] = {}
    for page, text in drawn:  # the PDF's lines, joined as wrapped
        on_page[page] = f"{on_page.get(page, '')} {text}"
    seen = set()
    for record in records:
        pages = _pages(record.places["ru"]) if record.text["ru"] else set()
        if record.kind == "paragraph" and len(pages) == 1:
            assert record.text["ru"] in on_page[min(pages)], (record.text["ru"], pages)
            seen |= pages
    assert len(seen) >= 2


def test_tmx_carries_x_place_validates_and_reads_back(mixed):
    _, alignment, findings, out, _ = mixed
    path = out / "sco_corpus.tmx"
    tree = etree.parse(str(path))
    assert etree.DTD(str(DTD)).validate(tree)
    expected = memory_records(alignment, findings)
    codes = {"ru": "ru", "en": "en", "zh-CN": "zh"}
    for tu, record in zip(tree.iter("tu"), expected):
        for tuv in tu.iter("tuv"):
            lang = codes[tuv.get(XML_LANG)]
            props = [p.text for p in tuv.findall("prop") if p.get("type") == "x-place"]
            assert props == ([record.places[lang]] if lang in record.places else [])
    assert [r.places for r in read_tmx(path)] == [r.places for r in expected]
    pair = read_tmx(out / "sco_corpus.ru-en.tmx")
    assert pair and all(set(r.places) == {"ru", "en"} for r in pair)

    from translate.storage import tmx
    with open(path, "rb") as handle:
        store = tmx.tmxfile(handle, sourcelanguage="ru", targetlanguage="en")
    assert [u.getid() for u in store.units] == [r.id for r in expected]


def test_tsv_and_jsonl_carry_places_and_read_back(mixed):
    _, alignment, findings, out, _ = mixed
    records = alignment.records(findings)
    with open(out / "units.tsv", encoding="utf-8") as handle:
        header = next(csv.reader(handle, delimiter="\t"))
    assert {"ru_place", "en_place", "zh_place"} <= set(header)
    assert read_tsv(out / "units.tsv") == records
    assert read_jsonl(out / "units.jsonl") == records
    first = json.loads((out / "units.jsonl").read_text(encoding="utf-8").split("\n")[0])
    assert first["places"] == records[0].places


def test_findings_carry_places(mixed):
    corpus, _, findings, out, _ = mixed
    assert findings
    rows = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    for row, finding in zip(rows, findings):
        expected = {lang: corpus.source_of(lang).span(lines)
                    for lang, lines in finding.lines.items() if lines and lang != "zh"}
        assert row.get("places", {}) == expected
    with open(out / "findings.tsv", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))
    assert [r["places"] for r in table] == [
        " | ".join(f"{k}: {v}" for k, v in f.places.items()) for f in findings]
    assert "places" in findings.to_frame().columns


def test_plain_text_outputs_have_no_places(plain):
    _, alignment, findings, out, = plain
    assert not any(r.places for r in alignment.records())
    assert not any(f.places for f in findings)
    assert "x-place" not in (out / "sco_corpus.tmx").read_text(encoding="utf-8")
    assert "_place" not in (out / "units.tsv").read_text(encoding="utf-8").split("\n")[0]
    assert '"places"' not in (out / "units.jsonl").read_text(encoding="utf-8")
    assert '"places"' not in (out / "findings.json").read_text(encoding="utf-8")
    assert "places" not in (out / "findings.tsv").read_text(encoding="utf-8").split("\n")[0]


@pytest.mark.parametrize("places, message", [
    ({"de": "page 1"}, "'de'"), ({"ru": 3}, "expected a string"), ({"ru": ""}, "'ru'"),
    (["page 1"], "expected an object")])
def test_jsonl_refuses_malformed_places(tmp_path, places, message):
    unit = {"id": "u1", "section": "s01", "kind": "paragraph", "text": {"ru": "А", "en": "A"},
            "ids": {"ru": ["r1"], "en": ["e1"]}, "lines": {"ru": [1], "en": [1]},
            "confidence": {"ru-en": 0.9}, "flags": [], "places": places}
    path = tmp_path / "units.jsonl"
    path.write_text(json.dumps(unit, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(sco_corpus.SourceError, match=re.escape(message)):
        read_jsonl(path)


def test_tmx_refuses_two_places_on_a_variant(tmp_path):
    path = tmp_path / "two.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="ru"/><body><tu tuid="u1">'
        '<tuv xml:lang="ru"><prop type="x-place">page 1</prop>'
        '<prop type="x-place">page 2</prop><seg>А</seg></tuv>'
        '<tuv xml:lang="en"><seg>A</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(sco_corpus.SourceError, match="x-place"):
        read_tmx(path)


def test_collection_keeps_the_places_of_its_documents(mixed, plain, tmp_path):
    from sco_corpus.collection.merge import DocumentOutputs, write_memories, write_tables

    docs = [DocumentOutputs.read("pdf", mixed[3]), DocumentOutputs.read("txt", plain[3])]
    write_memories(docs, tmp_path)
    write_tables(docs, tmp_path)
    tree = etree.parse(str(tmp_path / "sco_corpus.ru-en.tmx"))
    assert etree.DTD(str(DTD)).validate(tree)
    merged = read_tmx(tmp_path / "sco_corpus.ru-en.tmx")
    assert all(bool(r.places) == r.id.startswith("pdf/") for r in merged)
    with open(tmp_path / "units.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {r["ru_place"] != "" for r in rows if r["document"] == "pdf" and r["ru"]} == {True}
    assert {r["ru_place"] for r in rows if r["document"] == "txt"} == {""}
    units = [json.loads(line) for line in
             (tmp_path / "units.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not any("places" in u for u in units if u["document"] == "txt")
    assert any("places" in u for u in units if u["document"] == "pdf")
    findings = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert any("places" in f for f in findings if f["document"] == "pdf")
    header = (tmp_path / "findings.tsv").read_text(encoding="utf-8").split("\n")[0]
    assert header.split("\t")[-1] == "places"
