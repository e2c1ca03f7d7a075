"""Shared pieces of the tone scripts (seventh session, issue 15): the gold passages of the
annotated reports with what relnlp computes for them, and the leave-one-document-out
loops and tables that ``train_passages.py``, ``tone_passages6.py``, ``tone_lodo.py``,
``passage_topk.py`` and ``tone_passages7.py`` used to repeat.

Rows (:func:`passage_rows`) are one per gold passage of the seeds and of every
development report with passages: ``doc``, ``seed``, ``gold`` (0-3 per axis), ``sents``
(the (learned, rule) scores of the sentences of the predicted passage overlapping it
most, as the scorer matches them), ``feats`` (:data:`relnlp.tone.passage_features.FEATURES`
then :data:`~relnlp.tone.passage_features.EXTRA_FEATURES`, per axis) and ``tones`` (per
sentence of that passage: its class, actors and cues, for aggregation experiments) and
``position`` (the predicted passage's place in the report, 0 first to 1 last).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

AXES = ("cooperation", "tension")
PENALTIES = (1.0, 10.0, 100.0, 1000.0)
#: Held-out pooled Spearman a fitted aggregation must gain over the unfitted rule.
MARGIN = 0.02


def rho(x: Any, y: Any) -> float:
    """Spearman correlation, 0 where it is undefined (a constant input)."""
    from scipy.stats import spearmanr

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns on a constant input
        r = float(spearmanr(x, y).statistic)
    return 0.0 if math.isnan(r) else r


def _sentence_rows(group: list[Any]) -> list[dict[str, Any]]:
    """Per sentence of a passage: its class, actors and cues (aggregation experiments)."""
    return [
        {"tone_class": t.tone_class, "actors": list(t.actors), "cues": list(t.cues)} for t in group
    ]


def collect(data: Path) -> list[dict[str, Any]]:
    """One row per gold passage of the annotated reports (module docstring)."""
    import relnlp
    from relnlp.evaluate import dev
    from relnlp.evaluate import scorecard as sc
    from relnlp.tone.aggregate import _pair, _passage_groups
    from relnlp.tone.passage_features import (
        EXTRA_FEATURES,
        FEATURES,
        extra_features,
        passage_features,
    )

    nlp = relnlp.load()
    seeds = list(sc.load_gold())
    docs = seeds + [d for d in dev.load_dev_gold(data) if "passages" in d.layers]
    n = len(FEATURES) + len(EXTRA_FEATURES)
    rows = []
    for d in docs:
        item: Any = relnlp.read(d.path) if d.path is not None else d.text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = nlp.analyze(item, doc_id=d.doc_id, doc_date=d.doc_date)
        groups = _passage_groups(r)
        pas = r.passages
        assert len(pas) == len(groups), d.doc_id
        base, extra = passage_features(r, groups), extra_features(r, groups)
        starts, ends = pas["start"].to_numpy(), pas["end"].to_numpy()
        for g in d.passages:
            ov = np.minimum(ends, g["end"]) - np.maximum(starts, g["start"])
            k = int(np.argmax(ov)) if len(ov) else -1
            hit = k >= 0 and ov[k] > 0
            group = groups[k] if hit else []
            rows.append(
                {
                    "doc": d.doc_id,
                    "seed": d in seeds,
                    "gold": {a: int(g[a]) for a in AXES},
                    "sents": {a: [_pair(t, a) for t in group] for a in AXES},
                    "feats": {
                        a: (base[a][k].tolist() + extra[a][k].tolist()) if hit else [0.0] * n
                        for a in AXES
                    },
                    "tones": _sentence_rows(group),
                    # ninth session: where the passage sits in the report (0 first, 1 last)
                    "position": k / max(1, len(groups) - 1) if hit else 0.0,
                }
            )
        print(f"  {d.doc_id}: {len(d.passages)} passages", file=sys.stderr, flush=True)
    return rows


def passage_rows(data: Path, cache: Path | None = None) -> list[dict[str, Any]]:
    """:func:`collect`'s rows, read from / written to ``cache`` (JSON) when given."""
    if cache is not None and cache.is_file():
        return list(json.loads(cache.read_text()))
    rows = collect(data)
    if cache is not None:
        cache.write_text(json.dumps(rows))
    return rows


