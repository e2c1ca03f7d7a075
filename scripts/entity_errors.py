#!/usr/bin/env python3
"""List relnlp's entity errors on gold reports, by type, for error analysis.

    python scripts/entity_errors.py [--set seeds|dev] [--doc ID ...] [--only-scores]

For each chosen gold report (seeds: the packaged seed gold; dev: the development gold,
texts from ../shared/dev), relnlp analyses the text as ``relnlp evaluate`` does and every
difference from the gold is printed with its type:

* ``LABEL``  same span, other label;   * ``BOUND`` overlapping spans, other extent;
* ``FP``     a predicted span that overlaps no gold span;
* ``FN``     a gold span that overlaps no prediction;
* ``CANON``  same span, other canonical name.

``--only-scores`` prints the per-label F1 and canonical accuracy of the chosen reports
only (use it for reports kept out of error analysis: figures, not errors). Development
texts are never printed beyond the mention and a few words around it.
"""

from __future__ import annotations

import argparse
import collections
import sys
from typing import Any

from relnlp.evaluate import metrics
from relnlp.evaluate import scorecard as sc


def _docs(which: str) -> list[sc.GoldDoc]:
    if which == "seeds":
        return sc.load_gold()
    from relnlp.evaluate.dev import load_dev_gold
    from relnlp.evaluate.sets import default_data_dir

    data = default_data_dir()
    if data is None:
        sys.exit("no development data (../shared/dev) found")
    return [d for d in load_dev_gold(data) if "entities" in d.layers]


def _ctx(text: str, a: int, b: int, width: int = 40) -> str:
    left = text[max(0, a - width) : a].replace("\n", " ")
    right = text[b : b + width].replace("\n", " ")
    return f"...{left}[{text[a:b]}]{right}..."


def _errors(doc: sc.GoldDoc, pred: list[dict[str, Any]]) -> list[tuple[str, str]]:
    pred = [p for p in pred if p["label"] in doc.entity_labels]
    gold = doc.entities
    out: list[tuple[str, str]] = []
    by_span = {(g["start"], g["end"]): g for g in gold}
    pspans = {(int(p["start"]), int(p["end"])): p for p in pred}
    for (a, b), p in sorted(pspans.items()):
        g = by_span.get((a, b))
        if g is not None:
            if g["label"] != p["label"]:
                out.append(("LABEL", f"{g['label']}->{p['label']} {_ctx(doc.text, a, b)}"))
            if g["canonical"] != p["canonical"]:
                out.append(("CANON", f"{p['label']} {p['canonical']!r} gold {g['canonical']!r}"))
            continue
        over = [x for x in gold if x["start"] < b and a < x["end"]]
        if over:
            for x in over:
                if (x["start"], x["end"]) in pspans:
                    continue
                out.append(
                    (
                        "BOUND",
                        f"gold {x['label']} {doc.text[x['start'] : x['end']]!r} pred "
                        f"{p['label']} {doc.text[a:b]!r} {_ctx(doc.text, min(a, x['start']), max(b, x['end']))}",
                    )
                )
        else:
            out.append(("FP", f"{p['label']} {_ctx(doc.text, a, b)}"))
    for g in gold:
        a, b = g["start"], g["end"]
        if (a, b) in pspans:
            continue
        if not any(int(p["start"]) < b and a < int(p["end"]) for p in pred):
            out.append(("FN", f"{g['label']} {_ctx(doc.text, a, b)} -> {g['canonical']!r}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["seeds", "dev"], default="dev")
    ap.add_argument("--doc", nargs="*", default=None, help="doc_id prefixes (default: all)")
    ap.add_argument("--only-scores", action="store_true")
    args = ap.parse_args(argv)
    docs = _docs(args.set)
    if args.doc:
        docs = [d for d in docs if any(d.doc_id.startswith(x) for x in args.doc)]
    run = sc.relnlp_system()
    preds = [run(d) for d in docs]
    if not args.only_scores:
        for d, p in zip(docs, preds):
            errs = _errors(d, p.entities or [])
            print(f"== {d.doc_id}: {len(errs)} differences")
            for kind, line in sorted(errs):
                print(f"{kind:6} {line}")
    pred, gold = sc._pool(docs, preds, "entities")
    counts = collections.Counter(g["label"] for g in gold)
    for lab in sc.ENTITY_LABELS:
        r = metrics.span_prf(pred, gold, only_label=lab)
        if r.n_gold or r.n_pred:
            print(f"{lab:8} F1 {r.f1:.3f} P {r.precision:.3f} R {r.recall:.3f} n={counts[lab]}")
    micro = metrics.span_prf(pred, gold)
    by_span = {(g["start"], g["end"]): g for g in gold}
    matched = [
        (p, by_span[(p["start"], p["end"])]) for p in pred if (p["start"], p["end"]) in by_span
    ]
    acc = sum(p["canonical"] == g["canonical"] for p, g in matched) / max(1, len(matched))
    print(f"micro    F1 {micro.f1:.3f} P {micro.precision:.3f} R {micro.recall:.3f} n={len(gold)}")
    print(f"canonical accuracy {acc:.3f} on {len(matched)} matched spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
