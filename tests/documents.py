"""The synthetic document (:mod:`synthetic`) written as DOCX (python-docx), HTML and PDF (fpdf2
with a CJK font), as a writer would lay it out: styled headings, a real footnote, a captioned
figure, a bulleted list, running headers and page numbers in the PDF."""
from __future__ import annotations

from html import escape
from pathlib import Path

from synthetic import COLOPHON, TEXT, Layout, elements, joined

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _heading(e) -> str:
    return e.text.upper() if e.lang != "zh" else e.text


def _note(lang: str) -> str:
    """The footnote's text without its printed number."""
    return TEXT[lang]["footnote"].split(" ", 1)[1]


def write_docx(layout: Layout, path: Path) -> Path:
    """The document as DOCX: Title, Heading 1, Caption and List Bullet styles, footnotes in
    ``word/footnotes.xml`` cited by ``w:footnoteReference``."""
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    notes = []
    for e in elements(layout):
        if e.kind == "title":
            document.add_paragraph(e.text, style="Title")
        elif e.kind == "toc_entry":
            document.add_paragraph(f"{e.text}.....\t{e.page}")
        elif e.kind == "heading":
            document.add_heading(_heading(e), level=1)
        elif e.kind == "broken":
            p = document.add_paragraph(joined(e)[: -len(TEXT[e.lang]["marker"])])
            notes.append(_note(e.lang))
            p._p.append(parse_xml(
                f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
            document.add_paragraph(TEXT[e.lang]["caption"], style="Caption")
        elif e.kind == "page_break":
            document.add_page_break()
        elif e.kind == "item":
            document.add_paragraph(e.text, style="List Bullet")
        elif e.kind == "colophon":  # its lines in one paragraph
            if e.text == COLOPHON[0]:
                document.add_paragraph("\n".join(COLOPHON))
        else:
            document.add_paragraph(e.text)
    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p>'
        f'</w:footnote>' for k, text in enumerate(notes, 1))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
           f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
           f'</w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode(),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def write_html(layout: Layout, path: Path) -> Path:
    """The document as one HTML page: ``h1``/``h2`` headings, a ``figure`` with its
    ``figcaption``, a ``ul`` list, footnotes in a ``section class="footnotes"`` at the end
    (pandoc's shape), plus a script, a style sheet and character references to be decoded."""
    body, notes = [], []
    items: list[str] = []
    for e in elements(layout):
        if e.kind != "item" and items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if e.kind == "title":
            if body and body[-1].startswith("<h1>"):
                body[-1] = body[-1][:-5] + f"<br>{escape(e.text)}</h1>"
            else:
                body.append(f"<h1>{escape(e.text)}</h1>")
        elif e.kind == "toc_entry":
            body.append(f'<p class="toc"><a href="#c{e.page}">{escape(e.text)}</a>.....\t'
                        f'{e.page}</p>')
        elif e.kind == "heading":
            body.append(f"<h2>{escape(_heading(e))}</h2>")
        elif e.kind == "epigraph":
            body.append(f"<blockquote><p>{escape(e.text)}</p></blockquote>")
        elif e.kind == "broken":
            notes.append(_note(e.lang))
            n = len(notes)
            text = escape(joined(e)[: -len(TEXT[e.lang]["marker"])])
            body.append(f'<p>{text}<a href="#fn{n}" class="footnote-ref" id="fnref{n}" '
                        f'role="doc-noteref"><sup>{n}</sup></a></p>'
                        f'<figure><img src="photo{n}.jpg" alt=""><figcaption>'
                        f'{escape(TEXT[e.lang]["caption"])}</figcaption></figure>')
        elif e.kind == "item":
            items.append(f"<li>{escape(e.text)}</li>")
        elif e.kind == "colophon":
            if e.text == COLOPHON[0]:
                body.append("<footer><p>" + "<br>\n".join(map(escape, COLOPHON)) + "</p></footer>")
        elif e.kind != "page_break":
            body.append(f"<p>{escape(e.text)}</p>")
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    body.append('<section id="footnotes" class="footnotes footnotes-end-of-document" '
                'role="doc-endnotes"><hr><ol>' + "".join(
        f'<li id="fn{k}"><p>{escape(text)} <a href="#fnref{k}" class="footnote-back" '
        f'role="doc-backlink">↩︎</a></p></li>'
        for k, text in enumerate(notes, 1)) + "</ol></section>")
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Обзор</title>"
            "<style>p { margin: 0 }</style></head>\n<body><script>var x = '&lt;p&gt;';</script>\n"
            + "\n".join(body) + "\n</body></html>\n")
    path.write_text(page.replace("«", "&laquo;").replace("»", "&#187;"), encoding="utf-8")
    return path


def write_pdf(layout: Layout, path: Path, texts: list[tuple[int, str]] | None = None) -> Path:
    """The document as a PDF laid out as the plain text reads: a page per page break, the running
    header at the top and the page number at the foot of each page, headings larger, the caption
    and the footnote at the top of the page after a broken paragraph, the footnote smaller.
    ``texts`` receives every string written with its page, in the order written."""
    texts = [] if texts is None else texts
    from fpdf import FPDF

    class Pdf(FPDF):
        running = ""
        measuring = False  # fpdf2 runs header() and footer() in a dry run too

        def cell(self, *args, **kwargs):
            done = super().cell(*args, **kwargs)  # on the next page when it breaks the page
            if not self.measuring and args[2:3]:
                texts.append((self.page_no(), args[2]))
            return done

        def header(self):
            if self.running:
                self.set_font("body", size=8)
                self.cell(0, 6, self.running.format(page=self.page_no()), align="C")
                self.ln(14)

        def footer(self):
            if layout.page_numbers and self.page_no() > 1:
                self.set_y(-15)
                self.set_font("body", size=9)
                self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Pdf(format="A4")
    pdf.add_font("body", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("cjk", fname=str(CJK_FONT))
    pdf.set_fallback_fonts(["cjk"])
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def write(text: str, size: float = 11, after: float = 4) -> None:
        pdf.set_font("body", size=size)
        pdf.measuring = True
        lines = pdf.multi_cell(0, size * 0.5, text, dry_run=True, output="LINES")
        pdf.measuring = False
        for line in lines:  # line by line, so that ``texts`` has them in the order drawn
            pdf.cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(after)

    items = elements(layout)
    for k, e in enumerate(items):
        t = TEXT[e.lang]
        if e.kind == "heading":
            pdf.ln(8)
            write(_heading(e), size=15, after=8)
        elif e.kind == "toc_entry":
            write(f"{e.text}..... {e.page}", after=1)
        elif e.kind == "item":
            write("- " + e.text, after=1)
        elif e.kind == "intro":
            write(e.text, after=1)
        elif e.kind == "page_break":
            pdf.running = t["header"].replace(str(e.page), "{page}") if str(e.page) in t["header"] \
                else t["header"]
            pdf.add_page()
            if items[k - 1].kind == "broken":
                write(t["caption"])
                write(items[k - 1].rest + t["marker"])
                write(t["footnote"], size=8)
        elif e.kind == "colophon":
            if e.text == COLOPHON[0]:
                write("\n".join(COLOPHON))
        elif e.kind == "title":
            write(e.text, size=13, after=0 if items[k + 1].kind == "title" else 4)
        else:
            write(e.text)
    pdf.output(str(path))
    return path
