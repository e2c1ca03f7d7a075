#!/usr/bin/env python3
"""Compare theme-classifier variants by leave-one-document-out over every annotated report.

    python scripts/themes_variants.py [--data ../shared/dev] [--only NAME ...] [--json OUT]
                                      [--taxonomy TOML]

Every variant is scored the same way: for each report, a model trained on the other reports
(plus the taxonomy's examples) scores its gold passages; per-theme F1 and macro-F1 are pooled
over all folds. Anything a variant fits besides the weights (per-theme thresholds) is fitted
*inside* the training fold, by an inner leave-one-document-out over the training reports,
never on the held-out report.

Adoption rule, fixed before the variants were run (sixth session): a variant replaces the
shipped one only if its pooled LODO macro-F1 is at least **0.01** above the shipped
variant's in the same run, and no theme's pooled F1 is below the keyword baseline's. The
selection is made on the same reports, so its figures are "selected by LODO on the same
reports", not held out.

Ninth session (issue 18, themes4), rule fixed before any of its variants was run: a
variant or taxonomy revision replaces the shipped one only if, in the same run, its pooled
LODO macro-F1 is at least **0.005** above the shipped recipe's, no theme's pooled F1 is
below the keyword baseline's, and color_revolution's pooled F1 does not fall. New taxonomy
cues are written from general knowledge of the field before they are measured, and are
kept or dropped as one set (never one cue at a time by its score).

Tenth session (issue 18, themes5), rules fixed before any of its runs (``--guards``):
(1) a **context guard** (how far the report-level features may move a passage from what it
scores alone: :func:`relnlp.themes.classifier.guard_context`) is adopted only if, in the
same run, its pooled LODO macro-F1 is not more than **0.005** below the shipped recipe's
(no guard), no theme's pooled F1 is below the keyword baseline's, **and** its macro-F1 on
the synthetic mixed digests (benchmarks/results/themes_mixed_digests.json, passages and gold
written for the check before relnlp was run on them; model trained on all reports) is
strictly higher than the shipped recipe's; among guards that pass, the highest digest
macro-F1 wins, ties broken by LODO macro-F1. (2) A taxonomy revision of news-wording cues,
written from general knowledge and kept or dropped as one set, is adopted only if its LODO
macro-F1 is not more than 0.005 below the version before it in the same run, no theme is
below the keywords, and the digest macro-F1 does not fall.
(3) Added later in the session, before its run: cues written in capitals (acronyms such as
RATS, SWIFT, ISIS) match only text in capitals (the stems let "RATS" match "rates"); kept
under rule (2)'s conditions.

All variants stay linear in their features, so each folds into the JSON model format of
:class:`relnlp.themes.classifier.ThemeModel` (a Platt-scaled SVM or naive Bayes is a
logistic function of a linear score); the script itself never writes a model.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_themes import SEED_DOCS, all_docs, passages_of  # noqa: E402

from relnlp.evaluate import metrics  # noqa: E402
from relnlp.evaluate.baselines import keyword_themes  # noqa: E402
from relnlp.themes import Taxonomy, ThemeClassifier, train  # noqa: E402
from relnlp.themes.classifier import (  # noqa: E402
    BLEND_K,
    EXCLUDE_CAP,
    PRIOR_FEATURE_SCALE,
    _analyzer,
    _joined,
    cue_counts,
    document_priors,
    examples_as_labels,
)
from relnlp.themes.context import _ITEM, SHORT_WORDS  # noqa: E402
from relnlp.themes.features import PriorScorer, stems, words  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MARGIN = 0.01
GRID = [round(x, 2) for x in np.arange(0.30, 0.71, 0.05)]


@dataclass
class Row:
    doc: str
    text: str
    context: str
    prev: str
    gold: tuple[str, ...]
    prior: dict[str, float]
    veto: set[str]
    taxhits: dict[str, int]
    kw: list[str]
    #: Mean prior score of the report's passages (a document-level prior).
    doc_prior: dict[str, float] = field(default_factory=dict)
    #: Highest prior score of the previous and next passages.
    near_prior: dict[str, float] = field(default_factory=dict)
    #: Share of the report's passages whose prior score is at least 0.5.
    doc_share: dict[str, float] = field(default_factory=dict)
    #: Prior score of the passage's context (heading, list lead-in).
    ctx_prior: dict[str, float] = field(default_factory=dict)
    #: For a short list item, the prior of its whole lead-in passage (as
    #: :func:`relnlp.themes.context.passage_contexts` finds the lead-in).
    lead_prior: dict[str, float] = field(default_factory=dict)


def _surface(text: str) -> list[str]:
    from relnlp.themes.features import _stop

    stop = _stop()
    body, _s, ctx = text.partition("\x1e")
    toks = [w for w, _a, _b in words(body) if w not in stop and not w.isdigit() and len(w) > 1]
    c = [f"ctx:{w}" for w, _a, _b in words(ctx) if w not in stop and len(w) > 1] if ctx else []
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])] + c


def _unigrams(text: str) -> list[str]:
    body, _s, ctx = text.partition("\x1e")
    toks = stems(body, drop_stop=True)
    return toks + ([f"ctx:{t}" for t in stems(ctx, drop_stop=True)] if ctx else [])


def _prev_terms(text: str) -> list[str]:
    return [f"prev:{t}" for t in stems(text, drop_stop=True)]


ANALYZERS = {"stems": _analyzer, "surface": _surface, "unigrams": _unigrams}


def _hits(found: list[Any], ids: list[str]) -> dict[str, int]:
    counts = cue_counts(found)
    return {t: counts.get(t, 0) for t in ids}


def build_rows(data: Path, tax: Taxonomy) -> list[Row]:
    """One row per gold passage (and taxonomy example), with the report-level and
    neighbour prior scores (from the texts only, no labels)."""
    prior = PriorScorer(tax)
    ids = list(tax.ids)
    rows: list[Row] = []
    for d in all_docs(data):
        ps = passages_of(d, True)
        scored = [prior.score(p.text) for p in ps]
        sc_all = [sc for sc, _f in scored]
        doc_prior = {t: float(np.mean([sc[t] for sc in sc_all])) for t in ids}
        lead: dict[str, float] | None = None
        for i, (p, (sc, found)) in enumerate(zip(ps, scored)):
            near = sc_all[max(0, i - 1) : i] + sc_all[i + 1 : i + 2]
            before = ps[i - 1].text if i else ""
            if before.rstrip().endswith(":"):
                lead = sc_all[i - 1]
            elif not (_ITEM.match(before) and _ITEM.match(p.text)):
                lead = None
            short = len(words(p.text)) < SHORT_WORDS
            rows.append(
                Row(
                    d.doc_id,
                    p.text,
                    p.context,
                    ps[i - 1].text if i else "",
                    p.themes,
                    sc,
                    prior.vetoed(found),
                    _hits(found, ids),
                    keyword_themes(p.text),
                    doc_prior,
                    {t: max((x[t] for x in near), default=0.0) for t in ids},
                    {t: float(np.mean([sc[t] >= 0.5 for sc in sc_all])) for t in ids},
                    prior.score(p.context)[0] if p.context else {},
                    lead if lead is not None and short else {},
                )
            )
    for p in examples_as_labels(tax):
        sc, found = prior.score(p.text)
        # each example is a document by itself, as relnlp.themes.classifier trains them
        mean, near = document_priors([sc])
        rows.append(
            Row(
                "taxonomy",
                p.text,
                "",
                "",
                p.themes,
                sc,
                prior.vetoed(found),
                _hits(found, ids),
                keyword_themes(p.text),
                mean[0],
                near[0],
            )
        )
    return rows


class Featurizer:
    """TF-IDF of passage (+ ``ctx:``) terms, optional ``prev:`` block, prior and hit columns."""

    def __init__(self, v: dict[str, Any], ids: list[str]) -> None:
        self.v, self.ids = v, ids

    def fit(self, rows: list[Row]) -> Featurizer:
        from sklearn.feature_extraction.text import TfidfVectorizer

        ctx = self.v.get("context", True)
        self.main = TfidfVectorizer(
            analyzer=ANALYZERS[self.v.get("analyzer", "stems")], sublinear_tf=True
        )
        self.main.fit(_joined([r.text for r in rows], [r.context for r in rows] if ctx else None))
        if self.v.get("prev", 0):
            self.prev = TfidfVectorizer(analyzer=_prev_terms, sublinear_tf=True)
            self.prev.fit([r.prev for r in rows] + ["x"])
        return self

    def transform(self, rows: list[Row]) -> Any:
        ctx = self.v.get("context", True)
        blocks = [
            self.main.transform(
                _joined([r.text for r in rows], [r.context for r in rows] if ctx else None)
            )
        ]
        if self.v.get("prev", 0):
            blocks.append(self.prev.transform([r.prev for r in rows]) * self.v["prev"])
        scale = self.v.get("prior_scale", PRIOR_FEATURE_SCALE)
        cols = [[r.prior[t] * scale for t in self.ids] for r in rows]
        if self.v.get("taxhits"):
            cols = [c + [np.log1p(r.taxhits[t]) for t in self.ids] for c, r in zip(cols, rows)]
        for key in ("doc_prior", "near_prior", "doc_share", "ctx_prior", "lead_prior"):
            if self.v.get(key):
                w = scale * self.v[key]
                cols = [
                    c + [getattr(r, key).get(t, 0.0) * w for t in self.ids]
                    for c, r in zip(cols, rows)
                ]
        if self.v.get("kw"):
            cols = [c + [float(t in r.kw) for t in self.ids] for c, r in zip(cols, rows)]
        blocks.append(sparse.csr_matrix(np.array(cols, dtype=float)))
        return sparse.hstack(blocks).tocsr()


def _platt(dec: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e4, max_iter=1000).fit(dec.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _linear(kind: str, v: dict[str, Any], X: Any, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and intercept of a logistic score for one theme."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.naive_bayes import ComplementNB
    from sklearn.svm import LinearSVC

    cw = v.get("class_weight", "balanced")
    if kind == "lr":
        m = LogisticRegression(C=v.get("C", 1.0), class_weight=cw, max_iter=2000).fit(X, y)
        return m.coef_[0].astype(float), float(m.intercept_[0])
    folds = StratifiedKFold(n_splits=min(3, int(y.sum())), shuffle=True, random_state=0)
    if kind == "svm":
        est: Any = LinearSVC(C=v.get("svm_C", 0.1), class_weight=cw, max_iter=20000)
        est.fit(X, y)
        w, b = est.coef_[0].astype(float), float(est.intercept_[0])
    elif kind == "cnb":
        est = ComplementNB(alpha=v.get("alpha", 0.3))
        est.fit(X, y)
        flp = est.feature_log_prob_
        w = (flp[1] - flp[0]).astype(float)
        b = 0.0  # binary ComplementNB adds no class prior to its joint log-likelihood
    else:
        raise ValueError(kind)
    dec = cross_val_predict(
        est, X, y, cv=folds, method="decision_function" if kind == "svm" else "predict_log_proba"
    )
    if kind == "cnb":
        dec = dec[:, 1] - dec[:, 0]
    a, c = _platt(np.asarray(dec, dtype=float), y)
    return a * w, a * b + c


def fit_predict(
    train: list[Row], test: list[Row], v: dict[str, Any], ids: list[str]
) -> dict[str, np.ndarray]:
    """Blended, vetoed scores of ``test`` rows for every theme."""
    f = Featurizer(v, ids).fit(train)
    Xtr, Xte = f.transform(train), f.transform(test)
    out = {}
    kinds = v.get("clf", "lr").split("+")
    for t in ids:
        y = np.array([t in r.gold for r in train], dtype=int)
        prior = np.array([r.prior[t] for r in test])
        n = int(y.sum())
        if n == 0 or n == len(y):
            s = prior
        else:
            z = np.zeros(len(test))
            for k in kinds:
                w, b = _linear(k, v, Xtr, y)
                z += np.asarray(Xte @ w).ravel() + b
            p = 1 / (1 + np.exp(-z / len(kinds)))
            wt = n / (n + v.get("blend_k", BLEND_K))
            s = wt * p + (1 - wt) * prior
        veto = np.array([t in r.veto for r in test])
        out[t] = np.where(veto, np.minimum(s, EXCLUDE_CAP * 0.5), s)
    return out


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = int((pred & gold).sum())
    d = int(pred.sum()) + int(gold.sum())
    return 2 * tp / d if d else 0.0


def thresholds(train: list[Row], v: dict[str, Any], ids: list[str]) -> dict[str, float]:
    """Per-theme thresholds from an inner leave-one-document-out over ``train``'s reports
    (the taxonomy's examples always train); ties go to the threshold nearest 0.5."""
    docs = sorted({r.doc for r in train} - {"taxonomy"})
    scores: dict[str, list[float]] = {t: [] for t in ids}
    gold: dict[str, list[bool]] = {t: [] for t in ids}
    for d in docs:
        inner_tr = [r for r in train if r.doc != d]
        inner_te = [r for r in train if r.doc == d]
        s = fit_predict(inner_tr, inner_te, v, ids)
        for t in ids:
            scores[t] += s[t].tolist()
            gold[t] += [t in r.gold for r in inner_te]
    out = {}
    for t in ids:
        sc, g = np.array(scores[t]), np.array(gold[t])
        best = max(GRID, key=lambda th: (_f1(sc >= th, g), -abs(th - 0.5)))
        out[t] = float(best)
    return out


def lodo(rows: list[Row], v: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    docs = [d for d in dict.fromkeys(r.doc for r in rows) if d != "taxonomy"]
    pred: list[list[str]] = []
    gold: list[list[str]] = []
    kw: list[list[str]] = []
    doc_of: list[str] = []
    per_fold: dict[str, Any] = {}
    ths: dict[str, Any] = {}
    for held in docs:
        train = [r for r in rows if r.doc != held]
        test = [r for r in rows if r.doc == held]
        s = fit_predict(train, test, v, ids)
        th = thresholds(train, v, ids) if v.get("nested_threshold") else {t: 0.5 for t in ids}
        ths[held] = th
        p = [[t for t in ids if s[t][i] >= th[t]] for i in range(len(test))]
        g = [list(r.gold) for r in test]
        k = [r.kw for r in test]
        per_fold[held] = {
            "n": len(test),
            "counts": {
                t: {
                    "gold": sum(t in x for x in g),
                    "tp": sum(t in a and t in b for a, b in zip(p, g)),
                    "fp": sum(t in a and t not in b for a, b in zip(p, g)),
                }
                for t in ids
            },
            "relnlp": metrics.multilabel_f1(p, g, ids),
            "keywords": metrics.multilabel_f1(k, g, ids),
        }
        pred += p
        gold += g
        kw += k
        doc_of += [held] * len(test)
    res = {
        "variant": v,
        "relnlp": metrics.multilabel_f1(pred, gold, ids),
        "keywords": metrics.multilabel_f1(kw, gold, ids),
        "per_fold": per_fold,
        "thresholds": ths,
    }
    for name, keep in (("seeds", lambda d: d in SEED_DOCS), ("dev", lambda d: d not in SEED_DOCS)):
        idx = [i for i, d in enumerate(doc_of) if keep(d)]
        res[name] = {
            "relnlp": metrics.multilabel_f1([pred[i] for i in idx], [gold[i] for i in idx], ids),
            "keywords": metrics.multilabel_f1([kw[i] for i in idx], [gold[i] for i in idx], ids),
        }
    return res


VARIANTS: dict[str, dict[str, Any]] = {
    "shipped (terms ctx, LR C=1)": {},
    "no context": {"context": False},
    "nested thresholds": {"nested_threshold": True},
    "prev passage x0.5": {"prev": 0.5},
    "prev passage x0.25": {"prev": 0.25},
    "taxonomy cue hits": {"taxhits": True},
    "keyword-baseline hits": {"kw": True},
    "cue + keyword hits": {"taxhits": True, "kw": True},
    "surface n-grams": {"analyzer": "surface"},
    "stem unigrams": {"analyzer": "unigrams"},
    "no class weights": {"class_weight": None},
    "LR C=0.3": {"C": 0.3},
    "linear SVM (Platt)": {"clf": "svm"},
    "complement NB (Platt)": {"clf": "cnb"},
    "LR+SVM+CNB average": {"clf": "lr+svm+cnb"},
    "LR+SVM average": {"clf": "lr+svm"},
    "blend k=4": {"blend_k": 4.0},
    # second batch (after the first table): combinations and the prior's weight as a feature
    "cue hits + stem unigrams": {"taxhits": True, "analyzer": "unigrams"},
    "cue hits, C=3": {"taxhits": True, "C": 3.0},
    "cue hits, C=0.3": {"taxhits": True, "C": 0.3},
    "prior feature x1": {"prior_scale": 1.0},
    "prior feature x1, cue hits": {"prior_scale": 1.0, "taxhits": True},
    "prior feature x6": {"prior_scale": 6.0},
    "prev passage x1": {"prev": 1.0},
    "cue hits + prev x0.5": {"taxhits": True, "prev": 0.5},
    "cue hits + LR+SVM": {"taxhits": True, "clf": "lr+svm"},
    # seventh session (themes4): context beyond the heading, from the shipped recipe
    "shipped + report mean prior": {"prior_scale": 1.0, "taxhits": True, "doc_prior": 1.0},
    "shipped + neighbour prior": {"prior_scale": 1.0, "taxhits": True, "near_prior": 1.0},
    "shipped + neighbour prior x0.5": {"prior_scale": 1.0, "taxhits": True, "near_prior": 0.5},
    "shipped + report and neighbour prior": {
        "prior_scale": 1.0,
        "taxhits": True,
        "doc_prior": 1.0,
        "near_prior": 1.0,
    },
    "shipped, nested thresholds": {
        "prior_scale": 1.0,
        "taxhits": True,
        "nested_threshold": True,
    },
    "shipped, no context terms": {"prior_scale": 1.0, "taxhits": True, "context": False},
    "shipped + report mean prior x2": {"prior_scale": 1.0, "taxhits": True, "doc_prior": 2.0},
    "shipped + report mean prior x4": {"prior_scale": 1.0, "taxhits": True, "doc_prior": 4.0},
    "shipped + report share x1": {"prior_scale": 1.0, "taxhits": True, "doc_share": 1.0},
    "shipped + report share x2": {"prior_scale": 1.0, "taxhits": True, "doc_share": 2.0},
    "shipped + context prior": {"prior_scale": 1.0, "taxhits": True, "ctx_prior": 1.0},
    "shipped + report mean x2 + neighbour": {
        "prior_scale": 1.0,
        "taxhits": True,
        "doc_prior": 2.0,
        "near_prior": 1.0,
    },
    "shipped + list lead-in passage prior": {
        "prior_scale": 1.0,
        "taxhits": True,
        "lead_prior": 1.0,
    },
    "shipped + list lead-in passage prior x3": {
        "prior_scale": 1.0,
        "taxhits": True,
        "lead_prior": 3.0,
    },
    "shipped + report mean x2, C=3": {
        "prior_scale": 1.0,
        "taxhits": True,
        "doc_prior": 2.0,
        "C": 3.0,
    },
}

DIGESTS = ROOT / "benchmarks" / "results" / "themes_mixed_digests.json"
GUARDS = ["", "cues", "raise", "cap:1", "cap:0.5"]


def digest_scores(model: Any, tax: Taxonomy, guards: list[str]) -> dict[str, Any]:
    """Macro-F1 on the synthetic mixed digests: each digest classified as one document
    (per guard), each passage alone, the prior and the keyword baseline."""
    digests = json.loads(DIGESTS.read_text("utf-8"))["digests"]
    ids = list(tax.ids)
    gold = [list(p["themes"]) for d in digests for p in d["passages"]]
    texts = [[p["text"] for p in d["passages"]] for d in digests]
    out: dict[str, Any] = {}
    for g in guards:
        model.context_guard = g
        clf = ThemeClassifier(tax, model)
        pred = [list(r.themes) for ts in texts for r in clf.classify_many(ts)]
        out[f"digest, guard {g or 'none'}"] = metrics.multilabel_f1(pred, gold, ids)
    alone = [list(clf.classify(t).themes) for ts in texts for t in ts]
    prior = [list(ThemeClassifier(tax).classify(t).themes) for ts in texts for t in ts]
    kw = [keyword_themes(t) for ts in texts for t in ts]
    for name, pred in (("each passage alone", alone), ("prior", prior), ("keywords", kw)):
        out[name] = metrics.multilabel_f1(pred, gold, ids)
    return out


def guard_lodo(data: Path, tax: Taxonomy, guards: list[str]) -> dict[str, Any]:
    """Pooled and per-fold LODO F1 of the shipped recipe under each context guard (each
    fold's model trained once), then the digest check with a model trained on every report."""
    ids = list(tax.ids)
    docs = {d.doc_id: passages_of(d, True) for d in all_docs(data)}
    pred: dict[str, list[list[str]]] = {g: [] for g in guards}
    gold: list[list[str]] = []
    kw: list[list[str]] = []
    doc_of: list[str] = []
    folds: dict[str, Any] = {}
    for held, ps in docs.items():
        model = train([p for d, q in docs.items() if d != held for p in q], tax)
        texts, contexts = [p.text for p in ps], [p.context for p in ps]
        g_held = [list(p.themes) for p in ps]
        folds[held] = {
            "n": len(ps),
            "keywords": metrics.multilabel_f1([keyword_themes(t) for t in texts], g_held, ids),
        }
        for g in guards:
            model.context_guard = g
            res = ThemeClassifier(tax, model).classify_many(texts, contexts)
            pred[g] += [list(r.themes) for r in res]
            folds[held][g or "none"] = metrics.multilabel_f1(
                [list(r.themes) for r in res], g_held, ids
            )
        gold += g_held
        kw += [keyword_themes(t) for t in texts]
        doc_of += [held] * len(ps)
    out: dict[str, Any] = {"keywords": metrics.multilabel_f1(kw, gold, ids), "folds": folds}
    for g in guards:
        r = metrics.multilabel_f1(pred[g], gold, ids)
        for name, keep in (("seeds", True), ("dev", False)):
            rows = [i for i, d in enumerate(doc_of) if (d in SEED_DOCS) == keep]
            r[name] = metrics.multilabel_f1(
                [pred[g][i] for i in rows], [gold[i] for i in rows], ids
            )["macro"]
        out[g or "none"] = r
    full = train([p for q in docs.values() for p in q], tax)
    out["digests"] = digest_scores(full, tax, guards)
    return out


def print_guards(res: dict[str, Any], ids: list[str], guards: list[str]) -> None:
    kw = res["keywords"]
    print(f"keywords: macro {kw['macro']:.3f} " + " / ".join(f"{kw[t]:.3f}" for t in ids))
    for g in guards:
        r = res[g or "none"]
        print(
            f"guard {g or 'none':8s} LODO macro {r['macro']:.3f} "
            + " / ".join(f"{r[t]:.3f}" for t in ids)
            + f"  seeds {r['seeds']:.3f} dev {r['dev']:.3f}"
        )
    for name, r in res["digests"].items():
        print(f"{name:28s} macro {r['macro']:.3f} " + " / ".join(f"{r[t]:.3f}" for t in ids))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--taxonomy", type=Path, default=None, help="a taxonomy TOML to compare")
    ap.add_argument("--guards", action="store_true", help="compare the context guards")
    args = ap.parse_args()
    tax = Taxonomy.load(args.taxonomy) if args.taxonomy else Taxonomy.default()
    ids = list(tax.ids)
    if args.guards:
        res = guard_lodo(args.data, tax, GUARDS)
        print_guards(res, ids, GUARDS)
        if args.json:
            args.json.write_text(json.dumps(res, indent=1, default=str) + "\n", "utf-8")
        return
    rows = build_rows(args.data, tax)
    results = {}
    for name, v in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        t0 = time.time()
        r = lodo(rows, v, ids)
        results[name] = r
        rel, kw = r["relnlp"], r["keywords"]
        print(
            f"{name:32s} macro {rel['macro']:.3f}  "
            + " / ".join(f"{rel[t]:.3f}" for t in ids)
            + f"   (kw {kw['macro']:.3f}; seeds {r['seeds']['relnlp']['macro']:.3f},"
            f" dev {r['dev']['relnlp']['macro']:.3f}; {time.time() - t0:.0f}s)",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", "utf-8")


if __name__ == "__main__":
    main()
