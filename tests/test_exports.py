"""Exports: TMX 1.4b (valid, safe to read, loaded by translate-toolkit), TSV, JSONL, Moses."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

import sco_corpus
from sco_corpus.align.units import UnitRecord
from sco_corpus.formats.exports import export_all, memory_records

DTD = Path(__file__).parent / "data" / "tmx14.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def alignment(booklet):
    return booklet.align()


@pytest.fixture(scope="module")
def exported(alignment, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    export_all(alignment, out)
    return out


def _valid(path: Path) -> bool:
    dtd = etree.DTD(str(DTD))
    return dtd.validate(etree.parse(str(path)))


def test_every_tmx_validates_against_the_dtd(exported):
    files = sorted(exported.glob("*.tmx"))
    assert len(files) == 4
    for path in files:
        assert _valid(path), path


def test_tmx_header_and_source_language(exported):
    raw = (exported / "sco_corpus.tmx").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')  # no byte-order mark
    root = etree.fromstring(raw)
    header = root.find("header")
    for name in ("creationtool", "creationtoolversion", "o-tmf", "adminlang", "datatype",
                 "creationdate"):
        assert header.get(name)
    assert header.get("segtype") == "sentence" and header.get("srclang") == "ru"
    tus = root.find("body").findall("tu")
    assert len({tu.get("tuid") for tu in tus}) == len(tus)
    for tu in tus:
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert "ru" in langs and len(langs) >= 2
        assert set(langs) <= {"ru", "en", "zh-CN"}
    pair = etree.parse(str(exported / "sco_corpus.en-zh.tmx")).getroot()
    assert pair.find("header").get("srclang") == "en"
    for tu in pair.iter("tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["en", "zh-CN"]


def _expected(alignment, langs):
    """What a TMX of ``langs`` holds: the trilingual file the units and their finer ru–en parts,
    a pairwise file the pair's records; each with the source language and a translation."""
    records = (memory_records(alignment) if len(langs) == 3
               else alignment.pair_records(*langs))
    return [r.only(langs) for r in records
            if langs[0] in r.langs and len(set(r.langs) & set(langs)) >= 2]


@pytest.mark.parametrize("langs", [("ru", "en", "zh"), ("ru", "en"), ("ru", "zh"), ("en", "zh")])
def test_tmx_round_trip(alignment, exported, langs):
    name = "sco_corpus.tmx" if len(langs) == 3 else f"sco_corpus.{'-'.join(langs)}.tmx"
    back = [r.only(langs) for r in sco_corpus.read_tmx(exported / name)]
    assert back == _expected(alignment, langs)


def test_tsv_and_jsonl_round_trip(alignment, exported):
    records = alignment.records()
    assert sco_corpus.read_tsv(exported / "units.tsv") == records
    assert sco_corpus.read_jsonl(exported / "units.jsonl") == records


def test_tsv_loads_with_pandas_as_documented(alignment, exported):
    frame = pd.read_csv(exported / "units.tsv", sep="\t", keep_default_na=False,
                        na_values={c: "" for c in ("conf_ru_en", "conf_ru_zh", "conf_en_zh")})
    expected = alignment.to_frame()
    assert list(frame.columns) == list(expected.columns)
    for column in ("unit", "section", "kind", "ru", "en", "zh", "ru_ids", "zh_lines"):
        assert frame[column].astype(str).tolist() == expected[column].astype(str).tolist()
    assert frame["conf_ru_en"].dtype.kind == "f"
    assert (frame["conf_ru_en"].isna() == expected["conf_ru_en"].isna()).all()


def test_moses_files_are_line_aligned(alignment, exported):
    lines = {lang: (exported / f"corpus.{lang}").read_text(encoding="utf-8").splitlines()
             for lang in ("ru", "en", "zh", "ids")}
    full = [r for r in alignment.records() if all(r.text[x] for x in ("ru", "en", "zh"))]
    assert len({len(v) for v in lines.values()}) == 1 and len(lines["ids"]) == len(full)
    by_id = {r.id: r for r in full}
    for k, unit_id in enumerate(lines["ids"]):
        assert lines["zh"][k] == by_id[unit_id].text["zh"]


