#!/usr/bin/env python3
"""Errors of the event extractor on the reports it was developed on (never the held-out ones).

    .venv/bin/python scripts/event_errors.py [--dev ../shared/dev] [--doc ID] [--all]

Prints, per gold event of :data:`relnlp.evaluate.dev.EVENTS_DEVELOPED_ON`, the events that
relnlp missed (no predicted event in its sentence) or got wrong (source, target or
parties), with the sentence and relnlp's event there; then the figures of
:func:`relnlp.evaluate.events.score_events` with the first-two-names baseline. The three
reports held out for events are refused: their errors are not to be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--dev",
        type=Path,
        default=Path("/work/shared/dev")
        if not (ROOT.parent / "shared" / "dev").is_dir()
        else ROOT.parent / "shared" / "dev",
    )
    ap.add_argument("--doc", action="append", help="only these developed-on reports")
    ap.add_argument("--all", action="store_true", help="also list the right events")
    ap.add_argument("--fp", action="store_true", help="also list predicted events not in gold")
    args = ap.parse_args()
    import relnlp
    from relnlp.evaluate import events as ev
    from relnlp.evaluate.dev import EVENTS_DEVELOPED_ON, load_dev_gold

    wanted = set(args.doc or EVENTS_DEVELOPED_ON)
    if wanted - EVENTS_DEVELOPED_ON:
        raise SystemExit(f"refused: {sorted(wanted - EVENTS_DEVELOPED_ON)} are held out")
    docs = [d for d in load_dev_gold(args.dev) if d.doc_id in wanted]
    nlp = relnlp.load()
    gold_all: list[dict[str, Any]] = []
    pred_all: list[dict[str, Any]] = []
    base_all: list[dict[str, Any]] = []
    shift = 0
    for d in docs:
        r = nlp.analyze(relnlp.read(d.path), doc_id=d.doc_id, doc_date=d.doc_date)
        preds = r.events.to_dict("records")
        base = ev.first_two_names(r).to_dict("records")
        sents = r.sentences
        print(f"=== {d.doc_id}: {len(d.events)} gold, {len(preds)} predicted")
        for g in d.events:
            k = ev._find(g, preds)
            at = int(g["start"])
            row = sents[(sents["start"] <= at) & (sents["end"] > at)]
            sent = row["text"].iloc[0] if len(row) else "?"
            gl = (
                f"{g['class']} src={g['source'] or '-'} tgt={g['target'] or '-'}"
                f" parties={';'.join(g['parties']) or '-'}"
            )
            trig = d.text[g["start"] : g["end"]]
            if k is None:
                print(f"MISS [{trig}] gold {gl}\n   | {sent}")
                continue
            p = preds[k]
            s_ok, t_ok, _both = ev._judge(g, p)
            pl = (
                f"{p['type']} src={p['source'] or '-'} tgt={p['target'] or '-'}"
                f" parties={';'.join(p['parties']) or '-'} trig={p['trigger']}"
            )
            if s_ok and t_ok and not args.all:
                continue
            tag = "OK  " if s_ok and t_ok else ("SRC " if t_ok else ("TGT " if s_ok else "BOTH"))
            print(f"{tag} [{trig}] gold {gl}\n   pred {pl}\n   | {sent}")
        if args.fp:
            for p in preds:
                if not any(p["start"] <= int(g["start"]) < p["end"] for g in d.events):
                    print(
                        f"FP   [{p['trigger']}] {p['type']} src={p['source']} tgt={p['target']}"
                        f" parties={';'.join(p['parties'])}\n   | {p['text']}"
                    )
        for src, out in ((d.events, gold_all), (preds, pred_all), (base, base_all)):
            for x in src:
                y = dict(x)
                for key in ("start", "end", "trigger_start", "trigger_end"):
                    if key in y and y[key] is not None and y[key] == y[key]:
                        y[key] = int(y[key]) + shift
                out.append(y)
        shift += len(d.text) + 1
    s = ev.score_events(gold_all, pred_all, baseline=base_all)
    n, g = s["n_found"], s["n_gold"]
    for key in ("source_accuracy", "target_accuracy", "source_target_accuracy"):
        s[key + "_all_gold"] = round(s[key] * n / g, 4) if g else float("nan")
    for key, value in s.items():
        print(f"{key:42s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
