#!/usr/bin/env python3
"""Train the packaged theme model and measure it leave-one-document-out.

    python scripts/train_themes.py [--data ../shared/dev] [--out models/themes-v2]
                                   [--select] [--context none|terms|terms+prior] [--C 1.0]
                                   [--prior-scale 1.0] [--cue-hits | --no-cue-hits]
                                   [--doc-prior 2.0] [--near-prior 1.0]

The defaults are the packaged model's recipe (``relnlp.themes.classifier.RECIPE``), which
``relnlp themes train`` uses too.

* Labelled passages: every passage of the seed gold (corpora/gold, packaged copy) and of the
  development gold (corpora/dev/gold, packaged in relnlp/data/gold_dev; texts read from
  ``DATA/reports``, checked against their sha256), read in the markup-free view as relnlp
  reads them, each with its context (section heading, list lead-in:
  ``relnlp.themes.context``), plus the default taxonomy's own examples.
* Leave-one-document-out over all annotated reports: for each report, a model trained
  without it scores its passages; per-theme F1 and macro-F1 are pooled over the folds, and
  each fold's figures are kept. The taxonomy prior alone and the keyword-dictionary baseline
  are scored on the same passages.
* ``--select`` compares the variants (context features, regularisation C) by pooled LODO
  macro-F1 before training the chosen one; the figures of the chosen variant are then
  *selected on* these folds (reported as such in the model card).
* Writes ``<out>/themes_model.json`` (all reports), ``<out>/folds/<doc_id>/`` (the
  held-out models ``relnlp evaluate`` uses, so a report is never scored by a model trained
  on it) and ``<out>/lodo.json`` with the figures the model card quotes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os

# One BLAS thread: scikit-learn's L-BFGS is several times slower when threads compete.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
from pathlib import Path
from typing import Any

import numpy as np  # noqa: E402

from relnlp.evaluate import metrics
from relnlp.evaluate.baselines import keyword_themes
from relnlp.evaluate.dev import load_dev_gold
from relnlp.evaluate.scorecard import GoldDoc, load_gold
from relnlp.io import clean_view
from relnlp.themes import LabelledPassage, Taxonomy, ThemeClassifier, train
from relnlp.themes.classifier import RECIPE, ThemeModel
from relnlp.themes.context import passage_contexts

ROOT = Path(__file__).resolve().parent.parent
NAME = "themes-v2"
VARIANTS: list[dict[str, Any]] = [
    {"context": "none", "C": 1.0},
    {"context": "terms", "C": 1.0},
    {"context": "terms+prior", "C": 1.0},
    {"context": "terms", "C": 0.3},
    {"context": "terms", "C": 3.0},
    {"context": "terms", "C": 1.0, "prior_scale": 1.0, "cue_hits": True},
    {
        "context": "terms",
        "C": 1.0,
        "prior_scale": 1.0,
        "cue_hits": True,
        "doc_prior": 2.0,
        "near_prior": 1.0,
    },
]
SEED_DOCS = ("000_a36955c7ab553492", "004_880b6a600cf7a9c3")


def passages_of(doc: GoldDoc, with_context: bool) -> list[LabelledPassage]:
    """The gold passages of one report in the markup-free view, with their contexts."""
    view = clean_view(doc.text)
    spans = [
        (int(np.searchsorted(view.starts, p["start"])), int(np.searchsorted(view.starts, p["end"])))
        for p in doc.passages
    ]
    contexts = passage_contexts(view.text, spans) if with_context else [""] * len(spans)
    return [
        LabelledPassage(view.text[a:b], tuple(p["themes"]), doc.doc_id, c)
        for (a, b), p, c in zip(spans, doc.passages, contexts)
    ]


def all_docs(data: Path) -> list[GoldDoc]:
    docs = [d for d in load_gold(None) if d.passages]
    docs += [d for d in load_dev_gold(data) if "passages" in d.layers and d.passages]
    return docs


def train_variant(
    passages: list[LabelledPassage], tax: Taxonomy, variant: dict[str, Any], info: dict[str, Any]
) -> ThemeModel:
    """Train one variant (keys missing from older variants take the values they had then)."""
    return train(
        passages,
        tax,
        C=variant["C"],
        context_prior=variant["context"] == "terms+prior",
        prior_scale=variant.get("prior_scale", 3.0),
        cue_hits=variant.get("cue_hits", False),
        doc_prior=variant.get("doc_prior", 0.0),
        near_prior=variant.get("near_prior", 0.0),
        context_guard=variant.get("context_guard", ""),
        info=info,
    )


def lodo(
    docs: list[GoldDoc], tax: Taxonomy, variant: dict[str, Any], out: Path | None
) -> dict[str, Any]:
    """Leave-one-document-out figures of one variant (saving the fold models to ``out``)."""
    with_ctx = variant["context"] != "none"
    data = {d.doc_id: passages_of(d, with_ctx) for d in docs}
    ids = list(tax.ids)
    pooled: dict[str, list[list[str]]] = {"relnlp": [], "prior": [], "keywords": [], "gold": []}
    doc_of: list[str] = []
    per_fold: dict[str, Any] = {}
    for held in data:
        train_set = [p for d, ps in data.items() if d != held for p in ps]
        model = train_variant(
            train_set,
            tax,
            variant,
            {
                "name": NAME,
                "held_out": held,
                "variant": variant,
                "training_docs": sorted(set(data) - {held}),
            },
        )
        if out is not None:
            model.save(out / "folds" / held)
        texts = [p.text for p in data[held]]
        contexts = [p.context for p in data[held]]
        pred = [list(r.themes) for r in ThemeClassifier(tax, model).classify_many(texts, contexts)]
        prior = [list(r.themes) for r in ThemeClassifier(tax).classify_many(texts)]
        kw = [keyword_themes(t) for t in texts]
        gold = [list(p.themes) for p in data[held]]
        per_fold[held] = {
            "n_passages": len(gold),
            "positives": {t: sum(t in g for g in gold) for t in ids},
            "relnlp": metrics.multilabel_f1(pred, gold, ids),
            "keywords": metrics.multilabel_f1(kw, gold, ids),
        }
        pooled["relnlp"] += pred
        pooled["prior"] += prior
        pooled["keywords"] += kw
        pooled["gold"] += gold
        doc_of += [held] * len(gold)
    scores = {
        "relnlp (leave-one-document-out)": metrics.multilabel_f1(
            pooled["relnlp"], pooled["gold"], ids
        ),
        "taxonomy prior only (no training)": metrics.multilabel_f1(
            pooled["prior"], pooled["gold"], ids
        ),
        "keyword dictionary baseline": metrics.multilabel_f1(
            pooled["keywords"], pooled["gold"], ids
        ),
    }
    # The same held-out predictions pooled over the seed reports and over the dev reports.
    by_set: dict[str, Any] = {}
    for name, keep in (("seeds", lambda d: d in SEED_DOCS), ("dev", lambda d: d not in SEED_DOCS)):
        rows = [i for i, d in enumerate(doc_of) if keep(d)]
        gold_s = [pooled["gold"][i] for i in rows]
        by_set[name] = {
            sys_name: metrics.multilabel_f1([pooled[k][i] for i in rows], gold_s, ids)
            for sys_name, k in (("relnlp", "relnlp"), ("prior", "prior"), ("keywords", "keywords"))
        }
    return {"scores": scores, "per_fold": per_fold, "data": data, "by_set": by_set}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / NAME)
    ap.add_argument("--select", action="store_true", help="compare the variants first")
    ap.add_argument(
        "--context",
        default="terms+prior" if RECIPE["context_prior"] else "terms",
        choices=["none", "terms", "terms+prior"],
    )
    ap.add_argument("--C", type=float, default=RECIPE["C"])
    ap.add_argument(
        "--prior-scale", type=float, default=RECIPE["prior_scale"], help="factor on prior features"
    )
    ap.add_argument(
        "--cue-hits",
        action=argparse.BooleanOptionalAction,
        default=RECIPE["cue_hits"],
        help="cue-match counts as features",
    )
    ap.add_argument(
        "--doc-prior",
        type=float,
        default=RECIPE["doc_prior"],
        help="weight of the report's mean prior scores as features (0: none)",
    )
    ap.add_argument(
        "--near-prior",
        type=float,
        default=RECIPE["near_prior"],
        help="weight of the neighbouring passages' prior scores as features (0: none)",
    )
    ap.add_argument(
        "--context-guard",
        default=RECIPE["context_guard"],
        help="how far the report-level features may move a passage ('', cues, raise, cap:X)",
    )
    args = ap.parse_args()
    tax = Taxonomy.default()
    docs = all_docs(args.data)
    variant: dict[str, Any] = {
        "context": args.context,
        "C": args.C,
        "prior_scale": args.prior_scale,
        "cue_hits": args.cue_hits,
        "doc_prior": args.doc_prior,
        "near_prior": args.near_prior,
        "context_guard": args.context_guard,
    }
    selection = []
    if args.select:
        for v in VARIANTS:
            s = lodo(docs, tax, v, None)["scores"]["relnlp (leave-one-document-out)"]
            selection.append({"variant": v, "macro": s["macro"], **s})
            print(f"variant {v}: " + "  ".join(f"{k} {x:.3f}" for k, x in s.items()))
        variant = max(selection, key=lambda r: r["macro"])["variant"]
        print(f"selected {variant}")
    res = lodo(docs, tax, variant, args.out)
    for name, s in res["scores"].items():
        print(f"{name:38s} " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
    for set_name, rows in res["by_set"].items():
        print(f"  {set_name}: " + "  ".join(f"{k} macro {v['macro']:.3f}" for k, v in rows.items()))
    for held, f in res["per_fold"].items():
        print(
            f"  fold {held}: relnlp macro {f['relnlp']['macro']:.3f}  keywords macro {f['keywords']['macro']:.3f}"
        )
    everything = [p for ps in res["data"].values() for p in ps]
    final = train_variant(
        everything,
        tax,
        variant,
        {"name": NAME, "variant": variant, "training_docs": sorted(res["data"])},
    )
    final.save(args.out)
    ids = list(tax.ids)
    report = {
        "measured": dt.date.today().isoformat(),
        "taxonomy_version": tax.version,
        "variant": variant,
        "selected_by_lodo": bool(args.select),
        "selection": selection,
        "n_gold_passages": {d: len(ps) for d, ps in res["data"].items()},
        "positives": {t: sum(t in p.themes for p in everything) for t in ids},
        "scores": res["scores"],
        "scores_by_set": res["by_set"],
        "per_fold": res["per_fold"],
    }
    (args.out / "lodo.json").write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
