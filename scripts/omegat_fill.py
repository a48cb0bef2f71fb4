"""How much of the booklet OmegaT fills from the exported TMX, per target language.

Builds an OmegaT project whose source documents are the Russian chapters (one file each: the
running text, then also with captions and footnotes), puts
the trilingual TMX in tm/auto/, runs OmegaT headless, and prints the share of OmegaT's segments
filled with the TMX's translation: with OmegaT's default segmentation rules, and with the
project's rules (omegat-segmentation.conf, written by the export). Needs the Debian package
omegat.

    python scripts/omegat_fill.py [--show-unfilled]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import sco_corpus
from sco_corpus.formats.exports import memory_records
from sco_corpus.formats.omegat import BODY, chapter_documents, fill_report, write_project


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-unfilled", action="store_true")
    args = parser.parse_args(argv)
    corpus = sco_corpus.load()
    records = memory_records(corpus.align())
    print("| source documents | target | segmentation rules | OmegaT segments | filled | share |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tmx = Path(tmp) / "sco_corpus.tmx"
        sco_corpus.write_tmx(records, tmx)
        for label, kinds in (("running text", BODY), ("with captions, footnotes", None)):
            documents = chapter_documents(corpus, "ru", kinds)
            for target, code in (("en", "en"), ("zh", "zh-CN")):
                for ours in (False, True):
                    folder = Path(tmp) / f"{target}-{ours}-{kinds is None}"
                    write_project(folder, documents, tmx, "ru", code, our_segmentation=ours)
                    report = fill_report(folder, tmx, "ru", target)
                    rules = "sco_corpus (exported)" if ours else "OmegaT default"
                    print(f"| {label} | {target} | {rules} | {report.segments} | "
                          f"{report.filled} | {report.share:.3f} |")
                if args.show_unfilled:
                    for segment in report.unfilled:
                        print(f"    {segment[:110]}")


if __name__ == "__main__":
    main()