def shipped(rows: list[dict[str, Any]], axis: str) -> np.ndarray:
    """The shipped passage features of ``axis`` (:data:`FEATURES`), one row per passage."""
    from relnlp.tone.passage_features import FEATURES

    return np.array([r["feats"][axis][: len(FEATURES)] for r in rows], dtype=float)


def everything(rows: list[dict[str, Any]], axis: str) -> np.ndarray:
    """The shipped and the candidate passage features of ``axis``."""
    return np.array([r["feats"][axis] for r in rows], dtype=float)


def gold(rows: list[dict[str, Any]], axis: str) -> np.ndarray:
    return np.array([r["gold"][axis] for r in rows], dtype=float)


FitPredict = Callable[[np.ndarray, np.ndarray], np.ndarray]


def lodo(
    docs: np.ndarray, names: Sequence[str], fit_predict: FitPredict, within: Any = None
) -> np.ndarray:
    """Leave one document out: for each report of ``names``, ``fit_predict(train, test)``
    (boolean masks over the rows) fits on the other reports (those of ``within``, a
    mask, when given) and scores that one. Rows of no report in ``names`` stay 0."""
    held = np.zeros(len(docs))
    for d in names:
        tr, te = docs != d, docs == d
        if within is not None:
            tr = tr & within
        held[te] = fit_predict(tr, te)
    return held


