#!/usr/bin/env python3
"""Passage features of the sixth session, leave one document out (issue 15).

An experiment, not part of the package. Rows are the gold passages of the annotated
reports (seeds and development reports with passages, matched as
``scripts/train_passages.py`` matches them), with the shipped features
(:data:`relnlp.tone.passage_features.FEATURES`) and the candidates
(:data:`relnlp.tone.passage_features.EXTRA_FEATURES`: events of the other axis, share of
sentences with an event of the axis, the most hostile event, contrast markers in cue
sentences, cues in the section heading). Systems, each fitted on eleven reports and
scoring the twelfth (penalty by inner leave one document out, output on the rule's scale
by the line fitted on the training passages, as :class:`Ridge` does): the rule, the
ridge on the shipped features, on the shipped features plus each candidate, and plus
all candidates. ``--cache FILE`` keeps the collected rows.

    python scripts/tone_passages6.py [--data ../shared/dev] [--cache FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from relnlp.tone.passage_features import EXTRA_FEATURES, FEATURES

AXES = ("cooperation", "tension")
PENALTIES = (1.0, 10.0, 100.0, 1000.0)
MARGIN = 0.02


def _rho(x: Any, y: Any) -> float:
    from scipy.stats import spearmanr

    r = float(spearmanr(x, y).statistic)
    return 0.0 if math.isnan(r) else r


def collect(data: Path) -> list[dict[str, Any]]:
    import relnlp
    from relnlp.evaluate import dev
    from relnlp.evaluate import scorecard as sc
    from relnlp.tone.aggregate import _passage_groups
    from relnlp.tone.passage_features import extra_features, passage_features

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
        base, extra = passage_features(r, groups), extra_features(r, groups)
        starts, ends = pas["start"].to_numpy(), pas["end"].to_numpy()
        for g in d.passages:
            ov = np.minimum(ends, g["end"]) - np.maximum(starts, g["start"])
            k = int(np.argmax(ov)) if len(ov) else -1
            hit = k >= 0 and ov[k] > 0
            n = len(FEATURES) + len(EXTRA_FEATURES)
            rows.append(
                {
                    "doc": d.doc_id,
                    "seed": d in seeds,
                    "gold": {a: int(g[a]) for a in AXES},
                    "feats": {
                        a: (base[a][k].tolist() + extra[a][k].tolist()) if hit else [0.0] * n
                        for a in AXES
                    },
                }
            )
        print(f"  {d.doc_id}: {len(d.passages)} passages", file=sys.stderr, flush=True)
    return rows


def _fit(x: np.ndarray, y: np.ndarray, pen: float) -> tuple[Any, ...]:
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    w = np.linalg.solve(z.T @ z + pen * np.eye(z.shape[1]), z.T @ (y - y.mean()))
    pred = z @ w + y.mean()
    slope, icpt = np.polyfit(pred, x[:, 0], 1)  # column 0: the rule's score
    return mu, sd, w, y.mean(), slope, icpt


def _apply(m: tuple[Any, ...], x: np.ndarray, raw: bool = False) -> np.ndarray:
    mu, sd, w, off, slope, icpt = m
    p = ((x - mu) / sd) @ w + off
    return p if raw else np.clip(icpt + slope * p, 0, 1)


def lodo(x: np.ndarray, y: np.ndarray, docs: np.ndarray, names: list[str]) -> np.ndarray:
    held = np.zeros(len(y))
    for d in names:
        tr, te = docs != d, docs == d

        def inner(pen: float, tr: np.ndarray = tr) -> float:
            dt = docs[tr]
            pred = np.zeros(int(tr.sum()))
            for e in dict.fromkeys(dt.tolist()):
                pred[dt == e] = _apply(
                    _fit(x[tr][dt != e], y[tr][dt != e], pen), x[tr][dt == e], raw=True
                )
            return _rho(pred, y[tr])

        held[te] = _apply(_fit(x[tr], y[tr], max(PENALTIES, key=inner)), x[te])
    return held


def nested(
    x: np.ndarray, y: np.ndarray, docs: np.ndarray, names: list[str], sets: list[list[int]]
) -> tuple[np.ndarray, dict[str, int]]:
    """The feature set chosen fold by fold: for each report left out, every set in
    ``sets`` is scored by leave one document out on the other reports (pooled Spearman
    of its held-out scores), the best is fitted on them and scores the report left out."""
    held = np.zeros(len(y))
    chosen: dict[str, int] = {}
    for d in names:
        tr, te = docs != d, docs == d
        inner_names = [n for n in names if n != d]

        def inner(k: int, tr: np.ndarray = tr, inner_names: list[str] = inner_names) -> float:
            xs = x[tr][:, sets[k]]
            return _rho(lodo(xs, y[tr], docs[tr], inner_names), y[tr])

        k = max(range(len(sets)), key=inner)
        chosen[d] = k
        held[te] = lodo(x[:, sets[k]], y, docs, [d])[te]
    return held, chosen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--out", type=Path)
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
    allf = list(FEATURES) + list(EXTRA_FEATURES)
    lines = [
        "| axis | system | pooled seeds+dev | dev only | " + " | ".join(names) + " |",
        "|---|---|---:|---:|" + "---:|" * len(names),
    ]
    for axis in AXES:
        x = np.array([r["feats"][axis] for r in rows], dtype=float)
        y = np.array([r["gold"][axis] for r in rows], dtype=float)
        nb = len(FEATURES)
        systems: list[tuple[str, np.ndarray]] = [("rule (no training)", x[:, 0])]
        systems.append(("ridge(shipped features)", lodo(x[:, :nb], y, docs, names)))
        for j, f in enumerate(EXTRA_FEATURES):
            cols = list(range(nb)) + [nb + j]
            systems.append((f"ridge(shipped + {f})", lodo(x[:, cols], y, docs, names)))
        systems.append(("ridge(shipped + all five)", lodo(x, y, docs, names)))
        sets = [list(range(nb))] + [list(range(nb)) + [nb + j] for j in range(len(EXTRA_FEATURES))]
        sets.append(list(range(x.shape[1])))
        held, chosen = nested(x, y, docs, names, sets)
        print(f"{axis} nested choice per fold: {chosen}", file=sys.stderr)
        systems.append(("ridge, feature set chosen per fold (nested LODO)", held))
        for f in EXTRA_FEATURES:
            v = x[:, allf.index(f)]
            print(f"{axis} {f} alone: pooled {_rho(v, y):.3f}", file=sys.stderr)
        for label, pred in systems:
            per = [_rho(pred[docs == d], y[docs == d]) for d in names]
            lines.append(
                f"| {axis} | {label} | {_rho(pred, y):.3f} | "
                f"{_rho(pred[dev_only], y[dev_only]):.3f} | "
                + " | ".join(f"{p:.3f}" for p in per)
                + " |"
            )
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n")


if __name__ == "__main__":
    main()
