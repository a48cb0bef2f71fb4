"""The alignment dynamic program: cheapest monotone path of beads through a band of cells.

Cell ``(i, j)`` means ``i`` source and ``j`` target sentences are consumed. A bead ``(a, b)``
moves from ``(i - a, j - b)`` to ``(i, j)``. The band gives, for each row ``i``, the columns
``lo[i] <= j < hi[i]`` that may be visited, so time and memory are ``O(sum of band widths)``.
Rows are computed with numpy over the whole band; the ``0-1`` bead (a target sentence left
unaligned), whose predecessor is in the same row, is resolved with a running minimum.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

#: ``cost_row(a, b, i, lo, hi)``: costs of bead ``(a, b)`` ending at ``(i, j)`` for ``lo <= j < hi``
CostRow = Callable[[int, int, int, int, int], np.ndarray]


def search(n: int, m: int, beads: list[tuple[int, int]], cost_row: CostRow,
           skip_src: np.ndarray, skip_tgt: np.ndarray,
           lo: np.ndarray, hi: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The cheapest path from ``(0, 0)`` to ``(n, m)`` as beads ``(i0, i1, j0, j1)``.

    ``beads`` are the allowed ``(a, b)`` other than ``(1, 0)`` and ``(0, 1)``, which are always
    allowed with costs ``skip_src[i]`` and ``skip_tgt[j]`` per sentence.
    """
    moves = [(1, 0)] + [bead for bead in beads if bead[0] > 0 and bead[1] > 0]
    inf = np.float64(np.inf)
    keep = max(a for a, _ in moves)  # rows further back are never read again
    cost: list[np.ndarray | None] = []
    back: list[np.ndarray] = []
    skip_cum = np.concatenate([[0.0], np.cumsum(skip_tgt, dtype=np.float64)])
    for i in range(n + 1):
        start, stop = int(lo[i]), int(hi[i])
        cols = np.arange(start, stop)
        best = np.full(stop - start, inf)
        move = np.full(stop - start, -1, dtype=np.int8)
        if i == 0 and start == 0:
            best[0] = 0.0
        for k, (a, b) in enumerate(moves):
            if a > i:
                continue
            prev_lo, prev = int(lo[i - a]), cost[i - a]
            idx = cols - b - prev_lo
            ok = (idx >= 0) & (idx < len(prev))
            if not ok.any():
                continue
            step = skip_src[i - 1] if (a, b) == (1, 0) else cost_row(a, b, i, start, stop)
            total = np.where(ok, prev[np.clip(idx, 0, len(prev) - 1)] + step, inf)
            better = total < best
            best = np.where(better, total, best)
            move[better] = k
        # 0-1 beads: best[j] = min over j' <= j of best[j'] + skip of targets j'..j-1
        base = skip_cum[start:stop]
        run = np.minimum.accumulate(best - base) + base
        from_left = run < best - 1e-9  # not merely rounding of best itself
        best = np.where(from_left, run, best)
        move[from_left] = len(moves)
        cost.append(best)
        back.append(move)
        if i > keep:
            cost[i - keep - 1] = None
    if not np.isfinite(cost[n][m - int(lo[n])]):
        raise ValueError("alignment band does not connect (0, 0) to the end")
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        k = int(back[i][j - int(lo[i])])
        a, b = (0, 1) if k == len(moves) else moves[k]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path
