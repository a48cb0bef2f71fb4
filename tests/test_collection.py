"""Collections: documents found in a folder or a manifest (mixed files and one file per
language), built on a local Dask cluster of two workers, each equal to its single-document build; a broken file reported while the rest
completes; one merged TMX (valid, read by translate-toolkit), tables with a document column,
an index page; and the same in Python (``load_collection``)."""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

import sco_corpus
from sco_corpus.align.units import UnitRecord
from sco_corpus.build import build
from sco_corpus.cli import EXIT_DOCUMENT, main
from sco_corpus.collection import discover, read_manifest
from sco_corpus.collection.merge import merge_units
from sco_corpus.errors import SourceError
from sco_corpus.report.index import IndexRow, write_index_page
from synthetic import Layout, build as synthetic

pytest.importorskip("distributed")

DTD = Path(__file__).parent / "data" / "tmx14.dtd"
EPOCH = "1400000000"
#: Documents of different shapes: mixed files (.txt, .md), two languages only, no TOC.
MIXED = {
    "alpha.txt": Layout(chapters=2, paragraphs=2, seed=1),
    "beta.md": Layout(chapters=3, paragraphs=1, seed=2, with_toc=False, page_numbers=False),
    "gamma.txt": Layout(langs=("ru", "en"), chapters=2, paragraphs=2, seed=3, colophon=False),
}
#: A document as one file per language (found as delta.en.txt, delta.ru.txt, delta.zh.txt).
PER_LANGUAGE = {lang: Layout(langs=(lang,), chapters=2, paragraphs=2, seed=4, colophon=False)
                for lang in ("ru", "en", "zh")}
