"""DOCX, HTML and PDF sources: the synthetic document written with ordinary writer libraries
(python-docx, HTML by hand, fpdf2 with a CJK font) reads back into the sections and sentences
of its plain-text form; every character is accounted for; bad files are one SourceError."""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sco_corpus
from sco_corpus.cli import main
from sco_corpus.corpus import from_source
from sco_corpus.ingest.source import decode, read_source
from accounting import accounted
from documents import CJK_FONT, write_docx, write_html, write_pdf
from synthetic import Layout, build

WRITERS = {"docx": write_docx, "html": write_html, "pdf": write_pdf}
LAYOUTS = [Layout(), Layout(with_toc=False, seed=4), Layout(langs=("en", "zh"), seed=5,
                                                            page_numbers=False, paragraphs=2)]
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
needs_cjk_font = pytest.mark.skipif(not CJK_FONT.exists(), reason="fonts-wqy-zenhei not installed")


def _sections(corpus) -> dict:
    """Per language and section: the body sentences in order, then the floating ones (captions,
    footnotes: their place differs by format) sorted; footnote numbers as ``^`` (a DOCX or HTML
    file numbers footnotes through the document, the printed text per chapter)."""
    out = {}
    for section in corpus.sections:
        rows = [(x.kind, _SUPERSCRIPTS.sub("^", x.text)) for x in section.sentences]
        floating = sorted(r for r in rows if r[0] in ("caption", "footnote"))
        out[(section.lang, section.id)] = [r for r in rows if r not in floating] + floating
    return out


