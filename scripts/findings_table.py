"""Print the consistency findings on the embedded booklet as the Markdown table in the README.

    python scripts/findings_table.py
"""
from __future__ import annotations

import sco_corpus
from sco_corpus.checks.common import span


def _short(text: str, limit: int = 70) -> str:
    text = text.replace("|", "/").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main() -> None:
    corpus = sco_corpus.load()
    findings = corpus.check()
    print("| check | severity | where (source lines) | finding |")
    print("|---|---|---|---|")
    for f in findings:
        where = ", ".join(f"{lang} {span(lines)}" for lang, lines in f.lines.items())
        print(f"| {f.check} | {f.severity} | {f.section}: {where} | {_short(f.message, 160)} |")


if __name__ == "__main__":
    main()
