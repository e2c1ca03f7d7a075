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

Fifth session: beside ``mix``/``top``, a ridge regression on the passage features of
:mod:`relnlp.tone.passage_features` (penalty from :data:`PENALTIES` by an inner leave one
document out) is fitted the same way, fold by fold; it is adopted on an axis of
:data:`RIDGE_AXES` when its held-out pooled gain over the unfitted rule is at least
:data:`MARGIN` (and not below the ``mix``/``top`` fit's). ``--cache FILE`` keeps the
collected rows for reruns.

Ninth session: on :data:`CENTRED_AXES` the regression reads the ten features and their
copies centred on each report's mean (``relnlp.tone.passage_features.centred``).

Nothing here reads a report's own gold to score that report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tone_common as tc  # noqa: E402

MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)
TOPS = (0.3, 0.5, 0.7, 1.0)
MARGIN = tc.MARGIN
PENALTIES = tc.PENALTIES
#: Axes on which the passage features' regression may be adopted. Tension's is measured
#: and printed but not adopted (fifth session, model card): its held-out pooled gain
#: (+0.023) passes the margin only with the output on the rule's scale, 3 of 12 reports
#: lose, and it scores a joint counter-terrorism exercise as tension.
RIDGE_AXES = ("cooperation",)
#: Axes whose regression also reads the features centred on their report (ninth session,
#: ``scripts/tone_passages9.py``'s second plan: +0.029 pooled held out on cooperation,
#: nested +0.021; tension's loses).
CENTRED_AXES = ("cooperation",)
AXES = tc.AXES
_rho = tc.rho
collect = tc.collect


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
    from relnlp.tone.passage_features import CENTRED, FEATURES

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--out", type=Path, default=Path("models/tone-v1"))
    ap.add_argument("--cache", type=Path, help="keep the collected rows here (JSON)")
    args = ap.parse_args()
    rows = tc.passage_rows(args.data, args.cache)
    docs, dev_only, names = tc.frame(rows)
    folds: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in names}
    params: dict[str, dict[str, Any]] = {}
    figures: dict[str, Any] = {}
    lines = tc.table_head(names, "aggregation")
    fit_mt, fit_rg, unfit = (
        "fitted mix/top, leave one document out",
        "passage features ridge, leave one document out",
        "unfitted (mix 0.5, top 0.7)",
    )
    for axis in AXES:
        y = tc.gold(rows, axis)
        x = tc.shipped(rows, axis)
        cols = FEATURES + CENTRED if axis in CENTRED_AXES else FEATURES
        if axis in CENTRED_AXES:
            x = tc.by_report(x, docs)
        fold_mt: dict[str, dict[str, float]] = {}
        fold_rg: dict[str, Any] = {}

        def fit_predict_mt(
            tr: np.ndarray, te: np.ndarray, axis: str = axis, fold_mt: Any = fold_mt
        ) -> np.ndarray:
            p = choose([r for r, t in zip(rows, tr) if t], axis)
            fold_mt[str(docs[te][0])] = p
            return scores([r for r, t in zip(rows, te) if t], axis, p["mix"], p["top"])

        def fit_predict_rg(
            tr: np.ndarray,
            te: np.ndarray,
            x: Any = x,
            y: Any = y,
            fold_rg: Any = fold_rg,
            cols: Any = cols,
        ) -> np.ndarray:
            fold_rg[str(docs[te][0])] = m = tc.fit_ridge(x[tr], y[tr], docs[tr], PENALTIES, cols)
            return np.asarray(m.score(x[te]))

        held = tc.lodo(docs, names, fit_predict_mt)
        held_rg = tc.lodo(docs, names, fit_predict_rg)
        default = scores(rows, axis, DEFAULT_PARAMS[axis]["mix"], DEFAULT_PARAMS[axis]["top"])
        for system, pred in ((fit_mt, held), (fit_rg, held_rg), (unfit, default)):
            figures[f"{axis}|{system}"] = fig = tc.figures(pred, y, docs, dev_only, names)
            lines.append(tc.table_row(axis, system, fig))
        base = figures[f"{axis}|{unfit}"]["pooled"]
        gain = figures[f"{axis}|{fit_mt}"]["pooled"] - base
        gain_rg = figures[f"{axis}|{fit_rg}"]["pooled"] - base
        ridge_all = tc.fit_ridge(x, y, docs, PENALTIES, cols)
        figures[f"{axis}|params"] = {
            "fitted": choose(rows, axis),
            "gain_pooled": round(gain, 4),
            "ridge_gain_pooled": round(gain_rg, 4),
            "ridge": ridge_all.to_dict(),
            "per_fold": fold_mt,
            "ridge_penalty_per_fold": {d: fold_rg[d].penalty for d in names},
        }
        if axis in RIDGE_AXES and gain_rg >= MARGIN and gain_rg >= gain:
            adopted = "passage features ridge"
            params[axis] = {**DEFAULT_PARAMS[axis], "ridge": ridge_all.to_dict()}
            for d in names:
                folds[d][axis] = {**DEFAULT_PARAMS[axis], "ridge": fold_rg[d].to_dict()}
        elif gain >= MARGIN:
            adopted = "fitted mix/top"
            params[axis] = figures[f"{axis}|params"]["fitted"]
            for d in names:
                folds[d][axis] = fold_mt[d]
        else:
            adopted = "unfitted"
            params[axis] = dict(DEFAULT_PARAMS[axis])
            for d in names:
                folds[d][axis] = dict(DEFAULT_PARAMS[axis])
        figures[f"{axis}|params"]["adopted"] = adopted
        print(
            f"{axis}: adopted {adopted} (held-out gain mix/top {gain:+.3f}, "
            f"ridge {gain_rg:+.3f}; ridge weights "
            + ", ".join(f"{f} {w:+.3f}" for f, w in zip(cols, ridge_all.weights))
            + f", penalty {ridge_all.penalty:g})",
            file=sys.stderr,
        )
    table = "\n".join(lines)
    print(table)
    info = {
        "name": "tone-v1 passages",
        "created": dt.date.today().isoformat(),
        "training_docs": names,
        "n_passages": len(rows),
        "grid": {"mix": list(MIXES), "top": list(TOPS), "ridge_penalty": list(PENALTIES)},
        "figures": figures,
    }
    (args.out / "passage_model.json").write_text(PassageModel(params, folds, info).to_json() + "\n")
    print(f"wrote {args.out / 'passage_model.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
