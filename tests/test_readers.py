"""The readers' contract: what the writers wrote comes back equal; any other problem with a file
is a SourceError naming the file and the 1-based line (when known), never a raw exception."""
from __future__ import annotations

import codecs
import csv
import json
from pathlib import Path

import pytest

from sco_corpus import SourceError, read_jsonl, read_tmx, read_tsv, write_jsonl, write_tmx, \
    write_tsv
from sco_corpus.align.units import UnitRecord

LANGS = ("ru", "en", "zh")


def _record(n: int, ru: str, en: str, zh: str = "", confidence=None, flags=()) -> UnitRecord:
    texts = {"ru": ru, "en": en, "zh": zh}
    return UnitRecord(
        f"s01/u{n:03d}", "s01", "paragraph", texts,
        {lang: (f"{lang}/s01/b{n:03d}/1",) if texts[lang] else () for lang in LANGS},
        {lang: (n, n + 1) if texts[lang] else () for lang in LANGS},
        confidence if confidence is not None else {"ru-en": 0.75}, tuple(flags))


# the first unit's Russian text spans two lines of the TSV (a quoted cell)
RECORDS = [
    _record(1, "Первая\r\nстрока, \"кавычки\"", " nan ", "第一", {"ru-en": 1.0, "ru-zh": 0.0,
                                                                   "en-zh": 1e-07}, ("f1", "f2")),
    _record(2, "Вторая", "Second"),
    _record(3, "Третья", "Third", "第三"),
]


