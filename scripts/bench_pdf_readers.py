"""Which PDF library reads a text layer best: speed and reading order on a generated
multi-page trilingual PDF (``tests/documents.py``: fpdf2, DejaVu Sans with WenQuanYi Zen Hei).

Two documents: the synthetic booklet laid out in one column, and its paragraphs in two columns
per page (the left column drawn first, the order a reader reads). For each library: seconds to
extract every page (best of ``--repeat``), the share of the lines the writer drew (text lines,
headings, running headers, page numbers) found whole and in drawing order in the page's
extracted text (whitespace ignored), and the non-blank characters lost or invented against
what was drawn. Needs ``pdfplumber`` besides the test extras.

    python scripts/bench_pdf_readers.py [--paragraphs 12] [--repeat 3]

Last run (this machine, 2 cores shared with other work): README, *Dependencies and why*.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from documents import CJK_FONT, write_pdf  # noqa: E402
from synthetic import Layout, elements  # noqa: E402


def write_columns(layout: Layout, path: Path, texts: list[tuple[int, str]]) -> Path:
    """The document's paragraphs in two columns per page, the left column drawn first."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("body", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("cjk", fname=str(CJK_FONT))
    pdf.set_fallback_fonts(["cjk"])
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("body", size=10)
    lines = [line for e in elements(layout) if e.kind == "paragraph"
             for line in pdf.multi_cell(90, 5, e.text, dry_run=True, output="LINES") + [""]]
    per_column = 50
    for start in range(0, len(lines), 2 * per_column):
        if start:
            pdf.add_page()
        for column in range(2):
            chunk = lines[start + column * per_column: start + (column + 1) * per_column]
            for row, line in enumerate(chunk):
                pdf.set_xy(10 + 100 * column, 20 + 5 * row)
                pdf.cell(90, 5, line)
                if line:
                    texts.append((pdf.page_no(), line))
    pdf.output(str(path))
    return path


def _pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path))]


def _pdfium_reader(path: Path) -> list[str]:
    from sco_corpus.ingest.source import read_source

    source = read_source(path)
    pages: dict[int, list[str]] = {}
    for line, place in zip(source.lines, source.places):
        pages.setdefault(place.page, []).append(line)
    return ["\n".join(pages.get(n, [])) for n in range(1, max(pages) + 1)]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


LIBRARIES = {
    "pypdfium2 (text only)": _pdfium,
    "pypdfium2 (sco_corpus reader: lines, gaps, sizes)": _pdfium_reader,
    "pdfplumber": _pdfplumber,
    "pypdf": _pypdf,
}


def _squash(text: str) -> str:
    return "".join(ch for ch in text.replace("\ufffe", "-") if not ch.isspace())


def in_order(drawn: list[tuple[int, str]], pages: list[str]) -> float:
    """Share of the drawn lines found whole in their page's text, each after the one found
    before it on that page."""
    found, position, page = 0, 0, 0
    for number, piece in drawn:
        if number != page:
            page, position = number, 0
        flat = _squash(pages[number - 1]) if number <= len(pages) else ""
        at = flat.find(_squash(piece), position)
        if at >= 0:
            found, position = found + 1, at + len(_squash(piece))
    return found / len(drawn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kind, write in (("one column", write_pdf), ("two columns", write_columns)):
            drawn: list[tuple[int, str]] = []
            path = write(Layout(paragraphs=args.paragraphs), Path(folder) / "bench.pdf", drawn)
            _measure(kind, path, drawn, args.repeat)


def _measure(kind: str, path: Path, drawn: list[tuple[int, str]], repeat: int) -> None:
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(path)))
    expected = Counter(_squash("".join(text for _, text in drawn)))
    print(f"\n{kind}: {pages} pages, {sum(expected.values())} non-blank characters drawn\n")
    print("| library | seconds | pages/s | lines in order | characters lost | invented |")
    print("|---|---|---|---|---|---|")
    for name, read in LIBRARIES.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            text = read(path)
            best = min(best, time.perf_counter() - started)
        got = Counter(_squash("".join(text)))
        print(f"| {name} | {best:.3f} | {pages / best:.0f} | {in_order(drawn, text):.3f} | "
              f"{sum((expected - got).values())} | {sum((got - expected).values())} |")


if __name__ == "__main__":
    main()
