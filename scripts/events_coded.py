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

No model is trained here; the odd rows are for a final held-out figure only.
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FILES = {"news": "news_cameo_train.tsv", "un": "un_quadclass.tsv"}
QUAD = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def read_half(path: Path, half: str, sample: int | None = None) -> list[tuple[int, str, str]]:
    """Data rows ``(row, text, label)`` of one parity half (row 1 is the first data row)."""
    lines = path.read_text("utf-8").splitlines()[1:]
    rows = []
    for k, line in enumerate(lines, 1):
        if not line.strip() or "\t" not in line:
            continue
        if (half == "even") != (k % 2 == 0):
            continue
        text, label = line.rsplit("\t", 1)
        rows.append((k, text, label.strip()))
    if sample and len(rows) > sample:
        step = len(rows) / sample
        rows = [rows[int(i * step)] for i in range(sample)]
    return rows


def strongest(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event of largest ``|goldstein|`` (the first of equals)."""
    if not events:
        return None
    return max(events, key=lambda e: abs(float(e["goldstein"])))


def score(rows: list[tuple[int, str, str]], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """The figures of one half (see the module docstring)."""
    quad = [(r, p) for r, p in zip(rows, preds) if r[2] in QUAD]
    stmt = [p for r, p in zip(rows, preds) if r[2] == "statement"]
    irr = [p for r, p in zip(rows, preds) if r[2] == "irrelevant"]
    n = len(quad)
    found = [(r, p) for r, p in quad if p]
    right = sum(1 for r, p in found if (s := strongest(p)) is not None and s["type"] == r[2])
    with_actors = sum(
        1
        for _r, p in found
        if (s := strongest(p)) is not None
        and ((s["source"] and s["target"]) or len(s["parties"]) >= 2)
    )
    majority = Counter(r[2] for r, _p in quad).most_common(1)[0] if quad else ("", 0)
    out: dict[str, Any] = {
        "n_quad": n,
        "found": len(found) / n if n else float("nan"),
        "class": right / n if n else float("nan"),
        "class_found": right / len(found) if found else float("nan"),
        "actors": with_actors / len(found) if found else float("nan"),
        "baseline_class": majority[1] / n if n else float("nan"),
        "baseline_label": majority[0],
    }
    for lab in QUAD:
        sub = [(r, p) for r, p in quad if r[2] == lab]
        if sub:
            out[f"found:{lab}"] = sum(1 for _r, p in sub if p) / len(sub)
    if stmt:
        out["n_statement"] = len(stmt)
        out["statement_found"] = sum(1 for p in stmt if p) / len(stmt)
        out["statement_coded"] = sum(
            1 for p in stmt if any(str(e["cameo"])[:2] in {"01", "02"} for e in p)
        ) / len(stmt)
    if irr:
        out["n_irrelevant"] = len(irr)
        out["irrelevant_found"] = sum(1 for p in irr if p) / len(irr)
    return out


def predict(texts: list[str]) -> list[list[dict[str, Any]]]:
    """relnlp's events per text (the shipped pipeline)."""
    import relnlp

    nlp = relnlp.load()
    out = []
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W201\]")  # coded sentences are undated
        for report in nlp.pipe(texts, batch_size=64):
            out.append(report.events.to_dict("records"))
    return out


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
