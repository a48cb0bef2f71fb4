"""The collection's index page: one row per document with its counts and a link to its review
page, failed documents with their error; a click on a column heading sorts by it (a small
inline script; without script the rows stay in collection order)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Sequence

from .. import __version__
from ..checks.finding import SEVERITIES


@dataclass(frozen=True)
class IndexRow:
    """One document on the index page; ``link`` (its review page, relative) is "" when it
    failed, and ``error`` says why."""

    document: str
    source: str
    status: str
    units: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    link: str = ""
    error: str = ""


_CSS = """
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif;
       color: #222; background: #fafafa; }
header { padding: 12px 20px; background: #263238; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 18px; } header span { margin-right: 14px; }
main { padding: 12px 20px; } table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
th button { font: inherit; font-weight: bold; border: none; background: none; cursor: pointer;
            padding: 0; } th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
td.num { text-align: right; } tr.failed td { background: #ffebee; }
.error { color: #c62828; } .source { color: #607d8b; font-size: 12px; }
ul.files { padding-left: 18px; }
"""

_JS = """
document.querySelectorAll("th[data-col] button").forEach(function (button) {
  button.addEventListener("click", function () {
    var th = button.parentNode, table = th.closest("table"), body = table.tBodies[0];
    var col = +th.dataset.col, numeric = th.dataset.type === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[col];
      return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
    };
    Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = numeric ? (+x) - (+y) : x.localeCompare(y);
      return ascending ? c : -c;
    }).forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _row(row: IndexRow) -> str:
    name = (f'<a href="{escape(row.link)}">{escape(row.document)}</a>' if row.link
            else escape(row.document))
    failed = row.status == "failed"
    counts = "".join(f'<td class="num" data-sort="{-1 if failed else row.findings.get(s, 0)}">'
                     f'{"" if failed else row.findings.get(s, 0)}</td>' for s in SEVERITIES)
    return (f'<tr class="{"failed" if failed else "built"}" data-document="{escape(row.document)}">'
            f'<td>{name}<div class="source">{escape(row.source)}</div></td>'
            f'<td>{escape(row.status)}</td>'
            f'<td class="num" data-sort="{-1 if failed else row.units}">'
            f'{"" if failed else row.units}</td>{counts}'
            f'<td class="error">{escape(row.error)}</td></tr>')


def render_index(rows: Sequence[IndexRow], files: Sequence[tuple[str, str]],
                 title: str = "Collection") -> str:
    """The page as a string; ``files``: the collection's files as (name, what it is)."""
    failed = sum(1 for row in rows if row.status == "failed")
    totals = {s: sum(row.findings.get(s, 0) for row in rows) for s in SEVERITIES}
    headings = ["document", "status", "units", *SEVERITIES, "failure"]
    numeric = {"units", *SEVERITIES}
    head = "".join(
        f'<th data-col="{k}"{" data-type=num" if h in numeric else ""}><button type="button">'
        f'{escape(h)}</button></th>' for k, h in enumerate(headings))
    return "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<title>{escape(title)} — index</title><style>{_CSS}</style></head><body>',
        f'<header><h1>{escape(title)}</h1><span>{len(rows)} documents</span>'
        f'<span>{failed} failed</span><span>{sum(r.units for r in rows)} units</span>',
        "".join(f"<span>{n} {s}</span>" for s, n in totals.items()),
        f'<span>sco_corpus {__version__}</span></header><main>',
        '<ul class="files">' + "".join(f'<li><a href="{escape(name)}">{escape(name)}</a> — '
                                       f'{escape(what)}</li>' for name, what in files) + "</ul>",
        f'<table id="documents"><thead><tr>{head}</tr></thead><tbody>',
        "".join(_row(row) for row in rows),
        f"</tbody></table></main><script>{_JS}</script></body></html>\n"])


def write_index_page(rows: Sequence[IndexRow], files: Sequence[tuple[str, str]],
                     path: str | Path, title: str = "Collection") -> Path:
    """Write the page to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render_index(rows, files, title), encoding="utf-8")
    return path
