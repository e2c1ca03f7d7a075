#!/usr/bin/env python3
"""Inter-annotator agreement between two independent annotations of the seeds.

    python corpora/tools/agreement.py a b [--markdown]
    python corpora/tools/agreement.py --corpus dev a b
    python corpora/tools/agreement.py --corpus unseen a b

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


def _load(annotator: str, corpus: str = "seeds") -> dict[str, dict[str, Any]]:
    base = CORPORA / "annotations" if corpus == "seeds" else CORPORA / corpus / "annotations"
    build = base / annotator / "build"
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
        layers = set(a[doc].get("layers", ("entities", "dates", "passages")))
        if "entities" not in layers:
            a_ents: list[dict[str, Any]] = []
            b_ents: list[dict[str, Any]] = []
        else:
            a_ents, b_ents = a[doc]["entities"], b[doc]["entities"]
        ea = {(e["start"], e["end"]): e for e in a_ents}
        eb = {(e["start"], e["end"]): e for e in b_ents}
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
    out["events"] = _events(a, b, out["docs"])
    out["entity_disagreements_sample"] = disagreements[:40]
    return out


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """Rough sentence around ``at``: from the previous sentence end or line break."""
    import re

    start = 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+|\n", text[:at]):
        start = m.end()
    m = re.compile(r"[.!?][\"'”’)]*\s|\n").search(text, at)
    return start, (m.end() if m else len(text))


def _events(
    a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]], docs: list[str]
) -> dict[str, Any]:
    """Event agreement: exact trigger matches, and pairs in the same sentence (greedy,
    same trigger first, then same class); class, source, target and parties on pairs."""
    n_a = n_b = exact = pairs = cls = src = tgt = par = both_actors = 0
    for doc in docs:
        ev_a = a[doc].get("events")
        ev_b = b[doc].get("events")
        if ev_a is None or ev_b is None:
            continue
        text = a[doc].get("_text", "")
        n_a += len(ev_a)
        n_b += len(ev_b)
        exact += len({x["start"] for x in ev_a} & {y["start"] for y in ev_b})
        used: set[int] = set()
        for x in ev_a:
            sent = _sentence_of(text, x["start"]) if text else (x["start"] - 200, x["end"] + 200)
            cands = [
                (i, y)
                for i, y in enumerate(ev_b)
                if i not in used and sent[0] <= y["start"] < sent[1]
            ]
            if not cands:
                continue
            cands.sort(key=lambda iy: (iy[1]["start"] != x["start"], iy[1]["class"] != x["class"],
                                       abs(iy[1]["start"] - x["start"])))  # fmt: skip
            i, y = cands[0]
            used.add(i)
            pairs += 1
            cls += x["class"] == y["class"]
            src += x["source"] == y["source"]
            tgt += x["target"] == y["target"]
            par += sorted(x["parties"]) == sorted(y["parties"])
            both_actors += (x["source"], x["target"], sorted(x["parties"])) == (
                y["source"],
                y["target"],
                sorted(y["parties"]),
            )
    return {
        "a": n_a,
        "b": n_b,
        "trigger_exact_f1": round(_f1(exact, n_a, n_b), 4),
        "same_sentence_pair_f1": round(_f1(pairs, n_a, n_b), 4),
        "class_agreement_on_pairs": round(cls / pairs, 4) if pairs else None,
        "source_agreement_on_pairs": round(src / pairs, 4) if pairs else None,
        "target_agreement_on_pairs": round(tgt / pairs, 4) if pairs else None,
        "parties_agreement_on_pairs": round(par / pairs, 4) if pairs else None,
        "actors_all_agree_on_pairs": round(both_actors / pairs, 4) if pairs else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["seeds", "dev", "unseen"], default="seeds")
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args(argv)
    a, b = _load(args.a, args.corpus), _load(args.b, args.corpus)
    if args.corpus != "seeds":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import gold as gold_tool

        corp = gold_tool.corpus(args.corpus)
        for doc in a:
            a[doc]["_text"] = corp.text(doc)
    print(json.dumps(compare(a, b), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
