"""How much of the booklet OmegaT fills from the exported TMX, per target language and file.

Builds OmegaT projects whose source documents are the Russian chapters as printed (one file
each: the running text, then also with captions and footnotes; list items and footnotes with
their markers), puts an exported TMX in tm/auto/ (the pair file of the project's languages, or
the trilingual sco_corpus.tmx), runs OmegaT headless, and prints per configuration OmegaT's
segments with text, those filled with the TMX's translation, the share of the Russian text
(characters) filled, and the segments filled with text in another language: with OmegaT's
default segmentation rules, and with the project's rules (omegat-segmentation.conf, written by
the export). Needs the Debian package omegat.

    python scripts/omegat_fill.py [--show-unfilled]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import sco_corpus
from sco_corpus.formats.exports import export_all
from sco_corpus.formats.omegat import BODY, chapter_documents, fill_report, write_project

#: (TMX file, our segmentation rules) per target language
CONFIGURATIONS = (("sco_corpus.ru-{}.tmx", False), ("sco_corpus.ru-{}.tmx", True),
                  ("sco_corpus.tmx", True))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-unfilled", action="store_true")
    args = parser.parse_args(argv)
    corpus = sco_corpus.load()
    print("| source documents | target | TMX | segmentation rules | segments | filled "
          "| share of the text | wrong language |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        export_all(corpus.align(), tmp)
        for label, kinds in (("running text", BODY), ("with captions, footnotes", None)):
            documents = chapter_documents(corpus, "ru", kinds)
            for target, code in (("en", "en"), ("zh", "zh-CN")):
                for k, (name, ours) in enumerate(CONFIGURATIONS):
                    tmx = Path(tmp) / name.format(target)
                    folder = Path(tmp) / f"{target}-{kinds is None}-{k}"
                    write_project(folder, documents, tmx, "ru", code, our_segmentation=ours)
                    report = fill_report(folder, tmx, "ru", target)
                    rules = "sco_corpus (exported)" if ours else "OmegaT default"
                    print(f"| {label} | {target} | `{tmx.name}` | {rules} | "
                          f"{len(report.segments)} | {report.filled} | "
                          f"{report.char_share:.3f} | {len(report.wrong_language)} |")
                    if args.show_unfilled:
                        for segment in report.unfilled:
                            mark = "wrong language" if segment in report.wrong_language else ""
                            print(f"    {segment[:100]}  {mark}")


if __name__ == "__main__":
    main()
