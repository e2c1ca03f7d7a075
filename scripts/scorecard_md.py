#!/usr/bin/env python3
"""Turn ``relnlp evaluate --set all --baselines --json`` output into the README's tables.

    relnlp evaluate --set all --baselines --json > benchmarks/results/scorecard.json
    python scripts/scorecard_md.py benchmarks/results/scorecard.json > benchmarks/results/scorecard.md

Several files (``--set all`` and a run of the held-out ``--set unseen``, which ``all``
leaves out) are joined in the order given; a set scored again in a later file replaces the
earlier file's rows of that set.

One table per set and split, one column per system, so every figure in the README names
its set, its split and the baselines measured in the same run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd


def tables(payload: dict[str, object]) -> str:
    rows = pd.DataFrame(payload["rows"])  # type: ignore[arg-type]
    out = [f"Measured {payload['measured']} with relnlp {payload['relnlp_version']}."]
    for (name, split), part in rows.groupby(["set", "split"], sort=False):
        systems = list(dict.fromkeys(part["system"]))
        out += ["", f"**{name}** ({split})", ""]
        out.append("| task | metric | n | " + " | ".join(systems) + " |")
        out.append("|---|---|---:|" + "---:|" * len(systems))
        keys = list(dict.fromkeys(zip(part["task"], part["metric"])))
        vals = {(r.task, r.metric, r.system): r.value for r in part.itertuples()}
        # n of the first system's row (relnlp): a baseline's own count (spaCy's matched
        # spans) is no gold count of the row
        ns: dict[tuple[str, str], object] = {}
        for r in part.itertuples():
            ns.setdefault((r.task, r.metric), r.n)
        for task, metric in keys:
            cells = []
            for s in systems:
                v = vals.get((task, metric, s))
                cells.append("" if v is None or pd.isna(v) else f"{v:.3f}")
            n = ns.get((task, metric))
            n_s = "" if n is None or pd.isna(n) else str(int(n))
            out.append(f"| {task} | {metric} | {n_s} | " + " | ".join(cells) + " |")
    skipped = {k: v for k, v in payload["sets"].items() if v["status"] != "ok"}  # type: ignore[union-attr]
    for name, info in skipped.items():
        out.append(f"\nSet {name} {info['status']}: {info['reason']}")
    return "\n".join(out) + "\n"


def joined(payloads: list[dict[str, object]]) -> dict[str, object]:
    """One payload from several runs, the first one's header: a set a later run scored
    again replaces the earlier run's rows of that set (a rerun after a merge)."""
    out = dict(payloads[0])
    rows: list[dict[str, object]] = []
    sets: dict[str, object] = {}
    for p in payloads:
        again = {k for k, v in p["sets"].items() if v["status"] == "ok"}  # type: ignore[attr-defined]
        rows = [r for r in rows if r["set"] not in again] + list(p["rows"])  # type: ignore[call-overload]
        sets.update(p["sets"])  # type: ignore[call-overload]
    out["rows"], out["sets"] = rows, sets
    return out


if __name__ == "__main__":
    files = [json.loads(Path(a).read_text("utf-8")) for a in sys.argv[1:]]
    print(tables(joined(files)), end="")
