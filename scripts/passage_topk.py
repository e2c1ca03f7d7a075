"""Passage scores from the mean of the k strongest sentences, leave one document out.

Usage: ``python scripts/passage_topk.py [--data ../shared/dev]`` (fourth session, issue
15; an experiment, nothing is written). The passages and sentence scores are those of
``scripts/tone_common.py`` (its :func:`collect`: the shipped sentence model on the ten
annotated reports). The aggregation of :mod:`relnlp.tone.aggregate` with ``max(s)``
replaced by the mean of the ``k`` strongest sentence strengths (k = 1 is the shipped
rule): ``top * mean(top_k(s)) + (1 - top) * noisy_or(0.6 s)``. For each family of
parameters (``mix`` x ``top`` x ``k`` or a part of it), the parameters are chosen on nine
reports by pooled Spearman and score the tenth; printed per fold, pooled and dev only,
with fixed settings (no fitting, all reports: developed on) below.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tone_common as tc  # noqa: E402

MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)
TOPS = (0.3, 0.5, 0.7, 1.0)
KS = (1, 2, 3)
FAMILIES = {
    "mix, top fitted, k = 1": [(m, t, 1) for m in MIXES for t in TOPS],
    "mix, top, k fitted": [(m, t, k) for m in MIXES for t in TOPS for k in KS],
    "k fitted, mix 0.5, top 0.7": [(0.5, 0.7, k) for k in KS],
    "k fitted, mix 0.5, top 1.0": [(0.5, 1.0, k) for k in KS],
}
FIXED = ((0.5, 0.7, 1), (0.5, 0.7, 2), (0.5, 0.7, 3), (0.5, 1.0, 2))


def aggregate(pairs: list[tuple[float, float]], mix: float, top: float, k: int) -> float:
    if not pairs:
        return 0.0
    s = [mix * a + (1 - mix) * b for a, b in pairs]
    keep = math.prod(1 - 0.6 * x for x in s)
    return top * float(np.mean(sorted(s)[-k:])) + (1 - top) * (1 - keep)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    args = ap.parse_args()
    rows: list[dict[str, Any]] = tc.passage_rows(args.data)
    docs, dev, names = tc.frame(rows)
    rho = tc.rho
    for axis in tc.AXES:
        y = tc.gold(rows, axis)

        def pred(c: tuple[float, float, int], axis: str = axis) -> np.ndarray:
            return np.array([aggregate(r["sents"][axis], *c) for r in rows])

        for family, grid in FAMILIES.items():
            held, _ = tc.grid_lodo(
                pred,
                grid,
                y,
                docs,
                names,
                lambda c: -abs(c[0] - 0.5) - abs(c[1] - 0.7) - abs(c[2] - 1),
            )
            print(tc.table_row(axis, family, tc.figures(held, y, docs, dev, names)))
        for c in FIXED:
            p = pred(c)
            print(
                f"{axis} fixed mix/top/k {c}: {rho(p, y):.3f} pooled, {rho(p[dev], y[dev]):.3f} dev"
            )


if __name__ == "__main__":
    main()
