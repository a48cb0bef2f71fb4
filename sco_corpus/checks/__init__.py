"""Consistency checks: where the translations disagree, with evidence from each language.

Each check is a function ``(alignment, corpus) -> list[Finding]`` in its own module.
"""
from __future__ import annotations

from ..align.units import Alignment
from ..ingest.document import Document
from .confidence import check_low_confidence
from .dates import check_dates
from .duplicates import check_duplicates
from .finding import SEVERITIES, Finding, Findings
from .numbers import check_numbers
from .omissions import check_omissions
from .structure import check_structure
from .term_check import check_terms
from .untranslated import check_untranslated

CHECKS = {
    "number": check_numbers,
    "date": check_dates,
    "duplicate": check_duplicates,
    "omission": check_omissions,
    "untranslated": check_untranslated,
    "structure": check_structure,
    "term": check_terms,
    "low_confidence": check_low_confidence,
}


def run_checks(corpus: Document, alignment: Alignment, checks=None) -> Findings:
    """The findings of ``checks`` (names of :data:`CHECKS`; default all), check by check; ids
    are unique (a finding found twice is kept once)."""
    names = list(checks or CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; one of {', '.join(CHECKS)}")
    seen: dict[str, Finding] = {}
    for name in names:
        for finding in CHECKS[name](alignment, corpus):
            seen.setdefault(finding.id, finding)
    return Findings(_without_restated(list(seen.values()), alignment))


def _without_restated(findings: list[Finding], alignment: Alignment) -> list[Finding]:
    """The findings without the clause omissions of an epigraph whose cut (or length) the
    structure check reports for the same language: one problem, told once, with the quote."""
    epigraph_units = {u.id for u in alignment if u.kind == "epigraph"}
    told = {(f.section, f.langs[0]) for f in findings
            if f.check == "structure" and f.key.startswith(("epigraph-cut:", "epigraph-length:"))}
    return [f for f in findings if not (
        f.key.startswith("clause:") and f.unit in epigraph_units
        and (f.section, f.langs[-1]) in told)]


def exit_code(findings, fail_on: str = "error") -> int:
    """1 when a finding is at least as severe as ``fail_on`` (``never``: always 0), else 0."""
    if fail_on == "never":
        return 0
    limit = SEVERITIES.index(fail_on)
    return int(any(SEVERITIES.index(f.severity) <= limit for f in findings))


__all__ = ["CHECKS", "SEVERITIES", "Finding", "Findings", "exit_code", "run_checks"]