BUILT = ("alpha", "beta", "gamma", "delta")


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    for name, layout in MIXED.items():
        (folder / name).write_text(synthetic(layout), encoding="utf-8")
    for lang, layout in PER_LANGUAGE.items():
        (folder / f"delta.{lang}.txt").write_text(synthetic(layout), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01 not text \x02\n")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a readable format


def _cli(argv: list[str]) -> tuple[int, dict]:
    """Run the command line; its exit code and the JSON summary it printed."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(argv)
    return code, json.loads(stdout.getvalue())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The collection built by the command line on two workers: (input folder, output
    folder, exit code, summary)."""
    root = tmp_path_factory.mktemp("collection")
    _write_inputs(root / "in")
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH  # inherited by the worker processes
    try:
        code, summary = _cli(["build", str(root / "in"), "--out", str(root / "out"),
                              "--workers", "2", "--original", "ru", "--json"])
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return root / "in", root / "out", code, summary


def _documents(summary: dict) -> dict[str, dict]:
    return {doc["id"]: doc for doc in summary["documents"]}


def test_the_broken_file_is_reported_and_the_rest_complete(built):
    _, out, code, summary = built
    docs = _documents(summary)
    assert code == EXIT_DOCUMENT == summary["exit_code"] == 4
    assert summary["workers"] == 2
    assert set(docs) == {*BUILT, "broken"}  # notes.json is not a document
    assert docs["broken"]["build"] is None
    assert "broken.txt:1: binary data" in docs["broken"]["error"]
    assert docs["delta"]["source"].startswith("ru=") and docs["delta"]["source"].count("=") == 3
    for name in BUILT:
        assert docs[name]["error"] == "" and docs[name]["build"]["units"] > 10
        assert (out / "docs" / name / "review.html").is_file()
    assert not (out / "docs" / "broken").exists()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "binary data" in page and 'href="docs/alpha/review.html"' in page
    assert page.count('<tr class="built"') == 4 and page.count('<tr class="failed"') == 1
    assert 'data-type=num' in page and "<script>" in page  # sortable columns


def test_each_document_equals_its_single_build(built, tmp_path, monkeypatch):
    folder, out, _, summary = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    per_language = {lang: folder / f"delta.{lang}.txt" for lang in ("en", "ru", "zh")}
    sources = {Path(name).stem: folder / name for name in MIXED} | {"delta": per_language}
    for name, source in sources.items():
        doc = _documents(summary)[name]
        single = build(source, tmp_path / name, cache_dir=out / ".embeddings",
                       original="ru" if name == "delta" else None)
        assert sorted(single.files) == sorted(doc["build"]["files"])
        assert single.units == doc["build"]["units"] and single.source == doc["build"]["source"]
        for file in single.files:
            assert (tmp_path / name / file).read_bytes() == \
                (out / "docs" / name / file).read_bytes(), (name, file)


def test_collection_tmx_is_valid_merged_and_read_by_translate_toolkit(built):
    from translate.storage.tmx import tmxfile

    _, out, _, summary = built
    dtd = etree.DTD(str(DTD))
    files = sorted(out.glob("*.tmx"))
    assert [p.name for p in files] == ["sco_corpus.en-zh.tmx", "sco_corpus.ru-en.tmx",
                                       "sco_corpus.ru-zh.tmx", "sco_corpus.tmx"]
    for path in files:
        assert dtd.validate(etree.parse(str(path))), path
        units, seen = summary["memories"][path.name]
        tus = etree.parse(str(path)).getroot().find("body").findall("tu")
        assert len(tus) == units < seen
        counts = [int(tu.find("prop[@type='x-count']").text) for tu in tus]
        assert sum(counts) == seen
        texts = [tuple(seg.text for seg in tu.iter("seg")) for tu in tus]
        assert len(set(texts)) == len(texts)  # identical units merged
        store = tmxfile(path.read_bytes())
        assert len(store.units) == units
        assert all(unit.source and unit.target for unit in store.units)
    trilingual = etree.parse(str(out / "sco_corpus.tmx")).getroot()
    documents = {frozenset(p.text for p in tu.findall("prop[@type='x-document']"))
                 for tu in trilingual.iter("tu")}
    assert any({"alpha", "beta", "delta"} <= found for found in documents)  # the title
    assert not any("gamma" in found for found in documents)  # no Chinese in gamma
    pair = etree.parse(str(out / "sco_corpus.ru-en.tmx")).getroot()
    assert any("gamma" in p.text for p in pair.iter("prop") if p.get("type") == "x-document")
    flagged = [tu for tu in trilingual.iter("tu") if tu.find("prop[@type='x-flag']") is not None]
    assert flagged and all(tu.find("note") is not None for tu in flagged)
    assert all(p.text.split("/")[0] in {"alpha", "beta", "delta"}
               for tu in flagged for p in tu.findall("prop[@type='x-flag']"))


def test_tables_have_a_document_column(built):
    _, out, _, summary = built
    docs = _documents(summary)
    units = pd.read_csv(out / "units.tsv", sep="\t", keep_default_na=False)
    assert list(units.columns[:3]) == ["document", "unit", "section"]
    assert units.groupby("document").size().to_dict() == {
        name: docs[name]["build"]["units"] for name in BUILT}
    lines = (out / "units.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(units) and json.loads(lines[0])["document"] == "alpha"
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    table = pd.read_csv(out / "findings.tsv", sep="\t", keep_default_na=False)
    assert len(findings) == len(table) == sum(
        sum(docs[name]["build"]["findings"].values()) for name in BUILT)
    for name in BUILT:
        own = json.loads((out / "docs" / name / "findings.json").read_text(encoding="utf-8"))
        assert [f["id"] for f in findings if f["document"] == name] == [f["id"] for f in own]


def test_python_api_tables_with_a_document_column(built):
    folder, out, _, _ = built
    collection = sco_corpus.load_collection([folder], original="ru")
    assert list(collection.documents) == ["alpha", "beta", "delta", "gamma"]
    assert "binary data" in collection.failed["broken"]
    embedder = sco_corpus.Embedder(cache_dir=out / ".embeddings")
    alignment = collection.align(embedder=embedder)
    units = alignment.to_frame()
    expected = pd.read_csv(out / "units.tsv", sep="\t", keep_default_na=False)
    assert list(units["document"]) == list(expected["document"])
    assert list(units["unit"]) == list(expected["unit"])
    findings = collection.check(alignment).to_frame()
    assert findings.columns[0] == "document"
    assert len(findings) == len(json.loads((out / "findings.json").read_text(encoding="utf-8")))
    sentences = collection.to_frame("sentences")
    assert set(sentences["document"]) == set(BUILT)
    assert set(sentences[sentences.document == "gamma"]["lang"]) == {"ru", "en"}


def test_rerun_on_an_existing_cluster_skips_unchanged_documents_and_drops_removed_ones(
        built, tmp_path, monkeypatch):
    from dask.distributed import LocalCluster

    folder, out, _, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    inputs = [str(folder / "alpha.txt"), str(folder / "beta.md")]
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster:
        code, summary = _cli(["build", *inputs, "--out", str(copy), "--json",
                              "--scheduler", cluster.scheduler_address])
    docs = _documents(summary)
    assert code in (0, 1) and set(docs) == {"alpha", "beta"} and summary["workers"] == 1
    assert docs["alpha"]["build"]["skipped"] and docs["beta"]["build"]["skipped"]
    assert not (copy / "docs" / "gamma").exists()
    assert "gamma" not in (copy / "units.tsv").read_text(encoding="utf-8")


def test_discovery_of_per_language_files_and_manifests(tmp_path):
    for name in ("report.ru.txt", "report.en.docx", "report.zh.pdf", "mixed.txt",
                 "data.csv", ".hidden.txt", "report.v2.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    specs = {spec.id: spec for spec in discover([tmp_path], original="ru")}
    assert set(specs) == {"report", "mixed", "report.v2"}
    assert list(specs["report"].source) == ["ru", "en", "zh"]  # the original first
    assert specs["report"].original == "ru" and specs["mixed"].source.endswith("mixed.txt")
    manifest = tmp_path / "list.tsv"
    manifest.write_text("document\tlanguage\tpath\nb\tzh\treport.zh.pdf\nb\tru\treport.ru.txt\n"
                        "a\t\tmixed.txt\n", encoding="utf-8")
    listed = read_manifest(manifest)
    assert [s.id for s in listed] == ["b", "a"]
    assert list(listed[0].source) == ["zh", "ru"] and listed[0].source["ru"] == str(
        tmp_path / "report.ru.txt")
    manifest = tmp_path / "list.csv"
    manifest.write_text("a,ru,x.txt\na,ru,y.txt\n", encoding="utf-8")
    with pytest.raises(SourceError, match="list.csv:2: document 'a' has two ru files"):
        read_manifest(manifest)
    manifest.write_text("a,ru\n", encoding="utf-8")
    with pytest.raises(SourceError, match="list.csv:1: expected three cells"):
        read_manifest(manifest)
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError, match="document 'report' is given twice"):
        discover([tmp_path])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "--out", str(tmp_path / "o")]) == 2


