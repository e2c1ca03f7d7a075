#!/usr/bin/env python3
"""Train the packaged theme model and measure it leave-one-document-out.

    python scripts/train_themes.py [--gold DIR] [--out models/themes-v1]

* Labelled passages: every gold passage (corpora/gold via the packaged copy), its text with
  markup removed, plus the default taxonomy's own examples.
* Leave-one-document-out: for each gold report, a model trained without it scores its
  passages; per-theme F1 and macro-F1 are pooled over the folds. The same figures for the
  taxonomy prior alone and for the keyword-dictionary baseline are printed beside them.
* Writes ``<out>/themes_model.json`` (all gold), ``<out>/folds/<doc_id>/themes_model.json``
  (the held-out models ``relnlp evaluate`` uses, so a report is never scored by a model
  trained on it) and ``<out>/lodo.json`` with the figures the model card quotes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from relnlp.evaluate import metrics
from relnlp.evaluate.scorecard import load_gold
from relnlp.io import clean_view
from relnlp.themes import LabelledPassage, Taxonomy, ThemeClassifier, train

ROOT = Path(__file__).resolve().parent.parent


def gold_passages(gold_dir: Path | None) -> dict[str, list[LabelledPassage]]:
    out: dict[str, list[LabelledPassage]] = {}
    for doc in load_gold(gold_dir):
        out[doc.doc_id] = [
            LabelledPassage(clean_view(doc.text[p["start"] : p["end"]]).text,
                            tuple(p["themes"]), doc.doc_id)
            for p in doc.passages or []
        ]  # fmt: skip
    return out


def keyword_themes(text: str) -> list[str]:
    from relnlp.evaluate.baselines import keyword_themes as kw

    return list(kw(text))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "themes-v1")
    args = ap.parse_args()
    tax = Taxonomy.default()
    data = gold_passages(args.gold)
    ids = list(tax.ids)
    gold_labels, lodo, prior_only, keywords = [], [], [], []
    per_fold = {}
    for held in data:
        train_set = [p for d, ps in data.items() if d != held for p in ps]
        model = train(train_set, tax, info={"name": "themes-v1", "held_out": held,
                                            "training_docs": sorted(set(data) - {held})})  # fmt: skip
        model.save(args.out / "folds" / held)
        clf = ThemeClassifier(tax, model)
        prior = ThemeClassifier(tax)
        texts = [p.text for p in data[held]]
        fold_pred = [list(r.themes) for r in clf.classify_many(texts)]
        fold_gold = [list(p.themes) for p in data[held]]
        per_fold[held] = metrics.multilabel_f1(fold_pred, fold_gold, ids)
        lodo += fold_pred
        gold_labels += fold_gold
        prior_only += [list(r.themes) for r in prior.classify_many(texts)]
        keywords += [keyword_themes(t) for t in texts]
    scores = {
        "relnlp (leave-one-document-out)": metrics.multilabel_f1(lodo, gold_labels, ids),
        "taxonomy prior only (no training)": metrics.multilabel_f1(prior_only, gold_labels, ids),
        "keyword dictionary baseline": metrics.multilabel_f1(keywords, gold_labels, ids),
    }
    for name, s in scores.items():
        print(f"{name:38s} " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
    for held, s in per_fold.items():
        print(f"  fold held out {held}: " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
    everything = [p for ps in data.values() for p in ps]
    final = train(everything, tax, info={"name": "themes-v1", "training_docs": sorted(data)})
    final.save(args.out)
    report = {
        "measured": dt.date.today().isoformat(),
        "taxonomy_version": tax.version,
        "n_gold_passages": {d: len(ps) for d, ps in data.items()},
        "positives": {t: sum(t in p.themes for p in everything) for t in ids},
        "scores": scores,
        "per_fold": per_fold,
    }
    (args.out / "lodo.json").write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