HOSTILE = UnitRecord(
    "x/u001", "x", "paragraph",
    {"ru": "Табуляция\tи\nперевод строки, \"кавычки\", управляющий \x01 и \x0b знак",
     "en": "Tab\tand\nnewline, \"quotes\", control \x01 and \x0b char", "zh": ""},
    {"ru": ("ru/x/b001/1",), "en": ("en/x/b001/1",), "zh": ()},
    {"ru": (3, 4), "en": (10,), "zh": ()},
    {"ru-en": 0.5, "ru-zh": 0.25}, ("number-mismatch",))


def test_characters_xml_cannot_carry_survive_every_format(tmp_path):
    tmx = tmp_path / "hostile.tmx"
    assert sco_corpus.write_tmx([HOSTILE], tmx) == 1
    assert b"\x01" not in tmx.read_bytes() and _valid(tmx)
    assert sco_corpus.read_tmx(tmx) == [HOSTILE.only(("ru", "en"))]
    sco_corpus.write_tsv([HOSTILE], tmp_path / "h.tsv")
    assert sco_corpus.read_tsv(tmp_path / "h.tsv") == [HOSTILE]
    sco_corpus.write_jsonl([HOSTILE], tmp_path / "h.jsonl")
    assert sco_corpus.read_jsonl(tmp_path / "h.jsonl") == [HOSTILE]
    sco_corpus.write_moses([HOSTILE], tmp_path / "c", ("ru", "en"))
    assert len((tmp_path / "c.en").read_text(encoding="utf-8").splitlines()) == 1


def test_language_codes_are_configurable(tmp_path):
    path = tmp_path / "tw.tmx"
    sco_corpus.write_tmx([HOSTILE], path, ("ru", "en"), codes={"en": "en-US"})
    langs = [tuv.get(XML_LANG) for tuv in etree.parse(str(path)).iter("tuv")]
    assert langs == ["ru", "en-US"]
    assert sco_corpus.read_tmx(path)[0].text["en"] == HOSTILE.text["en"]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL])
def test_hostile_tmx_is_refused(tmp_path, text):
    path = tmp_path / "evil.tmx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(sco_corpus.SourceError, match="entity"):
        sco_corpus.read_tmx(path)


def test_malformed_tmx_names_the_line(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<header/>\n<body>\n'
                    '<tu><tuv xml:lang="en"><seg>x</tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    with pytest.raises(sco_corpus.SourceError) as error:
        sco_corpus.read_tmx(path)
    assert error.value.line == 5 and str(path) in str(error.value)


def test_translate_toolkit_reads_every_unit_and_language(alignment, exported):
    from translate.storage import tmx

    with open(exported / "sco_corpus.tmx", "rb") as handle:
        store = tmx.tmxfile(handle, sourcelanguage="ru", targetlanguage="en")
    expected = _expected(alignment, ("ru", "en", "zh"))
    assert [u.getid() for u in store.units] == [r.id for r in expected]
    codes = {"ru": "ru", "en": "en", "zh-CN": "zh"}
    for unit, record in zip(store.units, expected):
        seen = {codes[node.get(XML_LANG)]: "".join(node.find("seg").itertext())
                for node in unit.getlanguageNodes()}
        assert seen == {lang: text for lang, text in record.text.items() if text}
    assert store.units[5].source == expected[5].text["ru"]
    assert store.units[5].target == expected[5].text["en"]


def test_export_cli_writes_every_format(tmp_path):
    from sco_corpus.cli import main

    assert main(["export", "--out", str(tmp_path / "all")]) == 0
    names = {p.name for p in (tmp_path / "all").iterdir()}
    assert {"sco_corpus.tmx", "sco_corpus.ru-en.tmx", "units.tsv", "units.jsonl", "corpus.ru",
            "segmentation.srx", "omegat-segmentation.conf"} <= names
    assert main(["export", "--format", "tmx", "--langs", "ru,zh", "--out",
                 str(tmp_path / "ru-zh.tmx")]) == 0
    assert _valid(tmp_path / "ru-zh.tmx")
    assert main(["export", "--format", "tmx", "--langs", "ru,fr", "--out",
                 str(tmp_path / "x.tmx")]) == 2


def test_confidences_are_probabilities(alignment):
    for record in alignment.records():
        assert all(0.0 <= v <= 1.0 and not math.isnan(v) for v in record.confidence.values())
