#!/usr/bin/env python3
"""Cross-corpus entity check on news: relnlp against bare spaCy on GUM Wikinews names.

    python scripts/gum_news_check.py [--errors]

The gold is ``corpora/gum_news/gum_news_names.txt``: the opening sentences of five
Wikinews documents of the GUM corpus (``GUM_news_*``), with the named person, place and
organization mentions of GUM's entity layer marked ``{text|type}`` (see the README there
for the derivation rule and the licence). ``{text|-}`` marks a region left out of
scoring: a GUM mention that is no clean name (adjectives of nationality, group nouns such
as "Rohingya", elliptical "the North", names inside a lower-case head such as
"Indonesian navy") or a name of a type outside the mapping (a ship, a book).

Label mapping (GUM has no GPE; a state is ``organization`` when it acts, ``place`` when
it is a location):

* ``person``       -> PERSON
* ``place``        -> GPE, LOC or FAC (one class)
* ``organization`` -> ORG or GPE (GUM types an acting state, "North Korea fired", as an
  organization; relnlp and OntoNotes call it GPE)

Scored predictions are PERSON, ORG, GPE, LOC and FAC; NORP, dates and the rest are not
scored (GUM marks no nationality adjectives). A prediction overlapping a ``{..|-}`` region
is not scored. Strict: a hit needs the exact span and a compatible label. ``untyped``
needs the exact span only.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "gum_news" / "gum_news_names.txt"
HELDOUT = ROOT / "corpora" / "gum_news" / "gum_news_heldout.txt"
SCORED = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
ALLOWED = {
    "person": {"PERSON"},
    "place": {"GPE", "LOC", "FAC"},
    "organization": {"ORG", "GPE"},
}
_MARK = re.compile(r"\{([^{}|]+)\|([a-z-]+)\}")


@dataclass
class Doc:
    """One GUM news document: plain text, gold names and ignored regions."""

    doc_id: str
    date: str
    text: str = ""
    gold: list[tuple[int, int, str]] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)


def load(path: Path = GOLD) -> list[Doc]:
    """Parse the marked-up file into documents with character offsets."""
    docs: list[Doc] = []
    body: list[str] = []

    def close() -> None:
        if not docs:
            return
        raw = "\n".join(body).strip("\n")
        d = docs[-1]
        out: list[str] = []
        pos = 0
        last = 0
        for m in _MARK.finditer(raw):
            out.append(raw[last : m.start()])
            pos += m.start() - last
            surface, kind = m.group(1), m.group(2)
            if kind == "-":
                d.ignore.append((pos, pos + len(surface)))
            else:
                d.gold.append((pos, pos + len(surface), kind))
            out.append(surface)
            pos += len(surface)
            last = m.end()
        out.append(raw[last:])
        d.text = "".join(out)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# doc "):
            close()
            body = []
            parts = [p.strip() for p in line[len("# doc ") :].split("|")]
            docs.append(Doc(doc_id=parts[0], date=parts[1].removeprefix("date ").strip()))
        else:
            body.append(line)
    close()
    return docs


def _overlaps(a: int, b: int, regions: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in regions)


def score(docs: list[Doc], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """Strict and untyped scores, per GUM type, and the error list."""
    tp = fp = fn = 0
    utp = 0
    per: dict[str, list[int]] = {k: [0, 0, 0] for k in ALLOWED}
    errors: list[str] = []
    for d, pred in zip(docs, preds):
        ps = [
            (int(p["start"]), int(p["end"]), str(p["label"]))
            for p in pred
            if p["label"] in SCORED and not _overlaps(int(p["start"]), int(p["end"]), d.ignore)
        ]
        gold = {(a, b): k for a, b, k in d.gold}
        matched: set[tuple[int, int]] = set()
        for a, b, lab in ps:
            k = gold.get((a, b))
            if k is not None:
                utp += 1
            if k is not None and lab in ALLOWED[k] and (a, b) not in matched:
                tp += 1
                per[k][0] += 1
                matched.add((a, b))
            else:
                fp += 1
                if k is not None:
                    per[k][1] += 1
                errors.append(f"{d.doc_id} FP {lab:6} {d.text[a:b]!r} (gold {k})")
        for (a, b), k in gold.items():
            if (a, b) not in matched:
                fn += 1
                per[k][2] += 1
                errors.append(f"{d.doc_id} FN {k:12} {d.text[a:b]!r}")
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = tp + fp
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    up = utp / n_pred if n_pred else 0.0
    ur = utp / n_gold if n_gold else 0.0
    uf = 2 * up * ur / (up + ur) if up + ur else 0.0
    recall_by_type = {k: v[0] / max(1, v[0] + v[2]) for k, v in per.items()}
    return {
        "p": p,
        "r": r,
        "f1": f,
        "untyped_f1": uf,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "recall_by_type": recall_by_type,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list each system's errors")
    ap.add_argument(
        "--heldout",
        action="store_true",
        help="score gum_news_heldout.txt (two documents kept out of development) instead",
    )
    args = ap.parse_args(argv)
    import spacy

    import relnlp

    docs = load(HELDOUT if args.heldout else GOLD)
    nlp = relnlp.load()
    from relnlp.about import DEFAULT_MODEL

    bare = spacy.load(DEFAULT_MODEL)
    systems = {
        "relnlp": [
            nlp.analyze(d.text, doc_id=d.doc_id, doc_date=d.date).entities.to_dict("records")
            for d in docs
        ],
        "spaCy": [
            [
                {"start": e.start_char, "end": e.end_char, "label": e.label_}
                for e in bare(d.text).ents
            ]
            for d in docs
        ],
    }
    for name, preds in systems.items():
        s = score(docs, preds)
        rec = " ".join(f"{k} {v:.3f}" for k, v in s["recall_by_type"].items())
        print(
            f"{name:7} strict F1 {s['f1']:.3f} (P {s['p']:.3f} R {s['r']:.3f}) "
            f"untyped F1 {s['untyped_f1']:.3f}  recall: {rec}  gold {s['n_gold']} pred {s['n_pred']}"
        )
        if args.errors:
            for e in s["errors"]:
                print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
