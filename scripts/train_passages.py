"""Fit the passage aggregation (``models/tone-v1/passage_model.json``), leave one document out.

Usage: ``python scripts/train_passages.py [--data ../shared/dev] [--out models/tone-v1]``

The passages of the ten annotated reports (the two seeds, ``corpora/gold``, and the eight
development reports, ``relnlp/data/gold_dev``; texts from ``--data``) carry gold
cooperation and tension on the 0-3 scale. relnlp analyses each report with the shipped
sentence model; every gold passage is matched to the predicted passage overlapping it
most (as the scorer does), and its sentences' (learned, rule) scores are kept. The
aggregation (:mod:`relnlp.tone.aggregate`) has two parameters per axis, ``mix`` (learned
vs rule score of a sentence) and ``top`` (strongest sentence vs noisy-or of all), chosen
from :data:`MIXES` x :data:`TOPS` by pooled Spearman correlation with the gold:

* **outer folds**: for each report, the parameters are chosen on the other nine reports
  and score the held-out report; these held-out scores give every figure printed, per
  fold and pooled, beside the unfitted rule (``mix`` 0.5, ``top`` 0.7) on the same
  passages;
* the fitted parameters are adopted on an axis only when their held-out pooled Spearman
  beats the unfitted rule's by at least :data:`MARGIN` (less is within the noise of 316
  passages from ten reports); otherwise that axis keeps the unfitted rule, in the shipped
  ``params`` and in every fold;
* the fold parameters are stored (``folds``) so that ``relnlp evaluate`` scores each
  annotated report with the parameters chosen without it; the shipped ``params`` are
  chosen on all ten reports.

Nothing here reads a report's own gold to score that report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)
TOPS = (0.3, 0.5, 0.7, 1.0)
MARGIN = 0.02
AXES = ("cooperation", "tension")


def _rho(x: Any, y: Any) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def collect(data: Path) -> list[dict[str, Any]]:
    """One row per gold passage: its report, gold scores and its sentences' scores."""
    import relnlp
    from relnlp.evaluate import dev
    from relnlp.evaluate import scorecard as sc
    from relnlp.tone.aggregate import _pair, _passage_groups

    nlp = relnlp.load()
    seeds = list(sc.load_gold())
    docs = seeds + [d for d in dev.load_dev_gold(data) if "passages" in d.layers]
    rows = []
    for d in docs:
        item: Any = relnlp.read(d.path) if d.path is not None else d.text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = nlp.analyze(item, doc_id=d.doc_id, doc_date=d.doc_date)
        groups = _passage_groups(r)
        pas = r.passages
        assert len(pas) == len(groups), d.doc_id
        starts, ends = pas["start"].to_numpy(), pas["end"].to_numpy()
        for g in d.passages:
            ov = np.minimum(ends, g["end"]) - np.maximum(starts, g["start"])
            k = int(np.argmax(ov)) if len(ov) else -1
            hit = k >= 0 and ov[k] > 0
            rows.append(
                {
                    "doc": d.doc_id,
                    "seed": d in seeds,
                    "gold": {a: int(g[a]) for a in AXES},
                    "sents": {a: [_pair(t, a) for t in groups[k]] if hit else [] for a in AXES},
                }
            )
        print(f"  {d.doc_id}: {len(d.passages)} passages", file=sys.stderr)
    return rows


def scores(rows: list[dict[str, Any]], axis: str, mix: float, top: float) -> np.ndarray:
    from relnlp.tone.aggregate import combine

    return np.array([combine(r["sents"][axis], mix, top) for r in rows])


def choose(rows: list[dict[str, Any]], axis: str) -> dict[str, float]:
    """The grid point with the best pooled Spearman on ``rows`` (ties: the defaults'
    neighbourhood first, then smaller ``mix``)."""
    y = np.array([r["gold"][axis] for r in rows], dtype=float)
    grid = [(m, t) for m in MIXES for t in TOPS]
    best = max(
        grid,
        key=lambda mt: (
            round(_rho(scores(rows, axis, *mt), y), 6),
            -abs(mt[0] - 0.5) - abs(mt[1] - 0.7),
        ),
    )
    return {"mix": best[0], "top": best[1]}


def main() -> None:
    from relnlp.tone.aggregate import DEFAULT_PARAMS, PassageModel

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--out", type=Path, default=Path("models/tone-v1"))
    args = ap.parse_args()
    rows = collect(args.data)
    docs = np.array([r["doc"] for r in rows])
    dev_only = np.array([not r["seed"] for r in rows])
    names = list(dict.fromkeys(docs.tolist()))
    folds: dict[str, dict[str, dict[str, float]]] = {d: {} for d in names}
    params: dict[str, dict[str, float]] = {}
    figures: dict[str, Any] = {}
    lines = [
        "| axis | aggregation | seeds+dev pooled | dev only | " + " | ".join(names) + " |",
        "|---|---|---:|---:|" + "---:|" * len(names),
    ]
    for axis in AXES:
        y = np.array([r["gold"][axis] for r in rows], dtype=float)
        held = np.zeros(len(y))
        for d in names:
            train = [r for r in rows if r["doc"] != d]
            folds[d][axis] = p = choose(train, axis)
            te = docs == d
            held[te] = scores([r for r in rows if r["doc"] == d], axis, p["mix"], p["top"])
        default = scores(rows, axis, DEFAULT_PARAMS[axis]["mix"], DEFAULT_PARAMS[axis]["top"])
        for system, pred in (
            ("fitted, leave one document out", held),
            ("unfitted (mix 0.5, top 0.7)", default),
        ):
            per = {d: round(_rho(pred[docs == d], y[docs == d]), 4) for d in names}
            fig = {
                "pooled": round(_rho(pred, y), 4),
                "dev_only": round(_rho(pred[dev_only], y[dev_only]), 4),
                "per_fold": per,
            }
            figures[f"{axis}|{system}"] = fig
            lines.append(
                f"| {axis} | {system} | {fig['pooled']:.3f} | {fig['dev_only']:.3f} | "
                + " | ".join(f"{per[d]:.3f}" for d in names)
                + " |"
            )
        params[axis] = choose(rows, axis)
        gain = (
            figures[f"{axis}|fitted, leave one document out"]["pooled"]
            - figures[f"{axis}|unfitted (mix 0.5, top 0.7)"]["pooled"]
        )
        adopted = gain >= MARGIN
        figures[f"{axis}|params"] = {
            "fitted": params[axis],
            "adopted": adopted,
            "gain_pooled": round(gain, 4),
            "per_fold": {d: folds[d][axis] for d in names},
        }
        if not adopted:
            params[axis] = dict(DEFAULT_PARAMS[axis])
            for d in names:
                folds[d][axis] = dict(DEFAULT_PARAMS[axis])
        print(
            f"{axis}: shipped {params[axis]} (fitted adopted: {adopted}, "
            f"held-out gain {gain:+.3f})",
            file=sys.stderr,
        )
    table = "\n".join(lines)
    print(table)
    info = {
        "name": "tone-v1 passages",
        "created": dt.date.today().isoformat(),
        "training_docs": names,
        "n_passages": len(rows),
        "grid": {"mix": list(MIXES), "top": list(TOPS)},
        "figures": figures,
    }
    (args.out / "passage_model.json").write_text(PassageModel(params, folds, info).to_json() + "\n")
    print(f"wrote {args.out / 'passage_model.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