def test_identical_units_are_merged_with_their_count_and_documents():
    def unit(uid, ru, en, flags=()):
        return UnitRecord(uid, "s01", "paragraph", {"ru": ru, "en": en},
                          {"ru": ("r",), "en": ("e",)}, {"ru": (1,), "en": (2,)},
                          {"ru-en": 0.9}, flags)

    merged = merge_units([("a", [unit("u1", "Да.", "Yes."), unit("u2", "Нет.", "No.")]),
                          ("b", [unit("u7", "Да.", "Yes.", ("f1",)), unit("u8", "", "Only.")]),
                          ("c", [unit("u1", "Да.", "Yes.")])], ("ru", "en"))
    assert [u.id for u in merged.units] == ["a/u1", "a/u2"] and merged.occurrences == 4
    assert merged.units[0].flags == ("b/f1",)
    assert merged.props["a/u1"] == [("x-count", "3"), ("x-document", "a"),
                                    ("x-document", "b"), ("x-document", "c")]


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="Chromium not installed")
def test_index_page_sorts_by_a_column_in_a_browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    rows = [IndexRow("b", "b.txt", "built", 30, {"error": 2}, "docs/b/review.html"),
            IndexRow("a", "a.txt", "built", 120, {"error": 0}, "docs/a/review.html"),
            IndexRow("c", "c.txt", "failed", error="c.txt:1: binary data")]
    path = write_index_page(rows, [("units.tsv", "units")], tmp_path / "index.html")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(path.as_uri())

        def order():
            return [r.get_attribute("data-document")
                    for r in driver.find_elements(By.CSS_SELECTOR, "#documents tbody tr")]

        assert order() == ["b", "a", "c"]
        units = driver.find_element(By.CSS_SELECTOR, "th[data-col='2'] button")
        units.click()
        assert order() == ["c", "b", "a"]  # a failed document has no units: first
        units.click()
        assert order() == ["a", "b", "c"]
        driver.find_element(By.CSS_SELECTOR, "th[data-col='0'] button").click()
        assert order() == ["a", "b", "c"]
    finally:
        driver.quit()
