#!/usr/bin/env python3
"""List where two annotators differ on one report, for adjudication.

    python corpora/tools/diff.py [--corpus dev] a b DOC_ID

Reads the built JSON of both annotators (``gold.py build``) and prints, layer by layer,
every entity, date, passage and event on which they differ, with the sentence around it.
The adjudicator decides each line by reading the text against the guidelines, edits the
``gold`` annotator's TSV files (usually a copy of one annotator's) and logs the decisions
in corpora/AGREEMENT.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gold as gold_tool  # noqa: E402
from agreement import _sentence_of  # noqa: E402


def _load(corp: Any, annotator: str, doc: str) -> dict[str, Any]:
    path = corp.annotations / annotator / "build" / f"{doc}.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _ctx(text: str, at: int) -> str:
    s, e = _sentence_of(text, at)
    return text[s:e].strip().replace("\n", " ")[:300]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["seeds", "dev"], default="seeds")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("doc")
    args = ap.parse_args(argv)
    corp = gold_tool.corpus(args.corpus)
    text = corp.text(args.doc)
    a, b = _load(corp, args.a, args.doc), _load(corp, args.b, args.doc)
    for layer, keyf, show in (
        (
            "entities",
            lambda x: (x["start"], x["end"]),
            lambda x: f"{x['text']!r} {x['label']} -> {x['canonical']}",
        ),
        (
            "dates",
            lambda x: (x["start"], x["end"]),
            lambda x: f"{x['text']!r} {x['value']} {x['mod'] or ''}",
        ),
    ):
        ma = {keyf(x): x for x in a.get(layer, [])}
        mb = {keyf(x): x for x in b.get(layer, [])}
        for k in sorted(ma.keys() | mb.keys()):
            x, y = ma.get(k), mb.get(k)
            if x and y and show(x) == show(y):
                continue
            print(f"[{layer} @{k[0]}] a: {show(x) if x else '-'} | b: {show(y) if y else '-'}")
            print(f"    {_ctx(text, k[0])}")
    pa = {tuple(p["blocks"]): p for p in a.get("passages", [])}
    pb = {tuple(p["blocks"]): p for p in b.get("passages", [])}
    for k in sorted(pa.keys() | pb.keys()):
        x, y = pa.get(k), pb.get(k)
        fx = (x["kind"], x["themes"], x["cooperation"], x["tension"]) if x else None
        fy = (y["kind"], y["themes"], y["cooperation"], y["tension"]) if y else None
        if fx != fy:
            print(f"[passage blocks {'+'.join(map(str, k))}] a: {fx} | b: {fy}")
            first = (x or y)["first_words"].replace("\n", " ")  # type: ignore[index]
            print(f"    {first}...")
    ev_a, ev_b = a.get("events", []), b.get("events", [])

    def fmt(e: dict[str, Any]) -> str:
        return (f"{e['text']!r} {e['class']} src={e['source'] or '-'} tgt={e['target'] or '-'} "
                f"parties={';'.join(e['parties']) or '-'} date={e['date'] or '-'}")  # fmt: skip

    sents: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    for who, evs in ((0, ev_a), (1, ev_b)):
        for e in evs:
            sents.setdefault(_sentence_of(text, e["start"]), ([], []))[who].append(fmt(e))
    for span in sorted(sents):
        xa, xb = sents[span]
        if sorted(xa) == sorted(xb):
            continue
        print(f"[events @{span[0]}] {text[span[0] : span[1]].strip()[:300]!r}")
        for e in xa:
            print(f"    a: {e}")
        for e in xb:
            print(f"    b: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
