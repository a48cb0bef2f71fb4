"""The review page: one self-contained HTML file for editors.

The three languages side by side, unit by unit, section by section; each unit with findings
highlighted by severity, the numbers and dates a finding quotes marked in the text (and the
piece its evidence quotes when that is part of a unit's text, such as a clause another
language lacks), and the explanations under the unit; a findings list that jumps to the units
and lets an editor triage each finding (open, accepted, dismissed, a note) and download the
result as a baseline for ``sco-corpus check --baseline``; filters by check, severity, triage,
section and confidence; and per section a chart of the confidence along the section, so that
a bad region stands out. Rendered as static HTML (fast to open, readable without script); a
small inline script filters, keeps the triage in the browser's storage and saves the baseline.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path
from typing import Sequence

from .. import __version__
from ..align.units import Alignment, Unit
from ..checks.finding import SEVERITIES, Finding
from ..ingest.document import Document
from .assets import CSS, JS

_TOKEN = re.compile(r"[^\s,;:()“”«»\"']*\d[^\s,;:()“”«»\"']*")
_CHART_HEIGHT = 36
#: An editor's verdicts on a finding: not yet triaged, a real problem, not a problem.
TRIAGE = ("open", "accepted", "dismissed")


def anchor(name: str) -> str:
    """An HTML id: ``s02/u013`` (a unit's row) -> ``u-s02-u013``."""
    return "u-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _min_confidence(unit: Unit) -> float:
    """The unit's lowest confidence, for a match or (an empty side) for an omission."""
    return min(unit.confidence.values(), default=1.0)


def _incomplete(unit: Unit) -> bool:
    return not all(unit.sentences.values())


def _pieces(text: str, quotes: set[str]) -> list[tuple[int, int]]:
    """Where ``text`` contains one of ``quotes`` (pieces a finding quotes from a part of it,
    such as a clause another language lacks), as merged ``(start, end)`` spans."""
    spans = sorted((m.start(), m.start() + len(q)) for q in quotes if 1 < len(q) < len(text)
                   for m in re.finditer(re.escape(q), text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, tokens: set[str], quotes: set[str] = frozenset()) -> str:
    """``text`` escaped, with each of ``tokens`` (numbers, dates a finding quotes) marked where
    it stands alone (``5`` is not marked inside ``2005``), and each of ``quotes`` found in it
    marked as a piece (``<mark class="piece">``; tokens inside a piece stay marked)."""
    pieces = _pieces(text, quotes)
    found = []
    if tokens:
        pattern = re.compile(r"(?<!\d)(?:" + "|".join(
            re.escape(t) for t in sorted(tokens, key=len, reverse=True)) + r")(?!\d)")
        found = [m.span() for m in pattern.finditer(text)
                 if not any(m.start() < edge < m.end() for piece in pieces for edge in piece)]

    def with_tokens(start: int, end: int) -> str:
        out, last = [], start
        for s, e in found:
            if start <= s and e <= end:
                out += [escape(text[last:s]), f"<mark>{escape(text[s:e])}</mark>"]
                last = e
        return "".join(out) + escape(text[last:end])

    out, last = [], 0
    for start, end in pieces:
        out += [with_tokens(last, start),
                f'<mark class="piece">{with_tokens(start, end)}</mark>']
        last = end
    return "".join(out) + with_tokens(last, len(text))


def _chart(units: list[Unit], flagged: dict[str, list[Finding]]) -> str:
    """A bar per unit: height by its lowest confidence, colour by it (purple: a language has
    no counterpart); a dot where a finding is."""
    if not units:
        return ""
    width = max(2.0, min(8.0, 900 / len(units)))
    bars = []
    for k, unit in enumerate(units):
        value = _min_confidence(unit)
        height = max(2.0, value * (_CHART_HEIGHT - 8))
        colour = ("#6a1b9a" if _incomplete(unit) else "#2e7d32" if value >= 0.8
                  else "#ef6c00" if value >= 0.5 else "#c62828")
        x = k * width
        dot = (f'<circle cx="{x + width / 2:.1f}" cy="4" r="2.5" fill="#c62828"/>'
               if unit.id in flagged else "")
        bars.append(f'<a href="#{anchor(unit.id)}"><title>{escape(unit.id)}: confidence '
                    f'{value:.2f}</title><rect x="{x:.1f}" y="{_CHART_HEIGHT - height:.1f}" '
                    f'width="{max(width - 0.6, 1):.1f}" height="{height:.1f}" fill="{colour}"/>'
                    f'{dot}</a>')
    total = len(units) * width
    return (f'<svg class="chart" width="{total:.0f}" height="{_CHART_HEIGHT}" '
            f'viewBox="0 0 {total:.0f} {_CHART_HEIGHT}" role="img" aria-label="confidence '
            f'along the section">{"".join(bars)}</svg>')


def _unit_rows(unit: Unit, langs: Sequence[str], findings: list[Finding],
               corpus: Document) -> str:
    quoted = [f for f in findings if f.check in ("number", "date")]
    marks = {lang: {t for f in quoted for t in _TOKEN.findall(f.message)
                    if t in unit.text(lang)} for lang in langs}
    quotes = {lang: {f.evidence[lang].strip() for f in findings if f.evidence.get(lang)}
              for lang in langs}
    sevs = sorted({f.severity for f in findings}, key=SEVERITIES.index)
    cls = " ".join(["unit", *sevs[:1]])
    conf = "".join(f'<span class="conf{" low" if v < 0.5 else ""}">{escape(p)} {v:.2f}</span>'
                   for p, v in sorted(unit.confidence.items()))
    cells = []
    for lang in langs:
        if not unit.sentences[lang]:
            cells.append('<td class="empty"></td>')
            continue
        cells.append(f'<td lang="{lang}">{_marked(unit.text(lang), marks[lang], quotes[lang])}'
                     f'<div class="lines">{escape(corpus.source_of(lang).span(unit.lines(lang)))}'
                     f'</div></td>')
    row = (f'<tr class="{cls}" id="{anchor(unit.id)}" data-section="{escape(unit.section)}" '
           f'data-conf="{_min_confidence(unit):.3f}" '
           f'data-findings="{" ".join(f.id for f in findings)}"><td class="meta">'
           f'{escape(unit.id)}<br>{escape(unit.kind)}{conf}</td>{"".join(cells)}</tr>')
    if findings:
        notes = "".join(f'<div data-id="{f.id}"><span class="sev-badge {f.severity}">'
                        f'{f.severity}</span> <b>{f.check}</b> {escape(f.message)}</div>'
                        for f in findings)
        row += f'<tr class="notes" data-unit="{anchor(unit.id)}"><td colspan="{len(langs) + 1}">' \
               f'{notes}</td></tr>'
    return row


def _finding_item(finding: Finding, corpus: Document) -> str:
    """The finding in the list: a link to its unit, and its triage (open, accepted, dismissed
    and a note) that the script keeps in the browser's storage."""
    target = anchor(finding.unit) if finding.unit else anchor(f"sec-{finding.section}")
    where = ", ".join(f"{lang} {corpus.source_of(lang).span(lines) or '-'}"
                      for lang, lines in finding.lines.items())
    states = "".join(
        f'<label><input type="radio" name="t-{finding.id}" value="{state}"'
        f'{" checked" if state == "open" else ""}> {state}</label>' for state in TRIAGE)
    return (f'<li data-id="{finding.id}" data-check="{finding.check}" '
            f'data-severity="{finding.severity}" data-section="{escape(finding.section)}" '
            f'data-status="open"><a href="#{target}">'
            f'<span class="sev-badge {finding.severity}">{finding.severity}</span> '
            f'<b>{finding.check}</b> <span class="msg">{escape(finding.message)}</span>'
            f'<div class="where">{escape(finding.section)} · {escape(where)}</div></a>'
            f'<fieldset class="triage"><legend>triage {finding.id}</legend>{states}'
            f'<input type="text" class="note" placeholder="note" '
            f'aria-label="note on {finding.id}"></fieldset></li>')


def render(corpus: Document, alignment: Alignment, findings: Sequence[Finding],
           title: str | None = None) -> str:
    """The page as a string."""
    langs = alignment.langs
    by_unit: dict[str, list[Finding]] = {}
    for finding in findings:
        by_unit.setdefault(finding.unit, []).append(finding)
    titles = {}
    for section in corpus.sections:
        titles.setdefault(section.id, {})[section.lang] = section.title
    sections = list(dict.fromkeys(unit.section for unit in alignment))
    severity = Counter(f.severity for f in findings)
    checks = list(dict.fromkeys(f.check for f in findings))
    title = title or next(iter(titles.get("s00", {}).values()), "Trilingual review")
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<title>{escape(title)} — review</title><style>{CSS}</style></head>',
        f'<body data-doc="{escape(Path(corpus.source.path).name)}">',
        f'<header><h1>{escape(title)}</h1><div class="counts"><span>{len(alignment)} units</span>'
        + "".join(f'<span><span class="sev-badge {s}">{s}</span> {severity[s]}</span>'
                  for s in SEVERITIES)
        + f'<span>shown: <b id="shown">{len(alignment)}</b></span><span class="tally">'
        + " · ".join(f'{s} <b id="n-{s}">{len(findings) if s == "open" else 0}</b>'
                     for s in TRIAGE) + '</span>'
        f'<span>sco_corpus {__version__} · '
        f'{escape(", ".join(source.path for source in corpus.sources))}</span></div></header>',
        '<nav id="filters"><fieldset><b>check</b> '
        + "".join(f'<label><input type="checkbox" name="check" value="{c}" checked> {c}</label>'
                  for c in checks)
        + '</fieldset><fieldset><b>severity</b> '
        + "".join(f'<label><input type="checkbox" name="severity" value="{s}" checked> {s}'
                  f'</label>' for s in SEVERITIES)
        + '</fieldset><fieldset><b>triage</b> '
        + "".join(f'<label><input type="checkbox" name="triage" value="{s}" checked> {s}'
                  f'</label>' for s in TRIAGE)
        + '</fieldset><label><b>section</b> <select id="f-section"><option value="">all</option>'
        + "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in sections)
        + '</select></label><label><b>confidence ≤</b> <input id="f-conf" type="range" min="0" '
          'max="1" step="0.05" value="1"> <span id="f-conf-value">1.00</span></label>'
          '<label><input type="checkbox" id="f-flagged"> only units with findings</label></nav>',
        '<div id="layout"><aside id="findings"><h2>Findings</h2><div class="baseline">'
        '<button type="button" id="download">Download baseline</button> <label '
        'class="import">Import baseline <input type="file" id="import" '
        'accept=".json,.txt,application/json,text/plain"></label> '
        '<span id="triage-status" role="status"></span></div><ol>'
        + "".join(_finding_item(f, corpus) for f in findings) + "</ol></aside><main>",
    ]
    for section_id in sections:
        units = [u for u in alignment if u.section == section_id]
        heading = " / ".join(escape(titles.get(section_id, {}).get(lang, ""))
                             for lang in langs if titles.get(section_id, {}).get(lang))
        parts.append(
            f'<section class="chapter" id="{anchor(f"sec-{section_id}")}" '
            f'data-section="{escape(section_id)}"><h2>{escape(section_id)} — {heading}</h2>'
            + _chart(units, by_unit)
            + '<table class="units"><colgroup><col class="meta">'
            + "".join("<col>" for _ in langs) + '</colgroup><thead><tr><th>unit</th>'
            + "".join(f"<th>{lang}</th>" for lang in langs) + "</tr></thead><tbody>"
            + "".join(_unit_rows(u, langs, by_unit.get(u.id, []), corpus) for u in units)
            + "</tbody></table></section>")
    parts.append(f"</main></div><script>{JS}</script></body></html>\n")
    return "".join(parts)


def write_review_page(corpus: Document, alignment: Alignment, findings: Sequence[Finding],
                      path: str | Path, title: str | None = None) -> Path:
    """Write the page to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render(corpus, alignment, findings, title), encoding="utf-8")
    return path
