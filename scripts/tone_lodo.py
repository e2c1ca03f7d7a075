#!/usr/bin/env python3
"""Could a model learned from the gold passages beat the rule-based passage scores?

An experiment for issue 7, not part of the package. For each gold passage it takes
relnlp's sentence scores (the ``relnlp_tone`` component) and compares, by Spearman
correlation with the gold cooperation and tension labels:

* ``rules``: relnlp's passage score as shipped (no training);
* ``ridge(features)``: a ridge regression on passage features built from the sentence
  scores (max, mean, noisy-or, share of scored sentences, cue count, actors, ...);
* ``ridge(tf-idf)``: a ridge regression on the passage's words.

The learned systems are trained on one gold report and tested on the other
(leave-one-document-out, the only honest split with two reports); the ``rules`` row uses
no labels. Prints a Markdown table; ``--out FILE`` also writes it.

    python scripts/tone_lodo.py [--out benchmarks/results/tone_lodo.md]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

import numpy as np


def _passages() -> list[dict[str, Any]]:
    import relnlp
    from relnlp import records
    from relnlp.evaluate.scorecard import load_gold

    nlp = relnlp.load()
    rows = []
    for gold in load_gold():
        report = nlp.analyze(gold.text, doc_id=gold.doc_id, doc_date=gold.doc_date)
        sents = []
        for st in records.sentence_tones(report.doc) or []:
            a, b = report.raw_span(st.start, st.end) if st.end > st.start else (st.start, st.end)
            sents.append((a, b, st.cooperation, st.tension, st.cues, st.actors))
        predicted = report.passages
        for gp in gold.passages:
            overlap = np.minimum(predicted["end"], gp["end"]) - np.maximum(
                predicted["start"], gp["start"]
            )
            best = predicted.iloc[int(np.argmax(overlap))] if len(predicted) else None
            rows.append(
                {
                    "doc": gold.doc_id,
                    "text": gold.text[gp["start"] : gp["end"]],
                    "gold": {"cooperation": gp["cooperation"], "tension": gp["tension"]},
                    "rules": {
                        ax: float(best[ax]) if best is not None and overlap.max() > 0 else 0.0
                        for ax in ("cooperation", "tension")
                    },
                    "sents": [x for x in sents if x[0] >= gp["start"] and x[1] <= gp["end"]],
                }
            )
    return rows


def _features(p: dict[str, Any], axis: str) -> list[float]:
    k = 2 if axis == "cooperation" else 3
    ss = p["sents"]
    v = [s[k] for s in ss] or [0.0]
    n = max(1, len(ss))
    cues = sum(1 for s in ss for c in s[4] if c.startswith(axis))
    actors = len({a for s in ss for a in s[5]})
    dyadic = sum(1 for s in ss if s[k] > 0 and len(set(s[5])) >= 2)
    return [
        max(v),
        float(np.mean(v)),
        1 - float(np.prod([1 - x for x in v])),
        sum(x > 0 for x in v) / n,
        math.log1p(cues),
        math.log1p(actors),
        dyadic / n,
        math.log(n),
    ]


def _rho(x: Any, y: Any) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge

    rows = _passages()
    docs = np.array([r["doc"] for r in rows])
    names = sorted(set(docs))
    lines = [
        "| axis | system | pooled Spearman | " + " | ".join(names) + " |",
        "|---|---|---:|" + "---:|" * len(names),
    ]
    for axis in ("cooperation", "tension"):
        y = np.array([r["gold"][axis] for r in rows], dtype=float)
        X = np.array([_features(r, axis) for r in rows])
        texts = np.array([r["text"] for r in rows])
        preds = {"rules (shipped, no training)": np.array([r["rules"][axis] for r in rows])}
        ridge_f, ridge_t = np.zeros(len(y)), np.zeros(len(y))
        for d in names:
            train, test = docs != d, docs == d
            ridge_f[test] = Ridge(alpha=1.0).fit(X[train], y[train]).predict(X[test])
            vec = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts[train])
            model = Ridge(alpha=1.0).fit(vec.transform(texts[train]), y[train])
            ridge_t[test] = model.predict(vec.transform(texts[test]))
        preds["ridge(features), LODO"] = ridge_f
        preds["ridge(tf-idf), LODO"] = ridge_t
        for name, p in preds.items():
            per = " | ".join(f"{_rho(p[docs == d], y[docs == d]):.3f}" for d in names)
            lines.append(f"| {axis} | {name} | {_rho(p, y):.3f} | {per} |")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(
            "# Tone: rules vs models learned from the gold (leave-one-document-out)\n\n"
            "`python scripts/tone_lodo.py --out " + str(args.out) + "`; "
            f"{len(rows)} gold passages.\n\n" + table + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
