"""An OmegaT project fed with an exported TMX, and how much of the source OmegaT fills from it.

OmegaT (the free CAT tool, Debian package ``omegat``) is run headless: ``console-translate``
fills every segment that has an exact match in ``tm/auto/``, writes the target documents and
the project memory ``<project>-omegat.tmx`` (each filled segment with its translation);
``console-createpseudotranslatetmx`` lists OmegaT's own segments. A segment counts as filled
when OmegaT's translation of it is the TMX's translation of exactly that segment, and as filled
in a wrong language when it holds script of another language that the TMX's translations of
that segment lack (Latin letters in Chinese, Chinese characters in English).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..ingest.document import Document
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
    """OmegaT's segments of the source documents that hold text (a letter: a list marker or
    footnote number alone is left as it is); those it did not fill with the TMX's translation,
    and those it filled with text in another language than the target."""

    segments: tuple[str, ...]
    unfilled: tuple[str, ...]
    wrong_language: tuple[str, ...]

    @property
    def filled(self) -> int:
        return len(self.segments) - len(self.unfilled)

    @property
    def share(self) -> float:
        """The share of segments filled."""
        return self.filled / len(self.segments) if self.segments else 0.0

    @property
    def char_share(self) -> float:
        """The share of the source text (characters) filled."""
        total = sum(map(len, self.segments))
        return 1 - sum(map(len, self.unfilled)) / total if total else 0.0


#: Block kinds of a chapter's running text (without captions and footnotes).
BODY = ("heading", "epigraph", "paragraph", "list_item")
#: Letters of another script than the target's: a fill holding them is in a wrong language.
_FOREIGN = {"zh": re.compile(r"[A-Za-z]+"), "en": re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")}


def chapter_documents(corpus: Document, lang: str, kinds: tuple[str, ...] | None = None
                      ) -> dict[str, str]:
    """One plain-text document per chapter of ``lang`` (front matter and colophon left out):
    its blocks of ``kinds`` (default: all) in reading order as printed (a list item or footnote
    after its marker and a space), separated by blank lines."""
    return {f"{section.id}.txt": "\n\n".join(f"{b.marker} {b.text}" if b.marker else b.text
                                              for b in section.blocks
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


def _pairs(path: Path) -> list[tuple[str, str]]:
    """(first variant, second variant) of each ``<tu>`` of a TMX OmegaT wrote."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return [tuple("".join(tuv.find("seg").itertext()) for tuv in tu.findall("tuv")[:2])
            for tu in etree.parse(str(path), parser).iter("tu")]


def _foreign(fill: str, translations: set[str], target: str) -> bool:
    """Whether ``fill`` holds letters of another script than ``target``'s that none of the
    TMX's ``translations`` of its segment holds."""
    script = _FOREIGN.get(target)
    return bool(script) and bool(set(script.findall(fill))
                                 - set(script.findall(" ".join(translations))))


def fill_report(folder: str | Path, tmx: str | Path, source: str, target: str,
                timeout: float = 300.0) -> FillReport:
    """Run OmegaT on the project and compare its fills with the TMX's ``target`` text
    (``source``/``target`` are the TMX's internal language codes, such as ``ru``, ``zh``)."""
    folder = Path(folder)
    _omegat(str(folder), "--mode=console-translate", timeout=timeout)
    listing = folder / "segments.tmx"
    _omegat(str(folder), "--mode=console-createpseudotranslatetmx",
            f"--pseudotranslatetmx={listing}", "--pseudotranslatetype=equal", timeout=timeout)
    memory: dict[str, set[str]] = {}
    for record in read_tmx(tmx):
        if record.text.get(source) and record.text.get(target):
            memory.setdefault(record.text[source], set()).add(record.text[target])
    fills = dict(_pairs(folder / f"{folder.name}-omegat.tmx"))
    segments = tuple(s for s, _ in _pairs(listing) if any(c.isalpha() for c in s))
    unfilled = tuple(s for s in segments if fills.get(s) not in memory.get(s, set()))
    wrong = tuple(s for s in segments
                  if s in fills and _foreign(fills[s], memory.get(s, set()), target))
    return FillReport(segments, unfilled, wrong)
