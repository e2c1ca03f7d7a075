"""Inter-annotator agreement between two TIMEX3 files in the ``corpora/time_gum`` format.

``python scripts/time_gum_agreement.py A.jsonl B.jsonl [--list]`` scores the documents the
two files share (their texts must be identical) with TempEval-3's measures, ``A`` taken as
the reference (F1 is symmetric): strict and relaxed span P/R/F1, type and value agreement
on the relaxed matches (value+mod too), per document and pooled, as a markdown table.
``--list`` also prints every disagreement: spans only one annotator marked, and matched
spans whose extent, type, value or mod differ. Parsing and scoring only: no system runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from relnlp.evaluate import metrics
from relnlp.evaluate.timebank import TimeDoc, score_timexes

Record = dict[str, Any]


def read(path: Path) -> dict[str, Record]:
    """The documents of a ``time_gum`` JSON-lines file, by ``doc``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["doc"]: r for r in (json.loads(line) for line in lines if line.strip())}


def agreement(a: list[Record], b: list[Record]) -> dict[str, float | int]:
    """TempEval-3 scores of ``b`` against ``a`` plus value+mod agreement on the matches."""
    docs = [TimeDoc(r["doc"], r["text"], r["dct"] or "", r["timexes"]) for r in a]
    scores = score_timexes(docs, [r["timexes"] for r in b])
    pairs = [(x, y) for ra, rb in zip(a, b) for x, y in matched(ra["timexes"], rb["timexes"])]
    same = sum(1 for x, y in pairs if (x["value"], x["mod"]) == (y["value"], y["mod"]))
    return {**scores, "value_mod_accuracy": same / len(pairs) if pairs else 0.0}


def matched(a: list[Record], b: list[Record]) -> list[tuple[Record, Record]]:
    """One-to-one overlap pairs (TempEval-3 relaxed matching), in text order."""
    pairs = [(a[i], b[j]) for j, i in metrics.match_relaxed(b, a)]
    return sorted(pairs, key=lambda p: p[0]["start"])


def disagreements(a: Record, b: Record) -> list[str]:
    """One line per disagreement between two annotations of the same document."""
    pairs = matched(a["timexes"], b["timexes"])
    in_pairs_a = {id(x) for x, _ in pairs}
    in_pairs_b = {id(y) for _, y in pairs}
    out = [f"only A  {show(x)}" for x in a["timexes"] if id(x) not in in_pairs_a]
    out += [f"only B  {show(y)}" for y in b["timexes"] if id(y) not in in_pairs_b]
    for x, y in pairs:
        diff = [k for k in ("start", "end", "type", "value", "mod") if x[k] != y[k]]
        if diff:
            out.append(f"differ  A {show(x)} | B {show(y)}")
    return [f"{a['doc']}  {line}" for line in out]


def show(t: Record) -> str:
    mod = f" {t['mod']}" if t["mod"] else ""
    return f"[{t['start']}:{t['end']}] {t['text']!r} {t['type']} {t['value']}{mod}"


def table(rows: list[tuple[str, dict[str, float | int]]]) -> str:
    """The scores as a markdown table."""
    cols = ["n_gold", "n_pred", "strict_f1", "relaxed_f1", "type_accuracy", "value_accuracy"]
    cols += ["value_mod_accuracy", "value_f1"]
    head = "| doc | n A | n B | strict F1 | relaxed F1 | type agr. | value agr. "
    lines = [head + "| value+mod agr. | value F1 |", "|---" * (len(cols) + 1) + "|"]
    for name, s in rows:
        cells = [str(s[c]) if isinstance(s[c], int) else f"{s[c]:.3f}" for c in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path, help="reference annotation (JSON lines)")
    ap.add_argument("b", type=Path, help="second annotation (JSON lines)")
    ap.add_argument("--list", action="store_true", help="print every disagreement")
    args = ap.parse_args(argv)
    a, b = read(args.a), read(args.b)
    shared = [d for d in a if d in b]
    bad = [d for d in shared if a[d]["text"] != b[d]["text"]]
    if bad or not shared:
        print(f"no shared documents or different texts: {bad}", file=sys.stderr)
        return 1
    rows = [(d, agreement([a[d]], [b[d]])) for d in shared]
    rows.append(("**pooled**", agreement([a[d] for d in shared], [b[d] for d in shared])))
    print(table(rows))
    if args.list:
        print()
        print("\n".join(line for d in shared for line in disagreements(a[d], b[d])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
