#!/usr/bin/env python3
"""Events on coded event sentences: does relnlp find the act a coder saw, and of its class?

    .venv/bin/python scripts/events_coded.py [--dev ../shared/dev] [--file news|un]
        [--half even|odd|both] [--sample N] [--errors K] [--json]

The sentences are ``tone/news_cameo_train.tsv`` (news, CAMEO classes: ``statement`` for
CAMEO 01-02, then the four quad classes) and ``tone/un_quadclass.tsv`` (UN documents, quad
classes and ``irrelevant``) of the development folder. Each file is split by line parity
(data row 1, 3, 5 ... odd; 2, 4, 6 ... even): develop on the **even** rows, report the
**odd** rows once, as held out. ``--sample N`` keeps every k-th row of the half so that N
remain (the UN file has 5,979 rows).

Figures per half, on the sentences coded with a quad class (not ``statement`` nor
``irrelevant``):

* ``found``: share with at least one relnlp event;
* ``class``: share whose strongest event (largest ``|goldstein|``) has the sentence's quad
  class (a sentence without an event counts wrong); ``class_found``: the same over the
  sentences with an event;
* ``actors``: share of the sentences with an event whose strongest event has a source and
  a target, or two parties;
* ``baseline_class``: the majority quad class of the half, for every sentence;
* on ``statement`` sentences, ``statement_found`` (any event) and ``statement_coded``
  (an event of CAMEO root 01 or 02); on ``irrelevant`` ones, ``irrelevant_found`` (an event
  where the coders saw none: a false-alarm rate, noisy since ``irrelevant`` also holds acts
  between actors the coders did not code).

No model is trained here; the odd rows are for a final held-out figure only. The scoring
is :mod:`relnlp.evaluate.events_coded` (``relnlp evaluate --set events-news`` gives the
news figures of both halves).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from relnlp.evaluate.events_coded import FILES, QUAD, predict, read_half, score, strongest

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_dev = ROOT.parent / "shared" / "dev"
    if not default_dev.is_dir():
        default_dev = Path("/work/shared/dev")
    ap.add_argument("--dev", type=Path, default=default_dev)
    ap.add_argument("--file", choices=sorted(FILES), default="news")
    ap.add_argument("--half", choices=("even", "odd", "both"), default="even")
    ap.add_argument("--sample", type=int, help="keep N rows of each half")
    ap.add_argument("--errors", type=int, default=0, help="print K misses and K wrong classes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    path = args.dev / "tone" / FILES[args.file]
    if not path.is_file():
        raise SystemExit(f"{path} not found")
    halves = ("even", "odd") if args.half == "both" else (args.half,)
    result: dict[str, Any] = {}
    for half in halves:
        rows = read_half(path, half, args.sample)
        preds = predict([t for _k, t, _l in rows])
        result[half] = score(rows, preds)
        if args.errors and half == "even":
            _errors(rows, preds, args.errors)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for half, figs in result.items():
            label = "developed on" if half == "even" else "held out"
            print(f"== {args.file} {half} rows ({label})")
            for k, v in figs.items():
                print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
    return 0


def _errors(rows: list[tuple[int, str, str]], preds: list[list[dict[str, Any]]], k: int) -> None:
    """Misses and wrong classes of the even (developed-on) half."""
    misses = [(r, p) for r, p in zip(rows, preds) if r[2] in QUAD and not p]
    wrong = [
        (r, p)
        for r, p in zip(rows, preds)
        if r[2] in QUAD and p and (s := strongest(p)) is not None and s["type"] != r[2]
    ]
    print(f"-- {len(misses)} misses")
    for r, _p in misses[:k]:
        print(f"[{r[0]}] {r[2]}: {r[1]}")
    print(f"-- {len(wrong)} wrong classes")
    for r, p in wrong[:k]:
        s = strongest(p)
        assert s is not None
        print(
            f"[{r[0]}] {r[2]} -> {s['type']} ({s['cameo']} {s['trigger']!r} "
            f"{s['source']} -> {s['target']} {s['parties']}): {r[1]}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
