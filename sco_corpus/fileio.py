"""Reading files with errors that name them, and writing files so that an interrupted run
never leaves a half-written one in place."""
from __future__ import annotations

import codecs
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import SourceError


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to; renamed to ``path`` when the block ends
    without an exception, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        yield Path(name)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``; :class:`SourceError` when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise SourceError(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise SourceError(str(path), None, "is a directory, not a file") from None
    except OSError as error:
        raise SourceError(str(path), None, f"cannot be read ({error.strerror})") from None


def read_text(path: str | Path) -> str:
    """The UTF-8 text of ``path`` (a byte-order mark dropped); :class:`SourceError` naming the
    line of the first byte that is not UTF-8."""
    data = read_bytes(path)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = start + error.start
        raise SourceError(str(path), data.count(b"\n", 0, at) + 1,
                          f"not UTF-8 text (byte 0x{data[at]:02x})") from None


def read_json_object(path: str | Path) -> dict:
    """The JSON object in the file at ``path``, or {} when it is missing, unreadable or not an
    object (a manifest of an earlier run that may never have been completed)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
