"""Which documents a collection holds: from folders and files, or from a manifest.

In a folder (its top level; hidden files are skipped), a file named ``<id>.<ll>.<ext>``, with
``ll`` a two-letter language code and ``ext`` a readable format, is language ``ll`` of document
``<id>``; any other file of a readable format is one mixed document named by its stem. A file
named on the command line is taken whatever its extension (an unreadable one fails as its
document). A manifest is a CSV or TSV file of rows ``document, language, path`` (an optional
header; an empty language, or ``mixed``, for a mixed file; paths relative to the manifest).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import SourceError
from ..fileio import read_text

#: The extensions of the formats the readers take.
READABLE = frozenset({".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf"})
_PER_LANGUAGE = re.compile(r"(?P<id>.+)\.(?P<lang>[a-z]{2})")
_HEADER = {"document", "id", "doc", "lang", "language", "path", "file"}


@dataclass(frozen=True)
class DocumentSpec:
    """One document of a collection: a mixed file (``source`` a path) or one file per language
    (``source`` a ``{lang: path}`` mapping, the original first unless ``original`` names it)."""

    id: str
    source: str | Mapping[str, str]
    original: str | None = None

    def describe(self) -> str:
        """The source as one line: ``a.txt`` or ``ru=a.docx en=b.pdf``."""
        if isinstance(self.source, str):
            return self.source
        return " ".join(f"{lang}={path}" for lang, path in self.source.items())


def _check_id(doc: str, where: str, line: int | None) -> str:
    if not doc or doc.startswith(".") or re.search(r"[/\\\x00-\x1f]", doc):
        raise SourceError(where, line, f"document id {doc!r} cannot name a folder (empty, "
                                       "starting with '.', or with a slash or control character)")
    return doc


class _Gatherer:
    """Documents in the order first met; errors for an id used twice or a language given twice."""

    def __init__(self) -> None:
        self.mixed: dict[str, str] = {}
        self.languages: dict[str, dict[str, str]] = {}
        self.order: list[str] = []

    def add(self, doc: str, lang: str | None, path: str, where: str, line: int | None) -> None:
        _check_id(doc, where, line)
        earlier = self.mixed.get(doc) or next(iter(self.languages.get(doc, {}).values()), None)
        if earlier is not None and (lang is None or doc in self.mixed):
            raise SourceError(where, line, f"document {doc!r} is given twice ({earlier} and "
                                           f"{path}); a mixed file is a document of its own")
        if lang is not None and lang in self.languages.get(doc, {}):
            raise SourceError(where, line, f"document {doc!r} has two {lang} files "
                                           f"({self.languages[doc][lang]} and {path})")
        if earlier is None:
            self.order.append(doc)
        if lang is None:
            self.mixed[doc] = path
        else:
            self.languages.setdefault(doc, {})[lang] = path

    def specs(self, original: str | None) -> list[DocumentSpec]:
        """The documents; ``original`` first among the files of each document that has it."""
        specs = []
        for doc in self.order:
            files = self.languages.get(doc, {})
            if doc in self.mixed:
                specs.append(DocumentSpec(doc, self.mixed[doc]))
            elif original in files:
                specs.append(DocumentSpec(doc, {original: files[original]} | files, original))
            else:
                specs.append(DocumentSpec(doc, files))
        return specs


def discover(inputs: Iterable[str | Path], original: str | None = None) -> list[DocumentSpec]:
    """The documents of ``inputs`` (folders and files, in order; a folder's files by name).
    ``original``: the original language of every per-language document that has it (default:
    its first language, alphabetically in a folder). :class:`SourceError` for a missing input,
    a document named twice, or a language given twice."""
    inputs = [Path(given) for given in inputs]
    found = _Gatherer()
    for given in inputs:
        if given.is_dir():
            files = sorted(p for p in given.iterdir() if p.is_file()
                           and not p.name.startswith(".") and p.suffix.lower() in READABLE)
        elif given.is_file():
            files = [given]
        else:
            raise SourceError(str(given), None, "no such file or folder")
        for path in files:
            match = _PER_LANGUAGE.fullmatch(path.stem) if path.suffix else None
            found.add(match["id"] if match else path.stem, match["lang"] if match else None,
                      str(path.resolve()), str(path), None)
    if not found.order:
        raise SourceError(", ".join(map(str, inputs)), None,
                          f"no document found (readable: {', '.join(sorted(READABLE))})")
    return found.specs(original)


def read_manifest(path: str | Path, original: str | None = None) -> list[DocumentSpec]:
    """The documents a manifest lists (see the module's description); a document's languages
    in the order of its rows, the first the original unless ``original`` names another.
    :class:`SourceError` naming the manifest and line for a malformed row."""
    name = str(path)
    text = read_text(path)
    delimiter = "\t" if Path(path).suffix.lower() == ".tsv" or "\t" in text.split("\n")[0] \
        else ","
    base = Path(path).resolve().parent
    found = _Gatherer()
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and {c.casefold() for c in cells} <= _HEADER:
            continue
        if len(cells) != 3 or not cells[0] or not cells[2]:
            raise SourceError(name, number, "expected three cells: document, language, path "
                                            f"(got {len(cells)})")
        doc, lang, file = cells
        lang = None if lang.casefold() in ("", "mixed") else lang
        if lang is not None and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang):
            raise SourceError(name, number, f"{lang!r} is not a language code")
        found.add(doc, lang, str((base / file).resolve()), name, number)
    if not found.order:
        raise SourceError(name, None, "the manifest lists no document")
    return found.specs(original)
