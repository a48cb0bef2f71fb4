"""Reading a source file safely: bytes → checked, normalised text split into lines."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..fileio import read_bytes

#: Control characters that never occur in extracted text; their presence means a binary file.
_BINARY_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}


@dataclass(frozen=True)
class Source:
    """A source document: its path and its text as 1-based lines (line endings removed)."""

    path: str
    lines: tuple[str, ...]
    had_bom: bool = False
    line_ending: str = "\n"

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 bytes (with or without BOM, LF/CRLF/CR) into a :class:`Source`."""
    if not data.strip():
        raise SourceError(path, None, "the file is empty")
    had_bom = data.startswith(codecs.BOM_UTF8)
    if had_bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column})"
        ) from None
    ending = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        bad = next((ch for ch in line if ch in _BINARY_CONTROLS), None)
        if bad is not None:
            raise SourceError(
                path, number, f"binary data (control character U+{ord(bad):04X}); expected plain text"
            )
    return Source(path=path, lines=tuple(lines), had_bom=had_bom, line_ending=ending)


def read_source(path: str | Path) -> Source:
    """Read and decode the file at ``path``; raise :class:`SourceError` when it is unusable."""
    return decode(read_bytes(path), str(path))
