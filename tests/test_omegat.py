"""The exported TMX in OmegaT, the free CAT tool: how much of the Russian chapters it fills, and
never with text in another language than the project's target.

Needs the Debian package omegat (`.ci/run` installs it); skipped where it is absent.
`python scripts/omegat_fill.py` prints the same figures, also for the running text alone and
with OmegaT's default segmentation rules (README).
"""
from __future__ import annotations

import shutil

import pytest

import sco_corpus
from sco_corpus.formats.exports import export_all
from sco_corpus.formats.omegat import chapter_documents, fill_report, write_project

#: the least share of the Russian text (characters) filled from the pair file the README
#: recommends (measured: English 0.987, Chinese 0.925)
MIN_CHAR_SHARE = {"en": 0.92, "zh": 0.90}


@pytest.fixture(scope="module")
def exported(booklet, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    export_all(booklet.align(), out)
    return out


def test_chapter_documents_are_as_printed(booklet):
    text = "\n".join(chapter_documents(booklet, "ru").values())
    for line in ("- торговля и инвестиции;", "1. создание и полноценное", "² Эмомали Рахмон: "):
        assert f"\n{line}" in text


def test_the_trilingual_tmx_holds_only_units_with_every_language(exported):
    """OmegaT fills a segment from another language of a unit that lacks the target."""
    records = sco_corpus.read_tmx(exported / "sco_corpus.tmx")
    assert records and all(set(r.langs) == {"ru", "en", "zh"} for r in records)


@pytest.mark.skipif(shutil.which("omegat") is None, reason="OmegaT not installed")
@pytest.mark.parametrize("pair", [False, True], ids=["trilingual", "pair"])
@pytest.mark.parametrize("target,code", [("en", "en"), ("zh", "zh-CN")])
def test_omegat_fills_the_printed_chapters_in_the_target_language(
        booklet, exported, tmp_path, pair, target, code):
    tmx = exported / (f"sco_corpus.ru-{target}.tmx" if pair else "sco_corpus.tmx")
    documents = chapter_documents(booklet, "ru")  # as printed: captions, footnotes, markers
    project = write_project(tmp_path / "project", documents, tmx, "ru", code)
    report = fill_report(project, tmx, "ru", target)
    print(f"OmegaT, ru -> {target}, {tmx.name}: {report.filled} of {len(report.segments)} "
          f"segments, {report.char_share:.1%} of the text filled; "
          f"{len(report.wrong_language)} in another language")
    assert report.wrong_language == ()
    assert len(report.segments) >= 250
    if pair:  # the file the README recommends for OmegaT
        assert report.char_share >= MIN_CHAR_SHARE[target]
