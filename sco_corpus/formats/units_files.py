"""The ``align`` output: the trilingual units as ``units.tsv`` and ``units.json``."""
from __future__ import annotations

import math
from pathlib import Path

from ..align.units import Alignment
from .tables import write_table


def write_units(alignment: Alignment, out_dir: str | Path) -> list[Path]:
    """Write one row per unit (see :meth:`Alignment.to_frame`) to ``units.tsv`` and
    ``units.json`` in ``out_dir``; a confidence that does not apply is empty (TSV) or null."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in alignment.to_frame().to_dict("records")]
    write_table(rows, out / "units")
    return [out / "units.tsv", out / "units.json"]