def _written(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape"))
    return path


def _fails(reader, path: Path, line: int | None, message: str = "") -> SourceError:
    with pytest.raises(SourceError) as info:
        reader(path)
    assert info.value.path == str(path) and info.value.line == line, info.value
    assert message in info.value.message, info.value
    return info.value


# -- every reader ---------------------------------------------------------------------------

READERS = [read_tsv, read_jsonl, read_tmx]


@pytest.mark.parametrize("reader", READERS)
def test_missing_file(tmp_path, reader):
    _fails(reader, tmp_path / "nope", None, "no such file")


@pytest.mark.parametrize("reader", READERS)
def test_directory(tmp_path, reader):
    _fails(reader, tmp_path, None, "is a directory")


@pytest.mark.parametrize("reader", READERS)
def test_binary_file(tmp_path, reader):
    path = _written(tmp_path, "x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    _fails(reader, path, 1)


@pytest.mark.parametrize("write, read", [(write_tsv, read_tsv), (write_jsonl, read_jsonl)])
def test_round_trip_and_bom(tmp_path, write, read):
    path = tmp_path / "units"
    write(RECORDS, path)
    assert read(path) == RECORDS
    _written(tmp_path, "bom", codecs.BOM_UTF8 + path.read_bytes())
    assert read(tmp_path / "bom") == RECORDS


# -- TSV ------------------------------------------------------------------------------------

def _tsv(tmp_path: Path, change=None) -> Path:
    """The units as TSV; ``change(lines)`` edits the physical lines: line 1 is the header,
    the first unit takes lines 2-3, the second is line 4, the third line 5."""
    path = tmp_path / "units.tsv"
    write_tsv(RECORDS, path)
    lines = path.read_bytes().decode().split("\n")
    if change:
        change(lines)
    return _written(tmp_path, "units.tsv", "\n".join(lines))


def _cells(line: int, edit):
    def change(lines):
        header = lines[0].split("\t")
        cells = dict(zip(header, lines[line - 1].split("\t")))
        edit(cells)
        lines[line - 1] = "\t".join(cells.values())
    return change


def _drop_last(lines):
    lines[3] = lines[3].rsplit("\t", 1)[0]


def _add_cell(lines):
    lines[4] += "\textra"


@pytest.mark.parametrize("change, line, message", [
    (_drop_last, 4, "16 cells where the header has 17"),
    (_add_cell, 5, "18 cells where the header has 17"),
    (_cells(4, lambda c: c.update(conf_ru_en="high")), 4, "conf_ru_en: expected a number"),
    (_cells(4, lambda c: c.update(conf_ru_en="1.5")), 4, "conf_ru_en: expected a number"),
    (_cells(4, lambda c: c.update(conf_ru_en="nan")), 4, "conf_ru_en: expected a number"),
    (_cells(5, lambda c: c.update(ru_lines="3 x")), 5, "ru_lines: expected line numbers"),
    (_cells(5, lambda c: c.update(ru_lines="3.0")), 5, "ru_lines: expected line numbers"),
    (_cells(5, lambda c: c.update(ru_lines="+3")), 5, "ru_lines: expected line numbers"),
    (_cells(5, lambda c: c.update(ru_lines="0")), 5, "ru_lines: expected a line number"),
    (_cells(4, lambda c: c.update(en='"Second')), 4, "malformed TSV"),  # quote never closed
    (lambda lines: lines.insert(4, "Ünïcode \udcff"), 5, "not UTF-8"),
])
def test_tsv_bad_row_names_its_line(tmp_path, change, line, message):
    _fails(read_tsv, _tsv(tmp_path, change), line, message)


@pytest.mark.parametrize("header, message", [
    ("unit\tsection\tru\tru_ids", "missing columns: kind"),
    ("unit\tsection\tkind\tru", "missing columns: <lang>_ids"),
    ("unit\tsection\tkind\tru\tru_ids\tnotes", "unknown columns: notes"),
    ("unit\tsection\tkind\tru\tru_ids\tru", "a column is repeated"),
])
def test_tsv_bad_header(tmp_path, header, message):
    _fails(read_tsv, _written(tmp_path, "h.tsv", header + "\na\tb\tc\td\te\n"), 1, message)


def test_tsv_empty_file(tmp_path):
    _fails(read_tsv, _written(tmp_path, "e.tsv", b""), 1, "empty")


def test_tsv_crlf_and_blank_lines_are_read(tmp_path):
    records = RECORDS[1:]
    write_tsv(records, tmp_path / "u.tsv")
    data = (tmp_path / "u.tsv").read_bytes().replace(b"\n", b"\r\n") + b"\r\n"
    assert read_tsv(_written(tmp_path, "crlf.tsv", data)) == records


def test_lone_carriage_return(tmp_path):
    """JSONL and TMX carry it; in TSV, CPython's csv writer before 3.11.9 leaves a cell with a
    lone CR unquoted, which no reader can tell from a line break: an error, not a split row."""
    record = _record(4, "Четвёртая\r", "Fourth")
    for write, read in [(write_jsonl, read_jsonl), (write_tmx, read_tmx)]:
        write([record], tmp_path / "u")
        expected = record.only(("ru", "en")) if read is read_tmx else record
        assert read(tmp_path / "u") == [expected]
    write_tsv([record], tmp_path / "u.tsv")
    header = (tmp_path / "u.tsv").read_bytes().split(b"\n")[0]
    unquoted = header + "\ns01/u004\ts01\tparagraph\t1-1-0\tЧетвёртая\r\tFourth".encode()
    _fails(read_tsv, _written(tmp_path, "cr.tsv", unquoted + b"\t" * 12 + b"\n"), 2,
           "5 cells where the header has 17")


def test_tsv_header_only_is_no_units(tmp_path):
    write_tsv([], tmp_path / "none.tsv")
    assert read_tsv(tmp_path / "none.tsv") == []


# -- JSONL ----------------------------------------------------------------------------------

def _jsonl(tmp_path: Path, edit) -> Path:
    """Line 1 the first unit, line 2 empty, line 3 the second unit after ``edit(object)``."""
    path = tmp_path / "units.jsonl"
    write_jsonl(RECORDS[:2], path)
    first, second = path.read_bytes().decode().splitlines()
    obj = json.loads(second)
    edit(obj)
    return _written(tmp_path, "units.jsonl", f"{first}\n\n{json.dumps(obj)}\n")


def _set(path: str, value):
    def edit(obj):
        *keys, last = path.split(".")
        for key in keys:
            obj = obj[key]
        obj[last] = value
    return edit


@pytest.mark.parametrize("edit, message", [
    (_set("lines.ru", "12"), "lines['ru']: expected a list"),
    (_set("lines.ru", [True]), "lines['ru']: expected a line number"),
    (_set("lines.ru", [1.0]), "lines['ru']: expected a line number"),
    (_set("lines.ru", [0]), "lines['ru']: expected a line number"),
    (_set("confidence.ru-en", "0.5"), "confidence['ru-en']: expected a number"),
    (_set("confidence.ru-en", True), "confidence['ru-en']: expected a number"),
    (_set("confidence.ru-en", 1.5), "confidence['ru-en']: expected a number"),
    (_set("confidence.ru-en", float("nan")), "confidence['ru-en']: expected a number"),
    (_set("confidence", [0.5]), "confidence: expected an object"),
    (_set("text.ru", 5), "text['ru']: expected a string"),
    (_set("text", "Вторая"), "text: expected an object"),
    (_set("ids.ru", "ru/s01/b002/1"), "ids['ru']: expected a list"),
    (_set("ids.ru", [1]), "ids['ru']: expected a string"),
    (_set("flags", "f1"), "flags: expected a list"),
    (_set("id", 2), "id: expected a string"),
    (_set("section", None), "section: expected a string"),
    (_set("kind", ["paragraph"]), "kind: expected a string"),
    (lambda obj: obj.pop("flags"), "missing flags"),
    (_set("extra", 1), "unknown 'extra'"),
])
def test_jsonl_types_are_checked(tmp_path, edit, message):
    _fails(read_jsonl, _jsonl(tmp_path, edit), 3, message)


@pytest.mark.parametrize("line3, message", [
    pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="100000 deep"),
    ("[1, 2]", "expected an object"),
    ('{"id": "a", "id": "b"}', "'id' given twice"),
    ('{"id": ', "not JSON"),
    ("\x0b", "not JSON"),
])
def test_jsonl_bad_line_names_its_line(tmp_path, line3, message):
    path = tmp_path / "u.jsonl"
    write_jsonl(RECORDS[:1], path)
    _written(tmp_path, "u.jsonl", path.read_bytes().decode() + "\n" + line3 + "\n")
    _fails(read_jsonl, path, 3, message)


def test_jsonl_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "u.jsonl"
    write_jsonl(RECORDS, path)
    _written(tmp_path, "u.jsonl", path.read_bytes().replace("Третья".encode(), b"\xd0"))
    _fails(read_jsonl, path, 3, "not UTF-8")


def test_jsonl_crlf_and_empty_file(tmp_path):
    path = tmp_path / "u.jsonl"
    write_jsonl(RECORDS, path)
    _written(tmp_path, "u.jsonl", path.read_bytes().replace(b"\n", b"\r\n"))
    assert read_jsonl(path) == RECORDS
    assert read_jsonl(_written(tmp_path, "e.jsonl", b"")) == []


# -- TMX ------------------------------------------------------------------------------------

def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.fixture
def tmx(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "units.tmx"
    write_tmx(RECORDS, path)
    return path, path.read_bytes().decode()


def test_tmx_round_trip_and_bom(tmp_path, tmx):
    path, text = tmx
    assert read_tmx(path) == RECORDS
    assert read_tmx(_written(tmp_path, "bom.tmx", codecs.BOM_UTF8 + text.encode())) == RECORDS
    utf16 = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert read_tmx(_written(tmp_path, "u16.tmx", utf16)) == RECORDS


def _replace(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


def _into_third_unit(new: str):
    def edit(text):
        end = text.index("</tu>", text.index('tuid="s01/u003"'))
        return text[:end] + new + text[end:]
    return edit


@pytest.mark.parametrize("edit, marker, message", [
    (_replace(">0.75<", ">high<"), ">high<", "x-confidence-ru-en: expected a number"),
    (_replace(">0.75<", ">NaN<"), ">NaN<", "x-confidence-ru-en: expected a number"),
    (_replace(">0.75<", ">1.5<"), ">1.5<", "x-confidence-ru-en: expected a number"),
    (_replace('"x-lines">2 3<', '"x-lines">2 three<'), "three", "x-lines: expected line numbers"),
    (_replace('"x-lines">2 3<', '"x-lines">2.5<'), ">2.5<", "x-lines: expected line numbers"),
    (_replace('<prop type="x-kind">paragraph</prop>',
              '<prop type="x-kind">paragraph</prop>\n<prop type="x-kind">caption</prop>'),
     ">caption<", 'a second <prop type="x-kind">'),
    (_into_third_unit('\n<tuv xml:lang="EN-GB"><seg>Again</seg></tuv>'), "EN-GB",
     "two variants in language en (en and EN-GB)"),
    (_into_third_unit('\n<tuv xml:lang="zh-TW"><seg>第三</seg></tuv>'), "zh-TW",
     "two variants in language zh (zh-CN and zh-TW)"),
    (_into_third_unit('\n<tuv xml:lang="de"><seg>a</seg><seg>b</seg></tuv>'), '"de"',
     "without exactly one <seg>"),
])
def test_tmx_bad_unit_names_its_line(tmp_path, tmx, edit, marker, message):
    text = edit(tmx[1])
    _fails(read_tmx, _written(tmp_path, "bad.tmx", text), _line_of(text, marker), message)


def test_tmx_not_xml(tmp_path):
    _fails(read_tmx, _written(tmp_path, "x.tmx", "unit\tsection\nfoo\tbar\n"), 1, "not well-formed")
    _fails(read_tmx, _written(tmp_path, "e.tmx", b""), 1, "not well-formed")


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-US" creationtool="x" segtype="sentence" o-tmf="x"
 adminlang="en" datatype="plaintext"/><body>
<tu tuid="a"><prop type="x-foo">1</prop><prop type="x-foo">2</prop><note>n</note>
<tuv xml:lang="EN-US"><prop type="x-context">c</prop><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world\
<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="de-DE"><seg>Hallo Welt</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Bye</seg></tuv><tuv xml:lang="de-DE"><seg>Tschüss</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_from_another_tool(tmp_path):
    records = read_tmx(_written(tmp_path, "foreign.tmx", FOREIGN))
    assert [r.id for r in records] == ["a", "tu2"]
    assert records[0].text == {"en": "Hello world", "de": "Hallo Welt"}
    assert records[1] == UnitRecord("tu2", "", "", {"en": "Bye", "de": "Tschüss"},
                                    {"en": (), "de": ()}, {"en": (), "de": ()}, {})


def test_tmx_huge_files(tmp_path):
    head = '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>'
    one_line = head + "".join(f'<tu tuid="{n}"><tuv xml:lang="en"><seg>{n}</seg></tuv>'
                              f'<tuv xml:lang="ru"><seg>{n}</seg></tuv></tu>'
                              for n in range(20_000)) + "</body></tmx>"
    assert len(read_tmx(_written(tmp_path, "one.tmx", one_line.replace("\n", "")))) == 20_000
    bad = head + "\n" * 70_000 + ('<tu><tuv xml:lang="en"><prop type="x-lines">x</prop>'
                                  '<seg>a</seg></tuv></tu></body></tmx>')
    _fails(read_tmx, _written(tmp_path, "long.tmx", bad), 70_002, "x-lines")
    huge = (head + '\n<tu><tuv xml:lang="en"><seg>' + "x" * 11_000_000
            + "</seg></tuv></tu></body></tmx>")  # a text node over libxml2's 10 MB limit
    _fails(read_tmx, _written(tmp_path, "huge.tmx", huge), 3, "not well-formed")


def test_tmx_writer_never_writes_two_variants_in_one_language(tmp_path):
    path = tmp_path / "u.tmx"
    write_tmx(RECORDS, path, ("ru", "en", "en"))
    assert path.read_bytes().decode().count('xml:lang="en"') == len(RECORDS)
    assert read_tmx(path)[1] == RECORDS[1].only(("ru", "en"))
    with pytest.raises(ValueError, match="two variants in one language"):
        write_tmx(RECORDS, path, ("ru", "en"), codes={"en": "ru"})
    with pytest.raises(ValueError, match="two variants in one language"):
        write_tmx(RECORDS, path, ("ru", "en"), codes={"en": "RU"})


def test_a_megabyte_cell_reads_back(tmp_path):
    records = [*RECORDS, _record(4, "Длинное " * 150_000, "Long", "长")]
    written = write_tsv(records, tmp_path / "units.tsv")
    limit = csv.field_size_limit()
    assert written == 4 and read_tsv(tmp_path / "units.tsv") == records
    assert csv.field_size_limit() == limit  # the module's limit is restored
