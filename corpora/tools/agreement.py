#!/usr/bin/env python3
"""Inter-annotator agreement between two independent annotations of the seeds.

    python corpora/tools/agreement.py a b [--markdown]

Reads ``corpora/annotations/<x>/build/<doc_id>.json`` (made by ``gold.py build``) and
reports, over both reports together:

* entities: strict span+label F1 of b against a (symmetric), span-only F1, label agreement
  and canonical-name agreement on spans both marked;
* dates: strict and relaxed (overlap) span F1, value and mod agreement on strict matches;
* passages: Cohen's kappa per theme on passages both delimited the same way, and
  quadratically weighted kappa for cooperation and tension (scikit-learn's
  ``cohen_kappa_score``, the same statistic as ``nltk.metrics.agreement``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parent.parent
THEMES = ("counterterrorism", "color_revolution", "geoeconomics")


def _load(annotator: str) -> dict[str, dict[str, Any]]:
    build = CORPORA / "annotations" / annotator / "build"
    docs = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(build.glob("*.json"))}
    if not docs:
        sys.exit(f"no built annotations in {build}; run gold.py build {annotator}")
    return docs


def _f1(tp: int, n_a: int, n_b: int) -> float:
    return 2 * tp / (n_a + n_b) if n_a + n_b else 1.0


def _overlap(x: dict[str, Any], y: dict[str, Any]) -> bool:
    return bool(x["start"] < y["end"] and y["start"] < x["end"])


def compare(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from sklearn.metrics import cohen_kappa_score

    out: dict[str, Any] = {"docs": sorted(set(a) & set(b))}
    n_a = n_b = tp = span_tp = canon_ok = 0
    d_na = d_nb = d_tp = d_relaxed = val_ok = mod_ok = 0
    disagreements: list[str] = []
    theme_pairs: dict[str, tuple[list[int], list[int]]] = {t: ([], []) for t in THEMES}
    coop: tuple[list[int], list[int]] = ([], [])
    tens: tuple[list[int], list[int]] = ([], [])
    p_na = p_nb = p_same = 0
    for doc in out["docs"]:
        ea = {(e["start"], e["end"]): e for e in a[doc]["entities"]}
        eb = {(e["start"], e["end"]): e for e in b[doc]["entities"]}
        n_a += len(ea)
        n_b += len(eb)
        for key in ea.keys() & eb.keys():
            span_tp += 1
            if ea[key]["label"] == eb[key]["label"]:
                tp += 1
            canon_ok += ea[key]["canonical"] == eb[key]["canonical"]
        da = {(d["start"], d["end"]): d for d in a[doc]["dates"]}
        db = {(d["start"], d["end"]): d for d in b[doc]["dates"]}
        d_na += len(da)
        d_nb += len(db)
        for key in da.keys() & db.keys():
            d_tp += 1
            val_ok += da[key]["value"] == db[key]["value"]
            mod_ok += da[key]["mod"] == db[key]["mod"]
        d_relaxed += sum(any(_overlap(x, y) for y in db.values()) for x in da.values())
        pa = {(p["start"], p["end"]): p for p in a[doc]["passages"]}
        pb = {(p["start"], p["end"]): p for p in b[doc]["passages"]}
        p_na += len(pa)
        p_nb += len(pb)
        for key in sorted(pa.keys() & pb.keys()):
            p_same += 1
            for t in THEMES:
                theme_pairs[t][0].append(int(t in pa[key]["themes"]))
                theme_pairs[t][1].append(int(t in pb[key]["themes"]))
            coop[0].append(pa[key]["cooperation"])
            coop[1].append(pb[key]["cooperation"])
            tens[0].append(pa[key]["tension"])
            tens[1].append(pb[key]["tension"])
        for key in sorted(ea.keys() ^ eb.keys()):
            who = "a" if key in ea else "b"
            e = (ea if who == "a" else eb)[key]
            disagreements.append(f"{doc} entity only {who}: {e['text']!r} {e['label']}")
    out["entities"] = {
        "a": n_a,
        "b": n_b,
        "strict_f1": round(_f1(tp, n_a, n_b), 4),
        "span_f1": round(_f1(span_tp, n_a, n_b), 4),
        "label_agreement_on_shared_spans": round(tp / span_tp, 4) if span_tp else None,
        "canonical_agreement_on_shared_spans": round(canon_ok / span_tp, 4) if span_tp else None,
    }
    out["dates"] = {
        "a": d_na,
        "b": d_nb,
        "strict_f1": round(_f1(d_tp, d_na, d_nb), 4),
        "relaxed_recall_of_a_in_b": round(d_relaxed / d_na, 4) if d_na else None,
        "value_agreement_on_shared_spans": round(val_ok / d_tp, 4) if d_tp else None,
        "mod_agreement_on_shared_spans": round(mod_ok / d_tp, 4) if d_tp else None,
    }

    def kappa(x: list[int], y: list[int], weights: str | None = None) -> float | None:
        if not x or (len(set(x)) == 1 and set(x) == set(y)):
            return None  # undefined: no variation
        return round(float(cohen_kappa_score(x, y, weights=weights)), 4)

    out["passages"] = {
        "a": p_na,
        "b": p_nb,
        "same_boundaries": p_same,
        "theme_kappa": {t: kappa(*theme_pairs[t]) for t in THEMES},
        "cooperation_weighted_kappa": kappa(*coop, weights="quadratic"),
        "tension_weighted_kappa": kappa(*tens, weights="quadratic"),
    }
    out["entity_disagreements_sample"] = disagreements[:40]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args(argv)
    print(json.dumps(compare(_load(args.a), _load(args.b)), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
