"""The exported TMX in OmegaT, the free CAT tool: how many Russian segments it fills.

Needs the Debian package omegat (`.ci/run` installs it); skipped where it is absent.
`python scripts/omegat_fill.py` prints the same figures, with and without the exported
segmentation rules and with captions and footnotes too (README).
"""
from __future__ import annotations

import shutil

import pytest

import sco_corpus
from sco_corpus.formats.exports import memory_records
from sco_corpus.formats.omegat import BODY, chapter_documents, fill_report, write_project

pytestmark = pytest.mark.skipif(shutil.which("omegat") is None, reason="OmegaT not installed")


@pytest.mark.parametrize("target,code", [("en", "en"), ("zh", "zh-CN")])
def test_omegat_fills_the_chapters_from_the_tmx(booklet, tmp_path, target, code):
    tmx = tmp_path / "sco_corpus.tmx"
    sco_corpus.write_tmx(memory_records(booklet.align()), tmx)  # as `export` writes it
    documents = chapter_documents(booklet, "ru", BODY)
    project = write_project(tmp_path / "project", documents, tmx, "ru", code)
    report = fill_report(project, tmx, "ru", target)
    print(f"OmegaT, ru -> {target}: {report.filled} of {report.segments} segments filled "
          f"({report.share:.1%})")
    assert report.segments >= 200
    assert report.share >= 0.90
