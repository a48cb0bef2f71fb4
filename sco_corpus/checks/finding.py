"""What a check reports: a :class:`Finding`, and the list of them with its table."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
#: The columns of the DataFrame and the keys of the JSON output.
FIELDS = ("id", "check", "severity", "langs", "section", "unit", "lines", "evidence", "message")
#: The column and key added when a finding's lines are in a DOCX, HTML or PDF source.
PLACES = "places"


@dataclass(frozen=True)
class Finding:
    """One place where the translations disagree, with the evidence from each language.

    ``id`` is stable across runs: derived from the check, the place and what was found, never
    from run order, so an editor's accepted findings (``--baseline``) stay accepted.
    ``lines`` and ``evidence`` are keyed by language; ``unit`` is the (first) unit concerned;
    ``places``: per language whose source is DOCX, HTML or PDF, where ``lines`` are in it
    (``page 3``; empty for plain text, whose line numbers are the places).
    """

    check: str
    severity: str
    langs: tuple[str, ...]
    section: str
    unit: str
    lines: dict[str, tuple[int, ...]]
    evidence: dict[str, str]
    message: str
    key: str = field(default="", repr=False, compare=False)
    id: str = field(default="", compare=False)
    places: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")
        if not self.id:
            place = ";".join(f"{lang}:{','.join(map(str, lines))}"
                             for lang, lines in sorted(self.lines.items()))
            digest = hashlib.sha1(f"{self.check}|{place}|{self.key or self.message}".encode())
            object.__setattr__(self, "id", f"{self.check}-{digest.hexdigest()[:10]}")

    @property
    def note(self) -> str:
        """The finding as one line for a translator: ``number error: numbers differ: …``."""
        return f"{self.check} {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        """The finding's :data:`FIELDS`, and :data:`PLACES` when it has some."""
        out = {name: getattr(self, name) for name in FIELDS}
        return {**out, PLACES: self.places} if self.places else out


def columns(findings) -> list[str]:
    """:data:`FIELDS`, and :data:`PLACES` when a finding (object or JSON dict) has places."""
    with_places = any(f.places if isinstance(f, Finding) else f.get(PLACES) for f in findings)
    return [*FIELDS, PLACES] if with_places else list(FIELDS)


class Findings(tuple):
    """The findings of a run, check by check (each check's in reading order), with a
    DataFrame view (a ``places`` column when a source is DOCX, HTML or PDF)."""

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([f.as_dict() for f in self], columns=columns(self))
