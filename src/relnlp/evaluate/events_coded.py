"""Evaluation set ``events-news``: events on coded event sentences.

The data are ``tone/news_cameo_train.tsv`` of the development folder (1,349 news
sentences, CAMEO classes: ``statement`` for CAMEO 01-02, then the four quad classes; see its
README). The file is split by line parity (data row 1, 3, 5 ... ``odd``; 2, 4, 6 ...
``even``): the event extractor was developed on the even rows (its errors there read); the
odd rows are held out. No model is trained on either. ``tone/un_quadclass.tsv`` can be
scored the same way with ``scripts/events_coded.py --file un`` (its sentences are mostly
not event reports: a weak signal for events).

Metrics, per half, over the sentences coded with a quad class (``n``):

* ``found``: share with at least one relnlp event;
* ``class``: share whose strongest event (largest ``|goldstein|``) has the sentence's quad
  class (a sentence without an event counts wrong); ``class_found``: the same over the
  sentences with an event;
* ``actors``: share of the sentences with an event whose strongest event has a source and
  a target, or two parties (the file has no actor gold: a coverage figure only);
* on ``statement`` sentences, ``statement_found`` (any event) and ``statement_coded`` (an
  event of CAMEO root 01 or 02).

The ``majority`` baseline gives every sentence the half's most frequent quad class
(``class`` only). The quad classes are the standard ones (CAMEO 14-20 material conflict);
the file's coders put CAMEO 16 acts (suspending aid, expelling, imposing sanctions,
cancelling a visit) under verbal conflict, which caps ``class`` here.
"""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from relnlp.evaluate.sets import COLUMNS, SetUnavailable

__all__ = ["FILES", "QUAD", "predict", "read_half", "run_news", "score", "strongest"]

FILES = {"news": "news_cameo_train.tsv", "un": "un_quadclass.tsv"}
QUAD = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
#: Split names of the two halves in the set's rows.
SPLITS = {"even": "even rows, developed on", "odd": "odd rows, held out"}


def read_half(path: Path, half: str, sample: int | None = None) -> list[tuple[int, str, str]]:
    """Data rows ``(row, text, label)`` of one parity half (row 1 is the first data row).

    Parameters
    ----------
    path : Path
        A ``text<TAB>label`` file with a header line.
    half : {"even", "odd"}
    sample : int, optional
        Keep this many rows, evenly spaced through the half.

    Returns
    -------
    list of (int, str, str)
    """
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
    """The event of largest ``|goldstein|`` (the first of equals), or None."""
    if not events:
        return None
    return max(events, key=lambda e: abs(float(e["goldstein"])))


def score(rows: list[tuple[int, str, str]], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """The figures of one half (see the module docstring); ``preds`` are the ``events``
    table rows of each sentence."""
    quad = [(r, p) for r, p in zip(rows, preds, strict=True) if r[2] in QUAD]
    stmt = [p for r, p in zip(rows, preds, strict=True) if r[2] == "statement"]
    irr = [p for r, p in zip(rows, preds, strict=True) if r[2] == "irrelevant"]
    n = len(quad)
    found = [(r, p) for r, p in quad if p]
    right = sum(1 for r, p in found if (s := strongest(p)) is not None and s["type"] == r[2])
    with_actors = sum(
        1
        for _r, p in found
        if (s := strongest(p)) is not None
        and ((s["source"] and s["target"]) or len(s["parties"]) >= 2)
    )
    nan = float("nan")
    majority = Counter(r[2] for r, _p in quad).most_common(1)[0] if quad else ("", 0)
    out: dict[str, Any] = {
        "n_quad": n,
        "found": len(found) / n if n else nan,
        "class": right / n if n else nan,
        "class_found": right / len(found) if found else nan,
        "actors": with_actors / len(found) if found else nan,
        "baseline_class": majority[1] / n if n else nan,
        "baseline_label": majority[0],
    }
    for lab in QUAD:
        sub = [p for r, p in quad if r[2] == lab]
        if sub:
            out[f"found:{lab}"] = sum(1 for p in sub if p) / len(sub)
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
    """The ``events`` table rows relnlp gives each text (the shipped pipeline)."""
    import relnlp

    nlp = relnlp.load()
    out = []
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W201\]")  # coded sentences are undated
        for report in nlp.pipe(texts, batch_size=64):
            out.append(report.events.to_dict("records"))
    return out


def _row(
    split: str, system: str, metric: str, value: float, n: int, note: str = ""
) -> dict[str, Any]:
    return {
        "set": "events-news",
        "split": split,
        "system": system,
        "task": "events",
        "metric": metric,
        "value": value,
        "n": n,
        "note": note,
    }


def run_news(data: Path, *, baselines: bool = False) -> pd.DataFrame:
    """The ``events-news`` set (see the module docstring).

    Raises
    ------
    relnlp.evaluate.sets.SetUnavailable
        When the file is missing.
    """
    path = Path(data) / "tone" / FILES["news"]
    if not path.is_file():
        raise SetUnavailable(f"{path} not found (the events-news set needs it)")
    out: list[dict[str, Any]] = []
    for half, split in SPLITS.items():
        rows = read_half(path, half)
        figs = score(rows, predict([t for _k, t, _l in rows]))
        n = int(figs["n_quad"])
        for metric in ("found", "class", "class_found", "actors"):
            out.append(_row(split, "relnlp", metric, float(figs[metric]), n))
        if baselines:
            note = f"every sentence {figs['baseline_label']}"
            out.append(_row(split, "majority", "class", float(figs["baseline_class"]), n, note))
    return pd.DataFrame(out, columns=list(COLUMNS))