def grid_fit(
    scores: Callable[[Any], np.ndarray],
    grid: Sequence[Any],
    y: np.ndarray,
    prefer: Callable[[Any], float] = lambda c: 0.0,
    chosen: list[Any] | None = None,
) -> FitPredict:
    """A ``fit_predict`` that picks, from ``grid``, the setting whose ``scores(setting)``
    (one per row) has the best pooled Spearman on the training rows (ties: the higher
    ``prefer``), and gives its scores of the test rows (appending the setting to
    ``chosen`` when given)."""
    cache: dict[Any, np.ndarray] = {}

    def score(c: Any) -> np.ndarray:
        if c not in cache:
            cache[c] = np.asarray(scores(c), dtype=float)
        return cache[c]

    def fit_predict(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        best = max(grid, key=lambda c: (round(rho(score(c)[tr], y[tr]), 6), prefer(c)))
        if chosen is not None:
            chosen.append(best)
        return score(best)[te]

    return fit_predict


def grid_lodo(
    scores: Callable[[Any], np.ndarray],
    grid: Sequence[Any],
    y: np.ndarray,
    docs: np.ndarray,
    names: Sequence[str],
    prefer: Callable[[Any], float] = lambda c: 0.0,
) -> tuple[np.ndarray, list[Any]]:
    """:func:`lodo` over :func:`grid_fit`: held-out scores and the settings chosen."""
    chosen: list[Any] = []
    held = lodo(docs, names, grid_fit(scores, grid, y, prefer, chosen))
    return held, chosen


def nested(
    candidates: Sequence[FitPredict], y: np.ndarray, docs: np.ndarray, names: Sequence[str]
) -> tuple[np.ndarray, dict[str, int]]:
    """Choosing among ``candidates`` honestly: for each report left out, every candidate
    is scored by leave one document out on the other reports (pooled Spearman of its
    held-out scores there); the best is fitted on them and scores the report left out.
    Returns the held-out scores and the candidate chosen for each report."""
    held = np.zeros(len(y))
    chosen: dict[str, int] = {}
    for d in names:
        out = docs != d
        inner_names = [n for n in names if n != d]

        def inner(k: int, out: np.ndarray = out, inner_names: list[str] = inner_names) -> float:
            pred = lodo(docs, inner_names, candidates[k], within=out)
            return rho(pred[out], y[out])

        chosen[d] = k = max(range(len(candidates)), key=inner)
        held[docs == d] = candidates[k](out, docs == d)
    return held, chosen


def fit_ridge(
    x: np.ndarray,
    y: np.ndarray,
    docs: np.ndarray,
    penalties: Sequence[float] = PENALTIES,
    features: tuple[str, ...] | None = None,
) -> Any:
    """The passage ridge (:class:`relnlp.tone.passage_features.Ridge`; column 0 of ``x``
    is the rule's score; ``features`` the names of the columns when they are the shipped
    features then their centred copies, :func:`by_report`) with its penalty chosen by
    leave one document out inside the rows given (pooled Spearman of the raw held-out
    predictions)."""
    from relnlp.tone.passage_features import FEATURES, Ridge

    names = list(dict.fromkeys(docs.tolist()))
    cols = features or FEATURES

    def inner(pen: float) -> float:
        pred = lodo(docs, names, lambda tr, te: Ridge.fit(x[tr], y[tr], pen, cols).predict(x[te]))
        return rho(pred, y)

    return Ridge.fit(x, y, max(penalties, key=inner), cols)


def by_report(x: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The shipped passage features ``x`` followed by their copies centred on each
    report's mean (:func:`relnlp.tone.passage_features.centred`, report by report)."""
    from relnlp.tone.passage_features import centred

    out = np.zeros((len(x), 2 * x.shape[1]))
    for d in np.unique(docs):
        out[docs == d] = centred(x[docs == d])
    return out


def ridge_fit(
    x: np.ndarray,
    y: np.ndarray,
    docs: np.ndarray,
    out: Callable[[Any, np.ndarray], np.ndarray] | None = None,
) -> FitPredict:
    """A ``fit_predict`` of :func:`fit_ridge`: scores on the rule's scale
    (``Ridge.score``), or ``out(model, x_test)``."""

    def fit_predict(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        m = fit_ridge(x[tr], y[tr], docs[tr])
        return np.asarray(m.score(x[te]) if out is None else out(m, x[te]))

    return fit_predict


def ridge_lodo(
    x: np.ndarray,
    y: np.ndarray,
    docs: np.ndarray,
    names: Sequence[str],
    out: Callable[[Any, np.ndarray], np.ndarray] | None = None,
) -> np.ndarray:
    """Held-out scores of :func:`fit_ridge`, fitted without each report."""
    return lodo(docs, names, ridge_fit(x, y, docs, out))


def table_head(names: Sequence[str], first: str = "system") -> list[str]:
    return [
        f"| axis | {first} | pooled seeds+dev | dev only | " + " | ".join(names) + " |",
        "|---|---|---:|---:|" + "---:|" * len(names),
    ]


def figures(
    pred: np.ndarray, y: np.ndarray, docs: np.ndarray, dev_only: np.ndarray, names: Sequence[str]
) -> dict[str, Any]:
    """Pooled, dev-only and per-report Spearman of held-out scores ``pred``."""
    return {
        "pooled": round(rho(pred, y), 4),
        "dev_only": round(rho(pred[dev_only], y[dev_only]), 4),
        "per_fold": {d: round(rho(pred[docs == d], y[docs == d]), 4) for d in names},
    }


def table_row(axis: str, label: str, fig: dict[str, Any]) -> str:
    per = " | ".join(f"{v:.3f}" for v in fig["per_fold"].values())
    return f"| {axis} | {label} | {fig['pooled']:.3f} | {fig['dev_only']:.3f} | {per} |"


def frame(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Report of each row, whether it is a development report, and the report names."""
    docs = np.array([r["doc"] for r in rows])
    return docs, np.array([not r["seed"] for r in rows]), list(dict.fromkeys(docs.tolist()))


def passage_cli(
    description: str | None = None,
) -> tuple[argparse.Namespace, list[dict[str, Any]], np.ndarray, np.ndarray, list[str], list[str]]:
    """The passage scripts' shared command line (``--data``, ``--cache``, ``--out``): the
    arguments, the passage rows, their documents, the dev-only mask, the report names and
    the head of the results table."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    rows = passage_rows(args.data, args.cache)
    docs, dev, names = frame(rows)
    return args, rows, docs, dev, names, table_head(names)


def _pair_models(x: Any, y: np.ndarray, cfg: dict[str, Any]) -> tuple[Any, Any]:
    """The sentence model's regression (balanced, C ``cfg["C"]``, 3) and complement naive
    Bayes model (smoothing ``cfg["alpha"]``, 0.1), fitted on ``x`` (non-negative) and ``y``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB

    lr = LogisticRegression(C=cfg.get("C", 3.0), max_iter=3000, class_weight="balanced")
    return lr.fit(x, y), ComplementNB(alpha=cfg.get("alpha", 0.1)).fit(x, y)


def average_fit(x: Any, y: np.ndarray, cfg: dict[str, Any]) -> Callable[[Any], np.ndarray]:
    """The sentence model's pair (``scripts/tone_adaptation.py``, :func:`_pair_models`)
    averaged (naive Bayes weight ``cfg["nbw"]``, 0.5), fitted on labels 0 .. k-1 with
    every class present; returns the function giving a matrix's class probabilities
    (ninth session)."""
    lr, nb = _pair_models(x, y, cfg)
    w = cfg.get("nbw", 0.5)
    return lambda xt: (1 - w) * lr.predict_proba(xt) + w * nb.predict_proba(xt)


def stacked_fit(
    x: Any, y: np.ndarray, extra: np.ndarray, cfg: dict[str, Any], seed: int
) -> Callable[[Any, np.ndarray], np.ndarray]:
    """A second-level model (ninth session, ``tone_adaptation.py`` ``stack``): the
    regression's and the naive Bayes model's class probabilities, out of fold
    (``cfg["stack"]`` stratified folds), with the dense ``extra`` columns (the rule
    features) as the input of a multinomial regression (C ``cfg["stack_C"]``, 1); both
    first-level models are then refitted on all rows. Returns the function giving the
    class probabilities of a matrix and its extra columns."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    def pair(xa: Any, ya: np.ndarray) -> Callable[[Any], np.ndarray]:
        lr, nb = _pair_models(xa, ya, cfg)
        return lambda xt: np.hstack([lr.predict_proba(xt), nb.predict_proba(xt)])

    k = int(y.max()) + 1
    oof = np.zeros((len(y), 2 * k))
    folds = StratifiedKFold(n_splits=int(cfg["stack"]), shuffle=True, random_state=seed)
    for a, b in folds.split(np.zeros(len(y)), y):
        oof[b] = pair(x[a], y[a])(x[b])
    top = LogisticRegression(C=cfg.get("stack_C", 1.0), max_iter=3000, class_weight="balanced")
    top.fit(np.hstack([oof, extra]), y)
    first = pair(x, y)
    return lambda xt, et: np.asarray(top.predict_proba(np.hstack([first(xt), et])))


def confident_rows(x: Any, y: np.ndarray, cfg: dict[str, Any], seed: int) -> np.ndarray:
    """Indices of the training rows kept by confident learning (Northcutt et al. 2021;
    ninth session, ``tone_adaptation.py`` ``prune``): out-of-fold probabilities of
    :func:`average_fit` (``cfg["prune"]`` stratified folds), a threshold per class (the
    mean probability of that class over the rows labelled with it); a row whose confident
    label (its most probable class among those at or above their threshold) is not its
    own is dropped, the least probable under its own label first, at most
    ``cfg["prune_max"]`` (a share, default all) of the rows."""
    from sklearn.model_selection import StratifiedKFold

    k = int(y.max()) + 1
    oof = np.zeros((len(y), k))
    folds = StratifiedKFold(n_splits=int(cfg["prune"]), shuffle=True, random_state=seed)
    for a, b in folds.split(np.zeros(len(y)), y):
        oof[b] = average_fit(x[a], y[a], cfg)(x[b])
    thresh = np.array([oof[y == c, c].mean() for c in range(k)])
    above = np.where(oof >= thresh, oof, -1.0)
    flagged = (above.max(1) >= 0) & (above.argmax(1) != y)
    order = np.argsort(oof[np.arange(len(y)), y], kind="stable")
    drop = [int(i) for i in order if flagged[i]][: int(cfg.get("prune_max", 1.0) * len(y))]
    print(f"    pruned {len(drop)} of {len(y)} rows", file=sys.stderr, flush=True)
    return np.setdiff1d(np.arange(len(y)), drop)


def emit(lines: Sequence[str], out: Path | None) -> None:
    """Print a results table and write it to ``out`` when given."""
    table = "\n".join(lines)
    print(table)
    if out:
        out.write_text(table + "\n")
