"""Findings written as JSON and TSV, and summed up as a table for the terminal."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from .finding import FIELDS, SEVERITIES, Finding


def write_findings(findings: Sequence[Finding], out_dir: str | Path) -> list[Path]:
    """``findings.json`` (a list of objects with :data:`FIELDS`) and ``findings.tsv`` (one row
    per finding; ``langs`` space-separated, ``lines`` and ``evidence`` as ``lang: value`` parts
    joined by `` | ``)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "findings.json", "w", encoding="utf-8") as handle:
        json.dump([f.as_dict() for f in findings], handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    with open(out / "findings.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(FIELDS)
        for f in findings:
            writer.writerow([
                f.id, f.check, f.severity, " ".join(f.langs), f.section, f.unit,
                " | ".join(f"{k}: {' '.join(map(str, v))}" for k, v in f.lines.items()),
                " | ".join(f"{k}: {v}" for k, v in f.evidence.items()), f.message])
    return [out / "findings.json", out / "findings.tsv"]


def format_summary(findings: Sequence[Finding], accepted: int = 0) -> str:
    """A table: one row per check, one column per severity, with totals."""
    counts = Counter((f.check, f.severity) for f in findings)
    checks = list(dict.fromkeys(f.check for f in findings))
    rows = [("check", *SEVERITIES, "total")]
    for check in checks:
        values = [counts[check, s] for s in SEVERITIES]
        rows.append((check, *map(str, values), str(sum(values))))
    totals = [sum(counts[c, s] for c in checks) for s in SEVERITIES]
    rows.append(("all", *map(str, totals), str(sum(totals))))
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if accepted:
        lines.append(f"({accepted} accepted finding(s) left out by the baseline)")
    return "\n".join(lines)
