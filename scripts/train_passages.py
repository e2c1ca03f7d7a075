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
PENALTIES = (1.0, 10.0, 100.0, 1000.0)
#: Axes on which the passage features' regression may be adopted. Tension's is measured
#: and printed but not adopted (fifth session, model card): its held-out pooled gain
#: (+0.023) passes the margin only with the output on the rule's scale, 3 of 12 reports
#: lose, and it scores a joint counter-terrorism exercise as tension.
RIDGE_AXES = ("cooperation",)
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
    from relnlp.tone.passage_features import FEATURES, passage_features

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
        feats = passage_features(r, groups)
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
                    "feats": {
                        a: feats[a][k].tolist() if hit else [0.0] * len(FEATURES) for a in AXES
                    },
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


def _ridge_rows(rows: list[dict[str, Any]], axis: str) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([r["feats"][axis] for r in rows], dtype=float)
    y = np.array([r["gold"][axis] for r in rows], dtype=float)
    return x, y


def fit_ridge(rows: list[dict[str, Any]], axis: str) -> Any:
    """The passage features' ridge regression on ``rows``, its penalty chosen from
    :data:`PENALTIES` by leave one document out inside ``rows``."""
    from relnlp.tone.passage_features import Ridge

    x, y = _ridge_rows(rows, axis)
    docs = np.array([r["doc"] for r in rows])

    def inner(pen: float) -> float:
        pred = np.zeros(len(y))
        for e in dict.fromkeys(docs.tolist()):
            tr, te = docs != e, docs == e
            pred[te] = Ridge.fit(x[tr], y[tr], pen).predict(x[te])
        return _rho(pred, y)

    return Ridge.fit(x, y, max(PENALTIES, key=inner))


def main() -> None:
    import json

    from relnlp.tone.aggregate import DEFAULT_PARAMS, PassageModel
    from relnlp.tone.passage_features import FEATURES

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--out", type=Path, default=Path("models/tone-v1"))
    ap.add_argument("--cache", type=Path, help="keep the collected rows here (JSON)")
    args = ap.parse_args()
    if args.cache and args.cache.is_file():
        rows = json.loads(args.cache.read_text())
    else:
        rows = collect(args.data)
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    docs = np.array([r["doc"] for r in rows])
    dev_only = np.array([not r["seed"] for r in rows])
    names = list(dict.fromkeys(docs.tolist()))
    folds: dict[str, dict[str, dict[str, Any]]] = {d: {} for d in names}
    params: dict[str, dict[str, Any]] = {}
    figures: dict[str, Any] = {}
    lines = [
        "| axis | aggregation | seeds+dev pooled | dev only | " + " | ".join(names) + " |",
        "|---|---|---:|---:|" + "---:|" * len(names),
    ]
    fit_mt, fit_rg, unfit = (
        "fitted mix/top, leave one document out",
        "passage features ridge, leave one document out",
        "unfitted (mix 0.5, top 0.7)",
    )
    for axis in AXES:
        y = np.array([r["gold"][axis] for r in rows], dtype=float)
        held = np.zeros(len(y))
        held_rg = np.zeros(len(y))
        fold_mt: dict[str, dict[str, float]] = {}
        fold_rg: dict[str, Any] = {}
        for d in names:
            train = [r for r in rows if r["doc"] != d]
            test = [r for r in rows if r["doc"] == d]
            fold_mt[d] = p = choose(train, axis)
            te = docs == d
            held[te] = scores(test, axis, p["mix"], p["top"])
            fold_rg[d] = fit_ridge(train, axis)
            held_rg[te] = fold_rg[d].score(_ridge_rows(test, axis)[0])
        default = scores(rows, axis, DEFAULT_PARAMS[axis]["mix"], DEFAULT_PARAMS[axis]["top"])
        for system, pred in ((fit_mt, held), (fit_rg, held_rg), (unfit, default)):
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
        base = figures[f"{axis}|{unfit}"]["pooled"]
        gain = figures[f"{axis}|{fit_mt}"]["pooled"] - base
        gain_rg = figures[f"{axis}|{fit_rg}"]["pooled"] - base
        ridge_all = fit_ridge(rows, axis)
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
            + ", ".join(f"{f} {w:+.3f}" for f, w in zip(FEATURES, ridge_all.weights))
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
