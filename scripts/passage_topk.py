"""Passage scores from the mean of the k strongest sentences, leave one document out.

Usage: ``python scripts/passage_topk.py [--data ../shared/dev]`` (fourth session, issue
15; an experiment, nothing is written). The passages and sentence scores are those of
``scripts/train_passages.py`` (its :func:`collect`: the shipped sentence model on the ten
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
import train_passages as tp  # noqa: E402

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
    rows: list[dict[str, Any]] = tp.collect(args.data)
    docs = np.array([r["doc"] for r in rows])
    dev = np.array([not r["seed"] for r in rows])
    names = list(dict.fromkeys(docs.tolist()))
    rho = tp._rho
    for axis in tp.AXES:
        y = np.array([r["gold"][axis] for r in rows], dtype=float)

        def pred(
            c: tuple[float, float, int],
            axis: str = axis,
            cache: dict[tuple[float, float, int], np.ndarray] = {},  # noqa: B006
        ) -> np.ndarray:
            if c not in cache:
                cache[c] = np.array([aggregate(r["sents"][axis], *c) for r in rows])
            return cache[c]

        for family, grid in FAMILIES.items():
            held = np.zeros(len(y))
            for d in names:
                tr = docs != d
                best = max(
                    grid,
                    key=lambda c: (
                        round(rho(pred(c)[tr], y[tr]), 6),
                        -abs(c[0] - 0.5) - abs(c[1] - 0.7) - abs(c[2] - 1),
                    ),
                )
                held[docs == d] = pred(best)[docs == d]
            per = " | ".join(f"{rho(held[docs == d], y[docs == d]):.3f}" for d in names)
            print(
                f"| {axis} | {family} | {rho(held, y):.3f} | {rho(held[dev], y[dev]):.3f} | {per} |"
            )
        for c in FIXED:
            p = pred(c)
            print(
                f"{axis} fixed mix/top/k {c}: {rho(p, y):.3f} pooled, {rho(p[dev], y[dev]):.3f} dev"
            )


if __name__ == "__main__":
    main()
