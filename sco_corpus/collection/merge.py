"""The collection's own outputs, merged from the documents' outputs under ``docs/<id>/``.

``sco_corpus.tmx`` (the units with every language of the collection) and
``sco_corpus.<a>-<b>.tmx`` per pair: identical units (the same text in every language of the
file) merged into one ``<tu>`` that keeps the place of its first occurrence (``tuid``
``<document>/<unit>``, section, kind, ids, lines) and carries ``x-count`` (how many times it
occurs) and an ``x-document`` per document it occurs in; flags are ``<document>/<finding>``
with the finding's ``<note>``. ``units.tsv``, ``units.jsonl``, ``findings.tsv`` and
``findings.json``: the documents' rows one after the other with a ``document`` column first.
"""
from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import Sequence


from ..align.units import UnitRecord, records_frame
from ..checks.finding import FIELDS
from ..checks.report import finding_row
from ..fileio import read_text
from ..formats.jsonl import read_jsonl
from ..formats.tmx import read_tmx, write_tmx


@dataclass(frozen=True)
class DocumentOutputs:
    """What the merge reads of one built document: its units and its findings (JSON objects)."""

    id: str
    folder: Path
    units: list[UnitRecord]
    findings: list[dict]

    @classmethod
    def read(cls, doc: str, folder: str | Path) -> DocumentOutputs:
        folder = Path(folder)
        return cls(doc, folder, read_jsonl(folder / "units.jsonl"),
                   json.loads(read_text(folder / "findings.json")))

    def pair_units(self, a: str, b: str) -> list[UnitRecord]:
        """The units of the document's ``a``–``b`` translation memory (either direction)."""
        for name in (f"sco_corpus.{a}-{b}.tmx", f"sco_corpus.{b}-{a}.tmx"):
            if (self.folder / name).is_file():
                return read_tmx(self.folder / name)
        return []


@dataclass(frozen=True)
class MergedMemory:
    """Units merged across documents, with the extra ``<prop>``s of each merged unit."""

    units: list[UnitRecord]
    props: dict[str, list[tuple[str, str]]]
    occurrences: int


def merge_units(docs: Sequence[tuple[str, list[UnitRecord]]],
                langs: Sequence[str]) -> MergedMemory:
    """The units with text in every one of ``langs``, identical ones merged (first occurrence
    first, in document order)."""
    groups: dict[tuple[str, ...], list[tuple[str, UnitRecord]]] = {}
    for doc, records in docs:
        for record in records:
            if all(record.text.get(lang) for lang in langs):
                groups.setdefault(tuple(record.text[lang] for lang in langs), []).append(
                    (doc, record))
    units, props = [], {}
    for found in groups.values():
        doc, first = found[0]
        unit = replace(first.only(langs), id=f"{doc}/{first.id}",
                       flags=tuple(f"{d}/{flag}" for d, r in found for flag in r.flags))
        units.append(unit)
        props[unit.id] = [("x-count", str(len(found)))] + [
            ("x-document", d) for d in dict.fromkeys(d for d, _ in found)]
    return MergedMemory(units, props, sum(len(found) for found in groups.values()))


def collection_langs(docs: Sequence[DocumentOutputs]) -> tuple[str, ...]:
    """Every language of the documents, in the order first met."""
    return tuple(dict.fromkeys(lang for doc in docs for record in doc.units[:1]
                               for lang in record.text))


def write_memories(docs: Sequence[DocumentOutputs], out: Path) -> dict[str, tuple[int, int]]:
    """The merged TMX files in ``out``: file name -> (units written, occurrences merged)."""
    langs = collection_langs(docs)
    notes = {f"{doc.id}/{f['id']}": f"{f['check']} {f['severity']}: {f['message']}"
             for doc in docs for f in doc.findings}
    plans = {"sco_corpus.tmx": (langs, [(doc.id, doc.units) for doc in docs])} \
        if len(langs) > 1 else {}
    for a, b in combinations(langs, 2):
        plans[f"sco_corpus.{a}-{b}.tmx"] = ((a, b), [(doc.id, doc.pair_units(a, b))
                                                      for doc in docs])
    written = {}
    for name, (file_langs, units) in plans.items():
        merged = merge_units(units, file_langs)
        count = write_tmx(merged.units, out / name, file_langs,
                          notes={flag: notes[flag] for unit in merged.units
                                 for flag in unit.flags if flag in notes},
                          props=merged.props)
        written[name] = (count, merged.occurrences)
    return written


def write_tables(docs: Sequence[DocumentOutputs], out: Path) -> list[Path]:
    """``units.tsv``, ``units.jsonl``, ``findings.tsv``, ``findings.json`` with a document
    column first."""
    import pandas as pd

    langs = collection_langs(docs)
    units = pd.concat([records_frame(doc.units, langs) for doc in docs]
                      or [records_frame([], langs)], ignore_index=True)
    units.insert(0, "document", [doc.id for doc in docs for _ in doc.units])
    units.to_csv(out / "units.tsv", sep="\t", index=False, quoting=csv.QUOTE_MINIMAL,
                 lineterminator="\n", encoding="utf-8")
    with open(out / "units.jsonl", "w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            for record in doc.units:
                handle.write(json.dumps({"document": doc.id, **asdict(record)},
                                        ensure_ascii=False) + "\n")
    findings = [{"document": doc.id, **f} for doc in docs for f in doc.findings]
    with open(out / "findings.json", "w", encoding="utf-8", newline="\n") as handle:
        json.dump(findings, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    with open(out / "findings.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("document", *FIELDS))
        writer.writerows([f["document"], *finding_row(f)] for f in findings)
    return [out / name for name in ("units.tsv", "units.jsonl", "findings.tsv", "findings.json")]