def _nonblank(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Every layout in every format, with the plain-text corpus it should equal."""
    folder = tmp_path_factory.mktemp("formats")
    files = {}
    for k, layout in enumerate(LAYOUTS):
        text = from_source(decode(build(layout).encode(), "plain.txt"))
        for name, write in WRITERS.items():
            if name != "pdf" or CJK_FONT.exists():
                files[(k, name)] = (write(layout, folder / f"doc{k}.{name}"), text)
    return files


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("k", range(len(LAYOUTS)))
def test_same_sections_and_sentences_as_plain_text(written, fmt, k):
    if (k, fmt) not in written:
        pytest.skip("fonts-wqy-zenhei not installed")
    path, plain = written[(k, fmt)]
    corpus = sco_corpus.load(path)
    assert corpus.source.format == fmt
    assert corpus.languages == plain.languages
    assert [(s.lang, s.id, s.title) for s in corpus.sections] == \
        [(s.lang, s.id, s.title) for s in plain.sections]
    assert _sections(corpus) == _sections(plain)
    kinds = Counter(b.kind for b in corpus.blocks)
    assert kinds == Counter(b.kind for b in plain.blocks)
    assert all(b.cites for b in corpus.blocks if b.kind == "footnote")


@settings(max_examples=8, deadline=None)
@given(fmt=st.sampled_from(list(WRITERS)),
       langs=st.sampled_from([("ru", "en", "zh"), ("ru", "en"), ("en", "zh"), ("zh", "ru")]),
       chapters=st.integers(1, 4), paragraphs=st.integers(1, 3), with_toc=st.booleans(),
       page_numbers=st.booleans(), seed=st.integers(0, 10_000))
def test_generated_layouts_read_back_alike(tmp_path_factory, fmt, langs, chapters, paragraphs,
                                           with_toc, page_numbers, seed):
    if fmt == "pdf" and not CJK_FONT.exists():
        return
    layout = Layout(langs=langs, chapters=chapters, paragraphs=paragraphs, with_toc=with_toc,
                    page_numbers=page_numbers, seed=seed, colophon=False)
    path = WRITERS[fmt](layout, tmp_path_factory.mktemp("layout") / f"doc.{fmt}")
    corpus = sco_corpus.load(path)
    assert _sections(corpus) == _sections(from_source(decode(build(layout).encode(), "t.txt")))
    source, kept = accounted(corpus)
    assert source == kept


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_character_accounted_for(written, fmt):
    """Against the reader's text (blocks and noise), and the reader's text against the file's:
    what the reader added (list and footnote numbers) is all it wrote beyond the file's text."""
    for (k, name), (path, _) in written.items():
        if name != fmt:
            continue
        corpus = sco_corpus.load(path)
        source, kept = accounted(corpus)
        assert source == kept
        added = _nonblank("".join(p.added for p in corpus.source.places))
        assert source - added == _file_text(path, fmt), (k, fmt)
        assert added - source == Counter()


def _file_text(path: Path, fmt: str) -> Counter:
    """The non-blank characters the file holds as text (read here without the reader)."""
    if fmt == "docx":
        with zipfile.ZipFile(path) as package:
            parts = [package.read(n).decode() for n in ("word/document.xml", "word/footnotes.xml")]
        texts = [t for part in parts for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)<", part)]
        return _nonblank("".join(texts))
    if fmt == "html":
        body = lxml.html.parse(str(path)).getroot().find("body")
        for element in body.iter("script", "style"):
            element.drop_tree()
        links = [a for a in body.iter("a") if (a.get("href") or "").startswith(("#fn", "#ref"))]
        return _nonblank(body.text_content()) - _nonblank("".join(a.text_content() for a in links))
    import pypdf

    return _nonblank("".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def test_places_point_into_the_file(written):
    docx = sco_corpus.load(written[(0, "docx")][0])
    frame = docx.to_frame("blocks").set_index("id")
    assert frame.loc["ru/s01/b001", "place"] == "paragraph 8"  # the first Heading 1
    note = next(b for b in docx.blocks if b.kind == "footnote")
    assert docx.place("ru", note.lines[0]) == "footnote 1"
    html = sco_corpus.load(written[(0, "html")][0])
    assert html.to_frame("sentences")["place"].str.match(r"(paragraph|footnote) \d+").all()
    if (0, "pdf") in written:
        pdf = sco_corpus.load(written[(0, "pdf")][0])
        broken = next(b for b in pdf.blocks if b.kind == "paragraph" and "специалистов" in b.text)
        assert pdf.source.span(broken.lines) == "page 1–2"  # rejoined across the page break
        assert pdf.source.place(broken.lines[-1]) == "page 2, line 3"  # header, caption, it
        assert {n.kind for n in pdf.noise} >= {"header", "page_number"}


def test_format_found_by_content_not_name(written, tmp_path):
    for (k, fmt), (path, _) in written.items():
        if k == 0:
            renamed = tmp_path / f"{fmt}.bin"
            renamed.write_bytes(path.read_bytes())
            if fmt != "html":  # HTML is known by its doctype; renamed .bin it is still read
                assert read_source(renamed).format == fmt
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Текст страницы.</p></body></html>")
    assert read_source(page).format == "html"


# -- bad files ------------------------------------------------------------------------------


def _fails(path: Path, message: str) -> None:
    with pytest.raises(sco_corpus.SourceError) as info:
        sco_corpus.load(path)
    assert info.value.path == str(path) and message in info.value.message, info.value


@needs_cjk_font
def test_scanned_pdf_is_an_error(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (600, 800), 255).save(image)
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.image(str(image), x=0, y=0, w=210)
    pdf.output(str(tmp_path / "scan.pdf"))
    _fails(tmp_path / "scan.pdf", "no text layer on any of its 3 pages")


@needs_cjk_font
def test_encrypted_pdf_is_an_error(written, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=written[(0, "pdf")][0])
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(tmp_path / "locked.pdf", "wb") as handle:
        writer.write(handle)
    _fails(tmp_path / "locked.pdf", "encrypted")


@pytest.mark.parametrize("name, data, message", [
    ("cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "not a readable PDF"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x00\x00", "not a DOCX file (a damaged zip"),
    ("empty.html", b"", "the file is empty"),
    ("blank.html", b"<!DOCTYPE html><html><head><title>T</title></head><body>\n</body></html>",
     "no text in this HTML file"),
    ("script.html", b"<html><body><script>document.write('text')</script></body></html>",
     "no text in this HTML file"),
])
def test_unusable_files(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    _fails(path, message)


def _docx_with(tmp_path: Path, name: str, parts: dict[str, bytes]) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as package:
        for part, data in parts.items():
            package.writestr(part, data)
    return path


def test_docx_without_document_or_with_broken_xml(tmp_path):
    _fails(_docx_with(tmp_path, "a.docx", {"other.xml": b"<a/>"}), "no word/document.xml")
    broken = b'<w:document xmlns:w="w">\n<oops'
    _fails(_docx_with(tmp_path, "b.docx", {"word/document.xml": broken}),
           "word/document.xml, line 2: not well-formed XML")


def test_docx_entities_are_not_expanded_nor_fetched(tmp_path):
    xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "' + b"x" * 100 + b'">'
           b'<!ENTITY file SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>&big;&big;&file;Text</w:t></w:r></w:p></w:body></w:document>')
    source = read_source(_docx_with(tmp_path, "e.docx", {"word/document.xml": xml}))
    assert "".join(source.lines) == "Text"


def test_cli_names_the_bad_file_in_one_line(tmp_path, capsys):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["stats", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_damaged_files_read_or_raise_source_error(written, tmp_path, fmt):
    """Bytes flipped, cut or inserted at random: a corpus or a SourceError, nothing else."""
    import random

    if (2, fmt) not in written:
        pytest.skip("fonts-wqy-zenhei not installed")
    data = written[(2, fmt)][0].read_bytes()
    rng = random.Random(fmt)
    for k in range(40):
        damaged = bytearray(data)
        at = rng.randrange(len(data))
        if k % 3 == 0:
            for _ in range(rng.randint(1, 20)):
                damaged[rng.randrange(len(data))] = rng.randrange(256)
        elif k % 3 == 1:
            damaged = damaged[:at]
        else:
            damaged[at:at] = rng.randbytes(rng.randint(1, 50))
        path = tmp_path / f"damaged{k}.{fmt}"
        path.write_bytes(bytes(damaged))
        try:
            from_source(read_source(path))
        except sco_corpus.SourceError as error:
            assert error.path == str(path)


@needs_cjk_font
def test_one_file_per_language_in_different_formats(tmp_path):
    """Russian as DOCX, English as PDF, Chinese as HTML: the sections and sentences of the same
    document given as one plain-text file."""
    layout = {"langs": ("ru", "en", "zh"), "colophon": False, "seed": 2}
    plain = from_source(decode(build(Layout(**layout)).encode(), "mixed.txt"))
    files = {lang: WRITERS[fmt](Layout(**{**layout, "langs": (lang,)}), tmp_path / f"{lang}.{fmt}")
             for lang, fmt in (("ru", "docx"), ("en", "pdf"), ("zh", "html"))}
    corpus = sco_corpus.load(files, original="ru")
    assert corpus.languages == ("ru", "en", "zh")
    assert _sections(corpus) == _sections(plain)
    assert [corpus.source_of(lang).format for lang in corpus.languages] == ["docx", "pdf", "html"]
    places = corpus.to_frame("sentences").groupby("lang")["place"].first()
    assert places["en"].startswith("page ") and places["ru"].startswith("paragraph ")


# -- what each reader keeps, one feature at a time -------------------------------------------


def test_docx_lists_tables_fields_deletions_and_text_boxes(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Общие положения", level=1)
    document.add_paragraph("Стороны договорились о следующем:")
    for item in ("первое;", "второе;", "третье."):
        document.add_paragraph(item, style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ячейка один.", "Ячейка два."
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document.element.body.append(parse_xml(
        f'<w:p {w}><w:r><w:t xml:space="preserve">Было </w:t></w:r><w:del><w:r><w:delText>'
        f'удалено </w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        f'</w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r><w:t xml:space="preserve"> стр.</w:t></w:r></w:p>'))
    document.element.body.append(parse_xml(
        f'<w:p {w} {mc}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<w:txbxContent><w:p><w:r><w:t>В рамке.</w:t></w:r></w:p></w:txbxContent></w:drawing>'
        f'</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>В рамке.</w:t></w:r>'
        f'</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'))
    document.save(tmp_path / "features.docx")
    source = read_source(tmp_path / "features.docx")
    lines = [line for line in source.lines if line]
    assert lines == ["Общие положения", "Стороны договорились о следующем:", "1. первое;",
                     "2. второе;", "3. третье.", "Ячейка один.", "Ячейка два.", "Было 7 стр.",
                     "В рамке."]
    assert source.style(source.lines.index("Общие положения") + 1) == "heading"
    assert [p.added for p in source.places if p.style == "list"] == ["1.", "2.", "3."]


def test_html_lists_breaks_superscripts_entities_and_asides(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav><ol start='3'><li><p>Третий пункт</p></li><li>Четвёртый</li></ol></nav>"
        "<p>Строка&nbsp;один<br>строка два, 10 м<sup>2</sup> &laquo;в кавычках&raquo;"
        "<a href='#n1'>*</a>.</p><pre>код   с\n  отступом</pre>"
        "<aside id='n1'><p>Примечание.</p></aside><h3>Конец</h3><p>Текст<a href='#f2'>2</a>"
        "</p><ol class='footnotes'><li>Без ссылки.</li><li id='f2'>Вторая.</li></ol></body></html>",
        encoding="utf-8")
    source = read_source(page)
    lines = [line for line in source.lines if line]
    assert lines == ["3. Третий пункт", "4. Четвёртый", "Строка\xa0один",
                     "строка два, 10 м² «в кавычках»¹.", "код с", "отступом", "¹ Примечание.",
                     "Конец", "Текст²", "² Вторая.", "¹ Без ссылки."]
    assert source.place(source.lines.index("¹ Примечание.") + 1) == "footnote 1"


@needs_cjk_font
def test_pdf_headings_by_size_without_toc(tmp_path):
    """Mixed-case headings set larger, no TOC: the chapters come from the type size."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("body", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font("body", size=11)
    pdf.multi_cell(0, 8, "Годовой отчёт")
    pdf.ln(6)
    for title in ("Первая глава", "Вторая глава"):
        pdf.set_font("body", size=16)
        pdf.multi_cell(0, 8, title)
        pdf.ln(6)
        pdf.set_font("body", size=11)
        for _ in range(2):
            pdf.multi_cell(0, 5.5, "Стороны договорились продолжить консультации в Ташкенте. "
                                   "Эта инициатива была поддержана всеми участниками.")
            pdf.ln(4)
    pdf.output(str(tmp_path / "chapters.pdf"))
    corpus = sco_corpus.load(tmp_path / "chapters.pdf")
    assert [(s.id, s.title) for s in corpus.sections] == [
        ("s00", "Годовой отчёт"), ("s01", "Первая глава"), ("s02", "Вторая глава")]
    assert [b.kind for b in corpus.blocks] == ["title"] + ["heading", "paragraph", "paragraph"] * 2


def test_cli_takes_one_file_per_language_in_any_format(tmp_path, capsys):
    ru = write_docx(Layout(langs=("ru",), colophon=False), tmp_path / "r.docx")
    en = write_html(Layout(langs=("en",), colophon=False), tmp_path / "e.html")
    assert main(["stats", "--lang", f"ru={ru}", "--lang", f"en={en}"]) == 0
    assert "s04" in capsys.readouterr().out
