#!/usr/bin/env python3
"""Score relnlp's events and the first-two-names baseline on corpora/dev/events_selfcheck.jsonl.

The labels are one developer's own reading of sentences sampled from the dev reports
(``../shared/dev/reports``; not in this repository): one JSON object per sentence with
the report's file name and sha256, the sentence's offsets into ``relnlp.read(file).text``,
a ``split`` (``tune``: looked at while developing, figures are tuned; ``heldout``:
labelled before, and scored only after, the last change to the extractor) and its gold
events (trigger offsets, class, source, target, parties, date). No text is stored.

    .venv/bin/python scripts/events_selfcheck.py [--dev ../shared/dev] [--json]

Predictions are restricted to the labelled sentences (a labelled sentence without gold
events is a place where any predicted event is a false positive).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "corpora" / "dev" / "events_selfcheck.jsonl"
SHIFT = 10**9  # offsets of the k-th report are shifted by k * SHIFT to score all at once


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    reports = args.dev / "reports"
    if not reports.is_dir():
        print(f"skipped: {reports} is absent (the dev reports are not in the repository)")
        return 0
    import relnlp
    from relnlp.evaluate.events import first_two_names, score_events

    rows = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    nlp = relnlp.load()
    files = sorted({r["file"] for r in rows})
    preds: dict[str, pd.DataFrame] = {}
    bases: dict[str, pd.DataFrame] = {}
    for k, name in enumerate(files):
        path = reports / name
        want = next(r["sha256"] for r in rows if r["file"] == name)
        if hashlib.sha256(path.read_bytes()).hexdigest() != want:
            print(f"error: {name} differs from the labelled version (sha256)", file=sys.stderr)
            return 1
        rep = nlp.analyze(relnlp.read(path))
        for frame, store in ((rep.events, preds), (first_two_names(rep), bases)):
            store[name] = frame.assign(
                start=frame["start"] + k * SHIFT, end=frame["end"] + k * SHIFT
            )
            if "trigger_start" in frame:
                store[name]["trigger_start"] = frame["trigger_start"] + k * SHIFT
    results: dict[str, Any] = {}
    for split in sorted({r["split"] for r in rows}) + ["all"]:
        chosen = [r for r in rows if split in ("all", r["split"])]
        gold: list[dict[str, Any]] = []
        spans: set[tuple[int, int]] = set()
        for r in chosen:
            k = files.index(r["file"])
            spans.add((r["start"] + k * SHIFT, r["end"] + k * SHIFT))
            for g in r["events"]:
                gold.append({**g, "start": g["start"] + k * SHIFT, "end": g["end"] + k * SHIFT})

        def inside(df: pd.DataFrame, spans: set[tuple[int, int]] = spans) -> pd.DataFrame:
            keep = [any(a <= s < b for a, b in spans) for s in df["start"]]
            return df[keep]

        pred = inside(pd.concat(preds.values(), ignore_index=True))
        base = inside(pd.concat(bases.values(), ignore_index=True))
        s = score_events(gold, pred, baseline=base)
        s["n_sentences"] = len(chosen)
        results[split] = s
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    keys = [
        "n_sentences",
        "n_gold",
        "n_predicted",
        "n_found",
        "recall",
        "precision",
        "source_accuracy",
        "target_accuracy",
        "source_target_accuracy",
        "class_accuracy",
        "date_accuracy",
        "baseline_source_accuracy_same",
        "baseline_target_accuracy_same",
        "baseline_source_target_accuracy_same",
        "baseline_source_target_accuracy",
    ]
    print(pd.DataFrame({k: {key: results[k].get(key) for key in keys} for k in results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
