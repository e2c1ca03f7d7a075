#!/usr/bin/env python3
"""Aggregating sentence scores into passage scores, leave one document out (seventh
session, issue 15). An experiment, not part of the package.

Rows: the gold passages of the twelve annotated reports (``tone_common.py``), with the
(learned, rule) scores of their sentences, each sentence's actors and cues. A sentence's
strength is ``s = mix x learned + (1 - mix) x rule``; the aggregations (all fixed before
any was measured):

* ``combine`` (shipped rule): ``top x max(s) + (1 - top) x noisy-or(0.6 s)``;
* ``max``, ``mean``, ``top-2 mean`` of ``s``;
* ``actors``: ``combine`` with the strength of a sentence naming no actor multiplied by
  ``w`` (a passage's tone is what its actors do to each other; a sentence about no one
  is background);
* ``negation``: ``combine`` with the strength of a sentence holding a negated cue of the
  axis multiplied by ``w`` (the sentence model's negation terms may not carry far
  enough);

each with its parameters (``mix``, ``top``, ``w``) chosen on eleven reports by pooled
Spearman and scoring the twelfth (``tone_common.grid_fit``). Then ridge regressions (the
passage ridge of :mod:`relnlp.tone.passage_features`, penalty by inner leave one document
out) on the shipped features plus the unfitted aggregations above as features
(``mean``, ``actors``-weighted with w = 0.5, share of sentences of the axis' classes);
on tension, where a learned model is not shipped, the same ridge alone is the candidate.
Last, the honest figure of choosing among all of these: the candidate chosen in each
fold by leave one document out on the eleven other reports (``tone_common.nested``).

    python scripts/tone_passages7.py [--data ../shared/dev] [--cache FILE] [--out FILE]
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tone_common as tc  # noqa: E402

from relnlp.tone.aggregate import DEFAULT_PARAMS, combine  # noqa: E402

MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)
TOPS = (0.3, 0.5, 0.7, 1.0)
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
CLASSES = {
    "cooperation": ("verbal_cooperation", "material_cooperation"),
    "tension": ("verbal_conflict", "material_conflict"),
}


def strengths(row: dict[str, Any], axis: str, mix: float) -> list[float]:
    return [mix * a + (1 - mix) * b for a, b in row["sents"][axis]]


def weighted(row: dict[str, Any], axis: str, keep: Callable[[dict[str, Any]], bool], w: float):
    """(learned, rule) pairs with those of the sentences ``keep`` refuses times ``w``."""
    return [
        (a, b) if keep(t) else (w * a, w * b) for (a, b), t in zip(row["sents"][axis], row["tones"])
    ]


def has_actor(t: dict[str, Any]) -> bool:
    return bool(t["actors"])


def not_negated(axis: str) -> Callable[[dict[str, Any]], bool]:
    return lambda t: not any(c.startswith(axis) and "negated" in c for c in t["cues"])


def aggregations(rows: list[dict[str, Any]], axis: str) -> dict[str, tuple[Callable, list]]:
    """name -> (scores(setting), grid of settings)."""

    def over(f: Callable[[list[float]], float]) -> Callable[[float], np.ndarray]:
        return lambda mix: np.array(
            [f(strengths(r, axis, mix)) if r["sents"][axis] else 0.0 for r in rows]
        )

    def comb(keep: Callable[[dict[str, Any]], bool] | None) -> Callable[[tuple], np.ndarray]:
        def score(c: tuple[float, float, float]) -> np.ndarray:
            m, t, w = c
            return np.array(
                [
                    combine(weighted(r, axis, keep, w) if keep else r["sents"][axis], m, t)
                    for r in rows
                ]
            )

        return score

    mt = [(m, t, 1.0) for m in MIXES for t in TOPS]
    mtw = [(m, t, w) for m in MIXES for t in TOPS for w in WEIGHTS]
    return {
        "combine (mix, top fitted)": (comb(None), mt),
        "max (mix fitted)": (over(max), list(MIXES)),
        "mean (mix fitted)": (over(lambda s: float(np.mean(s))), list(MIXES)),
        "top-2 mean (mix fitted)": (over(lambda s: float(np.mean(sorted(s)[-2:]))), list(MIXES)),
        "actors: combine, no-actor sentences x w (mix, top, w fitted)": (comb(has_actor), mtw),
        "negation: combine, negated-cue sentences x w (mix, top, w fitted)": (
            comb(not_negated(axis)),
            mtw,
        ),
    }


def new_features(rows: list[dict[str, Any]], axis: str) -> np.ndarray:
    """Unfitted aggregations as ridge features: mean strength (mix 0.5), the rule with
    no-actor sentences at half weight, the share of sentences of the axis' classes."""
    p = DEFAULT_PARAMS[axis]
    out = []
    for r in rows:
        s = strengths(r, axis, 0.5)
        n = max(1, len(r["tones"]))
        out.append(
            [
                float(np.mean(s)) if s else 0.0,
                combine(weighted(r, axis, has_actor, 0.5), p["mix"], p["top"]),
                sum(t["tone_class"] in CLASSES[axis] for t in r["tones"]) / n,
            ]
        )
    return np.array(out)


def main() -> None:
    args, rows, docs, dev_only, names, lines = tc.passage_cli()
    for axis in tc.AXES:
        y = tc.gold(rows, axis)
        x = tc.shipped(rows, axis)
        nf = new_features(rows, axis)
        cands: dict[str, tc.FitPredict] = {
            "rule (mix 0.5, top 0.7, no training)": lambda tr, te, x=x: x[te, 0]
        }
        for label, (score, grid) in aggregations(rows, axis).items():
            cands[label] = tc.grid_fit(score, grid, y)
        cands["ridge(shipped features)"] = tc.ridge_fit(x, y, docs)
        cands["ridge(shipped + mean, actors, class share)"] = tc.ridge_fit(
            np.hstack([x, nf]), y, docs
        )
        systems = [(label, tc.lodo(docs, names, fp)) for label, fp in cands.items()]
        held, chosen = tc.nested(list(cands.values()), y, docs, names)
        print(f"{axis} nested choice per fold: {chosen}", file=sys.stderr)
        systems.append(("any of the above, chosen per fold (nested LODO)", held))
        for j, f in enumerate(("mean", "actors", "class share")):
            print(f"{axis} {f} alone: pooled {tc.rho(nf[:, j], y):.3f}", file=sys.stderr)
        for label, pred in systems:
            fig = tc.figures(pred, y, docs, dev_only, names)
            lines.append(tc.table_row(axis, label, fig))
            gain = fig["pooled"] - tc.rho(x[:, 0], y)
            if not math.isclose(gain, 0.0, abs_tol=1e-9):
                print(f"{axis} {label}: pooled gain over the rule {gain:+.3f}", file=sys.stderr)
    tc.emit(lines, args.out)


if __name__ == "__main__":
    main()
