"""Findings written as JSON and TSV, and summed up as a table for the terminal."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from ..errors import SourceError
from ..fileio import read_text
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
        writer.writerows(finding_row(f.as_dict()) for f in findings)
    return [out / "findings.json", out / "findings.tsv"]


def finding_row(fields: dict) -> list[str]:
    """The cells of ``findings.tsv`` for a finding given as its JSON object
    (:meth:`Finding.as_dict`)."""
    return [fields["id"], fields["check"], fields["severity"], " ".join(fields["langs"]),
            fields["section"], fields["unit"],
            " | ".join(f"{k}: {' '.join(map(str, v))}" for k, v in fields["lines"].items()),
            " | ".join(f"{k}: {v}" for k, v in fields["evidence"].items()), fields["message"]]


def format_summary(findings: Sequence[Finding], left_out: Counter | None = None) -> str:
    """A table: one row per check, one column per severity, with totals; ``left_out``: the
    findings a baseline left out, counted by their status there."""
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
    if left_out:
        parts = ", ".join(f"{n} {status}" for status, n in sorted(left_out.items()))
        lines.append(f"({sum(left_out.values())} finding(s) left out by the baseline: {parts})")
    return "\n".join(lines)


def read_baseline(path: str | Path) -> dict[str, str]:
    """Finding ids an editor has seen, each with its status: a findings JSON of an earlier run
    or the review page's downloaded baseline (a list of objects with an ``id`` and maybe a
    ``status``, ``accepted`` or ``dismissed``; ``open`` ones are not taken; or a list of ids), or
    ids one per line (anything after the id is a comment). Without a status a finding is
    ``known``. A UTF-8 byte-order mark
    is allowed; anything else unreadable raises :class:`SourceError`."""
    name = str(path)
    text = read_text(path)
    binary = next((k for k, line in enumerate(text.splitlines(), 1)
                   if any(ord(ch) < 32 and ch not in "\t\r\n\f\v" for ch in line)), None)
    if binary is not None:
        raise SourceError(name, binary, "binary data; a baseline is a findings.json or ids "
                                        "one per line")
    if text.lstrip()[:1] not in ("[", "{"):
        return {line.split()[0]: "known" for line in text.splitlines() if line.strip()}
    try:
        items = json.loads(text)
    except ValueError as exc:
        raise SourceError(name, getattr(exc, "lineno", None), f"not valid JSON ({exc})") from None
    except RecursionError:
        raise SourceError(name, None, "JSON nested too deeply") from None
    if not isinstance(items, list) or not all(
            isinstance(i, str) or isinstance(i, dict) and isinstance(i.get("id"), str)
            for i in items):
        raise SourceError(name, None, "a baseline is a findings JSON list (objects with an "
                                      "\"id\") or finding ids one per line")
    return {i: "known" for i in items if isinstance(i, str)} | {
        i["id"]: i["status"] if i.get("status") in ("accepted", "dismissed") else "known"
        for i in items if isinstance(i, dict) and i.get("status") != "open"}
