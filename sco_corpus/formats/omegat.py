"""An OmegaT project fed with the exported TMX, and how many segments OmegaT fills from it.

OmegaT (the free CAT tool, Debian package ``omegat``) is run headless: ``console-translate``
fills every segment that has an exact match in ``tm/auto/`` and writes the target documents;
``console-createpseudotranslatetmx`` lists OmegaT's own segments. A segment counts as filled
when the target document holds the translation the TMX gives for exactly that segment.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..corpus import Corpus
from .srx import write_omegat_segmentation
from .tmx import read_tmx

_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


@dataclass(frozen=True)
class FillReport:
    """OmegaT's segments of the source documents, and those it filled from the TMX."""

    segments: int
    filled: int
    unfilled: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.filled / self.segments if self.segments else 0.0


#: Block kinds of a chapter's running text (without captions and footnotes).
BODY = ("heading", "epigraph", "paragraph", "list_item")


def chapter_documents(corpus: Corpus, lang: str, kinds: tuple[str, ...] | None = None
                      ) -> dict[str, str]:
    """One plain-text document per chapter of ``lang`` (front matter and colophon left out):
    its blocks of ``kinds`` (default: all) in reading order, separated by blank lines."""
    return {f"{section.id}.txt": "\n\n".join(b.text for b in section.blocks
                                              if kinds is None or b.kind in kinds) + "\n"
            for section in corpus.get_sections(lang) if section.id != "s00"}


def write_project(folder: str | Path, documents: dict[str, str], tmx: str | Path,
                  source_lang: str, target_lang: str, our_segmentation: bool = True) -> Path:
    """An OmegaT project: ``documents`` (file name -> text) as source files, ``tmx`` in
    ``tm/auto/``, and, if ``our_segmentation``, the project's segmentation rules."""
    folder = Path(folder)
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / "source" / name).write_text(text, encoding="utf-8")
    shutil.copy(tmx, folder / "tm" / "auto" / Path(tmx).name)
    if our_segmentation:
        write_omegat_segmentation(folder / "omegat" / "segmentation.conf")
    (folder / "omegat.project").write_text(
        _PROJECT.format(source=source_lang, target=target_lang), encoding="utf-8")
    return folder


def _omegat(*args: str, timeout: float) -> None:
    command = shutil.which("omegat")
    if command is None:
        raise FileNotFoundError("omegat is not installed (Debian package 'omegat')")
    subprocess.run([command, *args], check=True, capture_output=True, timeout=timeout)


def fill_report(folder: str | Path, tmx: str | Path, source: str, target: str,
                timeout: float = 300.0) -> FillReport:
    """Run OmegaT on the project and count the segments filled with the TMX's ``target`` text
    (``source``/``target`` are the TMX's internal language codes, such as ``ru``, ``zh``)."""
    folder = Path(folder)
    _omegat(str(folder), "--mode=console-translate", timeout=timeout)
    listing = folder / "segments.tmx"
    _omegat(str(folder), "--mode=console-createpseudotranslatetmx",
            f"--pseudotranslatetmx={listing}", "--pseudotranslatetype=equal", timeout=timeout)
    memory = {r.text[source]: r.text[target] for r in read_tmx(tmx)
              if r.text.get(source) and r.text.get(target)}
    translated = "\n".join(p.read_text(encoding="utf-8")
                           for p in sorted((folder / "target").rglob("*")) if p.is_file())
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    segments = ["".join(tu.find("tuv").find("seg").itertext())
                for tu in etree.parse(str(listing), parser).iter("tu")]
    unfilled = tuple(s for s in segments if s not in memory or memory[s] not in translated)
    return FillReport(len(segments), len(segments) - len(unfilled), unfilled)
