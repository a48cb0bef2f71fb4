"""The one exception type for problems a user's input can cause."""
from __future__ import annotations


class SourceError(Exception):
    """Unusable input: names the file, the 1-based line (when known) and what is wrong."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
